import { DAY_HOURS, WEEK_HOURS } from '../time/local-time.js';

/**
 * Volume of the local day starting at wall hour `dayStart`: the sum of its 24 grid cells (a 23- or
 * 25-hour day still has 24 local-hour cells, one a gap or an average), scaled up to 24 hours when
 * at most two cells are gaps; null when more are missing or the day lies outside the grid.
 * Units: contacts. Complexity: O(24).
 *
 * @example dayVolume({ firstWallHour: 0, values: new Array(24).fill(2) }, 0) // 48
 */
export function dayVolume(grid: { firstWallHour: number; values: ArrayLike<number> }, dayStart: number): number | null {
  const i0 = dayStart - grid.firstWallHour;
  if (i0 < 0 || i0 + DAY_HOURS > grid.values.length) return null;
  let sum = 0;
  let seen = 0;
  for (let k = 0; k < DAY_HOURS; k++) {
    const v = grid.values[i0 + k]!;
    if (Number.isFinite(v)) {
      sum += v;
      seen++;
    }
  }
  return seen >= DAY_HOURS - 2 ? (sum * DAY_HOURS) / seen : null;
}

/**
 * A day's volume relative to what was expected: volume / mean volume of the same weekday 1 and 2
 * weeks before and after, skipping days in `special` (holidays and other calendar days whose volume
 * is not normal) and days with gaps. Units: ratio (1 = a normal day); null when the day or all its
 * neighbours are unobserved, or the expected volume is zero. Complexity: O(5·24).
 *
 * @example dayRatio(grid, tuesdayAfterHoliday, holidaysAndCatchUps) // e.g. 1.3
 */
export function dayRatio(
  grid: { firstWallHour: number; values: ArrayLike<number> },
  dayStart: number,
  special: ReadonlySet<number>,
): number | null {
  const actual = dayVolume(grid, dayStart);
  if (actual === null) return null;
  const neighbours: number[] = [];
  for (const k of [-2, -1, 1, 2]) {
    const s = dayStart + k * WEEK_HOURS;
    if (special.has(s)) continue;
    const t = dayVolume(grid, s);
    if (t !== null) neighbours.push(t);
  }
  const expected = neighbours.length === 0 ? 0 : neighbours.reduce((a, b) => a + b, 0) / neighbours.length;
  return expected > 0 ? actual / expected : null;
}

/**
 * Median of measured ratios pulled towards 1 (no effect) as if one more day had shown no effect:
 * 1 + (median − 1)·m/(m + 1) for m measurements, so one odd day moves a forecast only half-way and
 * the pull fades as evidence accumulates. Null entries are ignored; null when none is left.
 * Complexity: O(m log m).
 *
 * @example shrunkMedianRatio([1.3]) // 1.15
 */
export function shrunkMedianRatio(values: readonly (number | null)[]): number | null {
  const xs = values.filter((r): r is number => r !== null).sort((a, b) => a - b);
  const m = xs.length;
  if (m === 0) return null;
  const median = m % 2 === 1 ? xs[(m - 1) / 2]! : (xs[m / 2 - 1]! + xs[m / 2]!) / 2;
  return 1 + ((median - 1) * m) / (m + 1);
}
