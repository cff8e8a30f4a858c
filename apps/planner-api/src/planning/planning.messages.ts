import { Query } from '@nestjs/cqrs';
import type { CapacityPlan } from '@staffcast/planning';
import type { RunSummary } from '@staffcast/scenarios';
import type { CapacityPlanRequest } from './capacity-plan.service.js';
import type { QueueForecast, QueueForecastRequest } from './queue-forecast.service.js';

/**
 * The capacity plan with a scenario's current assumptions applied (`POST /v1/plans` with
 * `scenarioId`). Asked on the query bus so that planning does not depend on the scenarios module
 * that answers it. Nothing is recorded: a recorded evaluation is a scenario run.
 */
export class PlanWithScenario extends Query<{ plan: CapacityPlan; baselinePosition: bigint; comparison: RunSummary }> {
  constructor(
    readonly scenarioId: string,
    readonly request: CapacityPlanRequest,
  ) {
    super();
  }
}

/** The answer to `POST /v1/plans`: the plan, and with a scenario its baseline position and comparison. */
export interface PlanAnswer {
  plan: CapacityPlan;
  scenario?: { scenarioId: string; baselinePosition: string; comparison: RunSummary };
}

/** The capacity plan over the roster as it stands, or with a scenario's current assumptions applied. */
export class GetCapacityPlan extends Query<PlanAnswer> {
  constructor(
    readonly request: CapacityPlanRequest,
    readonly scenarioId?: string,
  ) {
    super();
  }
}

/** Hourly volume and AHT forecasts per queue (`POST /v1/forecasts`). */
export class GetQueueForecasts extends Query<{ forecasts: QueueForecast[] }> {
  constructor(readonly request: QueueForecastRequest) {
    super();
  }
}
