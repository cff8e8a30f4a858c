import { z } from 'zod';
import { EntityId, IsoDate, SkillCode, uniqueList } from '@staffcast/events';

/** A schedule id the client may choose (so a retried run is recognised); `rules-` would name a rules stream. */
export const ScheduleId = EntityId.refine((id) => !id.startsWith('rules-'), 'must not start with "rules-"');

/** `POST /v1/schedules/runs`. */
export const RunScheduleRequest = z.strictObject({
  scheduleId: ScheduleId.optional(),
  siteId: EntityId,
  /** Site-local Monday of the first planning week. */
  weekStart: IsoDate.refine((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1, 'must be a Monday'),
  weeks: z.number().int().min(1).max(4).default(1),
  queueIds: uniqueList(EntityId, 50).min(1).optional(),
  /** Take the requirement from the plan under this scenario's assumptions. */
  scenarioId: EntityId.optional(),
  planQuantile: z.number().gt(0).lt(1).default(0.8),
  shrinkage: z.number().min(0).max(0.95).default(0.3),
  occupancyCap: z.number().gt(0).max(1).default(0.9),
  timeLimitSeconds: z.number().gt(0).max(120).default(20),
  mipRelGap: z.number().min(0).max(0.5).default(0.01),
  /** Up to `count` anonymous new-hire lines the run may place (with the roster's ramp from `startDate`). */
  openHeadcount: z
    .strictObject({ count: z.number().int().min(0).max(200), skills: uniqueList(SkillCode, 50).default([]), startDate: IsoDate.optional(), contractId: EntityId.optional() })
    .optional(),
});
export type RunScheduleRequest = z.infer<typeof RunScheduleRequest>;

export const ScheduleQuery = z.strictObject({ format: z.enum(['json', 'csv']).default('json') });
