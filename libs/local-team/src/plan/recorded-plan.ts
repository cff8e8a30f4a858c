import { foldEvents, parseEvent, type QueueEvent } from '@staffcast/events';
import { queueDecider } from '@staffcast/tickets';
import { inLogAsOf, type AsOf, type LoggedEvent } from './as-of.js';
import { localTeamPlanDecider, type LocalTeamPlanState } from './plan-decider.js';
import { parseLocalTeamPlanEvent } from './plan-events.js';
import type { RecordedQueueFacts } from '../demand/queue-profiles.js';

/**
 * A plan as the log had it at `asOf`: the events of its stream recorded by then, validated and
 * folded. `revision` is the stream revision of the last of them (events counted from 0), undefined
 * when the plan did not exist yet. O(events).
 *
 * @example planAsOf(streamEvents, parseAsOf('2025-03-01T00:00:00Z')).state.status // 'drafted' | 'none'
 */
export function planAsOf(events: readonly LoggedEvent[], asOf?: AsOf): { state: LocalTeamPlanState; revision: bigint | undefined } {
  const visible = events.filter((e) => inLogAsOf(e, asOf));
  const state = foldEvents(
    localTeamPlanDecider,
    visible.map((e) => parseLocalTeamPlanEvent(e.type, e.data, e.metadata.schemaVersion)),
  );
  return { state, revision: visible.length === 0 ? undefined : BigInt(visible.length - 1) };
}

/**
 * What a `queue-<id>` stream said about the queue at `asOf` (its definition with later target
 * changes), or undefined when it was not defined by then. Events are validated and upcast with the
 * catalogue. O(events).
 *
 * @example queueFactsAsOf(queueStreamEvents)?.serviceTarget // { kind: 'sl', percent: 80, seconds: 20 }
 */
export function queueFactsAsOf(events: readonly LoggedEvent[], asOf?: AsOf): RecordedQueueFacts | undefined {
  const parsed = events.filter((e) => inLogAsOf(e, asOf)).map((e) => parseEvent(e.type, e.data, e.metadata.schemaVersion) as QueueEvent);
  const definition = foldEvents(queueDecider, parsed).definition;
  if (definition === undefined) return undefined;
  const facts: RecordedQueueFacts = { queueId: definition.queueId, channel: definition.channel, serviceTarget: definition.serviceTarget, chatConcurrency: definition.chatConcurrency };
  if (definition.callerPatienceSeconds !== undefined) facts.callerPatienceSeconds = definition.callerPatienceSeconds;
  return facts;
}
