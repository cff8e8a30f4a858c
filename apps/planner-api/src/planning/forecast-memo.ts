import { createHash, type Hash } from 'node:crypto';
import { defaultCandidateNames, forecastAht, type AhtForecast, type AhtForecastInput, type SeriesForecast, type SeriesForecastInput } from '@staffcast/forecasting';
import { inProcessForecaster, type SeriesForecaster } from './forecast-workers.js';

/** Entries kept by default: a volume and an AHT forecast per queue, for a few hundred queues or variants. */
export const DEFAULT_FORECAST_MEMO_ENTRIES = 512;

export interface ForecastMemoStats {
  hits: number;
  misses: number;
  entries: number;
  maxEntries: number;
}

/**
 * A content-addressed memo of queue forecasts. `forecastSeries` and `forecastAht` are pure functions
 * of their input, so a forecast is kept under the SHA-256 of its exact input (every field, every
 * value bit for bit; for a volume forecast also the candidate methods the library would use, which
 * depend on whether MSTL is initialised). A new event that leaves a queue's history window, holidays
 * and launches as they were reuses the forecast; any change to them forecasts again.
 *
 * Bounded LRU (least recently used evicted first). Callers get a copy, so nothing they do to a
 * result reaches the memo. Errors are not kept: a failing input fails again each time.
 *
 * Volume forecasts are computed by a SeriesForecaster (worker threads in the API), each asked with
 * the candidate methods written into its options, so a worker fits exactly what this thread would.
 * Asks for an input already being computed share that computation.
 */
export class ForecastMemo {
  private readonly entries = new Map<string, unknown>();
  private readonly inFlight = new Map<string, Promise<SeriesForecast>>();
  private hits = 0;
  private misses = 0;

  constructor(
    readonly maxEntries: number = DEFAULT_FORECAST_MEMO_ENTRIES,
    private readonly forecaster: SeriesForecaster = inProcessForecaster,
  ) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError(`maxEntries: must be a positive integer, got ${String(maxEntries)}`);
  }

  /** `forecastSeries(input)`, memoised. */
  async series(input: SeriesForecastInput): Promise<SeriesForecast> {
    const methods = input.options?.methods ?? defaultCandidateNames();
    const key = inputKey('forecastSeries', input, methods);
    const kept = this.lookUp<SeriesForecast>(key);
    if (kept !== undefined) return kept;
    let computing = this.inFlight.get(key);
    if (computing === undefined) {
      this.misses++;
      computing = this.forecaster.series({ ...input, options: { ...input.options, methods } });
      this.inFlight.set(key, computing);
      try {
        this.keep(key, await computing);
      } finally {
        this.inFlight.delete(key);
      }
    } else {
      this.hits++;
    }
    return structuredClone(await computing);
  }

  /** `forecastAht(input)`, memoised. */
  aht(input: AhtForecastInput): AhtForecast {
    return this.memoise(inputKey('forecastAht', input), () => forecastAht(input));
  }

  /** Forgets every forecast (the benchmark uses it to time the uncached path). */
  clear(): void {
    this.entries.clear();
  }

  stats(): ForecastMemoStats {
    return { hits: this.hits, misses: this.misses, entries: this.entries.size, maxEntries: this.maxEntries };
  }

  private memoise<T>(key: string, compute: () => T): T {
    const kept = this.lookUp<T>(key);
    if (kept !== undefined) return kept;
    this.misses++;
    const value = compute();
    this.keep(key, value);
    return structuredClone(value);
  }

  /** A copy of the kept value (counted as a hit and made most recently used), or undefined. */
  private lookUp<T>(key: string): T | undefined {
    const kept = this.entries.get(key);
    if (kept === undefined) return undefined;
    this.hits++;
    // Most recently used last, so the first key is the one to evict.
    this.entries.delete(key);
    this.entries.set(key, kept);
    return structuredClone(kept) as T;
  }

  private keep(key: string, value: unknown): void {
    this.entries.set(key, value);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}

/**
 * SHA-256 (hex) of a kind tag and any JSON-like values, canonically: each value tagged with its type,
 * object keys sorted, keys whose value is undefined left out (the forecasters read them as absent),
 * strings length-prefixed, and arrays of numbers or nulls as their float64 bytes plus a null mask
 * (exact, and fast for long series: NaN, null, 0 and −0 all hash differently). O(size of the input).
 *
 * @example inputKey('forecastAht', { start: '2026-01-05T00:00:00Z', ahtSeconds: [300], handled: [2], horizonHours: 24 }) // 64 hex digits
 */
export function inputKey(kind: string, ...values: unknown[]): string {
  const hash = createHash('sha256');
  feed(hash, kind);
  for (const value of values) feed(hash, value);
  return hash.digest('hex');
}

function feed(hash: Hash, value: unknown): void {
  switch (typeof value) {
    case 'undefined':
      hash.update('u');
      return;
    case 'boolean':
      hash.update(value ? 't' : 'f');
      return;
    case 'number':
      hash.update('d');
      feedNumbers(hash, [value]);
      return;
    case 'string':
      hash.update(`s${Buffer.byteLength(value)}:`);
      hash.update(value);
      return;
    case 'object':
      if (value === null) {
        hash.update('z');
        return;
      }
      if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
        feedNumbers(hash, Array.from(value as unknown as ArrayLike<number>));
        return;
      }
      if (Array.isArray(value)) {
        if (value.every((v) => v === null || typeof v === 'number')) {
          feedNumbers(hash, value as (number | null)[]);
          return;
        }
        hash.update(`[${value.length}:`);
        for (const v of value) feed(hash, v);
        hash.update(']');
        return;
      }
      {
        const proto: unknown = Object.getPrototypeOf(value);
        if (proto !== Object.prototype && proto !== null) throw new TypeError('forecast memo: can key only plain objects, arrays and typed arrays');
        const keys = Object.keys(value)
          .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
          .sort();
        hash.update(`{${keys.length}:`);
        for (const k of keys) {
          feed(hash, k);
          feed(hash, (value as Record<string, unknown>)[k]);
        }
        hash.update('}');
        return;
      }
    default:
      throw new TypeError(`forecast memo: cannot key a ${typeof value}`);
  }
}

/** A run of numbers (null allowed) as `n<length>:` + float64 bytes + one byte per value (1 = null). */
function feedNumbers(hash: Hash, values: readonly (number | null)[]): void {
  const bits = new Float64Array(values.length);
  const nulls = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) nulls[i] = 1;
    else bits[i] = v;
  }
  hash.update(`n${values.length}:`);
  hash.update(new Uint8Array(bits.buffer));
  hash.update(nulls);
}
