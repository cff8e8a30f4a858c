import { forecastAht, forecastSeries, type SeriesForecastInput } from '@staffcast/forecasting';
import { ForecastMemo, inputKey } from './forecast-memo.js';

const START = '2026-03-02T05:00:00Z';

/** Three weeks of a daily-shaped series with a weekend dip, deterministic. */
function series(weeks = 3): number[] {
  return Array.from({ length: weeks * 168 }, (_, h) => {
    const hour = h % 24;
    const weekend = Math.floor(h / 24) % 7 >= 5 ? 0.6 : 1;
    return Math.round(10 * weekend * (1 + Math.sin(((hour - 6) / 24) * 2 * Math.PI)) + ((h * 7919) % 5));
  });
}

function input(values = series()): SeriesForecastInput {
  return { start: START, values, horizonHours: 48, timeZone: 'America/New_York', quantiles: [0.8], holidays: ['2026-03-17'], launches: [{ start: '2026-03-24T13:00:00Z', end: '2026-03-25T13:00:00Z', upliftPct: 50 }] };
}

describe('ForecastMemo', () => {
  it('returns exactly what forecastSeries and forecastAht return, computing each input once', async () => {
    const memo = new ForecastMemo();
    const direct = forecastSeries(input());
    expect(await memo.series(input())).toEqual(direct);
    expect(await memo.series(input())).toEqual(direct);
    expect(memo.stats()).toMatchObject({ hits: 1, misses: 1, entries: 1 });

    const values = series();
    const ahtInput = { start: START, ahtSeconds: values.map((v) => (v > 0 ? 300 + v : null)), handled: values, horizonHours: 48, timeZone: 'America/New_York' };
    const ahtDirect = forecastAht(ahtInput);
    expect(memo.aht(ahtInput)).toEqual(ahtDirect);
    expect(memo.aht({ ...ahtInput })).toEqual(ahtDirect);
    expect(memo.stats()).toMatchObject({ hits: 2, misses: 2, entries: 2 });
  });

  it('forecasts again when any input changes: one value, the horizon, a holiday, a launch, the quantiles', async () => {
    const memo = new ForecastMemo();
    await memo.series(input());
    const changedValue = series();
    changedValue[100] = changedValue[100]! + 1;
    const variants: SeriesForecastInput[] = [
      input(changedValue),
      { ...input(), horizonHours: 49 },
      { ...input(), holidays: ['2026-03-18'] },
      { ...input(), launches: [{ start: '2026-03-24T13:00:00Z', end: '2026-03-25T13:00:00Z', upliftPct: 60 }] },
      { ...input(), quantiles: [0.9] },
      { ...input(), timeZone: 'America/Chicago' },
    ];
    for (const v of variants) await memo.series(v);
    expect(memo.stats()).toMatchObject({ hits: 0, misses: 1 + variants.length });
    // The changed series really gives another forecast, and the memo returns that one.
    expect(await memo.series(input(changedValue))).toEqual(forecastSeries(input(changedValue)));
  });

  it('hands out copies: changing a result does not change what the memo returns next', async () => {
    const memo = new ForecastMemo();
    const first = await memo.series(input());
    const mean = [...first.mean];
    first.mean[0] = -1;
    first.quantiles['0.8']!.fill(0);
    const again = await memo.series(input());
    expect(again.mean).toEqual(mean);
    expect(again.quantiles['0.8']!.some((v) => v > 0)).toBe(true);
  });

  it('evicts the least recently used entry beyond its bound', async () => {
    let computed = 0;
    const memo = new ForecastMemo(2);
    const a = input();
    const b = { ...input(), horizonHours: 24 };
    const c = { ...input(), horizonHours: 12 };
    const count = async (i: SeriesForecastInput) => {
      const before = memo.stats().misses;
      await memo.series(i);
      computed += memo.stats().misses - before;
    };
    await count(a);
    await count(b);
    await count(a); // a is now the most recently used
    await count(c); // evicts b
    expect(computed).toBe(3);
    await count(a);
    expect(computed).toBe(3);
    await count(b);
    expect(computed).toBe(4);
    expect(memo.stats().entries).toBe(2);
    expect(() => new ForecastMemo(0)).toThrow(/^maxEntries: /);
  });

  it('does not keep failures', async () => {
    const memo = new ForecastMemo();
    const bad = { ...input(), horizonHours: 0 };
    await expect(memo.series(bad)).rejects.toThrow(/^horizonHours: /);
    await expect(memo.series(bad)).rejects.toThrow(/^horizonHours: /);
    expect(memo.stats()).toMatchObject({ hits: 0, misses: 2, entries: 0 });
  });

  it('shares one computation between asks for an input that is still being computed', async () => {
    const asked: SeriesForecastInput[] = [];
    const forecaster = { series: (i: SeriesForecastInput) => (asked.push(i), Promise.resolve(forecastSeries(i))), close: () => Promise.resolve() };
    const memo = new ForecastMemo(undefined, forecaster);
    const [a, b] = await Promise.all([memo.series(input()), memo.series(input())]);
    expect(asked).toHaveLength(1);
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
    expect(memo.stats()).toMatchObject({ hits: 1, misses: 1, entries: 1 });
  });
});

describe('inputKey', () => {
  it('is canonical in key order and leaves out undefined fields', () => {
    expect(inputKey('k', { a: 1, b: [1, null], c: undefined })).toBe(inputKey('k', { b: [1, null], a: 1 }));
  });

  it('tells apart values that a looser encoding would confuse', () => {
    const keys = [
      inputKey('k', { v: [0] }),
      inputKey('k', { v: [-0] }),
      inputKey('k', { v: [null] }),
      inputKey('k', { v: [Number.NaN] }),
      inputKey('k', { v: 0 }),
      inputKey('k', { v: '0' }),
      inputKey('k', { v: [] }),
      inputKey('k', { v: ['a', 'bc'] }),
      inputKey('k', { v: ['ab', 'c'] }),
      inputKey('j', { v: [0] }),
      inputKey('k', { v: [0.1 + 0.2] }),
      inputKey('k', { v: [0.3] }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('refuses what it cannot key exactly', () => {
    expect(() => inputKey('k', { at: new Date(0) })).toThrow(TypeError);
    expect(() => inputKey('k', { f: () => 1 })).toThrow(TypeError);
  });
});
