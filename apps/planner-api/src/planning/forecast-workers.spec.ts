import { readFileSync } from 'node:fs';
import { defaultCandidateNames, forecastSeries, initMstl, type SeriesForecastInput } from '@staffcast/forecasting';
import { ForecastWorkerPool, forecastLibrary } from './forecast-workers.js';

const START = '2026-03-02T05:00:00Z';

/** Weeks of a daily-shaped series with a weekend dip and a queue-specific level, deterministic. */
function input(level: number, weeks = 5): SeriesForecastInput {
  const values = Array.from({ length: weeks * 168 }, (_, h) => {
    const weekend = Math.floor(h / 24) % 7 >= 5 ? 0.6 : 1;
    return Math.round(level * weekend * (1 + Math.sin((((h % 24) - 6) / 24) * 2 * Math.PI)) + ((h * 7919) % 5));
  });
  return { start: START, values, horizonHours: 72, timeZone: 'America/New_York', quantiles: [0.1, 0.8], holidays: ['2026-03-17'], options: { methods: defaultCandidateNames() } };
}

describe('ForecastWorkerPool', () => {
  let pool: ForecastWorkerPool;

  beforeAll(() => {
    // The same candidates on this thread as in the workers, MSTL–ETS included.
    initMstl(readFileSync(forecastLibrary().wasm));
    pool = new ForecastWorkerPool(2);
  });
  afterAll(() => pool.close());

  it('given queues fitted on worker threads, then every number equals the in-process forecast', async () => {
    const inputs = [4, 9, 20].map((level) => input(level));
    expect(inputs[0]!.options!.methods).toContain('mstl-ets-log');
    const fromWorkers = await Promise.all(inputs.map((i) => pool.series(i)));
    fromWorkers.forEach((forecast, q) => expect(forecast).toStrictEqual(forecastSeries(inputs[q]!)));
  }, 120_000);

  it('given an input the forecaster rejects, then the pool rejects with the same error class and message', async () => {
    const bad = { ...input(4), horizonHours: 0 };
    const inProcess = (() => {
      try {
        forecastSeries(bad);
      } catch (error) {
        return error as Error;
      }
      throw new Error('forecastSeries accepted horizonHours 0');
    })();
    const rejected = await pool.series(bad).then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(rejected).toBeInstanceOf(RangeError);
    expect(rejected?.message).toBe(inProcess.message);
    // The worker that threw still answers.
    expect((await pool.series(input(6, 3))).mean).toStrictEqual(forecastSeries(input(6, 3)).mean);
  }, 120_000);

  it('given a closed pool, then it refuses new inputs', async () => {
    const closed = new ForecastWorkerPool(1);
    await closed.close();
    await expect(closed.series(input(4))).rejects.toThrow(/closed/);
    expect(() => new ForecastWorkerPool(0)).toThrow(/^size: /);
  });
});
