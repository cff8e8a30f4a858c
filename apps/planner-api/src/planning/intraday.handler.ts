import { Inject, NotFoundException } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ianaZone, intradayPersistence, intradayReforecast, PERSISTENCE_DAYS, sameSlotPastDays, toLocalGrid } from '@staffcast/forecasting';
import { agentSupply, buildCapacityPlan } from '@staffcast/planning';
import { arrivalsUntil, hourlyHistory, type TicketModel } from '@staffcast/projections';
import { DateTime } from 'luxon';
import { TicketProjectionRunner } from '../projections/ticket-projection.runner.js';
import { PlanningFactsReader } from './planning-facts.service.js';
import { IntradayForecast, type IntradayForecastResult } from './planning.messages.js';
import { QueueForecaster } from './queue-forecast.service.js';

const HOUR_MS = 3_600_000;

/** The UTC hours a local date covers: from the whole UTC hour at or before its midnight to the one at or after the next. */
function localDay(atMs: number, zone: string): { date: string; fromMs: number; hours: number } {
  const midnight = DateTime.fromMillis(atMs, { zone }).startOf('day');
  const fromMs = Math.floor(midnight.toMillis() / HOUR_MS) * HOUR_MS;
  const endMs = Math.ceil(midnight.plus({ days: 1 }).toMillis() / HOUR_MS) * HOUR_MS;
  return { date: midnight.toISODate()!, fromMs, hours: (endMs - fromMs) / HOUR_MS };
}

/** The queue's past days before `dayFromMs` (local midnights), each with its same-slot 4-week mean: what intradayPersistence learns from. */
function pastDays(model: TicketModel, queueId: string, zone: string, dayFromMs: number) {
  const weeks = PERSISTENCE_DAYS / 7 + 4;
  const fromMs = Math.floor(DateTime.fromMillis(dayFromMs, { zone }).minus({ weeks }).startOf('day').toMillis() / HOUR_MS) * HOUR_MS;
  const history = hourlyHistory(model, [queueId], fromMs, dayFromMs).get(queueId)!;
  const grid = toLocalGrid(fromMs, history.arrivals, ianaZone(zone));
  // A zone whose midnight is not a whole UTC hour starts its grid inside a local day: start at the next midnight.
  const skip = (24 - (grid.firstWallHour % 24)) % 24;
  return sameSlotPastDays({ firstWallHour: grid.firstWallHour + skip, values: grid.values.subarray(skip) });
}

/**
 * Re-forecasts the rest of the queue's local day at `atMs`: the morning's forecast of the day (from
 * the history before the day, memoised like any queue forecast), scaled by intradayReforecast from
 * the live projection's arrivals before `atMs` (a ticket recorded a moment ago counts) with the
 * credibility learned from the queue's past 8 weeks (intradayPersistence), and the
 * capacity plan of that re-forecast for the rest of the day against the roster as it stands.
 */
@QueryHandler(IntradayForecast)
export class IntradayForecastHandler implements IQueryHandler<IntradayForecast> {
  constructor(
    @Inject(QueueForecaster) private readonly forecaster: QueueForecaster,
    @Inject(TicketProjectionRunner) private readonly projection: TicketProjectionRunner,
    @Inject(PlanningFactsReader) private readonly factsReader: PlanningFactsReader,
  ) {}

  async execute({ request, atMs }: IntradayForecast): Promise<IntradayForecastResult> {
    const facts = await this.factsReader.load(undefined);
    const queue = facts.queues.get(request.queueId);
    if (!queue) throw new NotFoundException({ error: 'not found', issues: [{ path: 'queueId', message: `queue ${request.queueId} is not defined` }] });
    const { tickets, roster } = await this.projection.modelsAsOf(undefined);
    const day = localDay(atMs, queue.timeZone);
    const levels = [...new Set([...(request.quantiles ?? [0.1, 0.5, 0.9]), request.planQuantile])].sort((a, b) => a - b);
    const { forecasts } = await this.forecaster.forecast({ queueIds: [queue.queueId], fromMs: day.fromMs, horizonHours: day.hours, quantiles: levels }, { facts, model: tickets }).catch((error: unknown) => {
      // The forecaster names its own field (queueIds); this request's is queueId.
      if (error instanceof NotFoundException) throw new NotFoundException({ error: 'no history', issues: [{ path: 'queueId', message: `queue ${queue.queueId} has no recorded tickets before ${day.date}` }] });
      throw error;
    });
    const morning = forecasts[0]!;
    const elapsedHours = (atMs - day.fromMs) / HOUR_MS;
    const arrivals = arrivalsUntil(tickets, queue.queueId, day.fromMs, atMs);
    const persistence = intradayPersistence(pastDays(tickets, queue.queueId, queue.timeZone, day.fromMs), Math.floor(elapsedHours));
    const re = intradayReforecast({ dayAheadMean: morning.volume.mean, dayAheadQuantiles: morning.volume.quantiles, elapsedHours, observed: arrivals, credibility: persistence.credibility });
    const hourIso = (h: number) => new Date(day.fromMs + h * HOUR_MS).toISOString();
    const planFrom = day.fromMs + re.firstHour * HOUR_MS;
    const planHours = day.hours - re.firstHour;
    const plan = buildCapacityPlan({
      fromMs: planFrom,
      horizonHours: planHours,
      occupancyCap: request.occupancyCap,
      queues: [{ queue, volumeMean: re.mean, volumePlanned: re.quantiles[String(request.planQuantile)]!, ahtSeconds: morning.aht.meanSeconds.slice(re.firstHour), shrinkage: request.shrinkage }],
      agents: agentSupply(roster, planFrom, planFrom + planHours * HOUR_MS),
    });
    return {
      queueId: queue.queueId,
      timeZone: queue.timeZone,
      date: day.date,
      asOf: new Date(atMs).toISOString(),
      elapsedHours,
      scale: re.scale,
      credibilityDays: persistence.days,
      dayAhead: { start: morning.start, horizonHours: morning.horizonHours, method: morning.method },
      observed: arrivals.map((n, h) => ({ hour: hourIso(h), arrivals: n, dayAheadMean: morning.volume.mean[h]! })),
      forecast: re.mean.map((mean, i) => ({
        hour: hourIso(re.firstHour + i),
        dayAheadMean: morning.volume.mean[re.firstHour + i]!,
        mean,
        quantiles: Object.fromEntries(Object.entries(re.quantiles).map(([level, values]) => [level, values[i]!])),
      })),
      plan: { from: new Date(planFrom).toISOString(), horizonHours: planHours, planQuantile: request.planQuantile, shrinkage: request.shrinkage, ...plan },
    };
  }
}
