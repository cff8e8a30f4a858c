import { requireNonNegative, requirePositive } from './validation.js';

/**
 * Full-time equivalents and headcount are different things: FTE counts hours (one FTE is one
 * full-time week of `fullTimeHoursPerWeek` paid hours), headcount counts people, each with their own
 * contracted hours. These convert between them. O(1) each, except {@link fteOfTeam}: O(people).
 *
 * FTE needed to cover scheduled agent-hours in a week: weeklyAgentHours / fullTimeHoursPerWeek.
 * @example fteFromWeeklyHours(1_000, 40) // 25
 */
export function fteFromWeeklyHours(weeklyAgentHours: number, fullTimeHoursPerWeek: number): number {
  requireNonNegative('weeklyAgentHours', weeklyAgentHours);
  requirePositive('fullTimeHoursPerWeek', fullTimeHoursPerWeek);
  return weeklyAgentHours / fullTimeHoursPerWeek;
}

/**
 * People needed to deliver `fte` when every hire is contracted for `contractedHoursPerWeek`:
 * ⌈fte · fullTimeHoursPerWeek / contractedHoursPerWeek⌉ (rounding noise below 1e-9 ignored).
 * @example headcountForFte(10, 30, 40) // 14 part-timers on 30 h deliver 10 FTE of 40 h
 */
export function headcountForFte(fte: number, contractedHoursPerWeek: number, fullTimeHoursPerWeek: number): number {
  requireNonNegative('fte', fte);
  requirePositive('contractedHoursPerWeek', contractedHoursPerWeek);
  requirePositive('fullTimeHoursPerWeek', fullTimeHoursPerWeek);
  return Math.ceil((fte * fullTimeHoursPerWeek) / contractedHoursPerWeek - 1e-9);
}

/**
 * FTE of a team of people with their own contracted hours: Σ contracted / fullTimeHoursPerWeek.
 * @example fteOfTeam([40, 40, 20], 40) // 2.5 FTE from a headcount of 3
 */
export function fteOfTeam(contractedHoursPerWeek: readonly number[], fullTimeHoursPerWeek: number): number {
  requirePositive('fullTimeHoursPerWeek', fullTimeHoursPerWeek);
  let hours = 0;
  contractedHoursPerWeek.forEach((h, i) => {
    hours += requireNonNegative(`contractedHoursPerWeek.${i}`, h);
  });
  return hours / fullTimeHoursPerWeek;
}
