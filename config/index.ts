export { configSchema, loadConfig, ConfigError, type AppConfig } from './config.schema.js';
