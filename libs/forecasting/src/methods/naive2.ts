import { multiplicativeSeasonalIndices } from '../core/classical-decomposition.js';
import { isSeasonal } from '../core/seasonality-test.js';

/**
 * Naive2, the M4 benchmark: when the series passes the 90 % seasonality test at `period`, it is
 * seasonally adjusted by classical multiplicative decomposition, the last adjusted value is carried
 * forward and re-seasonalised; otherwise the last value is carried forward.
 *
 * Units: those of `x`. Expects finite values (the M4 series have no gaps). Complexity: O(n·m + h).
 *
 * @example naive2(series, 48, 24) // 48 values
 */
export function naive2(x: ArrayLike<number>, horizon: number, period: number): number[] {
  const n = x.length;
  if (n === 0) throw new Error('naive2: empty series');
  const out: number[] = [];
  if (!isSeasonal(x, period)) {
    for (let j = 0; j < horizon; j++) out.push(x[n - 1]!);
    return out;
  }
  const si = multiplicativeSeasonalIndices(x, period);
  const lastAdjusted = x[n - 1]! / si[(n - 1) % period]!;
  for (let j = 0; j < horizon; j++) out.push(lastAdjusted * si[(n + j) % period]!);
  return out;
}
