import { ConfigError, loadConfig } from './index.js';

describe('loadConfig', () => {
  it('applies defaults', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.STORE_URL).toBe('sqlite:./var/staffcast.db');
    expect(config.API_TOKENS).toEqual([]);
  });

  it('parses tokens and ports', () => {
    const config = loadConfig({ PORT: '8080', API_TOKENS: 'planner:abcdefgh12345678, viewer:alice:zyxwvuts98765432' });
    expect(config.PORT).toBe(8080);
    expect(config.API_TOKENS).toEqual(['planner:abcdefgh12345678', 'viewer:alice:zyxwvuts98765432']);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ STORE_URL: 'postgres://x' }, 'STORE_URL'],
    [{ API_TOKENS: 'root:abcdefgh12345678' }, 'API_TOKENS'],
    [{ API_TOKENS: 'viewer:short' }, 'API_TOKENS'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('rejects %p naming %s', (env, field) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(field));
  });
});
