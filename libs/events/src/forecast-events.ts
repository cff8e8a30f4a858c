import { z } from 'zod';
import { EntityId, instantMs, IsoDateTime } from './primitives.js';

/** Longest published horizon: eight weeks of hours. */
export const MAX_PUBLISHED_HORIZON_HOURS = 8 * 7 * 24;

/** Contacts per hour; ten million is beyond any support operation, more is a unit error. */
const HourlyValues = z.array(z.number().finite().min(0).max(10_000_000)).max(MAX_PUBLISHED_HORIZON_HOURS);

/**
 * ForecastPublished v1: a queue's hourly forecast as planners published it, with the log position
 * it was computed at, so that it can be reproduced and later compared with what actually arrived.
 */
export const ForecastPublishedData = z
  .strictObject({
    queueId: EntityId,
    publicationId: EntityId,
    publishedAt: IsoDateTime,
    /** Global log position the forecast was computed at (a string, positions are 64-bit). */
    computedAtPosition: z.string().regex(/^\d{1,20}$/, 'must be a log position (digits)'),
    /** First forecast hour (a whole UTC hour). */
    start: IsoDateTime.refine((v) => instantMs(v) % 3_600_000 === 0, 'must be a whole UTC hour'),
    horizonHours: z.number().int().min(1).max(MAX_PUBLISHED_HORIZON_HOURS),
    method: z.string().regex(/^[a-z0-9][a-z0-9_+-]{0,63}$/, 'must be a method name: a-z, 0-9, _, + or -'),
    mean: HourlyValues,
    /** Prediction quantiles, each with one value per hour. */
    quantiles: z.array(z.strictObject({ level: z.number().gt(0).lt(1), values: HourlyValues })).max(9),
  })
  .superRefine((f, ctx) => {
    if (f.mean.length !== f.horizonHours) ctx.addIssue({ code: 'custom', path: ['mean'], message: `must hold horizonHours (${f.horizonHours}) values` });
    f.quantiles.forEach((q, i) => {
      if (q.values.length !== f.horizonHours) ctx.addIssue({ code: 'custom', path: ['quantiles', i, 'values'], message: `must hold horizonHours (${f.horizonHours}) values` });
    });
  });
export type ForecastPublishedData = z.infer<typeof ForecastPublishedData>;
