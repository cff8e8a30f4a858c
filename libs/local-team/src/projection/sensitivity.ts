import { buildOut, type BuildOutSummary } from './build-out.js';
import type { LocalTeamPlanInput } from '../plan/plan-input.js';
import { requiredFteByMonth, requirementModel, type AsyncModelCache, type DemandFactors, type ProjectionContext, type RequirementModel } from '../staffing/requirement-model.js';

/** One line of the sensitivity table: an assumption moved by `change` (relative, −0.2 = −20%). */
export interface SensitivityRow {
  assumption: string;
  change: number;
  peakAgentHeadcountDelta: number;
  totalCostLocalDelta: number;
}

/** The relative changes every key assumption is moved by. */
export const SENSITIVITY_CHANGES = [-0.2, 0.2] as const;

interface Assumption {
  name: string;
  /** The plan with this assumption scaled by (1 + change), clamped into its valid range. */
  plan?: (plan: LocalTeamPlanInput, factor: number) => LocalTeamPlanInput;
  /** Demand multipliers instead (these need the requirement recomputed). */
  demand?: (factor: number) => DemandFactors;
}

const clamp = (value: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, value));

/**
 * The key assumptions of a plan with its kind of demand (explicit FTE have no volume, AHT or shrinkage in them). O(1).
 *
 * @example sensitivityAssumptions(exampleLocalTeamPlan()).map((a) => a.name) // ['demand.volume', 'queues.ahtSeconds', …, 'costs.annualLoaded.agent']
 */
export function sensitivityAssumptions(plan: LocalTeamPlanInput): Assumption[] {
  const volumes = plan.demand.kind !== 'explicit-fte';
  const list: Assumption[] = [];
  list.push({ name: volumes ? 'demand.volume' : 'demand.requiredFte', demand: (f) => ({ volume: f, aht: 1 }) });
  if (volumes) {
    list.push({ name: 'queues.ahtSeconds', demand: (f) => ({ volume: 1, aht: f }) });
    list.push({ name: 'workload.shrinkage', plan: (p, f) => ({ ...p, workload: { ...p.workload, shrinkage: clamp(p.workload.shrinkage * f, 0, 0.95) } }) });
    list.push({ name: 'workload.hoursPerFtePerWeek', plan: (p, f) => ({ ...p, workload: { ...p.workload, hoursPerFtePerWeek: clamp(p.workload.hoursPerFtePerWeek * f, 1, 80) } }) });
  }
  list.push({ name: 'attrition.annualRate', plan: (p, f) => ({ ...p, attrition: { annualRate: clamp(p.attrition.annualRate * f, 0, 0.95) } }) });
  list.push({ name: 'hiring.trainingYield', plan: (p, f) => ({ ...p, hiring: { ...p.hiring, trainingYield: clamp(p.hiring.trainingYield * f, 0.01, 1) } }) });
  list.push({ name: 'hiring.leadTimeWeeks', plan: (p, f) => ({ ...p, hiring: { ...p.hiring, leadTimeWeeks: p.hiring.leadTimeWeeks * f } }) });
  list.push({ name: 'hiring.trainingWeeks', plan: (p, f) => ({ ...p, hiring: { ...p.hiring, trainingWeeks: p.hiring.trainingWeeks * f } }) });
  list.push({ name: 'hiring.rampProductivity', plan: (p, f) => ({ ...p, hiring: { ...p.hiring, rampProductivity: p.hiring.rampProductivity.map((r) => clamp(r * f, 0, 1)) } }) });
  list.push({ name: 'costs.annualLoaded.agent', plan: (p, f) => ({ ...p, costs: { ...p.costs, annualLoaded: { ...p.costs.annualLoaded, agent: p.costs.annualLoaded.agent * f } } }) });
  return list;
}

/**
 * The sensitivity table: each key assumption moved by −20% and +20% (one at a time, everything else
 * as planned, values clamped into their valid range: a yield of 0.9 × 1.2 is 1), the plan rebuilt,
 * and the change in peak agent headcount and in total local cost against the plan as given.
 * Moves of demand or handle time re-run the staffing models; the others reuse the base workload.
 *
 * Units: people, plan currency. Complexity (assumptions × 2) build-outs, plus 4 requirement runs
 * for the demand and handle-time moves.
 *
 * @example sensitivityTable(plan, {}, baseModel, base.summary)[0] // { assumption: 'demand.volume', change: -0.2, peakAgentHeadcountDelta: -8…, … }
 */
export function sensitivityTable(plan: LocalTeamPlanInput, context: ProjectionContext, baseModel: RequirementModel, base: BuildOutSummary): SensitivityRow[] {
  const rows: SensitivityRow[] = [];
  const asyncRuns: AsyncModelCache = new Map();
  for (const assumption of sensitivityAssumptions(plan)) {
    for (const change of SENSITIVITY_CHANGES) {
      const factor = 1 + change;
      let moved = plan;
      let model = baseModel;
      if (assumption.demand) {
        const factors = assumption.demand(factor);
        model = requirementModel(plan, context, factors, asyncRuns);
      } else if (assumption.plan) {
        moved = assumption.plan(plan, factor);
      }
      const summary = buildOut(moved, requiredFteByMonth(moved, model)).summary;
      rows.push({
        assumption: assumption.name,
        change,
        peakAgentHeadcountDelta: summary.peakAgentHeadcount - base.peakAgentHeadcount,
        totalCostLocalDelta: summary.totalCostLocal - base.totalCostLocal,
      });
    }
  }
  return rows;
}
