import { z } from 'zod';
import {
  CategoryCode,
  Channel,
  DisplayName,
  EntityId,
  ExpectedUplift,
  IanaTimeZone,
  IsoDate,
  IsoDateTime,
  LaunchKind,
  MarketCode,
  Money,
  ServiceTarget,
  SkillCode,
  UpliftProfile,
  WeeklyShiftPattern,
  instantMs,
  launchWindowIssue,
  uniqueList,
} from '@staffcast/events';
import { Coverage, TakeoverPhase } from '@staffcast/local-team';

/**
 * What-if assumptions. Each kind has its own validated shape; together they change
 * the plan's inputs (volume, AHT, targets, shrinkage, roster) and never the recorded history.
 * Queue, market and category lists filter like a launch's: an empty or missing list means all.
 */

const QueueIds = uniqueList(EntityId, 200);

/** `to` after `from` when both are given and well-formed (a malformed instant is its own field's issue). */
function window(value: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx): void {
  if (value.from === undefined || value.to === undefined) return;
  const from = instantMs(value.from);
  const to = instantMs(value.to);
  if (!Number.isNaN(from) && !Number.isNaN(to) && !(to > from)) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
  }
}

/** A hypothetical launch or campaign, with its expected uplift on the tickets it touches. */
export const LaunchAssumption = z
  .strictObject({
    kind: z.literal('launch'),
    name: DisplayName,
    launchKind: LaunchKind.default('product'),
    markets: uniqueList(MarketCode, 250).default([]),
    channels: uniqueList(Channel, 4).default([]),
    categories: uniqueList(CategoryCode, 200).default([]),
    startsAt: IsoDateTime,
    endsAt: IsoDateTime,
    uplift: ExpectedUplift,
    profile: UpliftProfile.default('flat'),
  })
  .superRefine((v, ctx) => {
    if (Number.isNaN(instantMs(v.startsAt)) || Number.isNaN(instantMs(v.endsAt))) return;
    const issue = launchWindowIssue(v.startsAt, v.endsAt);
    if (issue) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: issue });
  });

/** Volume × factor over [from, to) for the tickets of the listed queues, markets and categories. */
export const VolumeMultiplierAssumption = z
  .strictObject({
    kind: z.literal('volume-multiplier'),
    factor: z.number().min(0).max(100),
    from: IsoDateTime,
    to: IsoDateTime,
    queueIds: QueueIds.default([]),
    markets: uniqueList(MarketCode, 250).default([]),
    categories: uniqueList(CategoryCode, 200).default([]),
  })
  .superRefine(window);

/** Handle time changes by `percent` (15 = 15 % longer) for the listed queues, from/to optional. */
export const AhtChangeAssumption = z
  .strictObject({
    kind: z.literal('aht-change'),
    percent: z.number().gt(-100).max(1000),
    queueIds: QueueIds.default([]),
    from: IsoDateTime.optional(),
    to: IsoDateTime.optional(),
  })
  .superRefine(window);

/** The listed queues plan to this service target instead of their recorded one. */
export const ServiceTargetAssumption = z.strictObject({
  kind: z.literal('service-target'),
  queueIds: QueueIds.min(1),
  target: ServiceTarget,
});

/** The listed queues (all when empty) plan with this shrinkage instead of the request's. */
export const ShrinkageAssumption = z.strictObject({
  kind: z.literal('shrinkage'),
  shrinkage: z.number().min(0).max(0.95),
  queueIds: QueueIds.default([]),
});

/** `count` new agents start on `startDate` at a site, with these skills, schedule and ramp. */
export const HiresAssumption = z.strictObject({
  kind: z.literal('hires'),
  count: z.number().int().min(1).max(1000),
  siteId: EntityId,
  timeZone: IanaTimeZone,
  skills: uniqueList(SkillCode, 50).min(1),
  startDate: IsoDate,
  /** Their weekly pattern; without one the hires have no hours in a plan until a schedule run places them (as new-hire lines). */
  shifts: WeeklyShiftPattern.optional(),
  contractedHoursPerWeek: z.number().gt(0).max(60).default(40),
  hourlyCost: Money.optional(),
  /** Productivity (0–1] by week after the start date; 1 after the list. */
  ramp: z.array(z.number().gt(0).max(1)).max(52).default([0.25, 0.5, 0.75]),
});

/** Agents leave at `monthlyRate` a month (expected value, compounding) from `from` on. */
export const AttritionAssumption = z.strictObject({
  kind: z.literal('attrition'),
  monthlyRate: z.number().min(0).lt(1),
  from: IsoDate,
  siteIds: uniqueList(EntityId, 50).default([]),
});

/**
 * Queues move to a local team: from each phase's month the local team takes that share of the
 * queues' work inside its coverage hours (its own time zone), as a local-team plan's takeover does;
 * the offshore plan keeps the rest.
 */
export const LocalTeamMoveAssumption = z.strictObject({
  kind: z.literal('local-team-move'),
  market: MarketCode.optional(),
  timeZone: IanaTimeZone,
  coverage: Coverage,
  takeover: z.array(TakeoverPhase).min(1).max(50),
});

export const Assumption = z
  .discriminatedUnion('kind', [LaunchAssumption, VolumeMultiplierAssumption, AhtChangeAssumption, ServiceTargetAssumption, ShrinkageAssumption, HiresAssumption, AttritionAssumption, LocalTeamMoveAssumption])
  .describe('A what-if assumption: launch | volume-multiplier | aht-change | service-target | shrinkage | hires | attrition | local-team-move');
export type Assumption = z.infer<typeof Assumption>;
export type AssumptionKind = Assumption['kind'];
