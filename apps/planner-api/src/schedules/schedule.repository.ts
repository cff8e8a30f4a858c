import { Inject, Injectable } from '@nestjs/common';
import { appendToStreams, uuidFromName, type EventStore, type ExpectedRevision, type ProposedEvent, type StreamWrite } from '@staffcast/event-store';
import { foldEvents, parseScheduleEvent, scheduleRulesStream, scheduleStream, SCHEDULE_SCHEMA_VERSIONS, type ScheduleEvent, type ShiftRulesEvent } from '@staffcast/events';
import { scheduleDecider, shiftRulesDecider, type ScheduleState, type ShiftRulesState } from '@staffcast/scheduling';
import type { RequestContext } from '../http/request-context.js';
import { EVENT_STORE } from '../tokens.js';

type Loaded<S> = { state: S; expectedRevision: ExpectedRevision };

/** Reads and writes `schedule-rules-<site>` and `schedule-<id>` streams; ids derive from the stream and revision. */
@Injectable()
export class ScheduleRepository {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  loadRules(siteId: string): Promise<Loaded<ShiftRulesState>> {
    return this.load(scheduleRulesStream(siteId), (events) => foldEvents(shiftRulesDecider, events as ShiftRulesEvent[]));
  }

  loadSchedule(scheduleId: string): Promise<Loaded<ScheduleState>> {
    return this.load(scheduleStream(scheduleId), (events) => foldEvents(scheduleDecider, events as ScheduleEvent[]));
  }

  /** The events as proposed for a schedule or rules stream at `expectedRevision` (deterministic ids). */
  proposed(stream: string, events: readonly (ScheduleEvent | ShiftRulesEvent)[], expectedRevision: ExpectedRevision, ctx: RequestContext): ProposedEvent[] {
    const first = typeof expectedRevision === 'bigint' ? expectedRevision + 1n : 0n;
    return events.map((event, i) => ({
      id: uuidFromName(`${stream}/${event.type}/${first + BigInt(i)}`),
      type: event.type,
      data: event.data,
      metadata: { actor: ctx.actor, correlationId: ctx.correlationId, schemaVersion: SCHEDULE_SCHEMA_VERSIONS[event.type] },
    }));
  }

  async append(stream: string, events: readonly (ScheduleEvent | ShiftRulesEvent)[], expectedRevision: ExpectedRevision, ctx: RequestContext): Promise<void> {
    if (events.length === 0) return;
    await this.store.append(stream, this.proposed(stream, events, expectedRevision, ctx), { expectedRevision });
  }

  /** Several streams at their expected revisions: one transaction on the embedded store. */
  async appendAll(writes: readonly StreamWrite[]): Promise<void> {
    await appendToStreams(this.store, writes);
  }

  async headPosition(): Promise<bigint> {
    return (await this.store.headPosition()) ?? 0n;
  }

  private async load<S>(stream: string, fold: (events: (ScheduleEvent | ShiftRulesEvent)[]) => S): Promise<Loaded<S>> {
    const events: (ScheduleEvent | ShiftRulesEvent)[] = [];
    let revision: bigint | undefined;
    for await (const e of this.store.readStream(stream)) {
      events.push(parseScheduleEvent(e.type, e.data, e.metadata.schemaVersion));
      revision = e.revision;
    }
    return { state: fold(events), expectedRevision: revision ?? 'no_stream' };
  }
}
