import { z } from 'zod';
import { EntityId, IsoDate, IsoDateTime, SkillCode, instantMs } from '@staffcast/events';
import { UNROUTED, parseAsOf } from '@staffcast/projections';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** `asOf`: a log position (digits) or an ISO-8601 instant meaning "events recorded up to then". */
export const AsOfParam = z
  .string()
  .max(40)
  .refine((v) => parseAsOf(v) !== undefined, 'must be a log position (digits) or an ISO-8601 time with an offset or Z')
  .optional();

/** A queue id, or the reserved `_unrouted` bucket of tickets no queue takes. */
export const QueueIdParam = z.union([EntityId, z.literal(UNROUTED)]);

function rangeCheck(maxDays: number, toMs: (v: string) => number) {
  return (q: { from: string; to: string }, ctx: z.RefinementCtx) => {
    const span = toMs(q.to) - toMs(q.from);
    if (!(span > 0)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
    else if (span > maxDays * DAY_MS) ctx.addIssue({ code: 'custom', path: ['to'], message: `the range from..to may span at most ${maxDays} days` });
  };
}

const dateMs = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** A whole UTC hour; one issue per bad value (the hour check only runs on a valid instant). */
export const WholeHour = IsoDateTime.refine((v) => Number.isNaN(instantMs(v)) || instantMs(v) % HOUR_MS === 0, 'must be a whole UTC hour, e.g. 2026-11-01T13:00:00Z');

/** `GET /v1/queues/:id/volume`: UTC hours [from, to). */
export const volumeQuery = (maxDays: number) => z.strictObject({ from: WholeHour, to: WholeHour, asOf: AsOfParam }).superRefine(rangeCheck(maxDays, instantMs));

/** `GET /v1/kpis`: local dates [from, to) of the queue's zone, by day or ISO week (weeks whole). */
export const kpisQuery = (maxDays: number) =>
  z
    .strictObject({ queueId: QueueIdParam, from: IsoDate, to: IsoDate, granularity: z.enum(['day', 'week']).default('day'), asOf: AsOfParam })
    .superRefine(rangeCheck(maxDays, dateMs));

/** `GET /v1/drivers`: UTC ISO weeks covering the dates [from, to). */
export const driversQuery = (maxDays: number) => z.strictObject({ from: IsoDate, to: IsoDate, asOf: AsOfParam }).superRefine(rangeCheck(maxDays, dateMs));

/** New-hire ramp as a query value: comma-separated productivity fractions for tenure weeks 1, 2, … */
const RampParam = z
  .string()
  .max(400)
  .regex(/^(0(\.\d{1,4})?|1(\.0{1,4})?)(,(0(\.\d{1,4})?|1(\.0{1,4})?)){0,51}$/, 'must be up to 52 comma-separated fractions between 0 and 1, e.g. 0.25,0.5,0.75')
  .transform((v) => v.split(',').map(Number))
  .optional();

/** `GET /v1/roster`: UTC hours [from, to), optionally one skill and/or one site, and a ramp. */
export const rosterQuery = (maxDays: number) =>
  z.strictObject({ from: WholeHour, to: WholeHour, skill: SkillCode.optional(), site: EntityId.optional(), ramp: RampParam, asOf: AsOfParam }).superRefine(rangeCheck(maxDays, instantMs));

/** `GET /v1/projections/status` takes nothing. */
export const statusQuery = z.strictObject({});
