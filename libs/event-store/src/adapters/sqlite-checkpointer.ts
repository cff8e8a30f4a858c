import { Worker } from 'node:worker_threads';
import { REPORT_FAILURE, sqliteDriverPath, stopWorker, workerFailure, type WorkerFailure } from './sqlite-worker.js';

/**
 * Checkpoints a WAL database on a worker thread with its own connection, so the writing thread no
 * longer stops every ~40 MiB of WAL to copy it into the database file and sync it: those
 * checkpoints were ~24 % of the time of batched appends (BENCHMARKS.md, "Event store"). The worker
 * looks every `intervalMs` whether another connection has committed (`PRAGMA data_version`) and,
 * if so, runs a PASSIVE checkpoint, which never blocks writers or readers; when the WAL has grown
 * past `restartPages` pages, it asks the writer to start the WAL over (takeRestartRequest).
 *
 * The writer turns its own automatic checkpoints off while this runs and back on if the worker
 * fails, so the WAL never grows without a checkpointer.
 */
export interface Checkpointer {
  /**
   * Whether the worker has asked, since the last call, for the WAL to be started over: the writer
   * then runs `PRAGMA wal_checkpoint(RESTART)` right after a commit, when it holds no transaction
   * (cheap: the worker has just copied nearly all of the WAL). Reads a flag shared with the worker,
   * so it costs nothing when there is nothing to do.
   */
  takeRestartRequest(): boolean;
  stop(): Promise<void>;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
${REPORT_FAILURE}
let db;
let timer;
try {
  const Database = require(workerData.driver);
  db = new Database(workerData.file, { fileMustExist: true });
  const restartWanted = new Int32Array(workerData.restartWanted);
  let version;
  timer = setInterval(() => {
    try {
      const now = db.pragma('data_version', { simple: true });
      if (now === version) return;
      version = now;
      const [passive] = db.pragma('wal_checkpoint(PASSIVE)');
      // A busy writer commits again before a PASSIVE checkpoint ends, so SQLite never gets to start
      // the WAL over and it grows with the data. Past the limit, the writer is asked to start it
      // over itself between two of its transactions (a RESTART from here would rarely find a gap).
      if (passive && passive.log > workerData.restartPages) Atomics.store(restartWanted, 0, 1);
      parentPort.postMessage('checkpointed');
    } catch (error) {
      clearInterval(timer);
      report(error);
    }
  }, workerData.intervalMs);
} catch (error) {
  report(error);
}
parentPort.on('message', () => {
  clearInterval(timer);
  if (db && db.open) db.close();
  parentPort.close();
});
`;

/**
 * Starts checkpointing `file` on a worker. `onFailure` is called once if the worker cannot go on;
 * `onCheckpoint` after each checkpoint it ran (for tests and metrics).
 */
export function startCheckpointer(file: string, intervalMs: number, onFailure: (error: Error) => void, onCheckpoint?: () => void, restartPages = 10_000): Checkpointer {
  const restartWanted = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver: sqliteDriverPath, file, intervalMs, restartPages, restartWanted: restartWanted.buffer } });
  // The process may exit while the store is open (the store's owner decides that, not this thread).
  worker.unref();
  let stopping = false;
  let failed = false;
  const fail = (error: Error) => {
    if (stopping || failed) return;
    failed = true;
    onFailure(error);
    void worker.terminate();
  };
  worker.on('message', (message: 'checkpointed' | WorkerFailure) => {
    if (message === 'checkpointed') onCheckpoint?.();
    else fail(workerFailure(`checkpointing ${file}`, message));
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the checkpoint worker stopped (exit code ${code})`)));
  return {
    takeRestartRequest: () => Atomics.exchange(restartWanted, 0, 0) === 1,
    async stop(): Promise<void> {
      if (stopping) return;
      stopping = true;
      if (failed) return;
      await stopWorker(worker);
    },
  };
}
