import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { forecastSeries, type SeriesForecast, type SeriesForecastInput } from '@staffcast/forecasting';

/** How queue volume forecasts are computed: on worker threads or on the calling thread. */
export interface SeriesForecaster {
  /** `forecastSeries(input)`; rejects with the error it threw. */
  series(input: SeriesForecastInput): Promise<SeriesForecast>;
  close(): Promise<void>;
}

/** The forecasting library a worker imports, and the ESM loader it needs first when that is TypeScript source. */
export interface ForecastLibrary {
  entry: string;
  loader?: string;
  /** Path of the MSTL WebAssembly module, instantiated in each worker. */
  wasm: string;
}

/** The calling thread's own `forecastSeries`, as a SeriesForecaster (FORECAST_WORKERS=0). */
export const inProcessForecaster: SeriesForecaster = {
  series: (input) => Promise.resolve().then(() => forecastSeries(input)),
  close: () => Promise.resolve(),
};

/**
 * Where the forecasting library is: the compiled `dist/libs/forecasting` beside the compiled app
 * (production), or its TypeScript sources with the repository's transpiling loader (jest, which
 * runs this file from source and cannot hand its module registry to a thread).
 */
export function forecastLibrary(): ForecastLibrary {
  const wasm = createRequire(import.meta.url)
    .resolve('@bsull/augurs/mstl')
    .replace(/mstl\.js$/, 'mstl_bg.wasm');
  const compiled = new URL('../../../../libs/forecasting/src/index.js', import.meta.url);
  if (existsSync(fileURLToPath(compiled))) return { entry: compiled.href, wasm };
  return {
    entry: new URL('../../../../libs/forecasting/src/index.ts', import.meta.url).href,
    loader: new URL('../../../../tests/support/ts-loader.mjs', import.meta.url).href,
    wasm,
  };
}

/** Inline CommonJS worker (no file to find or compile): imports the library, then answers one input at a time. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ready = (async () => {
  if (workerData.loader) require('node:module').register(workerData.loader);
  const lib = await import(workerData.entry);
  lib.initMstl(workerData.wasmBytes);
  return lib;
})();
parentPort.on('message', async (input) => {
  try {
    const lib = await ready;
    parentPort.postMessage({ value: lib.forecastSeries(input) });
  } catch (error) {
    const e = error || {};
    parentPort.postMessage({ error: { name: String(e.name || 'Error'), message: String(e.message || error), field: e.field, reason: e.reason } });
  }
});
`;

interface Task {
  input: SeriesForecastInput;
  resolve(value: SeriesForecast): void;
  reject(error: unknown): void;
}

interface WorkerFailure {
  name: string;
  message: string;
  field?: unknown;
  reason?: unknown;
}

const ERROR_TYPES: Record<string, ErrorConstructor> = {
  RangeError,
  TypeError,
  Error,
};

/** The worker's error as the same class and message the calling thread would have seen. */
function rebuild(failure: WorkerFailure): Error {
  const error = new (ERROR_TYPES[failure.name] ?? Error)(failure.message);
  if (failure.field !== undefined) Object.assign(error, { field: failure.field, reason: failure.reason });
  return error;
}

/**
 * A fixed set of worker threads, each running the pure `forecastSeries` on one input at a time;
 * inputs queue and go to the first free worker, so queues of unequal cost balance themselves.
 * Workers start on the first input (a process that never forecasts pays nothing), import the
 * library and instantiate MSTL once, and do not keep the process alive while idle. A worker that
 * dies fails its input; the next input starts a replacement.
 */
export class ForecastWorkerPool implements SeriesForecaster {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Task>();
  private readonly waiting: Task[] = [];
  private wasmBytes: Uint8Array | undefined;
  private closed = false;

  constructor(
    readonly size: number,
    private readonly library: ForecastLibrary = forecastLibrary(),
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`size: must be a positive integer, got ${String(size)}`);
  }

  series(input: SeriesForecastInput): Promise<SeriesForecast> {
    if (this.closed) return Promise.reject(new Error('the forecast worker pool is closed'));
    return new Promise((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      this.dispatch();
    });
  }

  /** Ends every worker; inputs still waiting fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.waiting.splice(0)) task.reject(new Error('the forecast worker pool is closed'));
    const workers = [...this.idle.splice(0), ...this.busy.keys()];
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      const worker = this.idle.pop() ?? (this.busy.size < this.size ? this.start() : undefined);
      if (worker === undefined) return;
      const task = this.waiting.shift()!;
      this.busy.set(worker, task);
      worker.ref();
      worker.postMessage(task.input);
    }
  }

  private start(): Worker {
    this.wasmBytes ??= readFileSync(this.library.wasm);
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { entry: this.library.entry, loader: this.library.loader, wasmBytes: this.wasmBytes },
    });
    worker.on('message', (message: { value: SeriesForecast } | { error: WorkerFailure }) => {
      const task = this.busy.get(worker);
      this.busy.delete(worker);
      worker.unref();
      this.idle.push(worker);
      if ('error' in message) task?.reject(rebuild(message.error));
      else task?.resolve(message.value);
      this.dispatch();
    });
    const lost = (error: Error) => {
      const task = this.busy.get(worker);
      this.busy.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      task?.reject(error);
      if (!this.closed) this.dispatch();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`a forecast worker stopped (exit code ${code})`)));
    return worker;
  }
}
