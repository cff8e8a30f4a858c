import { Query } from '@nestjs/cqrs';
import type { CapacityPlan } from '@staffcast/planning';
import type { RunSummary } from '@staffcast/scenarios';
import type { CapacityPlanRequest } from './capacity-plan.service.js';
import type { QueueForecast, QueueForecastRequest } from './queue-forecast.service.js';
import type { IntradayScale } from '@staffcast/forecasting';
import type { IntradayRequest } from './planning.dto.js';

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

export interface IntradayForecastResult {
  queueId: string;
  timeZone: string;
  /** The queue's local date re-forecast. */
  date: string;
  asOf: string;
  /** Hours of the day (from its first UTC hour) elapsed at asOf. */
  elapsedHours: number;
  scale: IntradayScale;
  /** Past days the credibility was learned from. */
  credibilityDays: number;
  dayAhead: { start: string; horizonHours: number; method: string };
  /** Hours begun: arrivals before asOf (the last hour partial) beside the day-ahead forecast. */
  observed: { hour: string; arrivals: number; dayAheadMean: number }[];
  /** The current hour to the end of the day: day-ahead and re-forecast mean, re-forecast quantiles. */
  forecast: { hour: string; dayAheadMean: number; mean: number; quantiles: Record<string, number> }[];
  /** The capacity plan of the re-forecast against the roster, from the current hour to the end of the day. */
  plan: { from: string; horizonHours: number; planQuantile: number; shrinkage: number } & CapacityPlan;
}

/** The rest of a queue's day re-forecast from its arrivals before `atMs`, with its capacity plan (`POST /v1/forecasts/intraday`). */
export class IntradayForecast extends Query<IntradayForecastResult> {
  constructor(
    readonly request: IntradayRequest,
    readonly atMs: number,
  ) {
    super();
  }
}
