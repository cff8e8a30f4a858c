/**
 * Mean absolute scaled error (docs/ARCHITECTURE.md, Definitions; M4 definition): the mean absolute forecast error divided by
 * the in-sample mean absolute error of the seasonal naive forecast, mean_t |y_t − y_{t−m}|.
 *
 * Units: dimensionless (1 = as good, in-sample, as the seasonal naive one step ahead). Non-finite
 * pairs are skipped on both sides. M4 Hourly uses m = 24. Throws when the scale is zero or cannot be
 * computed (fewer than m + 1 in-sample values). Complexity: O(n + h).
 *
 * @example mase([1, 2, 3, 4], [5, 6], [6, 6], 1) // scale 1, errors 1 and 0 → 0.5
 */
export function mase(insample: readonly number[], actual: readonly number[], forecast: readonly number[], period: number): number {
  if (actual.length !== forecast.length) throw new Error(`mase: actual has ${actual.length} values, forecast ${forecast.length}`);
  const scale = seasonalNaiveScale(insample, period);
  if (!(scale > 0)) throw new Error('mase: the in-sample seasonal naive error is zero; MASE is undefined');
  let err = 0;
  let n = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i]!;
    const f = forecast[i]!;
    if (!Number.isFinite(y) || !Number.isFinite(f)) continue;
    err += Math.abs(y - f);
    n++;
  }
  if (n === 0) throw new Error('mase: no finite actual/forecast pair');
  return err / n / scale;
}

/**
 * In-sample mean absolute error of the seasonal naive forecast, mean_t |y_t − y_{t−m}| over the pairs
 * where both values are finite; NaN when there is no such pair. Complexity: O(n).
 *
 * @example seasonalNaiveScale([1, 2, 4], 1) // (1 + 2) / 2 = 1.5
 */
export function seasonalNaiveScale(insample: readonly number[], period: number): number {
  if (!Number.isInteger(period) || period < 1) throw new Error(`period must be a positive integer, got ${period}`);
  let sum = 0;
  let n = 0;
  for (let t = period; t < insample.length; t++) {
    const a = insample[t]!;
    const b = insample[t - period]!;
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    sum += Math.abs(a - b);
    n++;
  }
  return n === 0 ? Number.NaN : sum / n;
}
