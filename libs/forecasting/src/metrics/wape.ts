/**
 * Weighted absolute percentage error (docs/ARCHITECTURE.md, Definitions): WAPE = Σ|y − ŷ| / Σy.
 *
 * Units: a fraction (0.0724 = 7.24 %). Pairs whose actual or forecast is not finite are skipped, so a
 * gap in the actuals does not count. Throws when the lengths differ or Σy is not positive.
 * Complexity: O(n).
 *
 * @example wape([10, 20], [12, 18]) // (2 + 2) / 30 = 0.1333…
 */
export function wape(actual: readonly number[], forecast: readonly number[]): number {
  if (actual.length !== forecast.length) throw new Error(`wape: actual has ${actual.length} values, forecast ${forecast.length}`);
  let err = 0;
  let sum = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i]!;
    const f = forecast[i]!;
    if (!Number.isFinite(y) || !Number.isFinite(f)) continue;
    err += Math.abs(y - f);
    sum += y;
  }
  if (!(sum > 0)) throw new Error('wape: the actuals sum to zero or less');
  return err / sum;
}
