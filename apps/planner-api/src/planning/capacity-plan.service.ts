import { Inject, Injectable } from '@nestjs/common';
import { agentSupply, buildCapacityPlan, type AgentSupply, type CapacityPlan, type CapacityPlanInputs } from '@staffcast/planning';
import type { AsOf, RosterModel, TicketModel } from '@staffcast/projections';
import { TicketProjectionRunner } from '../projections/ticket-projection.runner.js';
import type { PlanningFacts } from './planning-facts.service.js';
import { QueueForecaster, type QueueForecast } from './queue-forecast.service.js';

const HOUR_MS = 3_600_000;

export interface CapacityPlanRequest {
  queueIds?: string[];
  fromMs: number;
  horizonHours: number;
  asOf?: AsOf;
  planQuantile: number;
  shrinkage: number;
  occupancyCap: number;
}

/** Everything a plan is computed from, as read at the request's `asOf`. */
export interface PlanContext {
  facts: PlanningFacts;
  forecasts: QueueForecast[];
  tickets: TicketModel;
  roster: RosterModel;
  agents: AgentSupply[];
  inputs: CapacityPlanInputs;
  /** The ticket model's position when it was read: if it moved since, events were applied during the read (the live model). */
  readAtPosition: bigint | undefined;
}

/**
 * The capacity plan of the queues' forecasts against the roster as it stands (buildCapacityPlan).
 * Required agents are computed on the planned quantile of the forecast; the projected service on
 * the same volume with the rostered agents.
 */
@Injectable()
export class CapacityPlanner {
  constructor(
    @Inject(QueueForecaster) private readonly forecaster: QueueForecaster,
    @Inject(TicketProjectionRunner) private readonly projection: TicketProjectionRunner,
  ) {}

  async plan(request: CapacityPlanRequest): Promise<CapacityPlan> {
    return buildCapacityPlan((await this.context(request)).inputs);
  }

  /** Reads the log once (one fold for both read models) and forecasts: the inputs of a plan. */
  async context(request: CapacityPlanRequest): Promise<PlanContext> {
    const level = String(request.planQuantile);
    const { tickets, roster } = await this.projection.modelsAsOf(request.asOf);
    const readAtPosition = tickets.position;
    const { facts, forecasts } = await this.forecaster.forecast(
      {
        fromMs: request.fromMs,
        horizonHours: request.horizonHours,
        quantiles: [request.planQuantile],
        ...(request.asOf ? { asOf: request.asOf } : {}),
        ...(request.queueIds ? { queueIds: request.queueIds } : {}),
      },
      { model: tickets },
    );
    const agents = agentSupply(roster, request.fromMs, request.fromMs + request.horizonHours * HOUR_MS);
    const inputs: CapacityPlanInputs = {
      fromMs: request.fromMs,
      horizonHours: request.horizonHours,
      occupancyCap: request.occupancyCap,
      queues: forecasts.map((f) => ({
        queue: facts.queues.get(f.queueId)!,
        volumeMean: f.volume.mean,
        volumePlanned: f.volume.quantiles[level]!,
        ahtSeconds: f.aht.meanSeconds,
        shrinkage: request.shrinkage,
      })),
      agents,
    };
    return { facts, forecasts, tickets, roster, agents, inputs, readAtPosition };
  }
}
