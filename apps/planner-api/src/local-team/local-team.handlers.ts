import { Inject, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { CommandHandler, QueryHandler, type ICommandHandler, type IQueryHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@staffcast/event-store';
import {
  LocalTeamInputError,
  LocalTeamPlanInput,
  localTeamPlanDecider,
  mergeRevision,
  planAsOf,
  projectLocalTeamPlan,
  queueFactsAsOf,
  type RecordedQueueFacts,
} from '@staffcast/local-team';
import { parseOrThrow } from '../http/validation.js';
import { QueueForecaster } from '../planning/queue-forecast.service.js';
import { LocalTeamPlanRepository } from './local-team-plan.repository.js';

/** How far the queue forecast behind a build-out reaches before the monthly carry takes over. */
const BUILD_OUT_FORECAST_HOURS = 8 * 7 * 24;
import { DraftLocalTeamPlan, GetLocalTeamProjection, ListLocalTeamPlans, ReviseLocalTeamPlan, type DraftResult, type LocalTeamPlanListing, type ProjectionResult, type ReviseResult } from './local-team.messages.js';

function notFound(planId: string, asOf: boolean): NotFoundException {
  return new NotFoundException({ error: 'not found', issues: [{ path: 'id', message: `no local-team plan ${planId}${asOf ? ' as of the given point in the log' : ''}` }] });
}

@CommandHandler(DraftLocalTeamPlan)
export class DraftLocalTeamPlanHandler implements ICommandHandler<DraftLocalTeamPlan> {
  constructor(private readonly plans: LocalTeamPlanRepository) {}

  async execute({ plan, ctx, requestTimeMs }: DraftLocalTeamPlan): Promise<DraftResult> {
    const planId = uuidv7(requestTimeMs);
    const events = localTeamPlanDecider.decide({ type: 'DraftLocalTeamPlan', planId, plan }, localTeamPlanDecider.initialState);
    const revision = await this.plans.append(planId, events, 'no_stream', ctx);
    return { planId, revision };
  }
}

@CommandHandler(ReviseLocalTeamPlan)
export class ReviseLocalTeamPlanHandler implements ICommandHandler<ReviseLocalTeamPlan> {
  constructor(private readonly plans: LocalTeamPlanRepository) {}

  async execute({ planId, revision, ctx }: ReviseLocalTeamPlan): Promise<ReviseResult> {
    const { state, revision: current } = planAsOf(await this.plans.planEvents(planId));
    if (state.status === 'none' || current === undefined) throw notFound(planId, false);
    // Every problem of the merged plan at once, as a 400 naming the fields; the decider re-checks.
    parseOrThrow(LocalTeamPlanInput, mergeRevision(state.plan, revision));
    const events = localTeamPlanDecider.decide({ type: 'ReviseLocalTeamPlan', planId, revision }, state);
    if (events.length === 0) return { planId, revision: current, changedFields: [] };
    const next = await this.plans.append(planId, events, current, ctx);
    const changed = events.flatMap((e) => (e.type === 'LocalTeamPlanRevised' ? e.data.changedFields : []));
    return { planId, revision: next, changedFields: changed };
  }
}

@QueryHandler(GetLocalTeamProjection)
export class GetLocalTeamProjectionHandler implements IQueryHandler<GetLocalTeamProjection> {
  constructor(
    private readonly plans: LocalTeamPlanRepository,
    @Inject(QueueForecaster) private readonly forecaster: QueueForecaster,
  ) {}

  async execute({ planId, asOf }: GetLocalTeamProjection): Promise<ProjectionResult> {
    const { state, revision } = planAsOf(await this.plans.planEvents(planId), asOf);
    if (state.status === 'none' || revision === undefined) throw notFound(planId, asOf !== undefined);
    const plan = state.plan;
    const recordedQueues = new Map<string, RecordedQueueFacts>();
    if (plan.demand.kind !== 'explicit-fte') {
      const ids = new Set(plan.takeover.flatMap((phase) => phase.queueIds));
      for (const id of ids) {
        const facts = queueFactsAsOf(await this.plans.queueEvents(id), asOf);
        if (facts) recordedQueues.set(id, facts);
      }
    }
    // Forecast demand: the queues' forecasts from their recorded history (8 weeks ahead), carried
    // beyond by the month-of-year pattern; queues with no history are named by the model's error.
    const forecasts = plan.demand.kind === 'forecast' ? await this.forecaster.forecastForBuildOut([...new Set(plan.takeover.flatMap((p) => p.queueIds))], asOf, BUILD_OUT_FORECAST_HOURS) : undefined;
    try {
      const { months, summary, sensitivity } = projectLocalTeamPlan(plan, { recordedQueues, ...(forecasts ? { forecasts } : {}) });
      return { planId, revision, projection: { months, summary, sensitivity } };
    } catch (error) {
      // The request is fine; the recorded plan cannot be computed (yet): 422, naming the plan field.
      if (error instanceof LocalTeamInputError) {
        throw new UnprocessableEntityException({ error: 'plan cannot be projected', issues: [{ path: error.field, message: error.reason }] });
      }
      throw error;
    }
  }
}

@QueryHandler(ListLocalTeamPlans)
export class ListLocalTeamPlansHandler implements IQueryHandler<ListLocalTeamPlans> {
  constructor(private readonly plans: LocalTeamPlanRepository) {}

  async execute(): Promise<{ plans: LocalTeamPlanListing[] }> {
    const listed: LocalTeamPlanListing[] = [];
    for (const events of await this.plans.allPlanEvents()) {
      const { state, revision } = planAsOf(events);
      if (state.status !== 'drafted' || revision === undefined) continue;
      const { name, market, timeZone, startMonth, months } = state.plan;
      listed.push({ planId: state.planId, name, market, timeZone, startMonth, months, revision: String(revision) });
    }
    return { plans: listed.reverse() };
  }
}
