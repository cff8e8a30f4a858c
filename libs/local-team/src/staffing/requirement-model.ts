import { requiredFteFromAgentHours } from '../workforce/fte-from-agent-hours.js';
import { asyncAnsweredInTime, asyncQueueModel, asyncTimeline, type AsyncQueueModel } from './async-queue-requirement.js';
import { liveAnsweredInTime } from './expected-service-level.js';
import { hourlyRequirement, type HourlyRequirement, type QueueStaffing } from './hourly-requirement.js';
import { LocalTeamInputError } from '../plan/local-team-input-error.js';
import type { LocalTeamPlanInput } from '../plan/plan-input.js';
import { monthIndex, planMonths, weeksInMonth } from '../plan/plan-month.js';
import { ForecastUnavailableError, queueArrivals, type QueueForecast } from '../demand/queue-demand.js';
import { resolveQueueProfiles, type RecordedQueueFacts } from '../demand/queue-profiles.js';
import { liveQueueStaffing } from './queue-staffing.js';

/** What the projection may know beyond the plan: recorded queue definitions and queue forecasts. */
export interface ProjectionContext {
  recordedQueues?: ReadonlyMap<string, RecordedQueueFacts>;
  forecasts?: ReadonlyMap<string, QueueForecast>;
}

/**
 * Most async (email, social) queue-months a plan may have: each is staffed by the backlog model hour
 * by hour, about 0.1 s per queue-month for a whole projection on one core, so this keeps a projection
 * to a few seconds.
 */
export const MAX_ASYNC_QUEUE_MONTHS = 180;

/** Async backlog runs of one plan, by queue and demand multiplier (see requirementModel). */
export type AsyncModelCache = Map<string, AsyncQueueModel>;

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
  /** Live queues: per month, per queue, the covered hours with their whole-agent requirement. */
  live?: { requirement: HourlyRequirement; staffing: QueueStaffing }[][];
  /** Async queues: the backlog model over the plan's hours. */
  async?: AsyncQueueModel[];
}

/**
 * The requirement side of a plan: for explicit-fte demand the given FTE (months not listed need 0);
 * otherwise, for each queue moved, its arrivals in every covered hour ({@link queueArrivals}), staffed
 * hour by hour, live queues by Erlang A or C per covered hour of the week ({@link hourlyRequirement})
 * and async queues by the backlog model over the plan's hours ({@link asyncQueueModel}), summed into
 * net agent-hours per month.
 *
 * Units: FTE or agent-hours per month. Complexity O(months × queues × covered hours of the week)
 * Erlang solves (memoised per distinct rate) plus O(hours · log hours) per async queue.
 *
 * @example requirementModel(exampleLocalTeamPlan(), {}).netAgentHours // 0 before June, then 13 × 12 × days
 */
export function requirementModel(plan: LocalTeamPlanInput, context: ProjectionContext, factors: DemandFactors = { volume: 1, aht: 1 }, cache?: AsyncModelCache): RequirementModel {
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
  const asyncCount = queues.filter((q) => q.serviceTarget.kind === 'response').length;
  if (asyncCount * plan.months > MAX_ASYNC_QUEUE_MONTHS) {
    throw new LocalTeamInputError(
      'queues',
      `${asyncCount} email/social queues over ${plan.months} months is ${asyncCount * plan.months} queue-months; the backlog model is run hour by hour, so a plan may have at most ${MAX_ASYNC_QUEUE_MONTHS} (split the plan or shorten it)`,
    );
  }
  const arrivals = queueArrivals(
    plan,
    queues.map((q) => q.queueId),
    forecasts,
    factors.volume,
  );
  const netAgentHours = new Array<number>(plan.months).fill(0);
  const live: { requirement: HourlyRequirement; staffing: QueueStaffing }[][] = Array.from({ length: plan.months }, () => []);
  const async: AsyncQueueModel[] = [];
  queues.forEach((queue, q) => {
    const aht = (queue.ahtSeconds ?? forecasts.get(queue.queueId)?.ahtSeconds ?? Number.NaN) * factors.aht;
    if (!(aht > 0)) throw new LocalTeamInputError('queues', `queue ${queue.queueId} needs ahtSeconds`);
    if (queue.serviceTarget.kind === 'response') {
      // The backlog model sees tickets × handle time only through their ratio to an agent's
      // throughput, so volume × f and AHT × f staff alike: reuse the run.
      const key = `${queue.queueId}|${factors.volume * factors.aht}`;
      const model = cache?.get(key) ?? asyncQueueModel(asyncTimeline(plan, arrivals[q]!), queue.queueId, aht, queue.serviceTarget.hours, plan.workload.occupancyCap, plan.months);
      cache?.set(key, model);
      model.netAgentHours.forEach((h, i) => (netAgentHours[i]! += h));
      async.push(model);
      return;
    }
    const staffing = liveQueueStaffing({ ...queue, ahtSeconds: aht }, plan.workload.occupancyCap);
    arrivals[q]!.forEach((hours, i) => {
      const requirement = hourlyRequirement(hours, staffing);
      netAgentHours[i]! += requirement.netAgentHours;
      live[i]!.push({ requirement, staffing });
    });
  });
  return { netAgentHours, live, async };
}

/**
 * Required productive FTE per month: explicit FTE as given, otherwise each month's net agent-hours
 * through {@link requiredFteFromAgentHours} with the plan's shrinkage and hours per FTE. Units: FTE.
 * O(months).
 *
 * @example requiredFteByMonth(exampleLocalTeamPlan(), model) // [0, 0, 0, 0, 0, 39, 39, 39, 39, 39, 39, 39]
 */
export function requiredFteByMonth(plan: Pick<LocalTeamPlanInput, 'startMonth' | 'months' | 'workload'>, model: RequirementModel): number[] {
  if (model.explicitFte) return model.explicitFte;
  const months = planMonths(plan.startMonth, plan.months);
  return model.netAgentHours!.map((hours, i) => requiredFteFromAgentHours(hours, plan.workload.shrinkage, plan.workload.hoursPerFtePerWeek, weeksInMonth(months[i]!)));
}

/**
 * The service level the local team is expected to deliver each month with its productive FTE: the
 * roster is the requirement scaled by coverage = productive / required FTE, and the month's service
 * level is the share of the moved contacts answered within their queue's target (service level for
 * live queues, {@link liveAnsweredInTime}; response target for async ones, {@link asyncAnsweredInTime}),
 * over all queues. null for explicit FTE (no volumes) and for months with no work.
 *
 * Units: fraction in [0, 1]. Complexity O(months × covered hours) evaluations plus one backlog replay
 * per async queue.
 *
 * @example serviceLevelByMonth(model, productive, required)[5] // ≈ 0.88 in the worked example's June
 */
export function serviceLevelByMonth(model: RequirementModel, productiveFte: readonly number[], requiredFte: readonly number[]): (number | null)[] {
  if (model.explicitFte) return productiveFte.map(() => null);
  const coverage = productiveFte.map((p, i) => (requiredFte[i]! > 0 ? p / requiredFte[i]! : 0));
  const volume = new Array<number>(coverage.length).fill(0);
  const onTime = new Array<number>(coverage.length).fill(0);
  model.live?.forEach((queues, i) => {
    for (const { requirement, staffing } of queues) {
      const r = liveAnsweredInTime(requirement, staffing, coverage[i]!);
      volume[i]! += r.volume;
      onTime[i]! += r.onTime;
    }
  });
  for (const queue of model.async ?? []) {
    const r = asyncAnsweredInTime(queue, coverage);
    r.volume.forEach((v, i) => {
      volume[i]! += v;
      onTime[i]! += r.onTime[i]!;
    });
  }
  return volume.map((v, i) => (v > 0 ? onTime[i]! / v : null));
}
