import { z } from 'zod';

const tokenEntry = z
  .string()
  .regex(
    /^(viewer|planner|admin):([A-Za-z0-9_.-]{1,64}:)?[A-Za-z0-9._~+/=-]{16,}$/,
    'each entry must be role:token or role:name:token, role viewer|planner|admin, token of 16+ characters',
  );

/** Configuration from the environment, validated at start-up: a bad value stops the process with the field named. */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  STORE_URL: z
    .string()
    .regex(/^(memory:?|sqlite:.+|esdb(\+discover)?:\/\/.+)$/, 'must be memory:, sqlite:<path> or esdb://…')
    .default('sqlite:./var/staffcast.db'),
  API_TOKENS: z
    .string()
    .default('')
    .transform((raw) => raw.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(tokenEntry)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(512 * 1024 * 1024).default(10 * 1024 * 1024),
  /** Largest CSV import; imports stream, so this bounds disk, not memory. */
  IMPORT_MAX_BYTES: z.coerce.number().int().min(1024).max(64 * 2 ** 30).default(2 * 2 ** 30),
  MAX_QUERY_RANGE_DAYS: z.coerce.number().int().min(1).max(3660).default(400),
  /** Worker threads that fit queue forecasts; 0 fits them on the main thread; default os.availableParallelism(). */
  FORECAST_WORKERS: z.coerce.number().int().min(0).max(64).optional(),
});

export type AppConfig = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const details = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid configuration: ${details}`);
  }
  return result.data;
}
