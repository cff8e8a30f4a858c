import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { leastSquares } from '../core/least-squares.js';
import { fitDoubleSeasonalHoltWinters } from './double-seasonal-holt-winters.js';
import { initMstl, isMstlReady, mstlEts } from './mstl-ets.js';
import { naive2 } from './naive2.js';
import { sameSlotMean } from './same-slot-mean.js';
import { sameSlotMedian, sameSlotTrimmedMean } from './same-slot-robust.js';
import { seasonalAutoregression } from './seasonal-autoregression.js';
import { seasonalNaive } from './seasonal-naive.js';
import { smoothedDayProfile } from './smoothed-day-profile.js';
import { weekdayProfile } from './weekday-profile.js';
import { withinHourShares } from './within-hour-shares.js';

/** A noise-free hourly signal with a daily and a weekly cycle, level 100. */
const doubleSeasonal = (t: number) => 100 + 30 * Math.sin((2 * Math.PI * t) / 24) + 15 * Math.cos((2 * Math.PI * t) / 168) + (t % 168 < 24 ? 10 : 0);
const signal = (n: number, from = 0) => Array.from({ length: n }, (_, i) => doubleSeasonal(from + i));
const maxRelError = (f: number[], from: number) => Math.max(...f.map((v, j) => Math.abs(v - doubleSeasonal(from + j)) / doubleSeasonal(from + j)));

describe('robust same-slot estimators', () => {
  it('take the median of the last k cycles, skipping gaps, averaging the middle two of an even count', () => {
    expect(sameSlotMedian([1, 9, 2, 9, 7, 9], 2, 2, 3)).toEqual([2, 9]); // median(1, 2, 7), median(9, 9, 9)
    expect(sameSlotMedian([1, 0, 4, 0, 10, 0, 6, 0], 1, 2, 4)).toEqual([5]); // (4 + 6) / 2
    expect(sameSlotMedian([1, 0, NaN, 0, 10, 0], 1, 2, 3)).toEqual([5.5]); // gap skipped: (1 + 10) / 2
    expect(sameSlotMedian([NaN, 0], 1, 2, 3)).toEqual([NaN]);
  });

  it('drop one of eight weeks at each end for the trimmed mean, so one outage week moves it less than the mean', () => {
    // Eight weeks at 100 but the last at 0 (an outage) and one at 160 (a launch), one slot per "week".
    const weeks = [100, 100, 160, 100, 100, 100, 100, 0];
    expect(sameSlotTrimmedMean(weeks, 1, 1, 8, 0.125)).toEqual([100]); // (6 × 100) / 6
    expect(sameSlotMean(weeks, 1, 1, 8)).toEqual([95]);
    expect(sameSlotTrimmedMean([3, 1], 1, 1, 8, 0.125)).toEqual([2]); // too few values to trim
    expect(() => sameSlotTrimmedMean(weeks, 1, 1, 8, 0.5)).toThrow(/trim/);
    expect(() => sameSlotMedian(weeks, 1, 0, 8)).toThrow(/period/);
  });
});

describe('within-hour shares', () => {
  it('split each hour of the day by its sub-slots over the last days, skipping hours with a gap, evenly without volume', () => {
    // Given half-hours of three hours: hour-of-day 9 twice (1|3, 2|2), hour-of-day 10 once with a gap,
    const slots = [1, 3, NaN, 5, 2, 2];
    const shares = withinHourShares(slots, 2, (i) => (i === 1 ? 10 : 9), 28);
    // then 9 splits (1 + 2) : (3 + 2) and 10, having no complete hour, evenly.
    expect(shares[9]).toEqual([0.375, 0.625]);
    expect(shares[10]).toEqual([0.5, 0.5]);
    // Only the last `days` days count: one day back keeps the last 24 hours only.
    const twoDays = Array.from({ length: 48 * 2 }, (_, k) => (k < 48 ? (k % 2 === 0 ? 1 : 0) : 1));
    expect(withinHourShares(twoDays, 2, (i) => i % 24, 1)[5]).toEqual([0.5, 0.5]);
    expect(() => withinHourShares([1, 2, 3], 2, () => 0)).toThrow(/whole hours/);
  });
});

describe('seasonal naive and same-slot means', () => {
  it('repeat the last cycle, bridging gaps only as far as allowed', () => {
    expect(seasonalNaive([1, 2, 3, 4], 3, 2)).toEqual([3, 4, 3]);
    expect(seasonalNaive([1, 2, NaN, 4], 2, 2)).toEqual([1, 4]);
    expect(seasonalNaive([1, 2, NaN, 4], 2, 2, 1)).toEqual([NaN, 4]);
  });

  it('average exactly the last k cycles, skipping gaps among them', () => {
    expect(sameSlotMean([1, 2, 3, 4, 5, 6], 2, 2, 2)).toEqual([4, 5]); // (3+5)/2, (4+6)/2
    expect(sameSlotMean([1, 2, 3, 4, NaN, 6], 3, 2, 2)).toEqual([3, 5, 3]); // gap → mean of the one left
    expect(sameSlotMean([9, 2, NaN, 4, NaN, 6], 1, 2, 2)).toEqual([NaN]); // no reach beyond k cycles
  });

  it('weekday profile: mean day total split by the mean intraday shape', () => {
    // Two weeks, every day [1, 3] ×24/2; in week 2 every day doubles → level (total 48 + 96)/2 = 72 per day.
    const day = (scale: number) => Array.from({ length: 24 }, (_, h) => scale * (h % 2 === 0 ? 1 : 3));
    const y = [...Array.from({ length: 7 }, () => day(1)).flat(), ...Array.from({ length: 7 }, () => day(2)).flat()];
    const f = weekdayProfile(y, 24, 2, 2);
    // shape: 1/48 and 3/48 of the day → 72/48 = 1.5 and 4.5
    expect(f.slice(0, 4)).toEqual([1.5, 4.5, 1.5, 4.5]);
  });

  it('smoothed day profile recovers a steady weekly pattern (1e-9)', () => {
    const y = signal(168 * 4);
    const f = smoothedDayProfile(y, 168);
    // A steady series has a constant adjusted level, so every α gives the same exact forecast.
    expect(maxRelError(f, 168 * 4)).toBeLessThan(1e-9);
  });
});

describe('seasonal autoregression', () => {
  it('recovers a noise-free AR process exactly (1e-6)', () => {
    // y_t = 5 + 0.5·y_{t−1} + 0.4·y_{t−24}, started from a daily pattern
    const y = Array.from({ length: 24 }, (_, h) => 10 + h);
    for (let t = 24; t < 600; t++) y.push(5 + 0.5 * y[t - 1]! + 0.4 * y[t - 24]!);
    const truth = y.slice();
    for (let t = 600; t < 648; t++) truth.push(5 + 0.5 * truth[t - 1]! + 0.4 * truth[t - 24]!);
    const f = seasonalAutoregression(y, 48, [1, 24], { lambda: 0 });
    f.forEach((v, j) => expect(v).toBeCloseTo(truth[600 + j]!, 6));
  });

  it('forecasts the double-seasonal signal within 1 %', () => {
    expect(maxRelError(seasonalAutoregression(signal(960), 48, [1, 2, 3, 23, 24, 25, 167, 168, 169]), 960)).toBeLessThan(0.01);
  });

  it('fits to the last bit what leastSquares gives on the explicit design rows (gaps and the ridge included)', () => {
    const lags = [1, 2, 24, 168];
    const y = Float64Array.from(signal(800), (v, t) => (t % 97 === 5 ? NaN : v + ((t * 7919) % 13) / 10));
    const rows: number[][] = [];
    const targets: number[] = [];
    let scale = 0;
    for (let t = 168; t < y.length; t++) {
      const row = [1, ...lags.map((l) => y[t - l]!)];
      if (!Number.isFinite(y[t]!) || !row.every(Number.isFinite)) continue;
      rows.push(row);
      targets.push(y[t]!);
      scale += y[t]! ** 2;
    }
    const beta = leastSquares(rows, targets, 1e-6 * (scale / rows.length) * rows.length);
    // One step ahead the recursion uses only history: the first forecast is β₀ + Σ βₖ·y[n − lagₖ], summed in lag order.
    let expected = beta[0]!;
    lags.forEach((l, k) => (expected += beta[k + 1]! * y[y.length - l]!));
    expect(seasonalAutoregression(y, 1, lags)[0]).toBe(expected);
  });
});

describe('double seasonal Holt–Winters (Taylor 2003)', () => {
  it('learns a noise-free daily and weekly cycle (1 %)', () => {
    const fit = fitDoubleSeasonalHoltWinters(signal(168 * 5), 24, 168);
    expect(maxRelError(fit.forecast(168), 168 * 5)).toBeLessThan(0.01);
    for (const p of Object.values(fit.params)) expect(p >= 0 && p <= 1).toBe(true);
  });

  it('rolls over gaps and rejects a history shorter than two weeks', () => {
    const y = signal(168 * 4).map((v, i) => (i % 50 === 7 ? NaN : v));
    expect(maxRelError(fitDoubleSeasonalHoltWinters(y, 24, 168).forecast(48), 168 * 4)).toBeLessThan(0.02);
    expect(() => fitDoubleSeasonalHoltWinters(signal(300), 24, 168)).toThrow(/336/);
  });
});

describe('Naive2 (M4 benchmark)', () => {
  it('carries the last value forward for a non-seasonal series', () => {
    expect(naive2([5, 6, 7, 8, 9, 10, 11], 3, 2)).toEqual([11, 11, 11]);
  });

  it('deseasonalises by classical decomposition and reseasonalises a seasonal one', () => {
    // 1,3,1,3…: trend 2, indices [0.5, 1.5]; last value 3 adjusts to 2, then 2·0.5, 2·1.5 …
    const x = Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? 1 : 3));
    naive2(x, 4, 2).forEach((v, j) => expect(v).toBeCloseTo(j % 2 === 0 ? 1 : 3, 12));
  });
});

describe('MSTL–ETS via @bsull/augurs (WebAssembly)', () => {
  beforeAll(() => {
    // The host (here the test) reads the wasm bytes; the library does no I/O.
    const require = createRequire(import.meta.url);
    initMstl(readFileSync(require.resolve('@bsull/augurs/mstl').replace(/mstl\.js$/, 'mstl_bg.wasm')));
  });

  it('initialises once and forecasts the double-seasonal signal within 2 %', () => {
    expect(isMstlReady()).toBe(true);
    const f = mstlEts(signal(168 * 4), 48, [24, 168]);
    expect(f).toHaveLength(48);
    expect(maxRelError(f, 168 * 4)).toBeLessThan(0.02);
  });
});
