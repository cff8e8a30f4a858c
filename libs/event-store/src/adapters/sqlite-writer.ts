import { Worker } from 'node:worker_threads';
import { REPORT_FAILURE, sqliteDriverPath, stopWorker, workerFailure, type WorkerFailure } from './sqlite-worker.js';

/**
 * Runs appends on a worker thread with its own connection to the database file, so the caller's
 * thread can prepare its next batch (a CSV import parses and decides the next thousand tickets)
 * while SQLite inserts this one: at ~7 µs per event, the inserts were about half of the import's
 * time on the caller's thread (BENCHMARKS.md, "Import").
 *
 * The worker runs only the plain case: in one IMMEDIATE transaction it checks each write's
 * expected revision and inserts the rows. Anything else (an expectation that does not hold, an
 * event id already stored) rolls back and is answered `fallback`: the store then runs that append
 * on its own connection, whose path knows retried events, reused ids and conflicts. Requests run
 * one after the other in the order they were posted; after a fallback the worker answers every
 * request `fallback` until the store says `resume`, so the log keeps the order of the requests.
 */
export interface OffThreadAppend {
  /** One entry per write: its stream, its expected revision as an {@link ExpectedCode}, its event count. */
  streams: string[];
  expected: number[];
  counts: number[];
  /**
   * Per event, in call order: its id and which entry of `kinds` holds the rest. Events share their
   * type and metadata with many others: sent once each, they cost the hand-over between threads (a
   * structured clone, string by string) far less.
   */
  ids: string[];
  kindOf: Uint32Array;
  /**
   * The events' data, in call order, as one JSON array text: one JSON.stringify of the request's
   * data and one string to hand over cost the caller's thread about half of a JSON.stringify and a
   * string per event (BENCHMARKS.md). The worker cuts it into the events' texts (jsonArrayElements).
   * Null when the store's own connection must append the request (see appendOffThread).
   */
  data: string | null;
  kinds: EventKind[];
  /** What every event's row shares but type and schema version, when they all do: bound once per statement. */
  sharedMetadata: SharedMetadata | null;
  /** The WAL pages after which this connection checkpoints by itself; 0 while the checkpoint worker runs. */
  autocheckpoint: number;
  /** Start the WAL over after this request, as the checkpoint worker asked (see Checkpointer.takeRestartRequest). */
  restartWal: boolean;
}

/** The columns of a row that the events of one request share as a rule, named as in the shared-metadata INSERTs. */
export interface SharedMetadata {
  recordedAt: string;
  actor: string;
  correlationId: string;
  causationId: string | null;
}

/** What events share: type, recorded-at, actor, correlation id, causation id, schema version. */
export type EventKind = [type: string, recordedAt: string, actor: string, correlationId: string, causationId: string | null, schemaVersion: number];

/** `n ≥ 0`: exactly revision n; then no stream, any, and exists. */
export const EXPECTED_NO_STREAM = -1;
export const EXPECTED_ANY = -2;
export const EXPECTED_EXISTS = -3;
/** A revision no stream has (negative, or past any count): never holds, so the store's connection raises the conflict. */
export const EXPECTED_NEVER = -4;

/**
 * Committed: the last row's position and each write's stream revision after it (its last event's;
 * for a write without events, the stream's current one, -1 for none); or not written.
 */
export type OffThreadOutcome = { last: number; revisions: number[] } | 'fallback';

export interface SqliteWriter {
  /** Rejects when the writer failed before committing the request (nothing of it written). */
  append(request: OffThreadAppend): Promise<OffThreadOutcome>;
  /**
   * The store has appended a request that came back `fallback` (or failed) on its own connection:
   * the worker may write again once every request posted before has come back.
   */
  resume(): void;
  /** Waits for the requests posted so far, then stops the worker. */
  stop(): Promise<void>;
}

export interface WriterStatements {
  /** `SELECT revision … WHERE stream = ? ORDER BY revision DESC LIMIT 1`. */
  currentRevision: string;
  /**
   * Multi-row INSERTs by row count, largest first, the last of one row; each row's columns are
   * event id, stream, revision, type, data, recorded-at, actor, correlation id, causation id,
   * schema version.
   */
  inserts: [rows: number, sql: string][];
  /**
   * The same INSERTs for events that share their metadata but type and schema version (the events
   * of one request, as a rule): per row event id, stream, revision, type, data and schema version,
   * and recorded-at, actor, correlation id and causation id bound once per statement as
   * `@recordedAt`, `@actor`, `@correlationId`, `@causationId`. Four fewer strings per row to hand
   * to SQLite cut the binding of a row by ~0.8 µs (BENCHMARKS.md).
   */
  sharedMetadataInserts: [rows: number, sql: string][];
  /** Positional values per row of `inserts` (10) and of `sharedMetadataInserts` (6). */
  rowWidth: number;
  sharedMetadataRowWidth: number;
  busyTimeoutMs: number;
  cacheSizeKiB: number;
  journalSizeLimitBytes: number;
}

/**
 * The texts of the `count` elements of `text`, a JSON array as JSON.stringify writes it (no white
 * space), each as JSON.stringify writes that element alone; undefined when an element is `null`,
 * which JSON.stringify also writes for a value that has no JSON (undefined, a function, a symbol).
 * Throws when `text` is not such an array of `count` elements. O(length): one pass, skipping
 * over the insides of strings with indexOf.
 * Example: `jsonArrayElements('[{"a":[1,2]},"x,y"]', 2)` is `['{"a":[1,2]}', '"x,y"']`.
 *
 * Kept as source, which the writer thread runs as part of its own: a function's toString() would
 * carry whatever a test runner's coverage or a minifier made of it.
 */
const JSON_ARRAY_ELEMENTS_SOURCE = String.raw`
function jsonArrayElements(text, count) {
  const elements = new Array(count);
  let n = 0;
  let depth = 0;
  let start = 1;
  let hasNull = false;
  const notAnArray = () => new Error('jsonArrayElements: not a JSON array of ' + count + ' elements');
  const end = (at) => {
    const element = text.slice(start, at);
    if (n === count || element === '') throw notAnArray();
    if (element === 'null') hasNull = true;
    elements[n++] = element;
    start = at + 1;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      // The closing quote: the next one not escaped by an odd run of backslashes.
      let close = text.indexOf('"', i + 1);
      for (;;) {
        if (close < 0) throw new Error('jsonArrayElements: a string is not closed');
        let backslashes = 0;
        while (text.charCodeAt(close - 1 - backslashes) === 92 /* \ */) backslashes++;
        if (backslashes % 2 === 0) break;
        close = text.indexOf('"', close + 1);
      }
      i = close;
    } else if (c === 123 /* { */ || c === 91 /* [ */) depth++;
    else if (c === 125 /* } */ || c === 93 /* ] */) {
      if (--depth > 0) continue;
      // The array's own closing bracket ends its last element (an empty array has none).
      if (depth < 0 || c !== 93 || i !== text.length - 1) throw notAnArray();
      if (i > 1) end(i);
      break;
    } else if (c === 44 /* , */ && depth === 1) end(i);
  }
  if (n !== count || depth !== 0 || text.charCodeAt(0) !== 91) throw notAnArray();
  return hasNull ? undefined : elements;
}
`;

/** {@link JSON_ARRAY_ELEMENTS_SOURCE} on this thread, for its tests. */
export const jsonArrayElements = new Function(`${JSON_ARRAY_ELEMENTS_SOURCE}; return jsonArrayElements;`)() as (text: string, count: number) => string[] | undefined;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
${REPORT_FAILURE}
let db;
let currentRevision;
let inserts;
let sharedMetadataInserts;
let autocheckpoint;
try {
  const Database = require(workerData.driver);
  db = new Database(workerData.file, { fileMustExist: true });
  // The store's connection settings (synchronous is per connection).
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = ' + workerData.busyTimeoutMs);
  db.pragma('cache_size = -' + workerData.cacheSizeKiB);
  db.pragma('temp_store = MEMORY');
  // The connection that starts the WAL over is the one that cuts the file back.
  db.pragma('journal_size_limit = ' + workerData.journalSizeLimitBytes);
  currentRevision = db.prepare(workerData.currentRevision).pluck();
  inserts = workerData.inserts.map(([rows, sql]) => ({ rows, statement: db.prepare(sql), params: new Array(rows * workerData.rowWidth) }));
  sharedMetadataInserts = workerData.sharedMetadataInserts.map(([rows, sql]) => ({ rows, statement: db.prepare(sql), params: new Array(rows * workerData.sharedMetadataRowWidth) }));
} catch (error) {
  // Without a connection there is nothing to do: say why, and end.
  parentPort.postMessage({ message: String(error && error.message), code: error && error.code, fatal: true });
  parentPort.close();
}
const holds = (expected, current) => {
  if (expected >= 0) return current === expected;
  if (expected === -1) return current === -1;
  if (expected === -2) return true;
  if (expected === -3) return current >= 0;
  return false;
};
const isBusy = (error) => error && (error.code === 'SQLITE_BUSY' || error.code === 'SQLITE_LOCKED');
// As the store's own connection does: wait at most 50 ms for readers of older snapshots, never fail for them.
function restartWal() {
  db.pragma('busy_timeout = 50');
  try {
    db.pragma('wal_checkpoint(RESTART)');
  } catch (error) {
    if (!isBusy(error)) throw error;
  } finally {
    db.pragma('busy_timeout = ' + workerData.busyTimeoutMs);
  }
}
${JSON_ARRAY_ELEMENTS_SOURCE}
const isConflict = (error) => error && (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY');
function append({ streams, expected, counts, ids, data, kindOf, kinds, sharedMetadata }) {
  const revisions = new Array(streams.length);
  const latest = new Map();
  for (let w = 0; w < streams.length; w++) {
    let current = latest.get(streams[w]);
    // A stream expected not to exist is not looked up when events go to it: if it does exist, its
    // revision 0 is taken, the insert fails on UNIQUE (stream, revision) and the append falls back.
    if (current === undefined) current = expected[w] === -1 && counts[w] > 0 ? -1 : (currentRevision.get(streams[w]) ?? -1);
    if (!holds(expected[w], current)) return 'fallback';
    latest.set(streams[w], current + counts[w]);
    revisions[w] = current + counts[w];
  }
  const total = ids.length;
  // No text: the data are too large for one string, or one has a toJSON (which would be asked
  // for an element of an array, not for a value alone). An element null may be data that has no
  // JSON (undefined, a function). The store's own connection appends these.
  const texts = data === null ? undefined : jsonArrayElements(data, total);
  if (texts === undefined) return 'fallback';
  let last = 0;
  // The row's write, and its revision: counted on from the write's first.
  let w = 0;
  let left = counts[0];
  let revision = revisions[0] - counts[0];
  const shared = sharedMetadata !== null;
  const statements = shared ? sharedMetadataInserts : inserts;
  const width = shared ? workerData.sharedMetadataRowWidth : workerData.rowWidth;
  for (let at = 0; at < total; ) {
    const insert = statements.find((insert) => insert.rows <= total - at);
    const params = insert.params;
    for (let r = 0, p = 0; r < insert.rows; r++, p += width) {
      while (left === 0) {
        w++;
        left = counts[w];
        revision = revisions[w] - counts[w];
      }
      left--;
      const kind = kinds[kindOf[at + r]];
      params[p] = ids[at + r];
      params[p + 1] = streams[w];
      params[p + 2] = ++revision;
      params[p + 3] = kind[0];
      params[p + 4] = texts[at + r];
      if (shared) {
        params[p + 5] = kind[5];
        continue;
      }
      params[p + 5] = kind[1];
      params[p + 6] = kind[2];
      params[p + 7] = kind[3];
      params[p + 8] = kind[4];
      params[p + 9] = kind[5];
    }
    // Spread, as the store's own chunks are: binding arguments is cheaper than reading an array.
    last = Number((shared ? insert.statement.run(...params, sharedMetadata) : insert.statement.run(...params)).lastInsertRowid);
    at += insert.rows;
  }
  return { last, revisions };
}
// After an append it did not write, the worker writes nothing until the store has appended that
// one on its own connection and says 'resume': the requests posted behind it come back 'fallback'
// too, and the store appends them after it, in call order.
let holding = false;
parentPort.on('message', (request) => {
  if (request === 'stop') {
    if (db && db.open) db.close();
    parentPort.close();
    return;
  }
  if (request === 'resume') {
    holding = false;
    return;
  }
  if (holding) return parentPort.postMessage('fallback');
  let outcome;
  try {
    if (request.autocheckpoint !== autocheckpoint) db.pragma('wal_autocheckpoint = ' + (autocheckpoint = request.autocheckpoint));
    db.exec('BEGIN IMMEDIATE');
    try {
      outcome = append(request);
    } catch (error) {
      if (!isConflict(error)) throw error;
      outcome = 'fallback';
    }
    db.exec(outcome === 'fallback' ? 'ROLLBACK' : 'COMMIT');
  } catch (error) {
    if (db && db.inTransaction) db.exec('ROLLBACK');
    holding = true;
    return report(error);
  }
  if (outcome === 'fallback') holding = true;
  parentPort.postMessage(outcome);
  if (!request.restartWal) return;
  // After the answer: the commit stands whatever happens here. A failure ends the writer.
  try {
    restartWal();
  } catch (error) {
    parentPort.postMessage({ message: String(error && error.message), code: error && error.code, fatal: true });
    db.close();
    parentPort.close();
  }
});
`;

/**
 * Starts the writer for `file`. Every request is answered by an outcome (`fallback` also for every
 * request after one not written, until resume()) or fails with the error SQLite raised (the
 * transaction rolled back). If the worker stops (it cannot open the file, or starting the WAL over
 * failed after a commit, which stands), every waiting request fails and so do later ones; `failed`
 * then tells the store to write on its own connection again.
 */
export function startWriter(file: string, statements: WriterStatements): SqliteWriter & { readonly failed: boolean } {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver: sqliteDriverPath, file, ...statements } });
  worker.unref();
  const waiting: { resolve: (outcome: OffThreadOutcome) => void; reject: (error: unknown) => void }[] = [];
  let failure: Error | undefined;
  let stopping = false;
  const fail = (error: Error) => {
    failure ??= error;
    if (!stopping) worker.unref();
    for (const request of waiting.splice(0)) request.reject(failure);
  };
  worker.on('message', (message: OffThreadOutcome | (WorkerFailure & { fatal?: true })) => {
    if (typeof message === 'object' && 'fatal' in message) return fail(workerFailure(`the writer thread for ${file}`, message));
    const request = waiting.shift();
    // Once stopping, the worker stays referenced until it has ended (stop() awaits that).
    if (waiting.length === 0 && !stopping) worker.unref();
    if (message === 'fallback' || 'last' in message) request?.resolve(message);
    else request?.reject(workerFailure(`appending to ${file}`, message));
  });
  worker.on('error', fail);
  worker.on('exit', (code) => {
    if (!stopping) fail(new Error(`the writer thread stopped (exit code ${code})`));
  });
  return {
    get failed() {
      return failure !== undefined;
    },
    append(request: OffThreadAppend): Promise<OffThreadOutcome> {
      if (failure) return Promise.reject(failure);
      // Held while a request waits: its caller expects an answer before the process exits.
      worker.ref();
      worker.postMessage(request);
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    resume(): void {
      if (waiting.length === 0 && !failure && !stopping) worker.postMessage('resume');
    },
    async stop(): Promise<void> {
      if (stopping) return;
      stopping = true;
      if (failure) return;
      // Requests posted earlier are answered first: the worker handles its messages in order.
      await stopWorker(worker);
    },
  };
}
