/**
 * The EventStore port. Every fact in Staffcast is an event appended to a stream; projections,
 * forecasts and plans are derived from the log. Adapters: embedded SQLite, EventStoreDB, memory.
 *
 * Revisions are per stream, gap-free, starting at 0. Positions are global log positions: strictly
 * increasing in log order but NOT contiguous in general (EventStoreDB uses log offsets), so no
 * code may assume `position + 1n` is the next event.
 */

export type ExpectedRevision = 'any' | 'no_stream' | 'exists' | bigint;

export interface EventMetadata {
  /** ISO-8601 UTC time the event was recorded in the log. */
  recordedAt: string;
  /** Who caused the event: a token name, `cli`, `demo`, never a secret. */
  actor: string;
  correlationId: string;
  causationId?: string;
  schemaVersion: number;
}

/** An event about to be appended. `id` must be deterministic for retries to be idempotent. */
export interface ProposedEvent<T = unknown> {
  id: string;
  type: string;
  data: T;
  metadata: Omit<EventMetadata, 'recordedAt'> & { recordedAt?: string };
}

export interface RecordedEvent<T = unknown> {
  id: string;
  type: string;
  stream: string;
  revision: bigint;
  position: bigint;
  data: T;
  metadata: EventMetadata;
}

export interface AppendOptions {
  expectedRevision?: ExpectedRevision;
}

export interface AppendResult {
  /** Revision of the last event now in the stream; pass it as the next expectedRevision. */
  nextExpectedRevision: bigint;
  /** Global position of the last event written (or of the already-stored event on a no-op retry). */
  position: bigint;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  /** Inclusive. Defaults to the start (forwards) or the end (backwards). */
  fromRevision?: bigint;
  direction?: Direction;
  maxCount?: number;
  /**
   * The read decides a write: a clustered store serves it from its leader, so a follower that lags
   * cannot hand out a stale revision. Embedded stores have one node and ignore it.
   */
  requiresLeader?: boolean;
}

export interface EventFilter {
  /** Stream categories: `ticket` matches every `ticket-<id>` stream. */
  streamCategories?: readonly string[];
  eventTypes?: readonly string[];
}

export interface ReadAllOptions {
  /** Exclusive: the read starts after this position. Omit to start at the beginning (or end, backwards). */
  fromPosition?: bigint;
  direction?: Direction;
  maxCount?: number;
  filter?: EventFilter;
}

export type CheckpointStart = 'stored' | 'start' | bigint;

export interface SubscribeOptions {
  /** Name under which the checkpoint is stored. */
  name: string;
  /** `stored` (default) resumes after the stored checkpoint; `start` replays all; a position resumes after it. */
  fromCheckpoint?: CheckpointStart;
  filter?: EventFilter;
  /**
   * Store the checkpoint automatically after each handled event (default true). A projection that
   * commits its read model and checkpoint atomically itself turns this off.
   */
  autoCheckpoint?: boolean;
}

export interface SubscriptionHandler {
  onEvent(event: RecordedEvent): Promise<void> | void;
  /** Called each time the subscription reaches the end of the log after catching up. */
  onCaughtUp?(position: bigint | undefined): void;
  /** Called for each error before the subscription resumes from its last checkpoint. */
  onError?(error: unknown): void;
}

export interface Subscription {
  readonly name: string;
  /** Resolves the first time the subscription has caught up with the log. */
  readonly caughtUp: Promise<void>;
  /** Position of the last event handled, if any. */
  readonly lastPosition: bigint | undefined;
  stop(): Promise<void>;
}

export interface CheckpointStore {
  loadCheckpoint(name: string): Promise<bigint | undefined>;
  saveCheckpoint(name: string, position: bigint): Promise<void>;
}

export type StoreKind = 'sqlite' | 'esdb' | 'memory';

export interface EventStore extends CheckpointStore {
  readonly kind: StoreKind;
  append(stream: string, events: readonly ProposedEvent[], options?: AppendOptions): Promise<AppendResult>;
  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  subscribe(options: SubscribeOptions, handler: SubscriptionHandler): Subscription;
  /** Global position of the last event in the log, or undefined when it is empty. */
  headPosition(): Promise<bigint | undefined>;
  close(): Promise<void>;
}

/** One stream's part of a multi-stream append. */
export interface StreamWrite {
  stream: string;
  events: readonly ProposedEvent[];
  expectedRevision?: ExpectedRevision;
}

/**
 * Stores that can append to several streams atomically (sqlite, memory): every expected
 * revision holds and everything is written, or nothing is. EventStoreDB has no cross-stream
 * transaction and does not offer this; see `appendToStreams` for what callers get there.
 */
export interface MultiStreamAppender {
  appendMultiple(writes: readonly StreamWrite[], options?: AppendMultipleOptions): Promise<AppendResult[]>;
}

export interface AppendMultipleOptions {
  /**
   * Let the store write on a thread of its own, so the caller's thread is free to prepare its next
   * batch while this one is written (bulk imports): the embedded store's writer thread. A hint:
   * results and errors are the same either way, and stores without such a thread ignore it.
   */
  offThread?: boolean;
}

export function isMultiStreamAppender(store: unknown): store is MultiStreamAppender {
  return typeof (store as Partial<MultiStreamAppender>).appendMultiple === 'function';
}

/** Stores that can load many whole streams in one round trip (sqlite, memory). */
export interface MultiStreamReader {
  /** Every event of each named stream, in revision order; a missing stream maps to []. */
  readStreams(streams: readonly string[]): Promise<Map<string, RecordedEvent[]>>;
}

export function isMultiStreamReader(store: unknown): store is MultiStreamReader {
  return typeof (store as Partial<MultiStreamReader>).readStreams === 'function';
}

/** Stores that read a few small stream categories whole without scanning the log (sqlite, memory). */
export interface CategoryReader {
  /** Every event of the streams `<category>-…` of each category, in log order. */
  readCategories(categories: readonly string[]): Promise<RecordedEvent[]>;
}

export function isCategoryReader(store: unknown): store is CategoryReader {
  return typeof (store as Partial<CategoryReader>).readCategories === 'function';
}

/**
 * A projection's bulk row: `[position, index of the type in the scan's types, data, schemaVersion,
 * recordedAt?]`, without an envelope per event.
 */
export type ScanRow = [position: number, typeIndex: number, data: unknown, schemaVersion: number, recordedAt?: string];

/** Stores with a bulk path for projections (sqlite): pages of raw rows instead of envelopes. */
export interface EventScanner {
  /** Pages of at most `limit` rows of the given types with positions in (after, bound]. */
  scanPages(types: readonly string[], after: bigint, bound: bigint, limit: number, withRecordedAt: boolean): AsyncIterable<ScanRow[]>;
}

export function isEventScanner(store: unknown): store is EventScanner {
  return typeof (store as Partial<EventScanner>).scanPages === 'function';
}

/** One commit of a projection's append-only model: a JSON header and a binary column block. */
export interface SnapshotChunk {
  header: string;
  columns: Uint8Array;
}

/** What a store holds of a projection: its chunks in commit order, its small state, and its checkpoint. */
export interface StoredSnapshot {
  chunks: SnapshotChunk[];
  /** The projection's small, wholly rewritten state (JSON), if any was committed. */
  state: string | undefined;
  checkpoint: bigint | undefined;
}

export interface SnapshotCommit {
  chunk: SnapshotChunk;
  state: string;
  /** The log position the model stands at after this chunk: the new checkpoint. */
  position: bigint;
  /** The checkpoint this commit extends; another stored one is a CheckpointMovedError and nothing is written. */
  expected: bigint | undefined;
}

/**
 * Stores that keep projection snapshots with their checkpoint, so a restart reads only the tail
 * of the log: sqlite (in its own file, one transaction per commit) and EventStoreDB (in reserved
 * snapshot streams). A store without it leaves projections in memory.
 */
export interface SnapshotStore {
  loadSnapshot(name: string): Promise<StoredSnapshot>;
  commitSnapshot(name: string, commit: SnapshotCommit): Promise<void>;
  /** Forgets the snapshot and its checkpoint (before a rebuild). */
  resetSnapshot(name: string): Promise<void>;
}

export function isSnapshotStore(store: unknown): store is SnapshotStore {
  const candidate = store as Partial<SnapshotStore>;
  return typeof candidate.loadSnapshot === 'function' && typeof candidate.commitSnapshot === 'function' && typeof candidate.resetSnapshot === 'function';
}
