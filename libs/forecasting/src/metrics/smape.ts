/**
 * Symmetric mean absolute percentage error as defined by the M4 competition:
 * sMAPE = mean_t 200·|y_t − ŷ_t| / (|y_t| + |ŷ_t|).
 *
 * Units: percent, 0 to 200. A pair where both values are 0 contributes 0 (a perfect forecast) rather
 * than 0/0; non-finite pairs are skipped. Throws when the lengths differ or no pair is usable.
 * Complexity: O(h).
 *
 * @example smape([100, 100], [110, 100]) // (200·10/210 + 0) / 2 = 4.7619…
 */
export function smape(actual: readonly number[], forecast: readonly number[]): number {
  if (actual.length !== forecast.length) throw new Error(`smape: actual has ${actual.length} values, forecast ${forecast.length}`);
  let sum = 0;
  let n = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i]!;
    const f = forecast[i]!;
    if (!Number.isFinite(y) || !Number.isFinite(f)) continue;
    const denom = Math.abs(y) + Math.abs(f);
    sum += denom === 0 ? 0 : (200 * Math.abs(y - f)) / denom;
    n++;
  }
  if (n === 0) throw new Error('smape: no finite actual/forecast pair');
  return sum / n;
}
