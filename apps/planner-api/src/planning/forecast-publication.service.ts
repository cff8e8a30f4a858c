import { Inject, Injectable } from '@nestjs/common';
import { appendToStreams, canonicalJson, uuidFromName, type EventStore, type ProposedEvent } from '@staffcast/event-store';
import { forecastStream, schemaVersionOf, type ForecastPublishedData } from '@staffcast/events';
import { bias, coverage, wape } from '@staffcast/forecasting';
import { hourlyVolume } from '@staffcast/projections';
import type { RequestContext } from '../http/request-context.js';
import { TicketProjectionRunner } from '../projections/ticket-projection.runner.js';
import { toDomainEvent } from '../recording/stream-writer.service.js';
import { EVENT_STORE } from '../tokens.js';
import { QueueForecaster } from './queue-forecast.service.js';

const HOUR_MS = 3_600_000;
/** Forecast events read back at most to find the last fact (see lastFactPosition). */
const PUBLICATION_SCAN = 10_000;

export interface PublishForecastsRequest {
  queueIds?: string[];
  fromMs: number;
  horizonHours: number;
  quantiles?: number[];
  /** Names the publication; a retry with the same key completes it. */
  publicationKey?: string;
}

/** A queue's publication id: a name-based UUID of the publication key and the queue, the same on every retry. */
function publicationId(key: string, queueId: string): string {
  return uuidFromName(`forecast-publication/${key}/${queueId}`);
}

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
   * Computes the queues' forecasts at the last fact of the log and records each as a
   * ForecastPublished event with that position, so the forecast can be reproduced (POST
   * /v1/forecasts with `asOf` = the position) and scored against the actuals later.
   *
   * One publication writes one stream per queue, which EventStoreDB cannot write atomically, so it
   * is idempotent and resumable instead: the publication key (the request's `Idempotency-Key`, or
   * the request itself with the position it is computed at) names every event deterministically.
   * A retry after a failure part-way finds the queues already written (the last event of each
   * queue's stream), recomputes at their position, and writes only the rest: each queue's forecast
   * is stored exactly once. On sqlite and memory the streams are written in one transaction.
   */
  async publish(request: PublishForecastsRequest, ctx: RequestContext, now: Date): Promise<{ publications: { queueId: string; publicationId: string; computedAtPosition: string; position: string }[] }> {
    const at = await this.lastFactPosition();
    const key = request.publicationKey ?? canonicalJson({ queueIds: request.queueIds ?? null, fromMs: request.fromMs, horizonHours: request.horizonHours, quantiles: request.quantiles ?? null, at: at.toString() });
    const forecastAt = async (position: bigint) => (await this.forecaster.forecast({ ...request, asOf: { kind: 'position', position } })).forecasts;
    let forecasts = await forecastAt(at);
    const earlier = await this.earlierPart(key, forecasts.map((f) => f.queueId));
    const computedAt = earlier ? BigInt(earlier.computedAtPosition) : at;
    if (computedAt !== at) forecasts = await forecastAt(computedAt);
    const published = forecasts.map(
      (f): ForecastPublishedData => ({
        queueId: f.queueId,
        publicationId: publicationId(key, f.queueId),
        publishedAt: earlier?.publishedAt ?? now.toISOString(),
        computedAtPosition: computedAt.toString(),
        start: f.start,
        horizonHours: f.horizonHours,
        method: f.method,
        mean: f.volume.mean,
        quantiles: Object.entries(f.volume.quantiles).map(([level, values]) => ({ level: Number(level), values })),
      }),
    );
    const proposals: ProposedEvent[] = published.map((data) => ({
      id: data.publicationId,
      type: 'ForecastPublished',
      data,
      metadata: { actor: ctx.actor, correlationId: ctx.correlationId, schemaVersion: schemaVersionOf('ForecastPublished') },
    }));
    // 'any': a queue already written by an earlier try is found among its stream's last events and not written again.
    const results = await appendToStreams(
      this.store,
      published.map((data, i) => ({ stream: forecastStream(data.queueId), events: [proposals[i]!], expectedRevision: 'any' as const })),
    );
    return {
      publications: published.map((data, i) => ({ queueId: data.queueId, publicationId: data.publicationId, computedAtPosition: data.computedAtPosition, position: results[i]!.position.toString() })),
    };
  }

  /**
   * Position of the last event that is not itself a published forecast: what the forecasts are
   * computed at, so a publication's own events do not move it. Reads back over at most
   * {@link PUBLICATION_SCAN} forecast events, then settles for the head.
   */
  private async lastFactPosition(): Promise<bigint> {
    let head: bigint | undefined;
    let seen = 0;
    for await (const event of this.store.readAll({ direction: 'backwards', maxCount: PUBLICATION_SCAN })) {
      head ??= event.position;
      if (event.type !== 'ForecastPublished') return event.position;
      seen++;
    }
    return seen >= PUBLICATION_SCAN ? head! : 0n;
  }

  /** The publication `key` as an earlier try stored it for one of `queueIds`: the last event of each queue's stream. */
  private async earlierPart(key: string, queueIds: readonly string[]): Promise<ForecastPublishedData | undefined> {
    for (const queueId of queueIds) {
      for await (const recorded of this.store.readStream(forecastStream(queueId), { direction: 'backwards', maxCount: 1, requiresLeader: true })) {
        const event = toDomainEvent(recorded);
        if (event.type === 'ForecastPublished' && event.data.publicationId === publicationId(key, queueId)) return event.data;
      }
    }
    return undefined;
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
