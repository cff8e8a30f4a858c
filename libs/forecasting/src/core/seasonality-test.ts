import { autocorrelation } from './autocorrelation.js';

/**
 * The M4 benchmarks' seasonality test: a series is seasonal at period m when it has at least 3·m
 * values and |r_m| > 1.645·sqrt((1 + 2·Σ_{k<m} r_k²) / n), i.e. the lag-m autocorrelation is
 * significant at 90 % under Bartlett's formula.
 *
 * Units: boolean. Complexity: O(n·m).
 *
 * @example isSeasonal(hourlyWithDailyCycle, 24) // true
 */
export function isSeasonal(x: ArrayLike<number>, period: number): boolean {
  const n = x.length;
  if (period < 2 || n < 3 * period) return false;
  const r = autocorrelation(x, period);
  let sumSq = 0;
  for (let k = 0; k < period - 1; k++) sumSq += r[k]! ** 2;
  const limit = (1.645 / Math.sqrt(n)) * Math.sqrt(1 + 2 * sumSq);
  return Math.abs(r[period - 1]!) > limit;
}
