/**
 * Forecast bias (docs/ARCHITECTURE.md, Definitions): bias = Σ(ŷ − y) / Σy. Positive means over-forecasting.
 *
 * Units: a fraction of total actual volume. Pairs with a non-finite value are skipped. Throws when the
 * lengths differ or Σy is not positive. Complexity: O(n).
 *
 * @example bias([10, 20], [12, 21]) // 3 / 30 = 0.1
 */
export function bias(actual: readonly number[], forecast: readonly number[]): number {
  if (actual.length !== forecast.length) throw new Error(`bias: actual has ${actual.length} values, forecast ${forecast.length}`);
  let err = 0;
  let sum = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i]!;
    const f = forecast[i]!;
    if (!Number.isFinite(y) || !Number.isFinite(f)) continue;
    err += f - y;
    sum += y;
  }
  if (!(sum > 0)) throw new Error('bias: the actuals sum to zero or less');
  return err / sum;
}
