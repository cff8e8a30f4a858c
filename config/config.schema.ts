import { z } from 'zod';

/** A plain token, or `sha256:<64 hex>` (the SHA-256 of the token) so that config holds no secret. */
const PLAIN_TOKEN = /^(viewer|planner|admin):([A-Za-z0-9_.-]{1,64}:)?[A-Za-z0-9._~+/=-]{16,}$/;
const HASHED_TOKEN = /^(viewer|planner|admin):([A-Za-z0-9_.-]{1,64}:)?sha256:[0-9a-fA-F]{64}$/;

const tokenEntry = z
  .string()
  .refine(
    (entry) => HASHED_TOKEN.test(entry) || (PLAIN_TOKEN.test(entry) && !/^[a-z]+:sha256:/.test(entry)),
    'each entry must be role:token, role:name:token, role:sha256:<hex> or role:name:sha256:<hex>, role viewer|planner|admin, token of 16+ characters, hex of 64 digits',
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
  /** Requests each token (or, without one, each client address) may make per minute before a 429. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000_000).default(20_000),
  /** Longest page of `GET /v1/audit`. */
  AUDIT_PAGE_MAX: z.coerce.number().int().min(1).max(100_000).default(1000),
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
