import { z } from 'zod';
import { EntityId, IsoDateTime, instantMs, uniqueList } from '@staffcast/events';
import { parseAsOf } from '@staffcast/projections';
import { AsOfParam, WholeHour } from '../projections/projections.dto.js';

const HOUR_MS = 3_600_000;
/** Longest horizon a queue forecast or requirement covers: 8 weeks of hours. */
export const MAX_PLAN_HORIZON_HOURS = 8 * 7 * 24;

const WholeUtcHour = WholeHour.transform((v) => instantMs(v));
const AsOfInput = AsOfParam.unwrap().transform((v) => parseAsOf(v)!);

/** `POST /v1/forecasts`: queue forecasts from the recorded history. */
export const QueueForecastRequest = z.strictObject({
  queueIds: uniqueList(EntityId, 50).min(1).optional(),
  from: WholeUtcHour,
  horizonHours: z.number().int().min(1).max(MAX_PLAN_HORIZON_HOURS),
  asOf: AsOfInput.optional(),
  quantiles: z.array(z.number().gt(0).lt(1)).min(1).max(9).optional(),
});

/** `POST /v1/staffing/requirements`: hourly required and scheduled agents per queue and skill set. */
export const RequirementsRequest = QueueForecastRequest.omit({ quantiles: true }).extend({
  /** Share of paid time away from contacts (breaks, training, absence); default 0.3. */
  shrinkage: z.number().min(0).max(0.95).default(0.3),
  /** Largest occupancy of a live agent (and productive share of an async hour); default 0.9. */
  occupancyCap: z.number().gt(0).max(1).default(0.9),
  /** Staff to this forecast quantile instead of the mean, e.g. 0.8. */
  planQuantile: z.number().gt(0).lt(1).optional(),
  chatSlowdownPerExtraChat: z.number().min(0).max(2).default(0),
});

/** `POST /v1/forecasts/publish`: always computed at the current head of the log (no asOf). */
export const PublishRequest = QueueForecastRequest.omit({ asOf: true });

/** `GET /v1/accuracy?queueId&from&to`: forecast hours [from, to), at most a year. */
export const AccuracyQuery = z
  .strictObject({ queueId: EntityId, from: WholeUtcHour, to: WholeUtcHour })
  .superRefine((q, ctx) => {
    if (!(q.to > q.from)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
    else if (q.to - q.from > 366 * 24 * HOUR_MS) ctx.addIssue({ code: 'custom', path: ['to'], message: 'the range from..to may span at most 366 days' });
  });

/** `POST /v1/plans`: the capacity plan over the roster as it stands, or with a scenario's assumptions applied. */
export const PlanRequest = QueueForecastRequest.omit({ quantiles: true }).extend({
  /** Apply this scenario's current assumptions (nothing is recorded; a scenario run records). */
  scenarioId: EntityId.optional(),
  /** The forecast quantile the plan staffs to; default 0.8. */
  planQuantile: z.number().gt(0).lt(1).default(0.8),
  shrinkage: z.number().min(0).max(0.95).default(0.3),
  occupancyCap: z.number().gt(0).max(1).default(0.9),
});

export const PlanQuery = z.strictObject({ format: z.enum(['json', 'csv']).default('json') });

/** `POST /v1/forecasts/intraday`: the rest of the queue's local day, re-forecast from its arrivals so far, and its capacity plan. */
export const IntradayRequest = z.strictObject({
  queueId: EntityId,
  /** The cut-off instant (default now): tickets created before it count. Not in the future. */
  asOf: IsoDateTime.transform((v) => instantMs(v)).optional(),
  quantiles: z.array(z.number().gt(0).lt(1)).min(1).max(9).optional(),
  planQuantile: z.number().gt(0).lt(1).default(0.8),
  shrinkage: z.number().min(0).max(0.95).default(0.3),
  occupancyCap: z.number().gt(0).max(1).default(0.9),
});
export type IntradayRequest = z.infer<typeof IntradayRequest>;
