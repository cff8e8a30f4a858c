/**
 * What the offshore team would cost for the work moved in a month: the productive (on-queue) hours
 * that work needs, times the offshore cost per productive hour. A requirement of R FTE (paid,
 * fully productive) is R · hoursPerFtePerWeek · weeksInMonth paid hours, of which the share
 * 1 − shrinkage is productive:
 *   cost = offshorePerProductiveHour · R · hoursPerFtePerWeek · weeksInMonth · (1 − shrinkage).
 *
 * Units: currency per month. O(1).
 *
 * @example offshoreEquivalentCost(12, 40, 31 / 7, 0.25, 30) // 12·40·4.4286·0.75·30 ≈ 47828.57
 */
export function offshoreEquivalentCost(requiredFte: number, hoursPerFtePerWeek: number, weeksInMonth: number, shrinkage: number, offshorePerProductiveHour: number): number {
  return offshorePerProductiveHour * requiredFte * hoursPerFtePerWeek * weeksInMonth * (1 - shrinkage);
}
