import { MAX_HORIZON_HOURS } from '@staffcast/forecasting';
import { IANAZone } from 'luxon';
import { z } from 'zod';

/** Five years of hourly values: far more than any method looks at, and bounded work per request. */
export const MAX_VALUES = 43_800;

const utcHour = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s), 'must be an ISO-8601 date-time with an offset, e.g. 2024-03-10T07:00:00Z')
  .refine((s) => Date.parse(s) % 3_600_000 === 0, 'must fall on a whole UTC hour');

const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  // zod runs every check even after the regex fails, so this one must not throw on any string.
  .refine((s) => {
    const ms = Date.parse(`${s}T00:00:00Z`);
    return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === s;
  }, 'is not a calendar date');

/** The body of `POST /v1/forecasts/series` (issue 5 §2). */
export const SeriesForecastRequest = z.strictObject({
  /** ISO UTC hour of values[0] */
  start: utcHour,
  /** contacts per hour, null for a missing hour */
  values: z.array(z.number().finite().nonnegative().nullable()).min(1).max(MAX_VALUES),
  horizonHours: z.number().int().min(1).max(MAX_HORIZON_HOURS),
  timeZone: z
    .string()
    .max(64)
    .refine((s) => IANAZone.isValidZone(s), 'must be an IANA time zone, e.g. America/New_York')
    .optional(),
  quantiles: z.array(z.number().gt(0).lt(1)).max(19).optional(),
  holidays: z.array(localDate).max(2_000).optional(),
  launches: z
    .array(
      z.strictObject({
        start: utcHour,
        end: utcHour,
        /** expected uplift of the window's volume, percent; learned from past launches of the same kind when absent */
        upliftPct: z.number().gt(-100).max(10_000).optional(),
        kind: z.string().min(1).max(64).optional(),
        profile: z.enum(['flat', 'spike-decay']).optional(),
      }),
    )
    .max(500)
    .optional(),
});
export type SeriesForecastRequest = z.infer<typeof SeriesForecastRequest>;

/** How the published forecast did on its own backtest, beside the best simple same-slot estimator. */
export const SeriesBacktestReport = z.strictObject({
  origins: z.number().int().nonnegative(),
  horizonHours: z.number().int().nonnegative(),
  /** WAPE of the published forecast on the origins that scored it out of sample; null without a backtest */
  wape: z.number().nonnegative().nullable(),
  /** the best simple same-slot estimator (e.g. the 4-week same-hour-of-week mean) on the same origins */
  baseline: z.strictObject({ method: z.string(), wape: z.number().nonnegative().nullable() }).nullable(),
  /** share of the evidence-weighted combination, the rest on the best simple estimator; null when a simple estimator is published alone */
  combinationShare: z.number().min(0).max(1).nullable(),
});

const ratio = z.number().nullable();

/** The answer of `POST /v1/forecasts/series`. */
export const SeriesForecastResponse = z.strictObject({
  start: z.string(),
  horizonHours: z.number().int(),
  method: z.string(),
  weights: z.record(z.string(), z.number()),
  mean: z.array(z.number()),
  quantiles: z.record(z.string(), z.array(z.number())),
  backtest: SeriesBacktestReport,
  holidayEffect: z.strictObject({ ratio, nextOpenDayRatio: ratio }),
  monthTurnEffect: z.record(z.string(), ratio),
  launches: z.strictObject({
    past: z.array(
      z.strictObject({ start: z.string(), end: z.string(), kind: z.string().optional(), market: z.string().optional(), realisedUpliftPct: ratio }),
    ),
    applied: z.array(
      z.strictObject({
        start: z.string(),
        end: z.string(),
        kind: z.string().optional(),
        upliftPct: z.number(),
        source: z.enum(['given', 'learned', 'none']),
        profile: z.enum(['flat', 'spike-decay']),
      }),
    ),
  }),
});
export type SeriesForecastResponse = z.infer<typeof SeriesForecastResponse>;
