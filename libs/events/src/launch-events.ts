import { z } from 'zod';
import { CategoryCode, Channel, DisplayName, EntityId, IsoDateTime, MarketCode, ReasonCode, instantMs, uniqueList } from './primitives.js';

/**
 * Launches and campaigns announced by Product and Marketing, which planners want in the forecast.
 */

export const LaunchKind = z.enum(['product', 'campaign', 'regulatory', 'incident', 'other']).describe('What drives the launch');
export type LaunchKind = z.infer<typeof LaunchKind>;

/** How the uplift is spread over the launch window: evenly, or a spike at the start that decays. */
export const UpliftProfile = z.enum(['flat', 'spike-decay']).describe('Shape of the uplift over the launch window');
export type UpliftProfile = z.infer<typeof UpliftProfile>;

/**
 * Expected uplift on the affected tickets: `percent` over the baseline (negative for a dip, above
 * −100), or a number of `extra-tickets` over the whole window.
 */
export const ExpectedUplift = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('percent'), percent: z.number().gt(-100).max(10_000) }),
    z.strictObject({ kind: z.literal('extra-tickets'), tickets: z.number().int().min(0).max(10_000_000) }),
  ])
  .describe('Expected uplift: percent over baseline, or extra tickets over the window');
export type ExpectedUplift = z.infer<typeof ExpectedUplift>;

/** Longest launch window: a year. Longer is a permanent change, not a launch. */
export const MAX_LAUNCH_DAYS = 366;

/** Why a window `[startsAt, endsAt)` is invalid (end not after start, or too long), or undefined. */
export function launchWindowIssue(startsAt: string, endsAt: string): string | undefined {
  const start = instantMs(startsAt);
  const end = instantMs(endsAt);
  if (!(end > start)) return 'must be after startsAt';
  if (end - start > MAX_LAUNCH_DAYS * 86_400_000) return `a launch may last at most ${MAX_LAUNCH_DAYS} days`;
  return undefined;
}

function checkWindow(value: { startsAt: string; endsAt: string }, ctx: z.RefinementCtx): void {
  // A malformed instant is its own field's issue; comparing it would blame endsAt too.
  if (Number.isNaN(instantMs(value.startsAt)) || Number.isNaN(instantMs(value.endsAt))) return;
  const issue = launchWindowIssue(value.startsAt, value.endsAt);
  if (issue) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: issue });
}

/**
 * LaunchScheduled v1. The affected markets, channels and categories filter tickets like a queue's
 * routing match: an empty list means all.
 */
export const LaunchScheduledData = z
  .strictObject({
    launchId: EntityId,
    name: DisplayName,
    kind: LaunchKind,
    markets: uniqueList(MarketCode, 250),
    channels: uniqueList(Channel, 4),
    categories: uniqueList(CategoryCode, 200),
    startsAt: IsoDateTime,
    endsAt: IsoDateTime,
    uplift: ExpectedUplift,
    profile: UpliftProfile,
  })
  .superRefine(checkWindow);
export type LaunchScheduledData = z.infer<typeof LaunchScheduledData>;

/** LaunchRescheduled v1: a new window. */
export const LaunchRescheduledData = z.strictObject({ launchId: EntityId, startsAt: IsoDateTime, endsAt: IsoDateTime }).superRefine(checkWindow);
export type LaunchRescheduledData = z.infer<typeof LaunchRescheduledData>;

/** LaunchUpliftRevised v1: a new expected uplift and profile. */
export const LaunchUpliftRevisedData = z.strictObject({ launchId: EntityId, uplift: ExpectedUplift, profile: UpliftProfile });
export type LaunchUpliftRevisedData = z.infer<typeof LaunchUpliftRevisedData>;

/** LaunchCancelled v1: the launch will not happen; forecasts drop its uplift. */
export const LaunchCancelledData = z.strictObject({ launchId: EntityId, cancelledAt: IsoDateTime, reasonCode: ReasonCode.optional() });
export type LaunchCancelledData = z.infer<typeof LaunchCancelledData>;
