import { WEEK_HOURS, wallHourOfWeek } from '../time/local-time.js';

/**
 * Closed hours of the week: a local hour of the week (0–167, Monday 00:00 = 0) is closed when, over
 * the last `weeks` weeks of the grid, it was observed at least twice and was zero every time (a
 * queue that opens 07:00–21:00 on weekdays has 168 − 70 closed hours). Forecasts for closed hours
 * are exactly zero, and they are left out of interval calibration.
 *
 * `grid` is the local-time grid (NaN = gap). Units: a 168-entry 0/1 mask. Complexity: O(weeks·168).
 *
 * @example closedHoursOfWeek({ firstWallHour: 96, values: weekdayOnlyCounts }, 4)[0] // Monday 00:00 → 1
 */
export function closedHoursOfWeek(grid: { firstWallHour: number; values: ArrayLike<number> }, weeks = 4): Uint8Array {
  const n = grid.values.length;
  const seen = new Uint8Array(WEEK_HOURS);
  const nonZero = new Uint8Array(WEEK_HOURS);
  for (let i = Math.max(0, n - weeks * WEEK_HOURS); i < n; i++) {
    const v = grid.values[i]!;
    if (!Number.isFinite(v)) continue;
    const slot = wallHourOfWeek(grid.firstWallHour + i);
    seen[slot] = seen[slot]! + 1;
    if (v !== 0) nonZero[slot] = 1;
  }
  return seen.map((s, slot) => (s >= 2 && nonZero[slot] === 0 ? 1 : 0));
}
