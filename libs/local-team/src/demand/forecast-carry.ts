import type { MonthlyVolume } from './month-of-year-pattern.js';
import { absoluteMonth } from '../plan/plan-month.js';

/**
 * Carries a monthly forecast beyond its horizon by a month-of-year pattern and a monthly growth rate.
 *
 * Months inside the forecast keep their forecast volume. For any other month m:
 *   V(m) = L · (1 + g)^(m − last) · pattern[month of year of m],
 * where g = monthlyGrowthPct / 100, `last` is the forecast's last month, and the level L at `last` is
 * the mean of the deseasonalised forecast months, each grown to `last`:
 *   L = mean over the last min(12, n) forecast months k of V(k) / pattern[moy(k)] · (1 + g)^(last − k).
 * Averaging up to a year of months keeps one unusual month from setting the level. Months before the
 * forecast's first month use the same formula (a negative exponent).
 *
 * `pattern` has 12 factors, January first (see monthOfYearPattern); a factor of 0 makes that
 * calendar month 0 and is ignored when computing the level. Units: contacts per month.
 * Complexity O(n + targets).
 *
 * @example
 * // A flat pattern, the last forecast month 1,000, 2% a month: the month after is 1,020, the one after 1,040.4.
 * carryMonthlyForecast([{ month: '2025-06', volume: 1000 }], flat, 2, ['2025-06', '2025-07', '2025-08']) // [1000, 1020, 1040.4]
 */
export function carryMonthlyForecast(forecast: readonly MonthlyVolume[], pattern: readonly number[], monthlyGrowthPct: number, months: readonly string[]): number[] {
  if (forecast.length === 0) throw new RangeError('a forecast needs at least one month to carry');
  if (pattern.length !== 12) throw new RangeError('the month-of-year pattern needs 12 factors');
  const growth = 1 + monthlyGrowthPct / 100;
  const byMonth = new Map(forecast.map((f) => [absoluteMonth(f.month), f.volume]));
  const last = Math.max(...byMonth.keys());
  const recent = [...byMonth.entries()].filter(([m]) => m > last - 12);
  let sum = 0;
  let count = 0;
  for (const [m, volume] of recent) {
    const factor = pattern[m % 12]!;
    if (!(factor > 0)) continue;
    sum += (volume / factor) * growth ** (last - m);
    count += 1;
  }
  const level = count > 0 ? sum / count : 0;
  return months.map((month) => {
    const m = absoluteMonth(month);
    return byMonth.get(m) ?? level * growth ** (m - last) * pattern[m % 12]!;
  });
}
