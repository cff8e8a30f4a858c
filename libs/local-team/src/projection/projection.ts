import { buildOut, type BuildOut } from './build-out.js';
import type { LocalTeamPlanInput } from '../plan/plan-input.js';
import { requiredFteByMonth, requirementModel, serviceLevelByMonth, type ProjectionContext } from '../staffing/requirement-model.js';
import { sensitivityTable, type SensitivityRow } from './sensitivity.js';

/** One month of the projection, as the API returns it. */
export interface ProjectionMonth {
  month: string;
  requiredFte: number;
  hires: number;
  graduates: number;
  inTraining: number;
  attritionLosses: number;
  agentHeadcount: number;
  productiveFte: number;
  supportHeadcount: number;
  costLocal: number;
  costOffshoreEquivalent: number;
  /** Expected share of the moved contacts answered within target; null without volumes or work. */
  serviceLevel: number | null;
  shortfallFte: number;
}

export interface ProjectionSummary {
  peakAgentHeadcount: number;
  totalHires: number;
  firstMonthMeetingRequirement: string | null;
  breakEvenMonth: string | null;
  totalCostLocal: number;
  totalCostOffshoreEquivalent: number;
}

export interface LocalTeamProjection {
  months: ProjectionMonth[];
  summary: ProjectionSummary;
  sensitivity: SensitivityRow[];
}

/** The projection with the build-out's extra detail (support staff by role, running totals). */
export interface DetailedProjection extends LocalTeamProjection {
  buildOut: BuildOut;
}

/**
 * Projects a local-team plan: the requirement ({@link requirementModel}), the build-out
 * ({@link buildOut}: hires, workforce, support, costs, break-even), the expected service level with
 * the productive FTE each month ({@link serviceLevelByMonth}) and the sensitivity table
 * ({@link sensitivityTable}). Pure: the same plan and context always give the same projection.
 *
 * Complexity: one requirement run and one build-out, plus the sensitivity runs (about 20 build-outs
 * and 4 requirement runs).
 *
 * @example projectLocalTeamPlan(exampleLocalTeamPlan()).summary.breakEvenMonth // '2025-11'
 */
export function projectLocalTeamPlan(plan: LocalTeamPlanInput, context: ProjectionContext = {}): DetailedProjection {
  const model = requirementModel(plan, context);
  const required = requiredFteByMonth(plan, model);
  const built = buildOut(plan, required);
  const serviceLevels = serviceLevelByMonth(
    model,
    built.months.map((m) => m.productiveFte),
    required,
  );
  const months: ProjectionMonth[] = built.months.map((m, i) => ({
    month: m.month,
    requiredFte: m.requiredFte,
    hires: m.hires,
    graduates: m.graduates,
    inTraining: m.inTraining,
    attritionLosses: m.attritionLosses,
    agentHeadcount: m.agentHeadcount,
    productiveFte: m.productiveFte,
    supportHeadcount: m.supportHeadcount,
    costLocal: m.costLocal,
    costOffshoreEquivalent: m.costOffshoreEquivalent,
    serviceLevel: serviceLevels[i]!,
    shortfallFte: m.shortfallFte,
  }));
  return { months, summary: built.summary, sensitivity: sensitivityTable(plan, context, model, built.summary), buildOut: built };
}
