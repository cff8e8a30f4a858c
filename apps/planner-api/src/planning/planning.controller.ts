import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { planCsv, queueRequirements, requirementsBySkillSet } from '@staffcast/planning';
import { StaffingInputError } from '@staffcast/staffing';
import { RequireRole } from '../http/auth.js';
import { Ctx, type RequestContext } from '../http/request-context.js';
import { ForecastPublisher } from './forecast-publication.service.js';
import { parseOrThrow, ValidationError } from '../http/validation.js';
import { AccuracyQuery, IntradayRequest, PlanQuery, PlanRequest, PublishRequest, QueueForecastRequest, RequirementsRequest } from './planning.dto.js';
import { GetCapacityPlan, GetQueueForecasts, IntradayForecast, type IntradayForecastResult, type PlanAnswer } from './planning.messages.js';
import type { z } from 'zod';
import { idempotencyKeyFrom, type HttpCommandRequest } from '../recording/command-http.js';
import { QueueForecaster, type QueueForecast } from './queue-forecast.service.js';

const HOUR_MS = 3_600_000;

/** The query a validated `POST /v1/plans` body asks (the CLI's `plan` asks the same). */
export function planQuery(request: z.output<typeof PlanRequest>): GetCapacityPlan {
  const planRequest = {
    fromMs: request.from,
    horizonHours: request.horizonHours,
    planQuantile: request.planQuantile,
    shrinkage: request.shrinkage,
    occupancyCap: request.occupancyCap,
    ...(request.asOf ? { asOf: request.asOf } : {}),
    ...(request.queueIds ? { queueIds: request.queueIds } : {}),
  };
  return new GetCapacityPlan(planRequest, request.scenarioId);
}

/** The JSON answer of `POST /v1/plans`. */
export function planReply(request: z.output<typeof PlanRequest>, { plan, scenario }: PlanAnswer) {
  return { from: new Date(request.from).toISOString(), horizonHours: request.horizonHours, planQuantile: request.planQuantile, shrinkage: request.shrinkage, ...scenario, ...plan };
}

@Controller('v1')
export class PlanningController {
  constructor(
    @Inject(QueueForecaster) private readonly forecaster: QueueForecaster,
    @Inject(ForecastPublisher) private readonly publisher: ForecastPublisher,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  /**
   * The capacity plan, hour by hour for every queue: forecast (mean and the planned quantile), AHT,
   * required agents (net, raw and scheduled), rostered productive agents (shared agents allocated
   * by requirement), the gap, and the service level, abandonment and backlog the roster as it stands
   * gives; summaries per local day and ISO week, and the worst hours. `?format=csv` exports the rows.
   */
  @RequireRole('viewer')
  @HttpCode(200)
  @Post('plans')
  async plans(@Body() body: unknown, @Query() query: unknown, @Res({ passthrough: true }) reply: { header(name: string, value: string): unknown }): Promise<unknown> {
    const { format } = parseOrThrow(PlanQuery, query);
    const request = parseOrThrow(PlanRequest, body);
    const answer = await this.queries.execute(planQuery(request));
    if (format === 'csv') {
      reply.header('content-type', 'text/csv; charset=utf-8');
      return planCsv(answer.plan.rows);
    }
    return planReply(request, answer);
  }

  /**
   * Records the queues' forecasts, computed at the last fact of the log, as ForecastPublished
   * events; `Idempotency-Key` names the publication, so a retry completes a half-written one.
   */
  @RequireRole('planner')
  @Post('forecasts/publish')
  publish(@Body() body: unknown, @Ctx() ctx: RequestContext, @Req() http: HttpCommandRequest): Promise<unknown> {
    const request = parseOrThrow(PublishRequest, body);
    const key = idempotencyKeyFrom(http);
    return this.publisher.publish(
      {
        fromMs: request.from,
        horizonHours: request.horizonHours,
        ...(request.queueIds ? { queueIds: request.queueIds } : {}),
        ...(request.quantiles ? { quantiles: request.quantiles } : {}),
        ...(key ? { publicationKey: key } : {}),
      },
      ctx,
      new Date(),
    );
  }

  /** Published forecasts against the actuals: WAPE, bias and interval coverage by hours ahead. */
  @RequireRole('viewer')
  @Get('accuracy')
  async accuracy(@Query() query: unknown): Promise<unknown> {
    const q = parseOrThrow(AccuracyQuery, query);
    return { queueId: q.queueId, from: new Date(q.from).toISOString(), to: new Date(q.to).toISOString(), ...(await this.publisher.accuracy(q.queueId, q.from, q.to)) };
  }

  /** Hourly volume and AHT forecasts per queue, with the method and its backtest accuracy. */
  @RequireRole('viewer')
  @HttpCode(200)
  @Post('forecasts')
  async forecasts(@Body() body: unknown): Promise<{ from: string; horizonHours: number; queues: QueueForecast[] }> {
    const request = parseOrThrow(QueueForecastRequest, body);
    const { forecasts } = await this.queries.execute(new GetQueueForecasts({
      fromMs: request.from,
      horizonHours: request.horizonHours,
      ...(request.asOf ? { asOf: request.asOf } : {}),
      ...(request.queueIds ? { queueIds: request.queueIds } : {}),
      ...(request.quantiles ? { quantiles: request.quantiles } : {}),
    }));
    return { from: new Date(request.from).toISOString(), horizonHours: request.horizonHours, queues: forecasts };
  }

  /**
   * The rest of the queue's local day re-forecast from its arrivals before `asOf` (default now): the
   * morning's forecast scaled by observed/expected with a credibility weight, its intervals, and the
   * capacity plan of the rest of the day with the same fields as `POST /v1/plans`.
   */
  @RequireRole('viewer')
  @HttpCode(200)
  @Post('forecasts/intraday')
  intraday(@Body() body: unknown): Promise<IntradayForecastResult> {
    const request = parseOrThrow(IntradayRequest, body);
    const nowMs = Date.now();
    if (request.asOf !== undefined && request.asOf > nowMs) throw new ValidationError([{ path: 'asOf', message: 'must not be in the future' }]);
    return this.queries.execute(new IntradayForecast(request, request.asOf ?? nowMs));
  }

  /** Hourly required (net) and scheduled agents per queue and per required skill set. */
  @RequireRole('viewer')
  @HttpCode(200)
  @Post('staffing/requirements')
  async requirements(@Body() body: unknown): Promise<unknown> {
    const request = parseOrThrow(RequirementsRequest, body);
    const quantileKey = request.planQuantile === undefined ? undefined : String(request.planQuantile);
    const { facts, forecasts } = await this.forecaster.forecast({
      fromMs: request.from,
      horizonHours: request.horizonHours,
      ...(request.asOf ? { asOf: request.asOf } : {}),
      ...(request.queueIds ? { queueIds: request.queueIds } : {}),
      ...(quantileKey ? { quantiles: [request.planQuantile!] } : {}),
    });
    const queues = forecasts.map((f) => {
      const queue = facts.queues.get(f.queueId)!;
      const arrivals = quantileKey ? f.volume.quantiles[quantileKey]! : f.volume.mean;
      try {
        const hours = queueRequirements({
          queue,
          startMs: request.from,
          arrivals,
          ahtSeconds: f.aht.meanSeconds,
          shrinkage: request.shrinkage,
          occupancyCap: request.occupancyCap,
          chatSlowdownPerExtraChat: request.chatSlowdownPerExtraChat,
        });
        return { queueId: f.queueId, requiredSkills: queue.requiredSkills, channel: queue.channel, hours };
      } catch (error) {
        // A target no staffing meets for this forecast: name the queue.
        if (error instanceof StaffingInputError) throw new StaffingInputError(`queueIds`, `queue ${f.queueId}: ${error.reason}`);
        throw error;
      }
    });
    const bySkill = requirementsBySkillSet(queues, request.shrinkage);
    const hourIso = (h: number) => new Date(request.from + h * HOUR_MS).toISOString();
    return {
      from: hourIso(0),
      horizonHours: request.horizonHours,
      forecastBasis: quantileKey ? `quantile ${quantileKey}` : 'mean',
      shrinkage: request.shrinkage,
      queues: queues.map((q) => ({
        queueId: q.queueId,
        channel: q.channel,
        requiredSkills: q.requiredSkills,
        hours: q.hours.map((h) => ({
          hour: new Date(h.hourMs).toISOString(),
          open: h.open,
          arrivals: h.arrivals,
          ahtSeconds: h.ahtSeconds,
          requiredAgents: h.requiredAgents,
          rawAgents: h.rawAgents,
          scheduledAgents: h.scheduledAgents,
          ...(h.backlogEnd !== undefined ? { backlogEnd: h.backlogEnd } : {}),
        })),
      })),
      skills: [...bySkill].map(([skillSet, v]) => ({
        skillSet,
        hours: v.rawAgents.map((raw, i) => ({ hour: hourIso(i), rawAgents: raw, requiredAgents: v.requiredAgents[i]!, scheduledAgents: v.scheduledAgents[i]! })),
      })),
    };
  }
}
