import { describe } from '../../planner-api/src/http/error.filter.js';

/**
 * What the CLI's exit status means (documented in the README and `--help`):
 * 0 done; 1 the work failed (store, evaluation, rejected rows); 2 usage: an unknown command or
 * option, or a value the command refuses; 3 the named entity does not exist; 4 a conflict with
 * what is recorded (nothing was written).
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, notFound: 3, conflict: 4 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Where a command writes: results to `out` (stdout), messages and progress to `err` (stderr). */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Progress bars draw on this stream when it is a terminal. */
  progressStream?: NodeJS.WriteStream;
}

/** A command line the command cannot run: the message says what to type instead. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The exit code for an HTTP-style status of the API's error filter. */
function exitFor(status: number): ExitCode {
  if (status === 404) return EXIT.notFound;
  if (status === 409) return EXIT.conflict;
  if (status >= 400 && status < 500 && status !== 422) return EXIT.usage;
  return EXIT.failed;
}

/**
 * An error as one line for the user and its exit code: the same mapping (and words) as the API's
 * error filter, so `issues` name the field and the reason. An unexpected error keeps its message.
 */
export function describeFailure(command: string, error: unknown): { code: ExitCode; message: string } {
  if (error instanceof UsageError) return { code: EXIT.usage, message: `${command}: ${error.message}\n` };
  const [status, body] = describe(error);
  if (status >= 500) return { code: EXIT.failed, message: `${command}: ${error instanceof Error ? error.message : String(error)}\n` };
  const detail = body.issues?.map((i) => `${i.path}: ${i.message}`).join('; ') ?? body.error;
  return { code: exitFor(status), message: `${command}: ${detail}\n` };
}
