/**
 * Required FTE for a month from the agent-hours that must be on queue: gross hours = net / (1 −
 * shrinkage) (docs/ARCHITECTURE.md, Definitions), and one FTE works hoursPerFtePerWeek × weeksInMonth paid hours:
 *   requiredFte = netAgentHours / (1 − shrinkage) / (hoursPerFtePerWeek · weeksInMonth).
 * FTE is a rate (full-time people for the whole month), so months of different lengths compare.
 *
 * Units: FTE. O(1).
 *
 * @example requiredFteFromAgentHours(13 * 12 * 31, 0.3, 40, 31 / 7) // 39: 13 agents every covered hour, 12 hours a day
 */
export function requiredFteFromAgentHours(netAgentHours: number, shrinkage: number, hoursPerFtePerWeek: number, weeksInMonth: number): number {
  return netAgentHours / (1 - shrinkage) / (hoursPerFtePerWeek * weeksInMonth);
}
