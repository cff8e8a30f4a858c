import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  AccessDeniedError,
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  START,
  StreamDeletedError as EsdbStreamDeletedError,
  StreamNotFoundError,
  TimeoutError,
  WrongExpectedVersionError,
  jsonEvent,
  type AllStreamSubscription,
  type AppendExpectedRevision,
  type Position,
  type ReadPosition,
} from '@eventstore/db-client';
import { canonicalJson } from '../canonical-json.js';
import { CategoryFollower } from './esdb-category-follower.js';
import { decode, encode, esdbExpected, esdbPosition, serverFilter, takeChunk } from './esdb-codec.js';
import { EsdbSubscription, untilDone } from './esdb-subscription.js';
import { EsdbSnapshots, SNAPSHOT_STREAM_PREFIX } from './esdb-snapshots.js';
import { ConcurrencyError, DuplicateEventIdError, InvalidAppendError, StoreAccessDeniedError, StoreTimeoutError, StreamDeletedError } from '../errors.js';
import type {
  AppendOptions,
  AppendResult,
  CategoryReader,
  SnapshotCommit,
  SnapshotStore,
  StoredSnapshot,
  EventFilter,
  EventStore,
  ExpectedRevision,
  ProposedEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  SubscriptionHandler,
} from '../event-store.port.js';
import { assertValidAppend, expectedRevisionHolds, matchesFilter, streamMatchesCategory } from '../streams.js';

export interface EsdbEventStoreOptions {
  clock?: () => Date;
  /**
   * The server's maximum append size in bytes (EventStoreDB's `MaxAppendSize`, 1 MiB by default).
   * Larger batches are written as several appends; see `append`. A server with a lower limit
   * says so when it refuses an append, and the adapter then splits further.
   */
  maxAppendBytes?: number;
  /** Events per `$all` page when `readAll` filters on the client. */
  pageSize?: number;
  /** Backoff between subscription retries after an error or a drop. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

/**
 * Subscription checkpoints live in one stream per subscription name, in this category. The
 * category is reserved: `append` refuses it and reads and subscriptions never return its events.
 * Its name is `$`-free because ordinary users may not write `$` streams on a secured server.
 */
const CHECKPOINT_STREAM_PREFIX = 'staffcast.checkpoint-';
const CHECKPOINT_EVENT_TYPE = 'SubscriptionCheckpoint';

const DEFAULT_MAX_APPEND_BYTES = 1024 * 1024;
/** Retries of an append that lost a race or completes a split batch (see `append`). */
const MAX_PINNED_ATTEMPTS = 20;
/** Events read beyond the batch's size to find an `any` append's earlier write (see `append`). */
const ANY_WINDOW = 16;
/** Tries of a call answered NotLeader (the client reconnects to the named leader in between) or timed out. */
const MAX_CALL_ATTEMPTS = 3;
/** Events per page of the head read: system events at the end of the log are passed over. */
const HEAD_PAGE = 8;

/**
 * The EventStoreDB adapter, on @eventstore/db-client 6.2 over gRPC. Needs EventStoreDB 22.6+
 * (stream reads carry `$all` positions); 23.10+ sends the subscription caught-up signal, older
 * servers are detected as caught up by comparing with the log head.
 *
 * Positions: the port's position is the event's `$all` commit position. EventStoreDB commits
 * each event of a gRPC append implicitly, so every event has its own log record with
 * commit == prepare; that offset is unique and strictly increasing in `$all` order, and grows
 * by the record's size (not by one). `fromPosition = p` maps back to `{ commit: p, prepare: p }`.
 * Events written in explicit transactions (legacy TCP clients) share a commit position; the
 * adapter refuses to expose them rather than hand out a position that is not unique.
 */
export class EsdbEventStore implements EventStore, CategoryReader, SnapshotStore {
  readonly kind = 'esdb' as const;
  private readonly clock: () => Date;
  /** Bytes per Append call; starts at the configured maximum and drops to what the server reports. */
  private appendLimit: number;
  private readonly pageSize: number;
  private readonly minBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly subscriptions = new Set<Subscription>();
  private readonly metadataSet = new Set<string>();
  /** Category read models by their categories, and the position of this process's last write to each category. */
  private readonly followers = new Map<string, CategoryFollower>();
  private readonly snapshots: EsdbSnapshots;
  private readonly lastWriteByCategory = new Map<string, bigint>();
  /** Reads the adapter made to decide appends, and the events they returned (diagnostics, bench:esdb). */
  readonly readStats = { reads: 0, events: 0 };

  private constructor(
    private readonly client: EventStoreDBClient,
    options: EsdbEventStoreOptions,
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.appendLimit = positiveInteger(options.maxAppendBytes ?? DEFAULT_MAX_APPEND_BYTES, 'maxAppendBytes');
    this.pageSize = positiveInteger(options.pageSize ?? 500, 'pageSize');
    this.minBackoffMs = positiveInteger(options.minBackoffMs ?? 50, 'minBackoffMs');
    this.maxBackoffMs = positiveInteger(options.maxBackoffMs ?? 5000, 'maxBackoffMs');
    this.snapshots = new EsdbSnapshots(client);
  }

  /** Projection snapshots in reserved streams, so a replica restarts from its snapshot and reads only the tail. */
  loadSnapshot(name: string): Promise<StoredSnapshot> {
    return this.translated(undefined, () => this.snapshots.load(name));
  }

  commitSnapshot(name: string, commit: SnapshotCommit): Promise<void> {
    return this.translated(undefined, () => this.snapshots.commit(name, commit));
  }

  resetSnapshot(name: string): Promise<void> {
    return this.translated(undefined, () => this.snapshots.reset(name));
  }

  /** `esdb://host:2113?tls=false` for one node, `esdb+discover://…` for a cluster (gossip). Connects lazily. */
  static connect(connectionString: string, options: EsdbEventStoreOptions = {}): EsdbEventStore {
    return new EsdbEventStore(EventStoreDBClient.connectionString(connectionString), options);
  }

  /**
   * Appends with optimistic concurrency and idempotency by event id, at a cost independent of the
   * stream's length:
   * - a pinned revision (a revision or `no_stream`, what every command handler sends) is written
   *   straight away. An exact retry at the same expected revision is acknowledged by the server
   *   without writing twice; when the server answers "wrong expected version" instead, one bounded
   *   read of the events after the expected revision (as many as the batch, from the leader) tells
   *   a retry (success, nothing written), a half-written retry (the rest is written), a reused id
   *   with other content (DuplicateEventIdError) and a real conflict (ConcurrencyError) apart;
   * - `any` and `exists` read the stream's last events backwards from the leader (at most the
   *   batch's size plus {@link ANY_WINDOW}) and pin the write to the revision read, so check and
   *   write are one step on the server; losing a race reads again (20 times at most).
   * Bounded reads are the fallback where the server cannot prove idempotency: a reused id is found
   * only among the events right after the expected revision (pinned) or the stream's last
   * events (`any`), not further back in a long stream.
   *
   * A batch larger than the server's maximum append size is written as consecutive appends
   * chained by revision. That is not atomic: after a failure a prefix may be stored, and retrying
   * the same batch with the same expected revision stores the rest exactly once.
   */
  async append(stream: string, events: readonly ProposedEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    assertValidAppend(stream, events);
    if (isReservedStream(stream)) throw new InvalidAppendError(`stream ${stream}: the ${CHECKPOINT_STREAM_PREFIX} and ${SNAPSHOT_STREAM_PREFIX} categories are reserved for projections`);
    const expected = options.expectedRevision ?? 'any';
    const recordedAt = this.clock().toISOString();
    const result = await this.translated(stream, () => {
      if (events.length > 0 && (expected === 'no_stream' || typeof expected === 'bigint')) return this.appendPinned(stream, events, expected, recordedAt);
      return this.appendUnpinned(stream, events, expected, recordedAt);
    });
    const category = stream.slice(0, Math.max(0, stream.indexOf('-')));
    if (events.length > 0 && category && result.position > (this.lastWriteByCategory.get(category) ?? -1n)) this.lastWriteByCategory.set(category, result.position);
    return result;
  }

  /**
   * Small categories from an in-memory read model that a filtered subscription keeps (see
   * CategoryFollower), never a scan of `$all`; it sees this process's own writes before it answers.
   */
  async readCategories(categories: readonly string[]): Promise<RecordedEvent[]> {
    const key = [...categories].sort().join('+');
    let follower = this.followers.get(key);
    if (!follower) this.followers.set(key, (follower = new CategoryFollower(this, [...categories].sort())));
    let written: bigint | undefined;
    for (const [category, position] of this.lastWriteByCategory) {
      if (categories.some((c) => streamMatchesCategory(`${category}-`, c)) && (written === undefined || position > written)) written = position;
    }
    return follower.read(written);
  }

  private async appendPinned(stream: string, events: readonly ProposedEvent[], expected: 'no_stream' | bigint, recordedAt: string): Promise<AppendResult> {
    let base: 'no_stream' | bigint = expected;
    let rest = events;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.write(stream, rest, base, recordedAt);
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError) || attempt >= MAX_PINNED_ATTEMPTS) throw error;
        const after = base === 'no_stream' ? 0n : base + 1n;
        const stored = await this.tail(stream, { fromRevision: after, direction: 'forwards', maxCount: rest.length });
        const matched = matchedPrefix(stream, stored, rest);
        const current = revisionOf(error.actualVersion);
        if (matched === rest.length) return { nextExpectedRevision: current ?? -1n, position: stored[matched - 1]!.position };
        // The earlier part of a split batch is stored and nothing follows it: write the rest after it.
        if (matched > 0 && current === stored[matched - 1]!.revision) {
          base = current;
          rest = rest.slice(matched);
          continue;
        }
        throw new ConcurrencyError(stream, expected, current ?? 'no_stream');
      }
    }
  }

  private async appendUnpinned(stream: string, events: readonly ProposedEvent[], expected: ExpectedRevision, recordedAt: string): Promise<AppendResult> {
    for (let attempt = 1; ; attempt++) {
      const tail = await this.tail(stream, { direction: 'backwards', maxCount: events.length + ANY_WINDOW });
      const current = tail[0]?.revision;
      const byId = new Map(tail.map((event) => [event.id, event]));
      const fresh: ProposedEvent[] = [];
      let lastDuplicate: RecordedEvent | undefined;
      for (const event of events) {
        const stored = byId.get(event.id);
        if (!stored) fresh.push(event);
        else lastDuplicate = sameContent(stream, stored, event);
      }
      if (fresh.length === 0 && lastDuplicate) return { nextExpectedRevision: current ?? -1n, position: lastDuplicate.position };
      if (!expectedRevisionHolds(expected, current)) throw new ConcurrencyError(stream, expected, current ?? 'no_stream');
      if (fresh.length === 0) return { nextExpectedRevision: current ?? -1n, position: tail[0]?.position ?? 0n };
      try {
        return await this.write(stream, fresh, current ?? 'no_stream', recordedAt);
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError) || attempt >= MAX_PINNED_ATTEMPTS) {
          if (error instanceof WrongExpectedVersionError) throw new ConcurrencyError(stream, expected, revisionOf(error.actualVersion) ?? 'no_stream');
          throw error;
        }
      }
    }
  }

  /** A bounded read that decides a write: from the leader, counted in {@link readStats}. */
  private async tail(stream: string, options: ReadStreamOptions): Promise<RecordedEvent[]> {
    this.readStats.reads++;
    const events: RecordedEvent[] = [];
    for await (const event of this.readStream(stream, { ...options, requiresLeader: true })) events.push(event);
    this.readStats.events += events.length;
    return events;
  }

  /**
   * Runs `work`, translating the client's errors to the port's: a tombstone, an ACL refusal, a
   * timeout. A NotLeader is retried on the leader, a timeout retried as it stands.
   */
  private async translated<T>(stream: string | undefined, work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        // The client has already switched its connection to the leader the error names. A timed-out
        // write may or may not be stored; writing it again is safe, since appends are idempotent.
        const retriable = error instanceof NotLeaderError || error instanceof DeadlineExceededError || error instanceof TimeoutError;
        if (retriable && attempt < MAX_CALL_ATTEMPTS) continue;
        if (error instanceof DeadlineExceededError || error instanceof TimeoutError) throw new StoreTimeoutError(stream, attempt);
        if (error instanceof EsdbStreamDeletedError) throw new StreamDeletedError(stream ?? error.streamName, true);
        if (error instanceof AccessDeniedError) throw new StoreAccessDeniedError(stream);
        throw error;
      }
    }
  }

  async *readStream(stream: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    if (maxCount <= 0) return;
    if (options.fromRevision !== undefined && options.fromRevision < 0n) return;
    const read = this.client.readStream(stream, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: options.fromRevision ?? (backwards ? END : START),
      maxCount,
      requiresLeader: options.requiresLeader ?? false,
    });
    try {
      for await (const resolved of untilDone(read)) {
        if (resolved.event) yield decode(resolved.event);
      }
    } catch (error) {
      // A soft-deleted stream reads as missing, as on the server.
      if (error instanceof StreamNotFoundError) return;
      if (error instanceof EsdbStreamDeletedError) throw new StreamDeletedError(stream, true);
      if (error instanceof AccessDeniedError) throw new StoreAccessDeniedError(stream);
      throw error;
    }
  }

  /**
   * Reads `$all` in pages. The 6.2 client sends no server-side filter on reads, so category and
   * type filters are applied here: a filtered read scans `$all` from `fromPosition`. Subscriptions
   * do filter on the server. `fromPosition` is exclusive in both directions.
   */
  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    return this.readAllPaged(options, this.pageSize);
  }

  private async *readAllPaged(options: ReadAllOptions, pageSize: number, requiresLeader = false): AsyncIterable<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    if (remaining <= 0) return;
    let bound = options.fromPosition;
    let from: ReadPosition = bound === undefined ? (backwards ? END : START) : esdbPosition(bound);
    while (true) {
      const page = this.client.readAll({ direction: backwards ? BACKWARDS : FORWARDS, fromPosition: from, maxCount: pageSize, requiresLeader });
      let count = 0;
      let last: Position | undefined;
      for await (const resolved of untilDone(page)) {
        count++;
        const event = resolved.event;
        if (!event?.position) continue;
        last = event.position;
        // Forward $all reads include the record at the start position; the port's bound is exclusive.
        if (bound !== undefined && (backwards ? event.position.commit >= bound : event.position.commit <= bound)) continue;
        if (!this.visible(event.streamId, event.type, options.filter)) continue;
        yield decode(event);
        if (--remaining <= 0) return;
      }
      if (count < pageSize || last === undefined) return;
      from = last;
      bound = last.commit;
    }
  }

  subscribe(options: SubscribeOptions, handler: SubscriptionHandler): Subscription {
    const subscription = new EsdbSubscription(this, options, handler);
    this.subscriptions.add(subscription);
    void subscription.done.finally(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  /** Position of the last non-system, non-checkpoint event: a backwards `$all` read on the leader, since it bounds catch-ups. */
  headPosition(): Promise<bigint | undefined> {
    // On a follower the leader-only read answers NotLeader; translated retries it on the leader.
    return this.translated(undefined, async () => {
      for await (const event of this.readAllPaged({ direction: 'backwards', maxCount: 1 }, HEAD_PAGE, true)) return event.position;
      return undefined;
    });
  }

  async loadCheckpoint(name: string): Promise<bigint | undefined> {
    let position: bigint | undefined;
    try {
      for await (const resolved of untilDone(this.client.readStream(checkpointStream(name), { direction: BACKWARDS, fromRevision: END, maxCount: 1, requiresLeader: true }))) {
        const data = resolved.event?.data as { position?: unknown } | undefined;
        if (typeof data?.position === 'string') position = BigInt(data.position);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
    return position;
  }

  /** Appends to the subscription's checkpoint stream; the stream keeps only its last event ($maxCount 1). */
  async saveCheckpoint(name: string, position: bigint): Promise<void> {
    const stream = checkpointStream(name);
    const result = await this.client.appendToStream(stream, jsonEvent({ type: CHECKPOINT_EVENT_TYPE, data: { position: position.toString() } }), {
      expectedRevision: ANY,
    });
    if (result.nextExpectedRevision === 0n && !this.metadataSet.has(stream)) {
      await this.client.setStreamMetadata(stream, { maxCount: 1 });
      this.metadataSet.add(stream);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.client.dispose();
  }

  /** @internal */
  subscribeToAll(from: bigint | undefined, filter: EventFilter | undefined, checkpointReached: (position: Position) => void): AllStreamSubscription {
    return this.client.subscribeToAll({
      fromPosition: from === undefined ? START : esdbPosition(from),
      filter: { ...serverFilter(filter), checkpointReached: (_subscription, position) => checkpointReached(position) },
    });
  }

  /** @internal Not a system event, not a checkpoint, and matching the filter. */
  visible(stream: string, type: string, filter: EventFilter | undefined): boolean {
    return !isReservedStream(stream) && matchesFilter(stream, type, filter);
  }

  /** @internal */
  get backoff(): { min: number; max: number } {
    return { min: this.minBackoffMs, max: this.maxBackoffMs };
  }

  private async write(stream: string, events: readonly ProposedEvent[], expected: ExpectedRevision, recordedAt: string): Promise<AppendResult> {
    const encoded = events.map((event) => encode(event, recordedAt));
    let expectedRevision: AppendExpectedRevision = esdbExpected(expected);
    let result: AppendResult | undefined;
    let index = 0;
    while (index < encoded.length) {
      const chunk = takeChunk(encoded, index, this.appendLimit);
      try {
        // Leader only: a follower would forward the write, so a cluster that lost its leader answers NotLeader instead.
        const written = await this.client.appendToStream(stream, chunk.events, { expectedRevision, requiresLeader: true });
        if (!written.position) throw new Error(`EventStoreDB returned no position for the append to ${stream}`);
        result = { nextExpectedRevision: written.nextExpectedRevision, position: written.position.commit };
        expectedRevision = written.nextExpectedRevision;
        index += chunk.events.length;
      } catch (error) {
        if (!(error instanceof MaxAppendSizeExceededError)) throw error;
        // The server's limit is lower than assumed: learn it and split this chunk further.
        if (chunk.events.length > 1) {
          this.appendLimit = Math.max(1, Math.min(error.maxAppendSize, Math.floor(chunk.bytes / 2)));
          continue;
        }
        throw new InvalidAppendError(
          `stream ${stream}: event ${events[index]!.id} takes ${chunk.bytes} bytes, more than the server's maximum append size of ${error.maxAppendSize} bytes`,
        );
      }
    }
    return result!;
  }
}

function checkpointStream(name: string): string {
  return `${CHECKPOINT_STREAM_PREFIX}${name}`;
}

function isReservedStream(stream: string): boolean {
  return stream.startsWith(CHECKPOINT_STREAM_PREFIX) || stream.startsWith(SNAPSHOT_STREAM_PREFIX);
}

/** How many of `events`, from the first, are stored as `stored` (in order); a reused id with other content throws. */
function matchedPrefix(stream: string, stored: readonly RecordedEvent[], events: readonly ProposedEvent[]): number {
  let matched = 0;
  while (matched < stored.length && matched < events.length && stored[matched]!.id === events[matched]!.id) {
    sameContent(stream, stored[matched]!, events[matched]!);
    matched++;
  }
  const ours = new Set(events.map((event) => event.id));
  if (stored.slice(matched).some((event) => ours.has(event.id))) throw new DuplicateEventIdError(stored.find((event, i) => i >= matched && ours.has(event.id))!.id, stream);
  return matched;
}

/** The stored event when it carries the proposed one's type and data; otherwise the id was reused. */
function sameContent(stream: string, stored: RecordedEvent, event: ProposedEvent): RecordedEvent {
  if (stored.type !== event.type || canonicalJson(stored.data) !== canonicalJson(event.data)) throw new DuplicateEventIdError(event.id, stream);
  return stored;
}

/** The client's actual version as a revision; undefined when the stream does not exist. */
function revisionOf(actual: bigint | 'no_stream' | string | number | undefined): bigint | undefined {
  if (typeof actual === 'bigint') return actual >= 0n ? actual : undefined;
  if (typeof actual === 'number') return actual >= 0 ? BigInt(actual) : undefined;
  return undefined;
}

function positiveInteger(value: number, field: string): number {
  if (!Number.isInteger(value) || value <= 0) throw new Error(`EsdbEventStore option ${field} must be a positive integer, got ${value}`);
  return value;
}
