import type { SupportStaff } from '../workforce/support-staff.js';

/** Cost assumptions, amounts in the plan's currency. */
export interface LocalCostRates {
  /** Annual loaded cost per person: `agent`, `teamLead`, `qa`, `trainer` and each fixed role. */
  annualLoaded: Readonly<Record<string, number>>;
  perHire: number;
  trainingPerHire: number;
}

/**
 * The local team's cost for one month: one twelfth of the annual loaded cost of every agent employed
 * at the month's end (trainees included) and of every support role, plus recruiting and training
 * costs for the month's hires:
 *   agentHeadcount·agent/12 + teamLeads·teamLead/12 + qa·qa/12 + trainers·trainer/12
 *   + Σ fixed roles count·cost/12 + hires·(perHire + trainingPerHire).
 * Leavers are off the payroll in the month they leave (attrition at its start, drop-outs at
 * graduation). A fixed role without a cost is an error (the plan schema prevents it).
 *
 * Units: currency per month. O(fixed roles).
 *
 * @example
 * monthlyLocalCost(10, 10, { teamLeads: 1, qa: 1, trainers: 1, fixed: { manager: 1 }, total: 4 },
 *   { annualLoaded: { agent: 60000, teamLead: 84000, qa: 72000, trainer: 72000, manager: 120000 }, perHire: 3000, trainingPerHire: 2000 })
 * // 10·5000 + 7000 + 6000 + 6000 + 10000 + 10·5000 = 129000
 */
export function monthlyLocalCost(agentHeadcount: number, hires: number, support: SupportStaff, rates: LocalCostRates): number {
  const monthly = (role: string): number => {
    const annual = rates.annualLoaded[role];
    if (annual === undefined) throw new RangeError(`no annual loaded cost for role ${role}`);
    return annual / 12;
  };
  let cost = agentHeadcount * monthly('agent') + support.teamLeads * monthly('teamLead') + support.qa * monthly('qa') + support.trainers * monthly('trainer');
  for (const [role, count] of Object.entries(support.fixed)) if (count > 0) cost += count * monthly(role);
  return cost + hires * (rates.perHire + rates.trainingPerHire);
}
