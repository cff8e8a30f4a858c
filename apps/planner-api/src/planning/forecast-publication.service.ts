import { Inject, Injectable } from '@nestjs/common';
import { appendToStreams, uuidv7, type EventStore, type ProposedEvent } from '@staffcast/event-store';
import { forecastStream, schemaVersionOf, type ForecastPublishedData } from '@staffcast/events';
import { bias, coverage, wape } from '@staffcast/forecasting';
import { hourlyVolume } from '@staffcast/projections';
import type { RequestContext } from '../http/request-context.js';
import { TicketProjectionRunner } from '../projections/ticket-projection.runner.js';
import { toDomainEvent } from '../recording/stream-writer.service.js';
import { EVENT_STORE } from '../tokens.js';
import { QueueForecaster } from './queue-forecast.service.js';

const HOUR_MS = 3_600_000;

/** Hours-ahead buckets accuracy is reported by: the first day, the second, the rest of the week, later. */
export const HORIZON_BUCKETS = [
  { label: '1-24', from: 1, to: 24 },
  { label: '25-48', from: 25, to: 48 },
  { label: '49-168', from: 49, to: 168 },
  { label: '169+', from: 169, to: Number.POSITIVE_INFINITY },
] as const;

export interface AccuracyRow {
  horizon: string;
  hours: number;
  actual: number;
  forecast: number;
  /** Σ|y − ŷ| / Σy; null when nothing arrived. */
  wape: number | null;
  /** Σ(ŷ − y) / Σy; null when nothing arrived. */
  bias: number | null;
  /** Share of actuals inside the widest published interval; null without quantiles. */
  coverage: number | null;
  interval: [number, number] | null;
}

@Injectable()
export class ForecastPublisher {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(QueueForecaster) private readonly forecaster: QueueForecaster,
    @Inject(TicketProjectionRunner) private readonly projection: TicketProjectionRunner,
  ) {}

  /**
   * Computes the queues' forecasts at the current head of the log and records each as a
   * ForecastPublished event with that position, so the forecast can be reproduced (POST
   * /v1/forecasts with `asOf` = the position) and scored against the actuals later.
   */
  async publish(request: { queueIds?: string[]; fromMs: number; horizonHours: number; quantiles?: number[] }, ctx: RequestContext, now: Date): Promise<{ publications: { queueId: string; publicationId: string; computedAtPosition: string; position: string }[] }> {
    const head = (await this.store.headPosition()) ?? 0n;
    const { forecasts } = await this.forecaster.forecast({ ...request, asOf: { kind: 'position', position: head } });
    const published = forecasts.map((f) => {
      const data: ForecastPublishedData = {
        queueId: f.queueId,
        publicationId: uuidv7(now.getTime()),
        publishedAt: now.toISOString(),
        computedAtPosition: head.toString(),
        start: f.start,
        horizonHours: f.horizonHours,
        method: f.method,
        mean: f.volume.mean,
        quantiles: Object.entries(f.volume.quantiles).map(([level, values]) => ({ level: Number(level), values })),
      };
      return data;
    });
    const proposals: ProposedEvent[] = published.map((data) => ({
      id: data.publicationId,
      type: 'ForecastPublished',
      data,
      metadata: { actor: ctx.actor, correlationId: ctx.correlationId, schemaVersion: schemaVersionOf('ForecastPublished') },
    }));
    const results = await appendToStreams(
      this.store,
      published.map((data, i) => ({ stream: forecastStream(data.queueId), events: [proposals[i]!] })),
    );
    return {
      publications: published.map((data, i) => ({ queueId: data.queueId, publicationId: data.publicationId, computedAtPosition: data.computedAtPosition, position: results[i]!.position.toString() })),
    };
  }

  /**
   * Published forecasts of a queue against the tickets that arrived, for forecast hours in
   * [fromMs, toMs) that are complete (before the latest recorded ticket's hour): WAPE, bias and
   * interval coverage by hours ahead of the forecast's start, and over all hours.
   */
  async accuracy(queueId: string, fromMs: number, toMs: number): Promise<{ publications: number; hoursCompared: number; byHorizon: AccuracyRow[]; overall: AccuracyRow }> {
    const publications: ForecastPublishedData[] = [];
    for await (const recorded of this.store.readStream(forecastStream(queueId))) {
      const event = toDomainEvent(recorded);
      if (event.type === 'ForecastPublished') publications.push(event.data);
    }
    const model = await this.projection.modelAsOf(undefined);
    let latest = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < model.tickets.createdMs.length; i++) latest = Math.max(latest, model.tickets.createdMs.get(i));
    const completeUntil = Math.min(toMs, Math.floor(latest / HOUR_MS) * HOUR_MS);
    const actuals = completeUntil > fromMs ? hourlyVolume(model, queueId, fromMs, completeUntil).map((r) => r.arrivals) : [];
    const samples: { ahead: number; y: number; f: number; lo?: number; hi?: number }[] = [];
    let used = 0;
    for (const p of publications) {
      const start = Date.parse(p.start);
      const lower = p.quantiles.reduce<(typeof p.quantiles)[number] | undefined>((a, q) => (a === undefined || q.level < a.level ? q : a), undefined);
      const upper = p.quantiles.reduce<(typeof p.quantiles)[number] | undefined>((a, q) => (a === undefined || q.level > a.level ? q : a), undefined);
      let any = false;
      p.mean.forEach((f, h) => {
        const t = start + h * HOUR_MS;
        if (t < fromMs || t >= completeUntil) return;
        const y = actuals[(t - fromMs) / HOUR_MS]!;
        const sample: { ahead: number; y: number; f: number; lo?: number; hi?: number } = { ahead: h + 1, y, f };
        if (lower && upper && lower !== upper) {
          sample.lo = lower.values[h]!;
          sample.hi = upper.values[h]!;
        }
        samples.push(sample);
        any = true;
      });
      if (any) used++;
    }
    const interval = (() => {
      const levels = publications.flatMap((p) => p.quantiles.map((q) => q.level));
      return levels.length >= 2 ? ([Math.min(...levels), Math.max(...levels)] as [number, number]) : null;
    })();
    const row = (label: string, subset: typeof samples): AccuracyRow => {
      const y = subset.map((s) => s.y);
      const f = subset.map((s) => s.f);
      const withInterval = subset.filter((s) => s.lo !== undefined);
      const sumY = y.reduce((a, b) => a + b, 0);
      return {
        horizon: label,
        hours: subset.length,
        actual: sumY,
        forecast: f.reduce((a, b) => a + b, 0),
        wape: sumY > 0 ? wape(y, f) : null,
        bias: sumY > 0 ? bias(y, f) : null,
        coverage: withInterval.length > 0 ? coverage(withInterval.map((s) => s.y), withInterval.map((s) => s.lo!), withInterval.map((s) => s.hi!)) : null,
        interval,
      };
    };
    return {
      publications: used,
      hoursCompared: samples.length,
      byHorizon: HORIZON_BUCKETS.map((b) => row(b.label, samples.filter((s) => s.ahead >= b.from && s.ahead <= b.to))),
      overall: row('all', samples),
    };
  }
}
