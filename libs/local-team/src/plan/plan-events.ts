import { z } from 'zod';
import { EntityId } from '@staffcast/events';
import { LocalTeamPlanInput, planFields } from './plan-input.js';

/**
 * Events of a `local-team-plan-<id>` stream. They live with the local-team context rather than in
 * the shared catalogue because their data is the whole plan schema, which belongs to this context;
 * the catalogue keeps the stream's name (`localTeamPlanStream`). Readers of this stream parse with
 * {@link parseLocalTeamPlanEvent}.
 */

const FieldName = z.enum(Object.keys(planFields.shape) as [keyof typeof planFields.shape, ...(keyof typeof planFields.shape)[]]);

/** LocalTeamPlanDrafted v1: a plan was recorded with these inputs. */
export const LocalTeamPlanDraftedData = z.strictObject({ planId: EntityId, plan: LocalTeamPlanInput });
export type LocalTeamPlanDraftedData = z.infer<typeof LocalTeamPlanDraftedData>;

/** LocalTeamPlanRevised v1: the plan now has these inputs (the whole plan); `changedFields` says which top-level fields the revision replaced. */
export const LocalTeamPlanRevisedData = z.strictObject({ planId: EntityId, plan: LocalTeamPlanInput, changedFields: z.array(FieldName).min(1) });
export type LocalTeamPlanRevisedData = z.infer<typeof LocalTeamPlanRevisedData>;

export const LocalTeamPlanDraftedEvent = z.strictObject({ type: z.literal('LocalTeamPlanDrafted'), data: LocalTeamPlanDraftedData });
export const LocalTeamPlanRevisedEvent = z.strictObject({ type: z.literal('LocalTeamPlanRevised'), data: LocalTeamPlanRevisedData });
export const LocalTeamPlanEvent = z.discriminatedUnion('type', [LocalTeamPlanDraftedEvent, LocalTeamPlanRevisedEvent]);
export type LocalTeamPlanEvent = z.infer<typeof LocalTeamPlanEvent>;
export type LocalTeamPlanEventType = LocalTeamPlanEvent['type'];

/** Current schema version of each event type (what the app layer writes into metadata). */
export const LOCAL_TEAM_PLAN_SCHEMA_VERSIONS: Readonly<Record<LocalTeamPlanEventType, number>> = { LocalTeamPlanDrafted: 1, LocalTeamPlanRevised: 1 };
export const LOCAL_TEAM_PLAN_EVENT_TYPES = Object.keys(LOCAL_TEAM_PLAN_SCHEMA_VERSIONS) as LocalTeamPlanEventType[];

/** A stored event of a plan stream that is not a valid plan event. */
export class LocalTeamPlanEventParseError extends Error {
  override readonly name = 'LocalTeamPlanEventParseError';
}

/**
 * Validates a stored plan event. Only version 1 exists; an unknown type or version is an error, not
 * something to guess at. O(size of the plan).
 */
export function parseLocalTeamPlanEvent(type: string, data: unknown, schemaVersion = 1): LocalTeamPlanEvent {
  const current = Object.hasOwn(LOCAL_TEAM_PLAN_SCHEMA_VERSIONS, type) ? (LOCAL_TEAM_PLAN_SCHEMA_VERSIONS as Record<string, number>)[type] : undefined;
  if (current === undefined) throw new LocalTeamPlanEventParseError(`unknown local-team plan event type "${type.slice(0, 80)}"`);
  if (schemaVersion !== current) throw new LocalTeamPlanEventParseError(`${type} v${schemaVersion}: only v${current} exists`);
  const parsed = LocalTeamPlanEvent.safeParse({ type, data });
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new LocalTeamPlanEventParseError(`${type}: ${first ? `${first.path.join('.')}: ${first.message}` : 'invalid'}`);
  }
  return parsed.data;
}
