import { EventEmitter } from 'node:events';
import { canonicalJson } from '../canonical-json.js';
import { startCatchUpSubscription, waitForAppendSignal, type CatchUpTuning } from '../catch-up-subscription.js';
import { ConcurrencyError, DuplicateEventIdError } from '../errors.js';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  MultiStreamAppender,
  MultiStreamReader,
  StreamWrite,
  ProposedEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  SubscriptionHandler,
} from '../event-store.port.js';
import { assertValidAppend, expectedRevisionHolds, matchesFilter } from '../streams.js';

interface StoredEvent {
  event: RecordedEvent;
  dataJson: string;
}

/** In-memory adapter for unit tests. Same semantics as the durable adapters, nothing persisted. */
export class MemoryEventStore implements EventStore, MultiStreamAppender, MultiStreamReader {
  readonly kind = 'memory' as const;
  private readonly log: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly byId = new Map<string, StoredEvent>();
  private readonly checkpoints = new Map<string, bigint>();
  private readonly appended = new EventEmitter().setMaxListeners(0);

  constructor(
    private readonly clock: () => Date = () => new Date(),
    private readonly tuning: CatchUpTuning = {},
  ) {}

  async append(stream: string, events: readonly ProposedEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const result = this.appendSync(stream, events, options);
    this.appended.emit('append');
    return result;
  }

  /** All or nothing: on any failure the log is cut back to where it was. */
  async appendMultiple(writes: readonly StreamWrite[]): Promise<AppendResult[]> {
    for (const write of writes) assertValidAppend(write.stream, write.events);
    const logLength = this.log.length;
    try {
      const results = writes.map((w) => this.appendSync(w.stream, w.events, { expectedRevision: w.expectedRevision ?? 'any' }));
      this.appended.emit('append');
      return results;
    } catch (error) {
      for (const { event } of this.log.splice(logLength)) {
        this.byId.delete(event.id);
        const stream = this.streams.get(event.stream)!;
        stream.pop();
        if (stream.length === 0) this.streams.delete(event.stream);
      }
      throw error;
    }
  }

  private appendSync(stream: string, events: readonly ProposedEvent[], options: AppendOptions): AppendResult {
    assertValidAppend(stream, events);
    const existing = this.streams.get(stream) ?? [];
    const current = existing.length === 0 ? undefined : BigInt(existing.length - 1);
    const fresh: ProposedEvent[] = [];
    let lastDuplicate: StoredEvent | undefined;
    for (const proposed of events) {
      const stored = this.byId.get(proposed.id);
      if (!stored) {
        fresh.push(proposed);
        continue;
      }
      if (stored.event.stream !== stream || stored.event.type !== proposed.type || stored.dataJson !== canonicalJson(proposed.data)) {
        throw new DuplicateEventIdError(proposed.id, stream);
      }
      lastDuplicate = stored;
    }
    if (fresh.length === 0 && lastDuplicate) {
      return { nextExpectedRevision: current ?? -1n, position: lastDuplicate.event.position };
    }
    const expected = options.expectedRevision ?? 'any';
    if (!expectedRevisionHolds(expected, current)) throw new ConcurrencyError(stream, expected, current ?? 'no_stream');
    const recordedAt = this.clock().toISOString();
    let revision = current ?? -1n;
    let position = BigInt(this.log.length);
    for (const proposed of fresh) {
      revision += 1n;
      position += 1n;
      const event: RecordedEvent = {
        id: proposed.id,
        type: proposed.type,
        stream,
        revision,
        position,
        data: structuredClone(proposed.data),
        metadata: { ...proposed.metadata, recordedAt: proposed.metadata.recordedAt ?? recordedAt },
      };
      const stored = { event, dataJson: canonicalJson(proposed.data) };
      this.log.push(stored);
      existing.push(stored);
      this.byId.set(proposed.id, stored);
    }
    this.streams.set(stream, existing);
    return { nextExpectedRevision: revision, position };
  }

  async *readStream(stream: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    const events = this.streams.get(stream) ?? [];
    const backwards = options.direction === 'backwards';
    const max = options.maxCount ?? Number.POSITIVE_INFINITY;
    let index = options.fromRevision !== undefined ? Number(options.fromRevision) : backwards ? events.length - 1 : 0;
    if (backwards) index = Math.min(index, events.length - 1);
    for (let n = 0; n < max && index >= 0 && index < events.length; n++) {
      yield structuredClone(events[index]!.event);
      index += backwards ? -1 : 1;
    }
  }

  async readStreams(streams: readonly string[]): Promise<Map<string, RecordedEvent[]>> {
    return new Map(streams.map((s) => [s, (this.streams.get(s) ?? []).map((stored) => structuredClone(stored.event))]));
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    const max = options.maxCount ?? Number.POSITIVE_INFINITY;
    // Position p is stored at index p - 1; fromPosition is exclusive.
    let index = options.fromPosition === undefined ? (backwards ? this.log.length - 1 : 0) : Number(options.fromPosition) + (backwards ? -2 : 0);
    let n = 0;
    while (n < max && index >= 0 && index < this.log.length) {
      const { event } = this.log[index]!;
      index += backwards ? -1 : 1;
      if (!matchesFilter(event.stream, event.type, options.filter)) continue;
      n++;
      yield structuredClone(event);
    }
  }

  subscribe(options: SubscribeOptions, handler: SubscriptionHandler): Subscription {
    return startCatchUpSubscription(this, options, handler, this.tuning);
  }

  waitForAppend(head: bigint | undefined, timeoutMs: number, signal: AbortSignal): Promise<void> {
    return waitForAppendSignal(this.appended, (this.log.length === 0 ? undefined : BigInt(this.log.length)) !== head, timeoutMs, signal);
  }

  async headPosition(): Promise<bigint | undefined> {
    return this.log.length === 0 ? undefined : BigInt(this.log.length);
  }

  async loadCheckpoint(name: string): Promise<bigint | undefined> {
    return this.checkpoints.get(name);
  }

  async saveCheckpoint(name: string, position: bigint): Promise<void> {
    this.checkpoints.set(name, position);
  }

  async close(): Promise<void> {
    this.appended.removeAllListeners();
  }
}
