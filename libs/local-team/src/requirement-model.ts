import { requiredFteFromAgentHours } from './fte-from-agent-hours.js';
import { expectedServiceLevel } from './expected-service-level.js';
import { hourlyRequirement, type HourlyRequirement, type QueueStaffing } from './hourly-requirement.js';
import { LocalTeamInputError } from './local-team-input-error.js';
import type { LocalTeamPlanInput } from './plan-input.js';
import { planMonths, monthIndex, weeksInMonth } from './plan-month.js';
import { ForecastUnavailableError, queueArrivals, type QueueForecast } from './queue-demand.js';
import { resolveQueueProfiles, type RecordedQueueFacts } from './queue-profiles.js';
import { queueStaffing } from './queue-staffing.js';

/** What the projection may know beyond the plan: recorded queue definitions and queue forecasts. */
export interface ProjectionContext {
  recordedQueues?: ReadonlyMap<string, RecordedQueueFacts>;
  forecasts?: ReadonlyMap<string, QueueForecast>;
}

/** Multipliers applied to the demand, for the sensitivity table. */
export interface DemandFactors {
  volume: number;
  aht: number;
}

/** The workload the local team must carry, month by month, before it is turned into FTE. */
export interface RequirementModel {
  /**
   * explicit-fte: the given productive FTE; otherwise undefined and {@link RequirementModel.netAgentHours}
   * holds the on-queue agent-hours, which the plan's shrinkage and hours per FTE turn into FTE.
   */
  explicitFte?: number[];
  netAgentHours?: number[];
  /** Per month, per queue: the covered hours with their whole-agent requirement (volume demand only). */
  detail?: { requirement: HourlyRequirement; staffing: QueueStaffing }[][];
}

/**
 * The requirement side of a plan: for explicit-fte demand the given FTE (months not listed need 0);
 * otherwise, for each queue moved, its arrivals in every covered hour ({@link queueArrivals}) staffed
 * hour by hour ({@link hourlyRequirement}: Erlang A or C for live queues, the backlog model for async
 * ones) and summed into net agent-hours per month.
 *
 * Units: FTE or agent-hours per month. Complexity O(months × queues × covered hours of the week)
 * staffing solves, memoised per distinct rate.
 *
 * @example requirementModel(exampleLocalTeamPlan(), {}).netAgentHours // 0 before June, then 13 × 12 × days
 */
export function requirementModel(plan: LocalTeamPlanInput, context: ProjectionContext, factors: DemandFactors = { volume: 1, aht: 1 }): RequirementModel {
  const demand = plan.demand;
  if (demand.kind === 'explicit-fte') {
    const fte = new Array<number>(plan.months).fill(0);
    for (const row of demand.monthly) fte[monthIndex(plan.startMonth, row.month)] = row.requiredFte * factors.volume;
    return { explicitFte: fte };
  }
  const forecasts = context.forecasts ?? new Map<string, QueueForecast>();
  if (demand.kind === 'forecast') {
    // Without forecasts nothing else about the queues matters yet: say so first.
    const missing = [...new Set(plan.takeover.flatMap((p) => p.queueIds))].filter((id) => (forecasts.get(id)?.hourly.length ?? 0) === 0);
    if (missing.length > 0) throw new ForecastUnavailableError(missing);
  }
  const queues = resolveQueueProfiles(plan, context.recordedQueues ?? new Map());
  const arrivals = queueArrivals(
    plan,
    queues.map((q) => q.queueId),
    forecasts,
    factors.volume,
  );
  const staffing = queues.map((q) => {
    const aht = q.ahtSeconds ?? forecasts.get(q.queueId)?.ahtSeconds;
    if (aht === undefined) throw new LocalTeamInputError('queues', `queue ${q.queueId} needs ahtSeconds`);
    return queueStaffing({ ...q, ahtSeconds: aht * factors.aht }, plan.workload.occupancyCap);
  });
  const detail = planMonths(plan.startMonth, plan.months).map((_, i) => queues.map((_, q) => ({ requirement: hourlyRequirement(arrivals[q]![i]!, staffing[q]!), staffing: staffing[q]! })));
  return { netAgentHours: detail.map((month) => month.reduce((sum, q) => sum + q.requirement.netAgentHours, 0)), detail };
}

/** Required productive FTE per month from a requirement model and the plan's workload assumptions. O(months). */
export function requiredFteByMonth(plan: Pick<LocalTeamPlanInput, 'startMonth' | 'months' | 'workload'>, model: RequirementModel): number[] {
  if (model.explicitFte) return model.explicitFte;
  const months = planMonths(plan.startMonth, plan.months);
  return model.netAgentHours!.map((hours, i) => requiredFteFromAgentHours(hours, plan.workload.shrinkage, plan.workload.hoursPerFtePerWeek, weeksInMonth(months[i]!)));
}

/** Expected service level per month with the productive FTE (null without volumes or work). O(months × hours). */
export function serviceLevelByMonth(model: RequirementModel, productiveFte: readonly number[], requiredFte: readonly number[]): (number | null)[] {
  return productiveFte.map((p, i) => (model.detail ? expectedServiceLevel(model.detail[i]!, p, requiredFte[i]!) : null));
}
