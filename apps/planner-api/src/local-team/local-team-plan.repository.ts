import { Inject, Injectable } from '@nestjs/common';
import { deterministicEventId, uuidFromName, type EventStore, type ExpectedRevision } from '@staffcast/event-store';
import { localTeamPlanStream, queueStream } from '@staffcast/events';
import { LOCAL_TEAM_PLAN_SCHEMA_VERSIONS, type LocalTeamPlanEvent, type LoggedEvent } from '@staffcast/local-team';
import type { RequestContext } from '../http/request-context.js';
import { readCategoryStreams } from '../recording/category-streams.js';
import { EVENT_STORE } from '../tokens.js';

/** Reads and writes `local-team-plan-<id>` streams (and reads the queue streams a plan refers to). */
@Injectable()
export class LocalTeamPlanRepository {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Every event of the plan's stream, oldest first. */
  planEvents(planId: string): Promise<LoggedEvent[]> {
    return this.read(localTeamPlanStream(planId));
  }

  /** Every plan stream's events, oldest first within each stream, streams in log order of drafting. */
  async allPlanEvents(): Promise<LoggedEvent[][]> {
    const streams = await readCategoryStreams(this.store, 'local-team-plan');
    return [...streams.values()].map((events) => events.map((e) => ({ type: e.type, data: e.data, position: e.position, metadata: e.metadata })));
  }

  queueEvents(queueId: string): Promise<LoggedEvent[]> {
    return this.read(queueStream(queueId));
  }

  /**
   * Appends decided events at the expected revision. Ids derive from the stream and the revision
   * each event lands at, so a retried append of the same decision is written once.
   */
  async append(planId: string, events: readonly LocalTeamPlanEvent[], expectedRevision: ExpectedRevision, ctx: RequestContext): Promise<bigint> {
    const stream = localTeamPlanStream(planId);
    const first = typeof expectedRevision === 'bigint' ? expectedRevision + 1n : 0n;
    const result = await this.store.append(
      stream,
      events.map((event, i) => ({
        id: uuidFromName(deterministicEventId(stream, `${event.type}/${first + BigInt(i)}`)),
        type: event.type,
        data: event.data,
        metadata: { actor: ctx.actor, correlationId: ctx.correlationId, schemaVersion: LOCAL_TEAM_PLAN_SCHEMA_VERSIONS[event.type] },
      })),
      { expectedRevision },
    );
    return result.nextExpectedRevision;
  }

  private async read(stream: string): Promise<LoggedEvent[]> {
    const events: LoggedEvent[] = [];
    for await (const e of this.store.readStream(stream)) events.push({ type: e.type, data: e.data, position: e.position, metadata: e.metadata });
    return events;
  }
}
