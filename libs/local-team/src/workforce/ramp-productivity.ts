import { WEEKS_PER_MONTH } from '../demand/weeks-to-months.js';

/**
 * Productivity of a hire `w` weeks after their first day: 0 while in training (w < T), then
 * `ramp[i]` in week i after training (T + i ≤ w < T + i + 1), then 1. Dimensionless in [0, 1].
 * O(1).
 *
 * @example productivityAtWeek(5.5, 4, [0.5, 0.75]) // 0.75 (week 1 after a 4-week training)
 */
export function productivityAtWeek(weeksSinceHire: number, trainingWeeks: number, ramp: readonly number[]): number {
  const since = weeksSinceHire - trainingWeeks;
  if (since < 0) return 0;
  const week = Math.floor(since);
  return week < ramp.length ? ramp[week]! : 1;
}

/**
 * Mean productivity of a hire over each plan month of their career: entry d is the average, over
 * month d after their start (d = 0 is the start month; a month is 52/12 weeks), of
 * {@link productivityAtWeek}, i.e. (1 / WPM) ∫ from d·WPM to (d+1)·WPM of p(w) dw. The integral of the
 * step function is exact: each ramp week contributes its value times its overlap with the month.
 *
 * Units: fraction of one FTE. Complexity O(months × (ramp length + 1)).
 *
 * @example
 * // 4 weeks of training, then 2 weeks at 50% and 2 at 75%: month 0 covers weeks [0, 4.333):
 * // (1/3 week × 0.5) / 4.333 = 1/26; month 1 covers [4.333, 8.667): (1.667×0.5 + 2×0.75 + 0.667×1) / 4.333 = 9/13.
 * meanProductivityByMonth(4, [0.5, 0.5, 0.75, 0.75], 3) // [1/26, 9/13, 1]
 */
export function meanProductivityByMonth(trainingWeeks: number, ramp: readonly number[], months: number): number[] {
  const out: number[] = [];
  for (let d = 0; d < months; d++) {
    const from = d * WEEKS_PER_MONTH;
    const to = (d + 1) * WEEKS_PER_MONTH;
    let integral = 0;
    for (let i = 0; i < ramp.length; i++) integral += ramp[i]! * overlap(from, to, trainingWeeks + i, trainingWeeks + i + 1);
    integral += overlap(from, to, trainingWeeks + ramp.length, Number.POSITIVE_INFINITY);
    out.push(snapToOne(integral / WEEKS_PER_MONTH));
  }
  return out;
}

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

/** A month spent wholly at full productivity sums to 1 up to rounding; call it exactly 1. */
function snapToOne(value: number): number {
  return Math.abs(value - 1) < 1e-12 ? 1 : value;
}
