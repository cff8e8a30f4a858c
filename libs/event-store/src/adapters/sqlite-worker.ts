import { createRequire } from 'node:module';
import type { Worker } from 'node:worker_threads';

/**
 * What the embedded store's worker threads share. They run inline CommonJS sources (no file of
 * their own to find, compile or load under a test runner) and open their own better-sqlite3
 * connection, so they are told where the driver is.
 */
export const sqliteDriverPath = createRequire(import.meta.url).resolve('better-sqlite3');

/**
 * What a worker posts when SQLite fails there: a thrown SqliteError would reach this thread as a
 * bare object, so the worker sends its message and code, made an Error again here.
 */
export interface WorkerFailure {
  message: string;
  code?: string;
}

/** The workers' `report(error)`: posts a WorkerFailure (inline worker source). */
export const REPORT_FAILURE = `const report = (error) => parentPort.postMessage({ message: String(error && error.message), code: error && error.code });`;

export function workerFailure(doing: string, failure: WorkerFailure): Error {
  return Object.assign(new Error(`${doing}: ${failure.message}`), { code: failure.code });
}

/**
 * Asks a worker to stop (its source closes its connection on the message `stop`, after the
 * messages posted before) and waits until it has ended, holding the process alive meanwhile: an
 * unreferenced worker's exit would not keep it waiting.
 */
export async function stopWorker(worker: Worker): Promise<void> {
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.ref();
  worker.postMessage('stop');
  await exited;
}
