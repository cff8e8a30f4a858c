import { Inject, Injectable } from '@nestjs/common';
import {
  appendToStreams,
  ConcurrencyError,
  deterministicEventId,
  isMultiStreamReader,
  readStreams,
  type EventStore,
  type ProposedEvent,
  type StreamWrite,
} from '@staffcast/event-store';
import { DomainError, foldEvents, instantMs, schemaVersionOf, ticketStream, type TicketEvent } from '@staffcast/events';
import { ticketDecider, type TicketCommand, type TicketState } from '@staffcast/tickets';
import type { RequestContext } from '../http/request-context.js';
import { EVENT_STORE } from '../tokens.js';
import { toDomainEvent } from './stream-writer.service.js';

/**
 * Appends of at least this many events go to the store's writer thread (where it has one), so a
 * CSV import decides its next chunk while this one is written; a smaller one is not worth the
 * hand-over between threads.
 */
const OFF_THREAD_FROM_EVENTS = 500;

/** The commands that one unit of input implies: a CSV row, or one event of a batch. */
export interface IngestUnit {
  /** Where the unit came from, for error reports: a CSV line number or a batch index. */
  ref: number;
  commands: TicketCommand[];
}

export interface Rejection {
  ref: number;
  field?: string;
  code: string;
  reason: string;
  /** 400 for facts that contradict themselves, 404 for an unknown ticket, 409 for a state conflict. */
  status: number;
}

export interface IngestResult {
  eventsWritten: number;
  duplicatesSkipped: number;
  rejected: Rejection[];
}

export type IngestMode = 'all-or-nothing' | 'skip-rejected';

/** A ticket of the chunk: its stream, its state so far, its stream's revision when loaded, the events it gains. */
interface TicketInProgress {
  stream: string;
  state: TicketState;
  revision: bigint | undefined;
  events: TicketEvent[];
}

/**
 * Ticket facts into `ticket-<id>` streams. Each unit is decided against its ticket's history
 * (loaded once per chunk); a repeated fact decides to nothing, so re-imports write nothing.
 * Event ids are the fact's natural key (`ticket-T1/TicketResolved/<epoch ms>`), the same from
 * the API and from CSV. A chunk's streams are one transaction on sqlite and memory; on EventStoreDB,
 * which has no cross-stream transaction, a failure part-way leaves some tickets written, and
 * re-sending the same chunk completes it: the written facts decide to nothing, the rest are written.
 */
@Injectable()
export class TicketIngest {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /**
   * On a store that reads many streams in one call (sqlite, memory) every ticket's history is read
   * first. Elsewhere (EventStoreDB, one read per stream) a ticket whose facts in the input begin
   * with its creation is first assumed new: decided on no history and appended with `no_stream`,
   * so the server's revision check, not a read, tells whether it existed. When one did (a
   * ConcurrencyError), or an assumed ticket's fact is rejected, the input is decided again on the
   * histories read; what was already written decides to nothing then.
   */
  async ingest(units: readonly IngestUnit[], ctx: RequestContext, mode: IngestMode): Promise<IngestResult> {
    let assumeNew = !isMultiStreamReader(this.store);
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await this.tryIngest(units, ctx, mode, assumeNew);
        if (result !== 'read-histories') return result;
        assumeNew = false;
      } catch (error) {
        // Another writer touched one of these tickets between load and append: decide again.
        if (!(error instanceof ConcurrencyError) || attempt >= 3) throw error;
        assumeNew = false;
      }
    }
  }

  private async tryIngest(units: readonly IngestUnit[], ctx: RequestContext, mode: IngestMode, assumeNew: boolean): Promise<IngestResult | 'read-histories'> {
    const ids = new Set<string>();
    const assumed = new Set<string>();
    for (const unit of units) {
      for (const command of unit.commands) {
        const id = command.data.ticketId;
        if (assumeNew && !ids.has(id) && command.type === 'CreateTicket') assumed.add(id);
        ids.add(id);
      }
    }
    const idList = [...ids];
    const streams = idList.map(ticketStream);
    const histories = await readStreams(this.store, streams.filter((_stream, k) => !assumed.has(idList[k]!)));
    const tickets = new Map<string, TicketInProgress>();
    let i = 0;
    for (const id of ids) {
      const stream = streams[i++]!;
      const history = histories.get(stream) ?? [];
      tickets.set(id, { stream, state: foldEvents(ticketDecider, history.map((e) => toDomainEvent(e) as TicketEvent)), revision: history.at(-1)?.revision, events: [] });
    }
    const rejected: Rejection[] = [];
    let duplicatesSkipped = 0;
    for (const unit of units) {
      // A unit counts only if all its commands hold: each is decided on a copy of its ticket's
      // state (a CSV row has one ticket; a unit rarely more), kept when the unit is through.
      const staged: { ticket: TicketInProgress; state: TicketState; events: TicketEvent[] }[] = [];
      let unitDuplicates = 0;
      try {
        for (const command of unit.commands) {
          const ticket = tickets.get(command.data.ticketId)!;
          let entry = staged.find((s) => s.ticket === ticket);
          if (!entry) staged.push((entry = { ticket, state: ticket.state, events: [] }));
          const decided = ticketDecider.decide(command, entry.state) as TicketEvent[];
          if (decided.length === 0) unitDuplicates++;
          for (const event of decided) {
            entry.state = ticketDecider.evolve(entry.state, event);
            entry.events.push(event);
          }
        }
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        // The assumption may be what broke it: decide on the real histories before rejecting.
        if (unit.commands.some((command) => assumed.has(command.data.ticketId))) return 'read-histories';
        const rejection: Rejection = { ref: unit.ref, code: error.code, reason: error.message, status: error.status };
        if (error.field !== undefined) rejection.field = error.field;
        rejected.push(rejection);
        continue;
      }
      duplicatesSkipped += unitDuplicates;
      for (const { ticket, state, events } of staged) {
        ticket.state = state;
        for (const event of events) ticket.events.push(event);
      }
    }
    if (mode === 'all-or-nothing' && rejected.length > 0) throw new BatchRejectedError(rejected);

    const writes: StreamWrite[] = [];
    let eventsWritten = 0;
    // One metadata object per event type, shared by the events of the call (stores copy what they keep).
    const metadata = new Map<string, ProposedEvent['metadata']>();
    const metadataOf = (type: TicketEvent['type']) => {
      let m = metadata.get(type);
      if (!m) metadata.set(type, (m = { actor: ctx.actor, correlationId: ctx.correlationId, schemaVersion: schemaVersionOf(type) }));
      return m;
    };
    for (const { stream, events, revision } of tickets.values()) {
      if (events.length === 0) continue;
      const proposed = events.map((event): ProposedEvent => ({ id: deterministicEventId(stream, factKey(event)), type: event.type, data: event.data, metadata: metadataOf(event.type) }));
      writes.push({ stream, events: proposed, expectedRevision: revision ?? 'no_stream' });
      eventsWritten += events.length;
    }
    if (writes.length === 0) return { eventsWritten, duplicatesSkipped, rejected };
    // An assumed-new ticket already stored with exactly these facts is acknowledged by the server
    // without a write: its events sit before the head as it was, so they count as duplicates.
    const headBefore = assumed.size > 0 ? await this.store.headPosition() : undefined;
    const results = await appendToStreams(this.store, writes, { offThread: eventsWritten >= OFF_THREAD_FROM_EVENTS });
    if (headBefore !== undefined) {
      results.forEach((result, w) => {
        if (result.position > headBefore) return;
        eventsWritten -= writes[w]!.events.length;
        duplicatesSkipped += writes[w]!.events.length;
      });
    }
    return { eventsWritten, duplicatesSkipped, rejected };
  }
}

/** The fact's natural key: its type and instant; an escalation also names its target (two teams may be asked at once). */
function factKey(event: TicketEvent): string {
  const key = `${event.type}/${instantMs(eventInstant(event))}`;
  return event.type === 'TicketEscalated' ? `${key}/${event.data.target}` : key;
}

function eventInstant(event: TicketEvent): string {
  switch (event.type) {
    case 'TicketCreated':
      return event.data.createdAt;
    case 'TicketFirstResponded':
      return event.data.respondedAt;
    case 'TicketEscalated':
      return event.data.escalatedAt;
    case 'TicketResolved':
      return event.data.resolvedAt;
    case 'TicketReopened':
      return event.data.reopenedAt;
    case 'TicketCsatRated':
      return event.data.ratedAt;
  }
}

/** Some unit of an all-or-nothing batch broke an invariant: the batch was refused before any write. */
export class BatchRejectedError extends Error {
  override readonly name = 'BatchRejectedError';
  constructor(readonly rejected: Rejection[]) {
    super(`${rejected.length} event(s) rejected; the batch was refused before any write`);
  }
}
