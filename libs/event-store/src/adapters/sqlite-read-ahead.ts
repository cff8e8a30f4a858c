import { Worker } from 'node:worker_threads';
import { REPORT_FAILURE, sqliteDriverPath, workerFailure, type WorkerFailure } from './sqlite-worker.js';

/**
 * Reads a range of the log ahead on a worker thread, with its own read-only connection to the same
 * database file, while the caller works on the pages it already has. A page is one text value built
 * by SQLite (a JSON array of the page's rows), so handing it over between threads is a copy of one
 * string, not a structured clone of thousands of rows; the caller parses it.
 *
 * Pages are ranges of `span` positions, (after, after + span], up to `bound`: a page query without
 * LIMIT needs no subquery, which made SQLite's part ~20 % cheaper per row than pages of `span`
 * rows. The query takes its positional `params`, then the named `@after` and `@to`, and returns one
 * row whose first column is the page text (NULL when the range holds no row).
 */
export interface ReadAheadQuery {
  file: string;
  sql: string;
  params?: readonly (string | number)[];
  after: number;
  bound: number;
  span: number;
  /** Pages read ahead of the one being handed out (1 or more). */
  ahead: number;
}

/** The worker: one read-only connection, one statement, a page per credit the reader grants. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
${REPORT_FAILURE}
let db;
let statement;
try {
  const Database = require(workerData.driver);
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  statement = db.prepare(workerData.sql).raw();
} catch (error) {
  report(error);
}
let after = workerData.after;
let done = statement === undefined;
// The text of the rows in (from, to], as one page or, when that is more than SQLite or V8 can hold
// in one string (very large events), as the pages of its halves.
const pagesOf = (from, to) => {
  try {
    return [statement.get(...workerData.params, { after: from, to })[0]];
  } catch (error) {
    if (to - from < 2) throw error;
    const middle = from + Math.floor((to - from) / 2);
    return [...pagesOf(from, middle), ...pagesOf(middle, to)];
  }
};
parentPort.on('message', (credit) => {
  try {
    for (let i = 0; i < credit && !done; i++) {
      const to = Math.min(after + workerData.span, workerData.bound);
      const pages = pagesOf(after, to);
      done = to >= workerData.bound;
      pages.forEach((page, k) => parentPort.postMessage([page, done && k === pages.length - 1]));
      after = to;
    }
  } catch (error) {
    done = true;
    report(error);
  }
  if (done && db && db.open) db.close();
});
`;

/** A page's text (null when empty) and whether it is the last, as the worker posts them. */
type Page = [text: string | null, last: boolean];
/** The page texts of `query` in order (null for a range without rows), read ahead on a worker. */
export function readAhead(query: ReadAheadQuery, onFinished?: () => void): AsyncIterableIterator<string | null> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { driver: sqliteDriverPath, file: query.file, sql: query.sql, params: query.params ?? [], after: query.after, bound: query.bound, span: query.span },
  });
  // Referenced only while a reader waits for a page: a reader that drops the iteration without
  // return() leaves an idle worker that does not keep the process alive.
  worker.unref();
  const arrived: Page[] = [];
  // Readers waiting for a page, in the order they asked (an iterator may be asked again before it answers).
  const waiting: { resolve: (page: Page) => void; reject: (error: unknown) => void }[] = [];
  let failure: unknown;
  let finished = false;
  worker.on('message', (page: Page | WorkerFailure) => {
    // Pages posted before the reader finished arrive while terminate() holds the worker referenced
    // until it has stopped: unreferencing it here would let the process exit under that await.
    if (finished) return;
    if (!Array.isArray(page)) return fail(workerFailure(`reading ahead from ${query.file}`, page));
    const reader = waiting.shift();
    if (reader) reader.resolve(page);
    else arrived.push(page);
    // No page comes after the last: whoever else waits gets an empty last page.
    if (page[1]) for (const other of waiting.splice(0)) other.resolve([null, true]);
    if (waiting.length === 0) worker.unref();
  });
  const fail = (error: unknown) => {
    failure ??= error;
    if (!finished) worker.unref();
    for (const reader of waiting.splice(0)) reader.reject(failure);
  };
  worker.on('error', fail);
  worker.on('exit', (code) => {
    if (!finished) fail(new Error(`the read-ahead worker stopped (exit code ${code}) before the last page`));
  });
  worker.postMessage(Math.max(1, query.ahead) + 1);

  const finish = async (): Promise<IteratorResult<string | null>> => {
    if (!finished) {
      finished = true;
      onFinished?.();
      await worker.terminate();
    }
    return { value: undefined, done: true };
  };
  const nextPage = (): Promise<Page> => {
    const page = arrived.shift();
    if (page !== undefined) return Promise.resolve(page);
    if (failure !== undefined) return Promise.reject(failure);
    worker.ref();
    return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  };
  let pagesLeft = true;
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next(): Promise<IteratorResult<string | null>> {
      if (finished || !pagesLeft) return finish();
      let page: Page;
      try {
        page = await nextPage();
      } catch (error) {
        await finish();
        throw error;
      }
      // Keep the worker one page ahead of what is handed out plus `ahead`.
      worker.postMessage(1);
      if (page[1]) pagesLeft = false;
      return { value: page[0], done: false };
    },
    return: finish,
  };
}

