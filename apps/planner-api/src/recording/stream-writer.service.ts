import { Inject, Injectable } from '@nestjs/common';
import {
  appendToStreams,
  ConcurrencyError,
  expectedRevisionHolds,
  uuidFromName,
  uuidv7,
  type EventStore,
  type ExpectedRevision,
  type ProposedEvent,
  type RecordedEvent,
} from '@staffcast/event-store';
import { foldEvents, parseEvent, schemaVersionOf, type Decider, type DomainEvent } from '@staffcast/events';
import type { RequestContext } from '../http/request-context.js';
import { expectedRevisionFrom, idempotencyKeyFrom, statusFor, type HttpCommandRequest, type HttpReply } from './command-http.js';
import { EVENT_STORE } from '../tokens.js';

export interface WriteResult {
  stream: string;
  /** Revision of the stream's last event after the write, as a string; -1 for a stream that does not exist. */
  revision: string;
  position: string | null;
  written: number;
  events: { id: string; type: string }[];
}

export interface StreamCommand<C, S> {
  stream: string;
  decider: Decider<C, S, DomainEvent>;
  command: C;
  ctx: RequestContext;
  /** From `If-Match`: the client's view of the stream; a mismatch is a 409 and nothing is retried. */
  expectedRevision?: ExpectedRevision;
  /** From `Idempotency-Key`: ids derive from it so a retried request writes nothing twice. */
  idempotencyKey?: string;
}

const MAX_ATTEMPTS = 3;

/**
 * The whole of a command handler: load the stream, decide, append with the loaded revision as
 * the expected revision. A concurrent writer makes the append fail; unless the client pinned a
 * revision, the command is decided again on the fresh state.
 */
@Injectable()
export class StreamWriter {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load<S>(stream: string, decider: Pick<Decider<never, S, DomainEvent>, 'initialState' | 'evolve'>): Promise<{ state: S; revision: bigint | undefined }> {
    const events: DomainEvent[] = [];
    let revision: bigint | undefined;
    // The state decides a write: on a cluster it must be the leader's.
    for await (const recorded of this.store.readStream(stream, { requiresLeader: true })) {
      events.push(toDomainEvent(recorded));
      revision = recorded.revision;
    }
    return { state: foldEvents(decider, events), revision };
  }

  async execute<C, S>(request: StreamCommand<C, S>): Promise<WriteResult> {
    for (let attempt = 1; ; attempt++) {
      const { state, revision } = await this.load(request.stream, request.decider);
      // A pinned revision, or `If-Match: -1` (create only) on a stream that exists, is a 409.
      if (request.expectedRevision !== undefined && !expectedRevisionHolds(request.expectedRevision, revision)) {
        throw new ConcurrencyError(request.stream, request.expectedRevision, revision ?? 'no_stream');
      }
      const decided = request.decider.decide(request.command, state);
      if (decided.length === 0) {
        return { stream: request.stream, revision: String(revision ?? -1n), position: null, written: 0, events: [] };
      }
      const proposed = this.propose(request.stream, decided, request.ctx, request.idempotencyKey);
      try {
        const [result] = await appendToStreams(this.store, [{ stream: request.stream, events: proposed, expectedRevision: revision ?? 'no_stream' }]);
        return {
          stream: request.stream,
          revision: String(result!.nextExpectedRevision),
          position: String(result!.position),
          written: proposed.length,
          events: proposed.map((e) => ({ id: e.id, type: e.type })),
        };
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || request.expectedRevision !== undefined || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** An HTTP command: `If-Match` and `Idempotency-Key` from the request, 201 or 200 on the reply. */
  async executeHttp<C, S>(
    request: Omit<StreamCommand<C, S>, 'expectedRevision' | 'idempotencyKey'>,
    http: HttpCommandRequest,
    reply: HttpReply,
  ): Promise<WriteResult> {
    const result = await this.execute({ ...request, expectedRevision: expectedRevisionFrom(http), idempotencyKey: idempotencyKeyFrom(http) });
    reply.status(statusFor(result));
    return result;
  }

  propose(stream: string, events: readonly DomainEvent[], ctx: RequestContext, idempotencyKey?: string): ProposedEvent[] {
    const now = Date.now();
    return events.map((event, index) => ({
      id: idempotencyKey ? uuidFromName(`${idempotencyKey}/${stream}/${index}`) : uuidv7(now),
      type: event.type,
      data: event.data,
      metadata: { actor: ctx.actor, correlationId: ctx.correlationId, schemaVersion: schemaVersionOf(event.type) },
    }));
  }
}

/** A stored event read as the current version of its catalogue entry (upcasting old shapes). */
export function toDomainEvent(recorded: RecordedEvent): DomainEvent {
  return parseEvent(recorded.type, recorded.data, recorded.metadata.schemaVersion);
}
