import { bias } from './bias.js';
import { coverage } from './coverage.js';
import { mase, seasonalNaiveScale } from './mase.js';
import { owa } from './owa.js';
import { smape } from './smape.js';
import { wape } from './wape.js';

// Every expected value below is worked out by hand in the comment beside it; floats to 12 digits.
describe('accuracy metrics (docs/ARCHITECTURE.md, Definitions)', () => {
  it('WAPE = Σ|y − ŷ| / Σy', () => {
    expect(wape([10, 20, 30], [12, 18, 33])).toBeCloseTo((2 + 2 + 3) / 60, 12); // 7/60
    expect(wape([10, NaN, 30], [12, 99, 30])).toBeCloseTo(2 / 40, 12); // the gap is skipped
    expect(() => wape([0, 0], [1, 1])).toThrow(/sum to zero/);
    expect(() => wape([1], [1, 2])).toThrow(/1 values, forecast 2/);
  });

  it('bias = Σ(ŷ − y) / Σy, positive when over-forecasting', () => {
    expect(bias([10, 20, 30], [12, 18, 33])).toBeCloseTo((2 - 2 + 3) / 60, 12); // 3/60 = 0.05
    expect(bias([10, 10], [5, 5])).toBeCloseTo(-0.5, 12);
  });

  it('MASE scales by the in-sample seasonal naive error', () => {
    // in-sample 1,2,3,4,5,6 with m = 2: |3−1|,|4−2|,|5−3|,|6−4| → scale 2; errors |7−8|,|8−8| → mean 0.5 → 0.25
    expect(seasonalNaiveScale([1, 2, 3, 4, 5, 6], 2)).toBe(2);
    expect(mase([1, 2, 3, 4, 5, 6], [7, 8], [8, 8], 2)).toBeCloseTo(0.25, 12);
    expect(() => mase([5, 5, 5], [1], [2], 1)).toThrow(/zero/);
  });

  it('sMAPE as in M4: mean of 200|y − ŷ| / (|y| + |ŷ|), 0/0 counting as perfect', () => {
    // 200·10/210 = 9.5238095…, 200·0/200 = 0, 200·50/150 = 66.666… → mean 25.3968…
    expect(smape([100, 100, 50], [110, 100, 100])).toBeCloseTo((200 * 10 / 210 + 0 + 200 * 50 / 150) / 3, 12);
    expect(smape([0, 10], [0, 10])).toBe(0);
  });

  it('OWA averages the sMAPE and MASE ratios to Naive2', () => {
    // ½(9.19/18.38 + 1.1975/2.395) = ½(0.5 + 0.5)
    expect(owa({ smape: 9.19, mase: 1.1975 }, { smape: 18.38, mase: 2.395 })).toBeCloseTo(0.5, 12);
    // the published sNaive row: ½(13.912/18.383 + 1.193/2.395) = ½(0.756786 + 0.498121) = 0.627454
    expect(owa({ smape: 13.912, mase: 1.193 }, { smape: 18.383, mase: 2.395 })).toBeCloseTo(0.627454, 5);
  });

  it('coverage is the share of actuals inside [lower, upper], bounds included', () => {
    expect(coverage([1, 5, 9, 4], [0, 5, 0, 0], [4, 6, 8, 3])).toBeCloseTo(2 / 4, 12); // 1 in, 5 on the bound, 9 and 4 out
    expect(coverage([1, NaN], [0, 0], [2, 2])).toBe(1);
  });
});
