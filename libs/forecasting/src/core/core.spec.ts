import { CANDIDATES } from '../methods/candidates.js';
import { autocorrelation } from './autocorrelation.js';
import { implausibility, rollingOriginBacktest } from './backtest.js';
import { multiplicativeSeasonalIndices } from './classical-decomposition.js';
import { inverseErrorWeights, weightedCombination } from './combination.js';
import { imputeSeasonal } from './impute.js';
import { calibrateResiduals, intervalQuantiles } from './intervals.js';
import { leastSquares } from './least-squares.js';
import { nelderMead } from './nelder-mead.js';
import { quantileSorted } from './quantile.js';
import { isSeasonal } from './seasonality-test.js';

describe('statistics helpers', () => {
  it('autocorrelation as R acf: [1, 2, 3, 4] has r1 = 0.25', () => {
    // mean 2.5; Σ(x−x̄)² = 5; lag-1 products (−1.5·−0.5)+(−0.5·0.5)+(0.5·1.5) = 1.25 → 0.25
    expect(autocorrelation([1, 2, 3, 4], 2)).toEqual([0.25, expect.closeTo(-0.3, 12)]); // lag 2: (−1.5·0.5 + −0.5·1.5)/5
  });

  it('seasonality test: a daily cycle is seasonal at 24, white-ish noise is not, short series never', () => {
    const daily = Array.from({ length: 24 * 10 }, (_, t) => 10 + Math.sin((2 * Math.PI * t) / 24));
    expect(isSeasonal(daily, 24)).toBe(true);
    let s = 3;
    const noise = Array.from({ length: 240 }, () => ((s = (s * 16807) % 2147483647) / 2147483647));
    expect(isSeasonal(noise, 24)).toBe(false);
    expect(isSeasonal(daily.slice(0, 71), 24)).toBe(false);
  });

  it('classical multiplicative indices of 1,3,1,3… are [0.5, 1.5]', () => {
    const x = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? 1 : 3));
    multiplicativeSeasonalIndices(x, 2).forEach((v, i) => expect(v).toBeCloseTo([0.5, 1.5][i]!, 12));
  });

  it('least squares solves an exact line and Nelder–Mead finds the Rosenbrock minimum', () => {
    leastSquares([[1, 0], [1, 1], [1, 2]], [1, 3, 5], 0).forEach((b, i) => expect(b).toBeCloseTo([1, 2][i]!, 10));
    const { x } = nelderMead(([a, b]) => 100 * (b! - a! ** 2) ** 2 + (1 - a!) ** 2, [-1.2, 1], { maxEvaluations: 2000, tolerance: 1e-14 });
    expect(x[0]).toBeCloseTo(1, 3);
    expect(x[1]).toBeCloseTo(1, 3);
  });

  it('type-7 quantiles', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0.1)).toBeCloseTo(1.3, 12); // h = 0.3
    expect(() => quantileSorted([], 0.5)).toThrow();
  });

  it('imputes a gap from the same hour a cycle before and after', () => {
    expect(Array.from(imputeSeasonal([1, NaN, 1, 5, 1, 5], 2, 2))).toEqual([1, 5, 1, 5, 1, 5]);
    expect(Array.from(imputeSeasonal([2, NaN, NaN], 1, 5))).toEqual([2, 2, 2]);
  });
});

describe('combination and intervals', () => {
  it('weights ∝ MAE^−p and combines', () => {
    const w = inverseErrorWeights(new Map([['a', 1], ['b', 2], ['c', NaN]]), 2);
    expect(w.get('a')).toBeCloseTo(0.8, 12); // 1 / (1 + 1/4)
    expect(w.get('b')).toBeCloseTo(0.2, 12);
    expect(w.has('c')).toBe(false);
    expect(weightedCombination([[1, 2], [3, 4]], [1, 3])).toEqual([2.5, 3.5]);
  });

  it('quantiles from log1p residuals: a forecast 10 % low with errors ±10 % gives the right band', () => {
    // residuals log1p(y) − log1p(ŷ) for y/ŷ pairs; check that the median residual reproduces the bias
    const actual = [Array.from({ length: 100 }, (_, i) => 100 + (i % 2 === 0 ? 10 : -10))];
    const forecast = [Array.from({ length: 100 }, () => 100)];
    const model = calibrateResiduals(actual, forecast, 24);
    const q = intervalQuantiles([100], model, [0.1, 0.5, 0.9]);
    expect(q['0.1']![0]).toBeCloseTo(90, 9);
    expect(q['0.9']![0]).toBeCloseTo(110, 9);
    expect(q['0.5']![0]).toBeGreaterThan(90);
  });

  it('backtests candidates on the same origins and drops implausible forecasts', () => {
    const y = Float64Array.from({ length: 168 * 3 }, (_, t) => 10 + (t % 24));
    const bt = rollingOriginBacktest(y, y, [CANDIDATES['seasonal-naive-daily']!, CANDIDATES['seasonal-naive-weekly']!], 24, 2, (p) => imputeSeasonal(p, 24, 168));
    expect(bt.origins).toEqual([168 * 3 - 48, 168 * 3 - 24]);
    expect(bt.mae.get('seasonal-naive-daily')).toBe(0);
    expect(bt.mae.get('seasonal-naive-weekly')).toBe(0);
    expect(implausibility([1, Infinity], [1])).toMatch(/non-finite/);
    expect(implausibility([100], [1, 2])).toMatch(/5×/);
  });

  it('fills a gap before a backtest origin from that origin\'s own past, never from the hours being forecast', () => {
    // Given three weeks at 100 an hour and a fourth at 200, with the last hour of week three missing,
    const y = Float64Array.from({ length: 168 * 4 }, (_, t) => (t >= 168 * 3 ? 200 : 100));
    y[168 * 3 - 1] = Number.NaN;
    // when the weekly seasonal naive is backtested from the start of week four,
    const bt = rollingOriginBacktest(y, y, [CANDIDATES['seasonal-naive-weekly']!], 168, 1, (p) => imputeSeasonal(p, 24, 168));
    // then the gap takes 100 from a week before (filled from the week after it would have been 150).
    expect(bt.forecasts.get('seasonal-naive-weekly')![0]![167]).toBe(100);
    expect(bt.mae.get('seasonal-naive-weekly')).toBe(100);
  });
});
