import { breakEvenIndex, cumulativeSum } from '../cost/break-even.js';
import { cohortKernel } from '../workforce/cohort-kernel.js';
import { FTE_TOLERANCE, scheduleHires } from '../workforce/hiring-schedule.js';
import { monthlyLocalCost } from '../cost/local-cost.js';
import { offshoreEquivalentCost } from '../cost/offshore-equivalent-cost.js';
import type { LocalTeamPlanInput } from '../plan/plan-input.js';
import { planMonths, weeksInMonth } from '../plan/plan-month.js';
import { supportStaff, type SupportStaff } from '../workforce/support-staff.js';
import { rollUpWorkforce } from '../workforce/workforce.js';

/** The plan fields the build-out engine reads (the requirement is computed separately). */
export type BuildOutAssumptions = Pick<LocalTeamPlanInput, 'startMonth' | 'months' | 'workload' | 'hiring' | 'attrition' | 'structure' | 'costs'>;

export interface BuildOutMonth {
  month: string;
  requiredFte: number;
  hires: number;
  graduates: number;
  inTraining: number;
  attritionLosses: number;
  agentHeadcount: number;
  productiveFte: number;
  support: SupportStaff;
  supportHeadcount: number;
  costLocal: number;
  costOffshoreEquivalent: number;
  cumulativeCostLocal: number;
  cumulativeCostOffshoreEquivalent: number;
  shortfallFte: number;
}

export interface BuildOutSummary {
  peakAgentHeadcount: number;
  totalHires: number;
  firstMonthMeetingRequirement: string | null;
  breakEvenMonth: string | null;
  totalCostLocal: number;
  totalCostOffshoreEquivalent: number;
}

export interface BuildOut {
  months: BuildOutMonth[];
  summary: BuildOutSummary;
  /** First month a class can start, given the lead time. */
  earliestStartMonth: string;
}

/**
 * The build-out for a monthly requirement of productive FTE: classes scheduled just in time
 * ({@link scheduleHires}), rolled into the workforce ({@link rollUpWorkforce}), support staff
 * ({@link supportStaff}), local cost ({@link monthlyLocalCost}) against the offshore cost of the same
 * work ({@link offshoreEquivalentCost}), running totals and break-even ({@link breakEvenIndex}).
 *
 * - shortfallFte = max(0, required − productive), 0 when under {@link FTE_TOLERANCE};
 * - firstMonthMeetingRequirement: the first month with a requirement and no shortfall;
 * - peakAgentHeadcount: the largest month-end agent headcount (trainees included).
 *
 * Units: people, FTE, plan currency. Complexity O(M³) for M months (the scheduler), M ≤ 60.
 *
 * @example buildOut(plan, [0, 0, 0, 12, 12, 12]).summary.totalHires // whole hires across the plan
 */
export function buildOut(plan: BuildOutAssumptions, requiredFte: readonly number[]): BuildOut {
  if (requiredFte.length !== plan.months) throw new RangeError(`requirement has ${requiredFte.length} months, the plan ${plan.months}`);
  const months = planMonths(plan.startMonth, plan.months);
  const kernel = cohortKernel(
    {
      trainingWeeks: plan.hiring.trainingWeeks,
      trainingYield: plan.hiring.trainingYield,
      rampProductivity: plan.hiring.rampProductivity,
      annualAttritionRate: plan.attrition.annualRate,
    },
    plan.months,
  );
  const schedule = scheduleHires(requiredFte, kernel, plan.hiring);
  const workforce = rollUpWorkforce(schedule.hires, kernel, plan.hiring.classSize);
  const rows = workforce.map((w, i) => {
    const support = supportStaff(w.agentHeadcount - w.inTraining, w.classesInTraining, plan.structure);
    const required = requiredFte[i]!;
    const shortfall = required - w.productiveFte;
    return {
      month: months[i]!,
      requiredFte: required,
      hires: w.hires,
      graduates: w.graduates,
      inTraining: w.inTraining,
      attritionLosses: w.attritionLosses,
      agentHeadcount: w.agentHeadcount,
      productiveFte: w.productiveFte,
      support,
      supportHeadcount: support.total,
      costLocal: monthlyLocalCost(w.agentHeadcount, w.hires, support, plan.costs),
      costOffshoreEquivalent: offshoreEquivalentCost(required, plan.workload.hoursPerFtePerWeek, weeksInMonth(months[i]!), plan.workload.shrinkage, plan.costs.offshorePerProductiveHour),
      shortfallFte: shortfall > FTE_TOLERANCE ? shortfall : 0,
    };
  });
  const local = cumulativeSum(rows.map((r) => r.costLocal));
  const offshore = cumulativeSum(rows.map((r) => r.costOffshoreEquivalent));
  const full: BuildOutMonth[] = rows.map((r, i) => ({ ...r, cumulativeCostLocal: local[i]!, cumulativeCostOffshoreEquivalent: offshore[i]! }));
  const breakEven = breakEvenIndex(
    rows.map((r) => r.costLocal),
    rows.map((r) => r.costOffshoreEquivalent),
  );
  const meeting = full.find((r) => r.requiredFte > FTE_TOLERANCE && r.shortfallFte === 0);
  return {
    months: full,
    summary: {
      peakAgentHeadcount: Math.max(0, ...full.map((r) => r.agentHeadcount)),
      totalHires: schedule.hires.reduce((a, b) => a + b, 0),
      firstMonthMeetingRequirement: meeting?.month ?? null,
      breakEvenMonth: breakEven === undefined ? null : months[breakEven]!,
      totalCostLocal: local.at(-1) ?? 0,
      totalCostOffshoreEquivalent: offshore.at(-1) ?? 0,
    },
    earliestStartMonth: planMonths(plan.startMonth, schedule.earliestStartMonth + 1).at(-1)!,
  };
}
