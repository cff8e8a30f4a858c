import { z } from 'zod';
import { DisplayName, EntityId, IsoDateTime } from '@staffcast/events';
import { Assumption } from './assumptions.js';
import { RunRequest, RunSummary } from './run.js';

/**
 * Events of a `scenario-<id>` stream. Like local-team plans, they live with their context (their
 * data is this context's assumption and run schemas); the shared catalogue names the stream
 * (`scenarioStream`). Readers parse with {@link parseScenarioEvent}.
 */

/** ScenarioCreated v1. */
export const ScenarioCreatedData = z.strictObject({ scenarioId: EntityId, name: DisplayName, description: z.string().max(2000).optional() });
/** ScenarioAssumptionAdded v1. */
export const ScenarioAssumptionAddedData = z.strictObject({ scenarioId: EntityId, assumptionId: EntityId, assumption: Assumption });
/** ScenarioAssumptionRemoved v1. */
export const ScenarioAssumptionRemovedData = z.strictObject({ scenarioId: EntityId, assumptionId: EntityId });
/**
 * ScenarioRunRecorded v1: a run evaluated at `baselinePosition` (the log position of the baseline
 * it read) with exactly these assumptions; `summary` is its comparison with the baseline and
 * `digest` the SHA-256 of its full rows, so a later re-evaluation can prove it reproduces the run.
 */
export const ScenarioRunRecordedData = z.strictObject({
  scenarioId: EntityId,
  runId: EntityId,
  ranAt: IsoDateTime,
  baselinePosition: z.string().regex(/^\d{1,20}$/),
  request: RunRequest,
  assumptions: z.array(z.strictObject({ assumptionId: EntityId, assumption: Assumption })).max(200),
  summary: RunSummary,
  digest: z.string().regex(/^[0-9a-f]{64}$/),
});

const event = <T extends string, D extends z.ZodType>(type: T, data: D) => z.strictObject({ type: z.literal(type), data });
export const ScenarioEvent = z.discriminatedUnion('type', [
  event('ScenarioCreated', ScenarioCreatedData),
  event('ScenarioAssumptionAdded', ScenarioAssumptionAddedData),
  event('ScenarioAssumptionRemoved', ScenarioAssumptionRemovedData),
  event('ScenarioRunRecorded', ScenarioRunRecordedData),
]);
export type ScenarioEvent = z.infer<typeof ScenarioEvent>;
export type ScenarioEventType = ScenarioEvent['type'];
export type ScenarioRunRecordedData = z.infer<typeof ScenarioRunRecordedData>;

export const SCENARIO_SCHEMA_VERSIONS: Readonly<Record<ScenarioEventType, number>> = { ScenarioCreated: 1, ScenarioAssumptionAdded: 1, ScenarioAssumptionRemoved: 1, ScenarioRunRecorded: 1 };

/** A stored event of a scenario stream that is not a valid scenario event. */
export class ScenarioEventParseError extends Error {
  override readonly name = 'ScenarioEventParseError';
}

/** Validates a stored scenario event; only version 1 exists. O(size of the event). */
export function parseScenarioEvent(type: string, data: unknown, schemaVersion = 1): ScenarioEvent {
  const current = Object.hasOwn(SCENARIO_SCHEMA_VERSIONS, type) ? (SCENARIO_SCHEMA_VERSIONS as Record<string, number>)[type] : undefined;
  if (current === undefined) throw new ScenarioEventParseError(`unknown scenario event type "${type.slice(0, 80)}"`);
  if (schemaVersion !== current) throw new ScenarioEventParseError(`${type} v${schemaVersion}: only v${current} exists`);
  const parsed = ScenarioEvent.safeParse({ type, data });
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ScenarioEventParseError(`${type}: ${first ? `${first.path.join('.')}: ${first.message}` : 'invalid'}`);
  }
  return parsed.data;
}
