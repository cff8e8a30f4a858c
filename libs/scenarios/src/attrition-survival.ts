/** Average month: 365.25 / 12 days, in milliseconds. */
export const MONTH_MS = (365.25 / 12) * 86_400_000;

/**
 * Expected share of a workforce still employed at `atMs` when agents leave at `monthlyRate` a
 * month from `fromMs` on: S = (1 − rate)^(elapsed months), compounding continuously between
 * month ends; 1 before `fromMs`.
 *
 * Units: monthlyRate a fraction per month; returns a fraction in (0, 1]. Complexity: O(1).
 *
 * @example attritionSurvival(0.05, 0, 2 * MONTH_MS) // 0.9025
 */
export function attritionSurvival(monthlyRate: number, fromMs: number, atMs: number): number {
  if (atMs <= fromMs || monthlyRate <= 0) return 1;
  return Math.pow(1 - monthlyRate, (atMs - fromMs) / MONTH_MS);
}
