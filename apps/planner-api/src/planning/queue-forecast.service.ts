import { Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { LaunchScheduledData, QueueDefinedData } from '@staffcast/events';
import type { LaunchInput } from '@staffcast/forecasting';
import { DateTime } from 'luxon';
import { hourlyHistory, hourlyVolume, type AsOf, type TicketModel } from '@staffcast/projections';
import { TicketProjectionRunner } from '../projections/ticket-projection.runner.js';
import { ForecastMemo } from './forecast-memo.js';
import { PlanningFactsReader, type PlanningFacts } from './planning-facts.service.js';

const HOUR_MS = 3_600_000;
/** History fed to the forecaster: its fit window (16 weeks) plus room for backtests and holidays. */
export const HISTORY_WEEKS = 26;

export interface QueueForecastRequest {
  queueIds?: string[];
  /** First forecast hour, epoch ms (a whole UTC hour). */
  fromMs: number;
  horizonHours: number;
  asOf?: AsOf;
  quantiles?: number[];
}

/** The published forecast's out-of-sample error beside the best simple same-slot estimator's. */
export interface QueueForecastBacktest {
  origins: number;
  horizonHours: number;
  wape: number | null;
  baseline: { method: string; wape: number | null } | null;
  combinationShare: number | null;
}

export interface QueueForecast {
  queueId: string;
  timeZone: string;
  channel: string;
  start: string;
  horizonHours: number;
  method: string;
  weights: Record<string, number>;
  backtest: QueueForecastBacktest;
  historyHours: number;
  volume: { mean: number[]; quantiles: Record<string, number[]> };
  aht: { meanSeconds: number[]; trendPctPerWeek: number };
  launches: { applied: unknown[]; past: unknown[] };
}

/** Queue forecasts from the hourly projection, the queue's market holidays and the launches that touch it. */
@Injectable()
export class QueueForecaster {
  constructor(
    @Inject(TicketProjectionRunner) private readonly projection: TicketProjectionRunner,
    @Inject(PlanningFactsReader) private readonly factsReader: PlanningFactsReader,
    // Forecasts are pure functions of their inputs: an unchanged history window reuses its forecast.
    @Inject(ForecastMemo) private readonly memo: ForecastMemo,
  ) {}

  /**
   * Forecasts for planning beyond the weekly horizon (local-team build-outs): the forecast from the
   * hour after the last recorded ticket, and each queue's recorded monthly volumes (whole months in
   * the queue's time zone) for its month-of-year pattern. Queues without history are left out.
   */
  async forecastForBuildOut(queueIds: readonly string[], asOf: AsOf | undefined, horizonHours: number): Promise<Map<string, BuildOutForecast>> {
    const model = await this.projection.modelAsOf(asOf);
    const lastMs = latestTicketMs(model);
    const out = new Map<string, BuildOutForecast>();
    if (lastMs === undefined) return out;
    const fromMs = Math.floor(lastMs / HOUR_MS) * HOUR_MS + HOUR_MS;
    const facts = await this.factsReader.load(asOf);
    const known = queueIds.filter((id) => facts.queues.has(id) && hourlyVolume(model, id, fromMs - 7 * 24 * HOUR_MS, fromMs).some((r) => r.arrivals > 0));
    if (known.length === 0) return out;
    const { forecasts } = await this.forecast({ queueIds: known, fromMs, horizonHours, ...(asOf ? { asOf } : {}) }, { facts, model });
    const firstMs = Math.min(...model.tickets.createdMs.slice(0));
    for (const f of forecasts) {
      const rows = hourlyVolume(model, f.queueId, Math.floor(firstMs / HOUR_MS) * HOUR_MS, fromMs);
      const monthly = new Map<string, number>();
      rows.forEach((r) => {
        const month = DateTime.fromISO(r.hour, { zone: f.timeZone }).toFormat('yyyy-MM');
        monthly.set(month, (monthly.get(month) ?? 0) + r.arrivals);
      });
      // Only whole months: drop the first and last, which the history cuts.
      const history = [...monthly.entries()].slice(1, -1).map(([month, volume]) => ({ month, volume }));
      const startMs = Date.parse(f.start);
      const handled = f.volume.mean.reduce((a, v) => a + v, 0);
      out.set(f.queueId, {
        queueId: f.queueId,
        hourly: f.volume.mean.map((volume, h) => ({ startMs: startMs + h * HOUR_MS, volume })),
        history,
        ahtSeconds: handled > 0 ? f.volume.mean.reduce((a, v, h) => a + v * f.aht.meanSeconds[h]!, 0) / handled : (f.aht.meanSeconds[0] ?? 0),
      });
    }
    return out;
  }

  /**
   * Forecasts per queue. `loaded` passes the queue facts and ticket model a caller already read at
   * the same `asOf`, so an as-of bound is not folded from the log twice.
   */
  async forecast(request: QueueForecastRequest, loaded: { facts?: PlanningFacts; model?: TicketModel } = {}): Promise<{ facts: PlanningFacts; forecasts: QueueForecast[] }> {
    const facts = loaded.facts ?? (await this.factsReader.load(request.asOf));
    const ids = request.queueIds ?? [...facts.queues.keys()].sort();
    for (const id of ids) {
      if (!facts.queues.has(id)) throw new NotFoundException({ error: 'not found', issues: [{ path: 'queueIds', message: `queue ${id} is not defined${request.asOf ? ' as of asOf' : ''}` }] });
    }
    const model = loaded.model ?? (await this.projection.modelAsOf(request.asOf));
    const historyStart = request.fromMs - HISTORY_WEEKS * 7 * 24 * HOUR_MS;
    const histories = hourlyHistory(model, ids, historyStart, request.fromMs);
    const quantiles = request.quantiles ?? [0.1, 0.5, 0.9];
    // Every queue is checked before any is forecast, so a queue without history fails the request before any fit starts.
    const windows = ids.map((id) => {
      const rows = histories.get(id)!;
      const first = rows.arrivals.findIndex((a, h) => a > 0 || rows.handled[h]! > 0);
      if (first < 0) {
        throw new NotFoundException({ error: 'no history', issues: [{ path: 'queueIds', message: `queue ${id} has no recorded tickets in the ${HISTORY_WEEKS} weeks before from` }] });
      }
      // A handle time is learned from resolved tickets; without one the queue cannot be staffed.
      if (!rows.handled.some((handled) => handled > 0)) {
        throw new UnprocessableEntityException({ error: 'no handle time', issues: [{ path: 'queueIds', message: `queue ${id} has no resolved tickets in the ${HISTORY_WEEKS} weeks before from, so there is no handle time to forecast` }] });
      }
      return { id, queue: facts.queues.get(id)!, rows, first, start: new Date(historyStart + first * HOUR_MS).toISOString() };
    });
    // Every queue's forecast is asked for before any is awaited, so the worker threads fit queues in parallel.
    const forecasts = await Promise.all(
      windows.map(async ({ id, queue, rows, first, start }) => {
        const volume = await this.memo.series({
          start,
          values: Array.from(rows.arrivals.subarray(first)),
          horizonHours: request.horizonHours,
          timeZone: queue.timeZone,
          quantiles,
          holidays: queue.routing.markets.flatMap((m) => facts.holidays.get(m) ?? []),
          launches: launchesFor(queue, facts.launches),
        });
        const aht = this.memo.aht({
          start,
          ahtSeconds: rows.ahtSeconds.slice(first),
          handled: Array.from(rows.handled.subarray(first)),
          horizonHours: request.horizonHours,
          timeZone: queue.timeZone,
        });
        return {
          queueId: id,
          timeZone: queue.timeZone,
          channel: queue.channel,
          start: volume.start,
          horizonHours: volume.horizonHours,
          method: volume.method,
          weights: volume.weights,
          backtest: {
            origins: volume.backtest.origins,
            horizonHours: volume.backtest.horizonHours,
            wape: volume.backtest.wape,
            baseline: volume.backtest.baseline,
            combinationShare: volume.backtest.combinationShare,
          },
          historyHours: rows.arrivals.length - first,
          volume: { mean: volume.mean, quantiles: volume.quantiles },
          aht: { meanSeconds: aht.mean, trendPctPerWeek: aht.trendPctPerWeek },
          launches: volume.launches,
        };
      }),
    );
    return { facts, forecasts };
  }
}

export interface BuildOutForecast {
  queueId: string;
  hourly: { startMs: number; volume: number }[];
  history: { month: string; volume: number }[];
  ahtSeconds: number;
}

function latestTicketMs(model: TicketModel): number | undefined {
  const created = model.tickets.createdMs;
  let latest: number | undefined;
  for (let i = 0; i < created.length; i++) latest = latest === undefined ? created.get(i) : Math.max(latest, created.get(i));
  return latest;
}

/** Launches whose markets, channels and categories (empty = all) overlap the queue's routing. */
export function launchesFor(queue: QueueDefinedData, launches: readonly LaunchScheduledData[]): LaunchInput[] {
  const overlaps = (affected: readonly string[], routed: readonly string[]) => affected.length === 0 || routed.length === 0 || affected.some((a) => routed.includes(a));
  return launches
    .filter((l) => overlaps(l.markets, queue.routing.markets) && overlaps(l.channels, queue.routing.channels) && overlaps(l.categories, queue.routing.categories))
    .map((l) => {
      const input: LaunchInput = { start: floorHour(l.startsAt), end: ceilHour(l.endsAt), kind: l.kind, profile: l.profile };
      if (l.markets.length === 1) input.market = l.markets[0]!;
      // A percentage applies to the queue's volume; extra tickets cannot be split across queues here, so they are learned instead.
      if (l.uplift.kind === 'percent') input.upliftPct = l.uplift.percent;
      return input;
    });
}

function floorHour(iso: string): string {
  return new Date(Math.floor(Date.parse(iso) / HOUR_MS) * HOUR_MS).toISOString();
}
function ceilHour(iso: string): string {
  return new Date(Math.ceil(Date.parse(iso) / HOUR_MS) * HOUR_MS).toISOString();
}
