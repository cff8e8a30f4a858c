/**
 * Weeks in an average month, 52 / 12 ≈ 4.333: the hiring model's clock. Training, ramp and lead
 * times are given in weeks and the plan is monthly; an average month keeps a cohort's timeline the
 * same whichever calendar month it starts in (costs are likewise annual / 12 per month).
 */
export const WEEKS_PER_MONTH = 52 / 12;

/**
 * A duration in weeks as plan months (weeks × 12 / 52), snapped to a whole number when within 1e-9
 * of one so that 13 / 3 weeks is exactly 1 month, not 0.9999999. O(1).
 *
 * @example weeksToMonths(13) // 3; weeksToMonths(4) // ≈ 0.923
 */
export function weeksToMonths(weeks: number): number {
  const months = (weeks * 12) / 52;
  const nearest = Math.round(months);
  return Math.abs(months - nearest) < 1e-9 ? nearest : months;
}
