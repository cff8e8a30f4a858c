import { EventEmitter } from 'node:events';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { canonicalJson } from '../canonical-json.js';
import { startCatchUpSubscription, waitForAppendSignal, type CatchUpTuning } from '../catch-up-subscription.js';
import { ConcurrencyError, DuplicateEventIdError } from '../errors.js';
import type {
  AppendMultipleOptions,
  AppendOptions,
  AppendResult,
  EventFilter,
  StreamWrite,
  EventMetadata,
  EventStore,
  ExpectedRevision,
  ProposedEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  SubscriptionHandler,
  MultiStreamAppender,
  MultiStreamReader,
  CategoryReader,
  EventScanner,
  ScanRow,
  SnapshotCommit,
  SnapshotStore,
  StoredSnapshot,
} from '../event-store.port.js';
import { assertValidAppend, expectedRevisionHolds } from '../streams.js';
import { startCheckpointer, type Checkpointer } from './sqlite-checkpointer.js';
import { readAhead, type ReadAheadQuery } from './sqlite-read-ahead.js';
import { SqliteSnapshots } from './sqlite-snapshots.js';
import {
  EXPECTED_ANY,
  EXPECTED_EXISTS,
  EXPECTED_NEVER,
  EXPECTED_NO_STREAM,
  startWriter,
  type EventKind,
  type OffThreadOutcome,
  type SharedMetadata,
  type SqliteWriter,
} from './sqlite-writer.js';

export interface SqliteEventStoreOptions {
  clock?: () => Date;
  tuning?: CatchUpTuning;
  /** Rows fetched per page by readAll/readStream; pages keep the connection free between yields. */
  pageSize?: number;
  /**
   * Rows per multi-row INSERT, largest first (default 100, then 10); what is left of a batch goes
   * one row per INSERT. `[]` writes every event with its own INSERT.
   */
  insertChunkRows?: readonly number[];
  /**
   * Checkpoint the WAL on a worker thread (see startCheckpointer) once this connection has appended
   * `afterEvents` events (default 20,000, so short-lived and small stores start no thread), looking
   * for new commits every `intervalMs` (default 200) and starting the WAL over once it holds more than
   * `walRestartPages` pages (default 10,000). `false`: SQLite's automatic checkpoints on the writing
   * thread only.
   */
  backgroundCheckpoints?: { afterEvents?: number; intervalMs?: number; walRestartPages?: number; onCheckpoint?: () => void } | false;
  /**
   * A forward readAll without a stream-category filter reads ahead on a worker thread when it spans
   * more than this many positions (default 50,000: starting a worker costs ~60 ms, which a read of
   * fewer events does not win back) and more than four pages.
   */
  readAheadFrom?: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id TEXT NOT NULL UNIQUE,
  stream   TEXT NOT NULL,
  revision INTEGER NOT NULL,
  type     TEXT NOT NULL,
  data     TEXT NOT NULL,
  recorded_at    TEXT NOT NULL,
  actor          TEXT NOT NULL,
  correlation_id TEXT NOT NULL,
  causation_id   TEXT,
  schema_version INTEGER NOT NULL,
  UNIQUE (stream, revision)
);
CREATE TABLE IF NOT EXISTS checkpoints (
  name     TEXT PRIMARY KEY,
  position INTEGER NOT NULL
) WITHOUT ROWID;
`;

type Row = [
  position: number,
  eventId: string,
  stream: string,
  revision: number,
  type: string,
  data: string,
  recordedAt: string,
  actor: string,
  correlationId: string,
  causationId: string | null,
  schemaVersion: number,
];
/** A prepared multi-row INSERT of `rows` events and its reusable parameter array. */
interface ChunkInsert {
  rows: number;
  statement: Database.Statement;
  params: unknown[];
  /** The same INSERT for rows that share their metadata but schema version, bound once (SHARED_METADATA_ROW_PARAMS). */
  sharedMetadata: { statement: Database.Statement; params: unknown[] };
}
/** One append call in progress (see SqliteEventStore.appendWrites). */
interface AppendCall {
  writes: readonly StreamWrite[];
  recordedAt: string;
  /** Each write's result, set once its last event is inserted or found stored. */
  results: AppendResult[];
  wrote: boolean;
  /** Index in `revisions` of each stream met so far. */
  slots: Map<string, number>;
  /** Revision of each stream's last event inserted so far (-1: no stream), by slot. */
  revisions: number[];
  /** The slot of each write's stream. */
  writeSlots: number[];
  /** Writes whose events wait for the next flush, in call order; their event count; their streams. */
  queued: number[];
  queuedRows: number;
  queuedStreams: Set<string>;
}
/** The events of a flush in insertion order, with the index of the write each comes from. */
interface QueuedRows {
  events: ProposedEvent[];
  writes: number[];
}

const COLUMNS = 'position, event_id, stream, revision, type, data, recorded_at, actor, correlation_id, causation_id, schema_version';
const INSERT_COLUMNS = '(event_id, stream, revision, type, data, recorded_at, actor, correlation_id, causation_id, schema_version)';
const ROW_PARAMS = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
/**
 * A row whose recorded-at, actor, correlation id and causation id are bound once per statement:
 * the events of one call share them as a rule, and four fewer strings per row to hand to SQLite
 * cut the binding of a row by ~0.8 µs (BENCHMARKS.md).
 */
const SHARED_METADATA_ROW_PARAMS = '(?, ?, ?, ?, ?, @recordedAt, @actor, @correlationId, @causationId, ?)';
const SHARED_METADATA_ROW_WIDTH = 6;

/** What an event's row holds of its metadata but the schema version; `recordedAt` is the call's when the event names none. */
function rowMetadata(m: ProposedEvent['metadata'], recordedAt: string): SharedMetadata {
  return { recordedAt: m.recordedAt ?? recordedAt, actor: m.actor, correlationId: m.correlationId, causationId: m.causationId ?? null };
}

function holdsMetadata(shared: SharedMetadata, m: ProposedEvent['metadata'], recordedAt: string): boolean {
  return (m.recordedAt ?? recordedAt) === shared.recordedAt && m.actor === shared.actor && m.correlationId === shared.correlationId && (m.causationId ?? null) === shared.causationId;
}

/** The metadata bound once for `count` events from `events[from]`, when they all share it. */
function sharedMetadata(events: readonly ProposedEvent[], from: number, count: number, recordedAt: string): SharedMetadata | undefined {
  const first = events[from]!.metadata;
  const shared = rowMetadata(first, recordedAt);
  for (let k = from + 1; k < from + count; k++) {
    const m = events[k]!.metadata;
    if (m !== first && !holdsMetadata(shared, m, recordedAt)) return undefined;
  }
  return shared;
}
/** Parameters per inserted row (the columns of INSERT_COLUMNS). */
const ROW_WIDTH = 10;
/**
 * Rows per multi-row INSERT, largest first. One statement per 100 rows instead of one per row
 * takes most of better-sqlite3's per-call cost out of batched appends (see BENCHMARKS.md).
 */
const DEFAULT_INSERT_CHUNK_ROWS = [100, 10];
/** SQLite allows 32,766 parameters per statement. */
const MAX_INSERT_CHUNK_ROWS = Math.floor(32766 / ROW_WIDTH);
/** Distinct readAll statements (one per filter shape) kept prepared. */
const MAX_CACHED_READ_STATEMENTS = 64;

/**
 * Embedded event store on better-sqlite3 (WAL). Positions come from an AUTOINCREMENT key, so a
 * position is never reused even after a rollback. Appends run in `BEGIN IMMEDIATE` transactions,
 * so writers in other processes are serialised by SQLite's lock. Checkpoints live in the same
 * file, so a projection can commit its read model and checkpoint in one transaction.
 */
export class SqliteEventStore implements EventStore, MultiStreamAppender, MultiStreamReader, CategoryReader, EventScanner, SnapshotStore {
  readonly kind = 'sqlite' as const;
  private snapshots: SqliteSnapshots | undefined;
  private readonly appended = new EventEmitter().setMaxListeners(0);
  private readonly clock: () => Date;
  private readonly pageSize: number;
  private readonly readAheadFrom: bigint;
  private readonly stmt;
  private readonly scanStatements = new Map<string, Database.Statement>();
  private readonly readAllStatements = new Map<string, Database.Statement>();
  /** Multi-row INSERTs by row count (CHUNK_SIZES), each with a reusable parameter array. */
  private readonly chunkInserts: ChunkInsert[];
  private checkpointer: Checkpointer | undefined;
  /** The writer thread for `offThread` appends, started by the first; undefined before and after close. */
  private writer: (SqliteWriter & { readonly failed: boolean }) | undefined;
  /** Off-thread appends not answered yet (see takeTurn). */
  private readonly offThreadAppends = new Set<Promise<unknown>>();
  /** Appends waiting for their turn, and when the last turn given out ends (see takeTurn). */
  private turnsWaiting = 0;
  private lastTurn: Promise<void> = Promise.resolve();
  private closing = false;
  private offThreadCommits = 0;
  /** Reads running on read-ahead workers; close() stops the ones their readers left unfinished. */
  private readonly readers = new Set<AsyncIterableIterator<string | null>>();
  /** The database file's absolute path, for the workers' own connections. */
  private readonly file: string;
  /** Events appended before the checkpointer starts; undefined once it started, failed or is off. */
  private appendedBeforeCheckpointer: number | undefined;
  private readonly appendTransaction: Database.Transaction<(writes: readonly StreamWrite[], recordedAt: string) => { results: AppendResult[]; wrote: boolean }>;

  private constructor(
    readonly db: Database.Database,
    private readonly options: SqliteEventStoreOptions,
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.readAheadFrom = BigInt(options.readAheadFrom ?? 50_000);
    this.pageSize = options.pageSize ?? 1000;
    if (!Number.isInteger(this.pageSize) || this.pageSize < 1) throw new RangeError(`pageSize must be a positive integer, got ${options.pageSize}`);
    db.exec(SCHEMA);
    this.stmt = {
      currentRevision: db.prepare<[string], { revision: number }>(CURRENT_REVISION_SQL),
      insert: db.prepare(`INSERT INTO events ${INSERT_COLUMNS} VALUES ${ROW_PARAMS} ON CONFLICT (event_id) DO NOTHING`),
      byId: db.prepare<[string], { position: number; stream: string; type: string; data: string }>(
        'SELECT position, stream, type, data FROM events WHERE event_id = ?',
      ),
      head: db.prepare<[], { position: number | null }>('SELECT MAX(position) AS position FROM events'),
      loadCheckpoint: db.prepare<[string], { position: number }>('SELECT position FROM checkpoints WHERE name = ?'),
      saveCheckpoint: db.prepare('INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position'),
      streamForward: db.prepare(`SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`).raw(),
      streamsIn: db.prepare(`SELECT ${COLUMNS} FROM events WHERE stream IN (SELECT value FROM json_each(?)) ORDER BY stream, revision`).raw(),
      streamBackward: db.prepare(`SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`).raw(),
    };
    // No ON CONFLICT here: an id already stored makes the statement fail with a UNIQUE error, which
    // undoes that statement only, and the append redoes those rows one by one (insertRowByRow).
    this.chunkInserts = insertChunkRows(options.insertChunkRows).map((rows) => ({
      rows,
      statement: db.prepare(chunkInsertSql(rows)),
      params: new Array<unknown>(rows * ROW_WIDTH),
      sharedMetadata: { statement: db.prepare(chunkInsertSql(rows, '', SHARED_METADATA_ROW_PARAMS)), params: new Array<unknown>(rows * SHARED_METADATA_ROW_WIDTH) },
    }));
    this.appendTransaction = db.transaction((writes: readonly StreamWrite[], recordedAt: string) => this.appendWrites(writes, recordedAt));
    this.appendedBeforeCheckpointer = db.memory || options.backgroundCheckpoints === false ? undefined : 0;
    this.file = resolve(db.name);
  }

  /** Appends the writer thread has committed (diagnostics). */
  get writtenOffThread(): number {
    return this.offThreadCommits;
  }

  /** Read-ahead workers running now (diagnostics). */
  get readAheadWorkers(): number {
    return this.readers.size;
  }

  /** Starts a read-ahead worker that close() will stop if its reader does not. */
  private startReadAhead(query: Omit<ReadAheadQuery, 'file'>): AsyncIterableIterator<string | null> {
    const pages = readAhead({ ...query, file: this.file }, () => this.readers.delete(pages));
    this.readers.add(pages);
    return pages;
  }

  static open(path: string, options: SqliteEventStoreOptions = {}): SqliteEventStore {
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode survives process crashes; an OS crash may lose the last commits, never corrupt.
    db.pragma('synchronous = NORMAL');
    // Commits are as safe with fewer checkpoints (NORMAL); the WAL file grows to ~40 MiB and stays.
    db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    // When the WAL starts over, a file grown past this is cut back to it.
    db.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT_BYTES}`);
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma(`cache_size = -${CACHE_SIZE_KIB}`);
    db.pragma('temp_store = MEMORY');
    return new SqliteEventStore(db, options);
  }

  /** Runs `work` in one IMMEDIATE transaction on the store's connection (projections commit read model + checkpoint this way). */
  transaction<T>(work: (db: Database.Database) => T): T {
    return this.db.transaction(() => work(this.db)).immediate();
  }

  async append(stream: string, events: readonly ProposedEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    return this.takeTurn(true, () => this.appendSync(stream, events, options));
  }

  appendSync(stream: string, events: readonly ProposedEvent[], options: AppendOptions = {}): AppendResult {
    const [result] = this.appendMultipleSync([{ stream, events, expectedRevision: options.expectedRevision }]);
    return result!;
  }

  /**
   * All writes in one transaction: every expected revision holds and all are written, or nothing is.
   * With `offThread`, a file database's writer thread runs it (see sqlite-writer.ts). While
   * off-thread appends are on their way, appends take turns in call order (see takeTurn).
   */
  async appendMultiple(writes: readonly StreamWrite[], options: AppendMultipleOptions = {}): Promise<AppendResult[]> {
    if (options.offThread && !this.db.memory && !this.closing && !this.writer?.failed && writes.some((write) => write.events.length > 0)) {
      // Its turn comes when it is handed to the writer, whose requests run in the order posted.
      const appending = this.takeTurn(false, () => this.appendOffThread(writes));
      this.offThreadAppends.add(appending);
      const settled = () => this.offThreadAppends.delete(appending);
      appending.then(settled, settled);
      return appending;
    }
    return this.takeTurn(true, () => this.appendMultipleSync(writes));
  }

  /**
   * Runs `start` now when no append waits for its turn and, for one on this connection
   * (`afterOffThread`), none is on its way on the writer thread; else after the appends called
   * before it have had theirs, and, for one on this connection, after the off-thread appends on
   * their way then. So the log keeps the order of the calls. A turn ends when `start` returns: an
   * append on this connection has then been written, an off-thread one handed to the writer.
   */
  private takeTurn<T>(afterOffThread: boolean, start: () => T): T | Promise<T> {
    if (this.turnsWaiting === 0 && (!afterOffThread || this.offThreadAppends.size === 0)) return start();
    const before = afterOffThread ? Promise.allSettled([this.lastTurn, ...this.offThreadAppends]) : this.lastTurn;
    this.turnsWaiting++;
    const started = before.then(() => {
      this.turnsWaiting--;
      return { value: start() };
    });
    this.lastTurn = started.then(
      () => undefined,
      () => undefined,
    );
    return started.then(({ value }) => value);
  }

  /** Waits for the appends called so far (not for later ones, which could keep it waiting). */
  private async appendsSettled(): Promise<void> {
    await Promise.allSettled([...this.offThreadAppends, this.lastTurn]);
  }

  /**
   * The writer thread checks the expectations and inserts; what it does not write (an expectation
   * that fails, an id already stored, a failure of the thread) is appended here on the store's own
   * connection, which gives the exact outcome: a retried append's positions, a ConcurrencyError,
   * a DuplicateEventIdError. Positions are consecutive within the writer's one INSERT run.
   */
  private async appendOffThread(writes: readonly StreamWrite[]): Promise<AppendResult[]> {
    for (const write of writes) assertValidAppend(write.stream, write.events);
    const recordedAt = this.clock().toISOString();
    const streams = new Array<string>(writes.length);
    const expected = new Array<number>(writes.length);
    const counts = new Array<number>(writes.length);
    let total = 0;
    for (const write of writes) total += write.events.length;
    const ids = new Array<string>(total);
    const data = new Array<unknown>(total);
    const kindOf = new Uint32Array(total);
    const kinds: EventKind[] = [];
    // Kinds by metadata object, then type: callers share one metadata object among many events.
    const kindIndex = new Map<ProposedEvent['metadata'], { row: SharedMetadata; byType: Map<string, number> }>();
    // What all events' rows share, if they do (the writer then binds it once per statement).
    let shared: SharedMetadata | null | undefined;
    // One JSON.stringify of all the data, cut apart by the writer; not when some data has a toJSON
    // (in an array it is asked for the element's index, alone for '').
    let encodable = true;
    let e = 0;
    writes.forEach((write, w) => {
      streams[w] = write.stream;
      expected[w] = expectedCode(write.expectedRevision ?? 'any');
      counts[w] = write.events.length;
      for (const event of write.events) {
        const m = event.metadata;
        let known = kindIndex.get(m);
        if (!known) {
          const row = rowMetadata(m, recordedAt);
          kindIndex.set(m, (known = { row, byType: new Map() }));
          if (shared === undefined) shared = row;
          else if (shared !== null && !holdsMetadata(shared, m, recordedAt)) shared = null;
        }
        let kind = known.byType.get(event.type);
        if (kind === undefined) {
          known.byType.set(event.type, (kind = kinds.length));
          const { row } = known;
          kinds.push([event.type, row.recordedAt, row.actor, row.correlationId, row.causationId, m.schemaVersion]);
        }
        ids[e] = event.id;
        data[e] = event.data;
        if (!withoutToJson(event.data)) encodable = false;
        kindOf[e++] = kind;
      }
    });
    // Outside the try below: an error encoding the data is the caller's, as on the store's own connection.
    const dataText = encodable ? jsonArrayText(data) : null;
    let outcome: OffThreadOutcome;
    const restartWal = this.checkpointer?.takeRestartRequest() ?? false;
    try {
      outcome = await this.startedWriter().append({
        streams,
        expected,
        counts,
        ids,
        data: dataText,
        kindOf,
        kinds,
        sharedMetadata: shared ?? null,
        autocheckpoint: this.checkpointer ? 0 : WAL_AUTOCHECKPOINT_PAGES,
        restartWal,
      });
    } catch {
      outcome = 'fallback';
    }
    if (outcome === 'fallback') {
      try {
        return this.appendMultipleSync(writes);
      } finally {
        // The writer did not start the WAL over as asked: this connection does, once it holds no transaction.
        if (restartWal && this.db.open) this.restartWal();
        this.writer?.resume();
      }
    }
    const results = new Array<AppendResult>(writes.length);
    let position = outcome.last;
    for (let w = writes.length - 1; w >= 0; w--) {
      // As on the store's own connection, a write without events has position 0.
      results[w] = { nextExpectedRevision: BigInt(outcome.revisions[w]!), position: counts[w] === 0 ? 0n : BigInt(position) };
      position -= counts[w]!;
    }
    this.offThreadCommits++;
    this.afterCommit(writes);
    return results;
  }

  private startedWriter(): SqliteWriter {
    if (this.writer?.failed) throw new Error('the writer thread has stopped');
    if (this.writer) return this.writer;
    // The store's chunk sizes, largest first, then single rows for what is left.
    const rowCounts = [...this.chunkInserts.map((chunk) => chunk.rows), 1];
    this.writer = startWriter(this.file, {
      currentRevision: CURRENT_REVISION_SQL,
      // The worker rolls back the whole transaction on any conflict, so its INSERTs need no
      // statement rollback: OR FAIL spares SQLite the statement journal of every multi-row INSERT.
      inserts: rowCounts.map((rows): [number, string] => [rows, chunkInsertSql(rows, 'OR FAIL')]),
      sharedMetadataInserts: rowCounts.map((rows): [number, string] => [rows, chunkInsertSql(rows, 'OR FAIL', SHARED_METADATA_ROW_PARAMS)]),
      rowWidth: ROW_WIDTH,
      sharedMetadataRowWidth: SHARED_METADATA_ROW_WIDTH,
      busyTimeoutMs: BUSY_TIMEOUT_MS,
      cacheSizeKiB: WRITER_CACHE_SIZE_KIB,
      journalSizeLimitBytes: JOURNAL_SIZE_LIMIT_BYTES,
    });
    return this.writer;
  }

  appendMultipleSync(writes: readonly StreamWrite[]): AppendResult[] {
    for (const write of writes) assertValidAppend(write.stream, write.events);
    const recordedAt = this.clock().toISOString();
    const { results, wrote } = this.appendTransaction.immediate(writes, recordedAt);
    if (wrote) {
      if (this.checkpointer?.takeRestartRequest()) this.restartWal();
      this.afterCommit(writes);
    }
    return results;
  }

  /** After a commit that wrote events: count them towards the checkpoint worker's start; wake subscribers. */
  private afterCommit(writes: readonly StreamWrite[]): void {
    if (this.appendedBeforeCheckpointer !== undefined) this.countTowardsCheckpointer(writes);
    this.appended.emit('append');
  }

  /**
   * Starts the WAL over after a commit, as the checkpoint worker asked. It waits at most 50 ms for
   * readers of older snapshots; if they hold on, the WAL goes on growing until the worker asks again.
   * The commit is done: nothing here may make the append fail.
   */
  private restartWal(): void {
    this.db.pragma('busy_timeout = 50');
    try {
      this.db.pragma('wal_checkpoint(RESTART)');
    } catch (error) {
      const code = sqliteCode(error);
      if (code !== 'SQLITE_BUSY' && code !== 'SQLITE_LOCKED') throw error;
    } finally {
      this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    }
  }

  private countTowardsCheckpointer(writes: readonly StreamWrite[]): void {
    const settings = this.options.backgroundCheckpoints || {};
    for (const write of writes) this.appendedBeforeCheckpointer! += write.events.length;
    if (this.appendedBeforeCheckpointer! < (settings.afterEvents ?? 20_000)) return;
    this.appendedBeforeCheckpointer = undefined;
    this.checkpointer = startCheckpointer(
      this.file,
      settings.intervalMs ?? 200,
      () => {
        // Without the worker, the writer checkpoints again itself.
        this.checkpointer = undefined;
        if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
      },
      settings.onCheckpoint,
      settings.walRestartPages ?? WAL_AUTOCHECKPOINT_PAGES,
    );
    this.db.pragma('wal_autocheckpoint = 0');
  }

  /**
   * The writes of one call in order, as if each event went in with its own INSERT, but with the
   * events of consecutive writes queued and inserted together, across streams, in multi-row
   * INSERTs: a CSV import appends a thousand ticket streams of three or four events per call, each
   * far shorter than a chunk. A write's expected revision is checked when it is reached; whatever
   * that check needs from the queue is flushed first (see below), so results, errors and positions
   * are those of writing the events one by one in call order.
   */
  private appendWrites(writes: readonly StreamWrite[], recordedAt: string): { results: AppendResult[]; wrote: boolean } {
    const call: AppendCall = {
      writes,
      recordedAt,
      results: new Array<AppendResult>(writes.length),
      wrote: false,
      slots: new Map(),
      revisions: [],
      writeSlots: new Array<number>(writes.length),
      queued: [],
      queuedRows: 0,
      queuedStreams: new Set(),
    };
    for (let w = 0; w < writes.length; w++) {
      const { stream, events } = writes[w]!;
      const expected = writes[w]!.expectedRevision ?? 'any';
      // Queued events of this stream may still turn out to be stored already (no revision
      // consumed), so a check of its revision, or an empty write's result, waits for them.
      if ((expected !== 'any' || events.length === 0) && call.queuedStreams.has(stream)) this.flushQueued(call);
      let slot = call.slots.get(stream);
      if (slot === undefined) {
        slot = call.revisions.length;
        call.slots.set(stream, slot);
        call.revisions.push(this.stmt.currentRevision.get(stream)?.revision ?? -1);
      }
      call.writeSlots[w] = slot;
      const revision = call.revisions[slot]!;
      const current = revision < 0 ? undefined : BigInt(revision);
      if (!expectedRevisionHolds(expected, current)) {
        // The replay looks the events up by id, among them those queued by earlier writes; and an
        // error in those must come first, as it would one event at a time. This stream has
        // nothing queued ('any' always holds), so `current` stays right.
        this.flushQueued(call);
        const replay = this.replayedPosition(stream, events);
        if (replay === undefined) throw new ConcurrencyError(stream, expected, current ?? 'no_stream');
        call.results[w] = { nextExpectedRevision: current ?? -1n, position: replay };
        continue;
      }
      if (events.length === 0) {
        call.results[w] = { nextExpectedRevision: BigInt(revision), position: 0n };
        continue;
      }
      call.queued.push(w);
      call.queuedRows += events.length;
      call.queuedStreams.add(stream);
    }
    this.flushQueued(call);
    return { results: call.results, wrote: call.wrote };
  }

  /**
   * Inserts the queued events in call order: whole chunks in multi-row INSERTs, the rest one row
   * per INSERT. A chunk holding an id that is already stored (or twice) fails as one statement and
   * changes nothing; its rows then go one by one, which tells a retried event (skipped, no
   * revision consumed) from a reused id (DuplicateEventIdError). Sets each queued write's result.
   */
  private flushQueued(call: AppendCall): void {
    if (call.queued.length === 0) return;
    const rowEvents = new Array<ProposedEvent>(call.queuedRows);
    const rowWrites = new Array<number>(call.queuedRows);
    let n = 0;
    for (const w of call.queued) {
      for (const event of call.writes[w]!.events) {
        rowEvents[n] = event;
        rowWrites[n++] = w;
      }
    }
    call.queued.length = 0;
    call.queuedRows = 0;
    call.queuedStreams.clear();
    const rows: QueuedRows = { events: rowEvents, writes: rowWrites };
    let next = 0;
    for (const chunk of this.chunkInserts) {
      while (n - next >= chunk.rows) {
        if (!this.insertChunk(call, rows, chunk, next)) this.insertRowByRow(call, rows, next, next + chunk.rows);
        next += chunk.rows;
      }
    }
    this.insertRowByRow(call, rows, next, n);
  }

  /**
   * Inserts `chunk.rows` queued rows from `rows[from]` in one statement; false when an event id is
   * already stored (nothing inserted, revisions left as they were). Positions within one INSERT
   * are consecutive: with AUTOINCREMENT, SQLite gives each new row the largest rowid so far plus
   * one, and the write lock keeps other writers out.
   */
  private insertChunk(call: AppendCall, rows: QueuedRows, chunk: ChunkInsert, from: number): boolean {
    const { writes, writeSlots, revisions } = call;
    const shared = sharedMetadata(rows.events, from, chunk.rows, call.recordedAt);
    const { statement, params } = shared ? chunk.sharedMetadata : chunk;
    const width = shared ? SHARED_METADATA_ROW_WIDTH : ROW_WIDTH;
    for (let k = 0, p = 0; k < chunk.rows; k++, p += width) {
      const w = rows.writes[from + k]!;
      const event = rows.events[from + k]!;
      const slot = writeSlots[w]!;
      const m = event.metadata;
      params[p] = event.id;
      params[p + 1] = writes[w]!.stream;
      params[p + 2] = ++revisions[slot]!;
      params[p + 3] = event.type;
      params[p + 4] = JSON.stringify(event.data);
      if (shared) {
        params[p + 5] = m.schemaVersion;
        continue;
      }
      params[p + 5] = m.recordedAt ?? call.recordedAt;
      params[p + 6] = m.actor;
      params[p + 7] = m.correlationId;
      params[p + 8] = m.causationId ?? null;
      params[p + 9] = m.schemaVersion;
    }
    try {
      // Spread, not an array: better-sqlite3 reads an array's elements one property lookup at a
      // time, and binding the arguments directly was 0.5-1 µs per row cheaper (BENCHMARKS.md).
      const last = BigInt((shared ? statement.run(...params, shared) : statement.run(...params)).lastInsertRowid);
      call.wrote = true;
      const end = from + chunk.rows;
      for (let i = from; i < end; i++) {
        const w = rows.writes[i]!;
        // A write's result is its last event's: the revision given it and its position.
        if (i + 1 === rows.writes.length || rows.writes[i + 1] !== w) {
          call.results[w] = { nextExpectedRevision: BigInt(params[(i - from) * width + 2] as number), position: last - BigInt(end - 1 - i) };
        }
      }
      return true;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Undo the revisions given out, last row first, so each stream gets back its first row's predecessor.
      for (let k = chunk.rows - 1; k >= 0; k--) revisions[writeSlots[rows.writes[from + k]!]!] = (params[k * width + 2] as number) - 1;
      return false;
    } finally {
      params.fill(undefined);
    }
  }

  /** The queued rows `[from, to)` one INSERT each; an id already stored is checked and skipped. */
  private insertRowByRow(call: AppendCall, rows: QueuedRows, from: number, to: number): void {
    const { writes, writeSlots, revisions } = call;
    for (let i = from; i < to; i++) {
      const w = rows.writes[i]!;
      const event = rows.events[i]!;
      const stream = writes[w]!.stream;
      const slot = writeSlots[w]!;
      const m = event.metadata;
      const info = this.stmt.insert.run(
        event.id,
        stream,
        revisions[slot]! + 1,
        event.type,
        JSON.stringify(event.data),
        m.recordedAt ?? call.recordedAt,
        m.actor,
        m.correlationId,
        m.causationId ?? null,
        m.schemaVersion,
      );
      let position: bigint;
      if (info.changes === 1) {
        revisions[slot]! += 1;
        position = BigInt(info.lastInsertRowid);
        call.wrote = true;
      } else {
        position = this.sameStoredEvent(stream, event);
      }
      if (i + 1 === rows.writes.length || rows.writes[i + 1] !== w) {
        call.results[w] = { nextExpectedRevision: BigInt(revisions[slot]!), position };
      }
    }
  }

  /** When every proposed event is already stored with the same content, the position of the last one. */
  private replayedPosition(stream: string, events: readonly ProposedEvent[]): bigint | undefined {
    let position: bigint | undefined;
    for (const event of events) {
      const stored = this.stmt.byId.get(event.id);
      if (!stored) return undefined;
      position = this.sameStoredEvent(stream, event, stored);
    }
    return position;
  }

  private sameStoredEvent(stream: string, event: ProposedEvent, stored = this.stmt.byId.get(event.id)): bigint {
    if (!stored || stored.stream !== stream || stored.type !== event.type || canonicalJson(JSON.parse(stored.data)) !== canonicalJson(event.data)) {
      throw new DuplicateEventIdError(event.id, stream);
    }
    return BigInt(stored.position);
  }

  readStream(stream: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    assertMaxCount(options.maxCount);
    const backwards = options.direction === 'backwards';
    const statement = backwards ? this.stmt.streamBackward : this.stmt.streamForward;
    const start = options.fromRevision !== undefined ? Number(options.fromRevision) : backwards ? Number.MAX_SAFE_INTEGER : 0;
    return pagedEvents(this.pageSize, options.maxCount, (last, limit) => {
      const from = last === undefined ? start : Number(last.revision) + (backwards ? -1 : 1);
      return statement.all(stream, from, limit) as Row[];
    });
  }

  async readStreams(streams: readonly string[]): Promise<Map<string, RecordedEvent[]>> {
    const out = new Map<string, RecordedEvent[]>(streams.map((s) => [s, []]));
    for (let i = 0; i < streams.length; i += 1000) {
      for (const row of this.stmt.streamsIn.all(JSON.stringify(streams.slice(i, i + 1000))) as Row[]) out.get(row[2])!.push(decode(row));
    }
    return out;
  }

  /**
   * Every event of a few small stream categories (queues, calendars, launches: tens of events in a
   * log of millions), in log order, read through the (stream, revision) index — a range per
   * category — rather than readAll's scan in position order, which would pass every event of the
   * log to find them. Not for large categories: it reads the categories whole, in one go.
   */
  readSmallCategories(categories: readonly string[]): RecordedEvent[] {
    if (categories.length === 0) return [];
    const ranges = categories.map(() => 'SELECT position FROM events WHERE stream >= ? AND stream < ?').join(' UNION ALL ');
    const sql = `SELECT ${COLUMNS} FROM events WHERE position IN (${ranges}) ORDER BY position`;
    const rows = this.readAllStatement(sql).all(...categories.flatMap((c) => [`${c}-`, `${c}.`])) as Row[];
    return decodePage(rows);
  }

  async readCategories(categories: readonly string[]): Promise<RecordedEvent[]> {
    return this.readSmallCategories(categories);
  }

  async loadSnapshot(name: string): Promise<StoredSnapshot> {
    return this.snapshotTables().load(name);
  }

  async commitSnapshot(name: string, commit: SnapshotCommit): Promise<void> {
    this.snapshotTables().commit(name, commit);
  }

  async resetSnapshot(name: string): Promise<void> {
    this.snapshotTables().reset(name);
  }

  /** Created on first use, so a store no projection runs on gains no tables. */
  private snapshotTables(): SqliteSnapshots {
    return (this.snapshots ??= new SqliteSnapshots(this.db));
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    assertMaxCount(options.maxCount);
    const backwards = options.direction === 'backwards';
    const { clause, params } = filterClause(options.filter);
    const sql = `SELECT ${COLUMNS} FROM events WHERE position ${backwards ? '<' : '>'} ? ${clause} ORDER BY position ${backwards ? 'DESC' : 'ASC'} LIMIT ?`;
    const start = options.fromPosition ?? (backwards ? BigInt(Number.MAX_SAFE_INTEGER) : 0n);
    let statement: Database.Statement | undefined;
    const inPlace = (from: bigint, maxCount: number | undefined) =>
      pagedEvents(this.pageSize, maxCount, (last, limit) => {
        statement ??= this.readAllStatement(sql);
        return statement.all(last?.position ?? from, ...params, limit) as Row[];
      });
    // A category filter reads through the (stream, revision) index in place; the worker's pages are
    // ranges of positions, which would scan the whole log for what may be a few events.
    if (backwards || this.db.memory || options.filter?.streamCategories) return inPlace(start, options.maxCount);
    return { [Symbol.asyncIterator]: () => this.readAllAhead(start, clause, params, options.maxCount, inPlace) };
  }

  /**
   * A forward readAll that, when it has more than a few pages to read, reads the log up to the
   * head as it stood at the first `next()` on a worker thread (see readAhead), pages built by
   * SQLite as JSON text with the text columns quoted by json_quote; then goes on in place past that
   * head, so events appended while it reads are seen as by the in-place read.
   */
  private readAllAhead(
    start: bigint,
    clause: string,
    params: readonly string[],
    maxCount: number | undefined,
    inPlace: (from: bigint, maxCount: number | undefined) => AsyncIterable<RecordedEvent>,
  ): AsyncIterator<RecordedEvent> {
    let remaining = maxCount ?? Number.POSITIVE_INFINITY;
    let pages: AsyncIterableIterator<string | null> | undefined;
    let rest: AsyncIterator<RecordedEvent> | undefined;
    let page: RecordedEvent[] = [];
    let index = 0;
    let started = false;
    let finished = false;
    let bound = start;
    let last = start;
    const close = async (): Promise<IteratorResult<RecordedEvent>> => {
      finished = true;
      page = [];
      const open = pages;
      pages = undefined;
      await open?.return?.();
      await rest?.return?.();
      return { value: undefined, done: true };
    };
    const continueInPlace = (from: bigint): Promise<IteratorResult<RecordedEvent>> => {
      rest = inPlace(from, Number.isFinite(remaining) ? remaining : undefined)[Symbol.asyncIterator]();
      return rest.next();
    };
    const refill = async (): Promise<IteratorResult<RecordedEvent>> => {
      if (!started) {
        started = true;
        const head = this.headSync();
        const pages4 = BigInt(this.pageSize) * READ_AHEAD_MIN_PAGES;
        const span = pages4 > this.readAheadFrom ? pages4 : this.readAheadFrom;
        if (head === undefined || head - start <= span || remaining <= Number(pages4)) return continueInPlace(start);
        bound = head;
        pages = this.startReadAhead({ sql: envelopePageSql(clause), params, after: Number(start), bound: Number(head), span: this.pageSize, ahead: READ_ALL_PAGES_AHEAD });
      }
      for (;;) {
        if (!this.db.open) throw new TypeError('The database connection is not open');
        const next = await pages!.next();
        if (next.done) {
          pages = undefined;
          return continueInPlace(bound);
        }
        page = parseEnvelopePage(next.value, last);
        index = 0;
        if (page.length > 0) {
          last = page[page.length - 1]!.position;
          remaining--;
          return { value: page[index++]!, done: false };
        }
      }
    };
    // A next() asked while a page is being fetched waits for that page (for-await never asks twice).
    let refilling: Promise<unknown> | undefined;
    const iterator: AsyncIterator<RecordedEvent> = {
      next(): Promise<IteratorResult<RecordedEvent>> {
        if (refilling) return refilling.then(() => iterator.next());
        if (finished) return Promise.resolve({ value: undefined, done: true });
        if (rest) return rest.next();
        if (index < page.length) {
          if (remaining <= 0) return close();
          remaining--;
          return Promise.resolve({ value: page[index++]!, done: false });
        }
        if (remaining <= 0) return close();
        const result = refill().catch(async (error: unknown) => {
          await close();
          throw error;
        });
        refilling = result.then(
          () => (refilling = undefined),
          () => (refilling = undefined),
        );
        return result;
      },
      return: close,
    };
    return iterator;
  }

  /** readAll's statement for one filter shape, prepared once (a subscription reads page after page). */
  private readAllStatement(sql: string): Database.Statement {
    let statement = this.readAllStatements.get(sql);
    if (!statement) {
      if (this.readAllStatements.size >= MAX_CACHED_READ_STATEMENTS) this.readAllStatements.clear();
      statement = this.db.prepare(sql).raw();
      this.readAllStatements.set(sql, statement);
    }
    return statement;
  }

  /**
   * The embedded store's bulk path for projections: one page of rows of the given event types with
   * positions in (after, bound], as `[position, index of the type in types, data, schemaVersion,
   * recordedAt?]`, without building an envelope per event. The type comes back as its index, so a
   * reader compares small integers instead of strings. The page comes from SQLite as one JSON text
   * (see scanSql).
   */
  scanRows(types: readonly string[], after: bigint, bound: bigint, limit: number, withRecordedAt: boolean): ScanRow[] {
    const key = `${types.join(',')}|${withRecordedAt}`;
    let statement = this.scanStatements.get(key);
    if (!statement) {
      statement = this.db.prepare(scanSql(types, withRecordedAt, 'rows')).raw();
      this.scanStatements.set(key, statement);
    }
    const [page] = statement.get({ after, bound, limit }) as [string | null];
    return parseScanPage(page, after);
  }

  /**
   * Pages of at most `limit` rows from `after` to `bound`. A scan of more than a few pages of a file
   * database reads its pages ahead on a worker thread with its own read-only connection, so SQLite
   * works on the next pages while the caller folds this one (see BENCHMARKS.md, "Projections").
   */
  async *scanPages(types: readonly string[], after: bigint, bound: bigint, limit: number, withRecordedAt: boolean): AsyncGenerator<ScanRow[]> {
    if (this.db.memory || bound - after <= BigInt(limit) * READ_AHEAD_MIN_PAGES) {
      for (;;) {
        const rows = this.scanRows(types, after, bound, limit, withRecordedAt);
        yield rows;
        if (rows.length < limit) return;
        after = BigInt(rows[rows.length - 1]![0]);
      }
    }
    const pages = this.startReadAhead({ sql: scanSql(types, withRecordedAt, 'positions'), after: Number(after), bound: Number(bound), span: limit, ahead: 2 });
    let last = after;
    try {
      for await (const page of pages) {
        const rows = parseScanPage(page, last);
        if (rows.length === 0) continue;
        last = BigInt(rows[rows.length - 1]![0]);
        yield rows;
      }
    } finally {
      await pages.return!();
    }
  }

  subscribe(options: SubscribeOptions, handler: SubscriptionHandler): Subscription {
    return startCatchUpSubscription(this, options, handler, this.options.tuning);
  }

  waitForAppend(head: bigint | undefined, timeoutMs: number, signal: AbortSignal): Promise<void> {
    return waitForAppendSignal(this.appended, this.headSync() !== head, timeoutMs, signal);
  }

  async headPosition(): Promise<bigint | undefined> {
    return this.headSync();
  }

  headSync(): bigint | undefined {
    const row = this.stmt.head.get();
    return row?.position == null ? undefined : BigInt(row.position);
  }

  async loadCheckpoint(name: string): Promise<bigint | undefined> {
    return this.loadCheckpointSync(name);
  }

  loadCheckpointSync(name: string): bigint | undefined {
    const row = this.stmt.loadCheckpoint.get(name);
    return row === undefined ? undefined : BigInt(row.position);
  }

  async saveCheckpoint(name: string, position: bigint): Promise<void> {
    this.saveCheckpointSync(name, position);
  }

  /** Call inside `transaction()` to commit a checkpoint with a read model. */
  saveCheckpointSync(name: string, position: bigint): void {
    this.stmt.saveCheckpoint.run(name, position);
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.appendsSettled();
    const writer = this.writer;
    this.writer = undefined;
    await writer?.stop();
    this.appended.removeAllListeners();
    const checkpointer = this.checkpointer;
    this.checkpointer = undefined;
    this.appendedBeforeCheckpointer = undefined;
    await Promise.all([...this.readers].map((pages) => pages.return?.()));
    await checkpointer?.stop();
    if (this.db.open) this.db.close();
  }
}

/**
 * The events of a paged query as an async iterable: `fetch(last, limit)` returns the next page of
 * rows after the last event handed out (undefined before the first page). Reading starts at the
 * first `next()`, one page at a time, so the connection is free between pages. A hand-written
 * iterator rather than an async generator: a generator's yield costs several promise turns per
 * event, a resolved promise per `next()` one (readAll decodes over a million events in a pass).
 */
function pagedEvents(pageSize: number, maxCount: number | undefined, fetch: (last: RecordedEvent | undefined, limit: number) => Row[]): AsyncIterable<RecordedEvent> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
      let remaining = maxCount ?? Number.POSITIVE_INFINITY;
      let page: RecordedEvent[] = [];
      let index = 0;
      let last: RecordedEvent | undefined;
      let finished = !(remaining > 0);
      const done = (): Promise<IteratorResult<RecordedEvent>> => {
        finished = true;
        page = [];
        index = 0;
        return Promise.resolve({ value: undefined, done: true });
      };
      return {
        next(): Promise<IteratorResult<RecordedEvent>> {
          if (index === page.length) {
            if (finished) return done();
            const limit = Math.min(pageSize, remaining);
            try {
              page = decodePage(fetch(last, limit));
            } catch (error) {
              void done();
              return Promise.reject(error);
            }
            index = 0;
            remaining -= page.length;
            // A short page is the end of the log; after a full one there may be more.
            if (page.length < limit || remaining <= 0) finished = true;
            if (page.length === 0) return done();
            last = page[page.length - 1];
          }
          return Promise.resolve({ value: page[index++]!, done: false });
        },
        return(): Promise<IteratorResult<RecordedEvent>> {
          return done();
        },
      };
    },
  };
}

/** True unless `data` is an object with a toJSON method of its own or inherited. */
function withoutToJson(data: unknown): boolean {
  return typeof data !== 'object' || data === null || typeof (data as { toJSON?: unknown }).toJSON !== 'function';
}

/**
 * The JSON text of `values`, or null when it is too long for one string (each value alone may
 * not be): the writer then answers `fallback`, in its turn, and the store's connection appends
 * the request event by event.
 */
function jsonArrayText(values: readonly unknown[]): string | null {
  try {
    return JSON.stringify(values);
  } catch (error) {
    if (error instanceof RangeError && /string length/i.test(error.message)) return null;
    throw error;
  }
}

function decodePage(rows: readonly Row[]): RecordedEvent[] {
  const events = new Array<RecordedEvent>(rows.length);
  for (let i = 0; i < rows.length; i++) events[i] = decode(rows[i]!);
  return events;
}

function decode(row: Row): RecordedEvent {
  return envelope(row, JSON.parse(row[5]));
}

function envelope(row: Row | ParsedRow, data: unknown): RecordedEvent {
  return {
    position: BigInt(row[0]),
    id: row[1],
    stream: row[2],
    revision: BigInt(row[3]),
    type: row[4],
    data,
    metadata: metadataOf(row),
  };
}

function metadataOf(row: Row | ParsedRow): EventMetadata {
  const metadata: EventMetadata = { recordedAt: row[6], actor: row[7], correlationId: row[8], schemaVersion: row[10] };
  if (row[9] !== null) metadata.causationId = row[9];
  return metadata;
}

const CURRENT_REVISION_SQL = 'SELECT revision FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1';

/**
 * One INSERT of `rows` events, without ON CONFLICT: an id already stored fails the statement (by
 * default it is undone as a whole; with `OR FAIL` the rows before the failing one stay).
 */
function chunkInsertSql(rows: number, conflict: '' | 'OR FAIL' = '', rowParams = ROW_PARAMS): string {
  return `INSERT ${conflict ? `${conflict} ` : ''}INTO events ${INSERT_COLUMNS} VALUES ${Array.from({ length: rows }, () => rowParams).join(', ')}`;
}

function expectedCode(expected: ExpectedRevision): number {
  if (expected === 'no_stream') return EXPECTED_NO_STREAM;
  if (expected === 'any') return EXPECTED_ANY;
  if (expected === 'exists') return EXPECTED_EXISTS;
  return expected < 0n || expected > BigInt(Number.MAX_SAFE_INTEGER) ? EXPECTED_NEVER : Number(expected);
}

/** The store connection's page cache: 256 MiB. */
const CACHE_SIZE_KIB = 262_144;

/**
 * The writer thread's page cache: 16 MiB. It only inserts and looks up the revisions of the streams
 * it appends to; and its commits spent time walking the page cache (pcache1TruncateUnsafe under
 * pager_end_transaction in the profiles): with 256 MiB, 3.4 % of a million-ticket import's CPU,
 * with 16 MiB 0.35 %, and no more page reads (BENCHMARKS.md).
 */
const WRITER_CACHE_SIZE_KIB = 16_384;

/** How long a write waits for another process's write lock. */
const BUSY_TIMEOUT_MS = 10_000;

/**
 * A checkpoint every ~40 MiB of WAL instead of SQLite's 4 MiB when the writer checkpoints itself
 * (before the checkpoint worker starts, or if it fails): batched appends ran 20-30 % faster in
 * same-run comparisons (BENCHMARKS.md).
 */
const WAL_AUTOCHECKPOINT_PAGES = 10_000;

/** A WAL file grown past this is cut back to it when the WAL starts over. */
const JOURNAL_SIZE_LIMIT_BYTES = WAL_AUTOCHECKPOINT_PAGES * 4096 * 2;

/**
 * Pages a readAll keeps read ahead: its pages are small (pageSize rows), and with two the reader
 * still waited for the worker ~11 % of the time; four were 7-15 % faster alternating in one process.
 */
const READ_ALL_PAGES_AHEAD = 4;

function assertMaxCount(maxCount: number | undefined): void {
  if (maxCount !== undefined && !Number.isInteger(maxCount)) throw new RangeError(`maxCount must be an integer, got ${maxCount}`);
}

/** Scans shorter than this many pages are read on the caller's thread (a worker costs its start-up). */
const READ_AHEAD_MIN_PAGES = 4n;

/**
 * The scan statement: one row whose first column is the page, the JSON array of
 * `[position, type index, data, schemaVersion, recordedAt?]` for the rows of `types` either in
 * (@after, @bound], at most @limit (`rows`), or in (@after, @to] (`positions`, for readAhead).
 * SQLite builds the text (the stored data is JSON text already; one format() per row costs less
 * than a chain of ||), so a page is handed over as one string and parsed with one JSON.parse:
 * ~15 % faster per event than four or five values per row. group_concat keeps the order of its
 * ordered subquery or of the rowid range it scans; parseScanPage checks.
 */
function scanSql(types: readonly string[], withRecordedAt: boolean, pageBy: 'rows' | 'positions'): string {
  if (types.some((t) => !/^[A-Za-z]+$/.test(t))) throw new RangeError('scanRows: event types are catalogue names (letters only)');
  const typeIndex = `CASE type ${types.map((t, i) => `WHEN '${t}' THEN ${i}`).join(' ')} END`;
  const row = withRecordedAt
    ? `format('[%d,%d,%s,%s,%s]', position, ${typeIndex}, data, schema_version, json_quote(recorded_at))`
    : `format('[%d,%d,%s,%s]', position, ${typeIndex}, data, schema_version)`;
  const ofTypes = `type IN (${types.map((t) => `'${t}'`).join(', ')})`;
  if (pageBy === 'positions') return `SELECT ${jsonPageOf(row)} FROM events WHERE position > @after AND position <= @to AND ${ofTypes}`;
  return `SELECT ${jsonPageOf(row)} FROM (
            SELECT position, type, data, schema_version, recorded_at FROM events
            WHERE position > @after AND position <= @bound AND ${ofTypes} ORDER BY position LIMIT @limit)`;
}

/** A row of a readAll page's JSON text: a Row with the data already parsed. */
type ParsedRow = [position: number, eventId: string, stream: string, revision: number, type: string, data: unknown, recordedAt: string, actor: string, correlationId: string, causationId: string | null, schemaVersion: number];
/** A row of a readAll page's JSON text whose type and metadata are those of the row before it. */
type RepeatRow = [position: number, eventId: string, stream: string, revision: number, data: unknown];
/** A RepeatRow that also goes on the stream of the row before it, at the next revision. */
type NextInStreamRow = [position: number, eventId: string, data: unknown];

/**
 * readAll's page statement for the read-ahead: the page as the JSON text of its rows, each a Row
 * with the data inlined and every other text column quoted by SQLite's json_quote. In a read
 * without a filter, a row whose type and metadata are those of the row before it in the log (the
 * events of one append, as a rule) leaves them out, and, when it also goes on that row's stream at
 * the next revision, the stream and revision too. A page's first row has them all: the row before
 * it is not in the page (position ≤ @after). Less text and fewer strings to parse made JSON.parse,
 * most of the reading thread's time, cheaper (BENCHMARKS.md).
 */
function envelopePageSql(clause: string): string {
  const row = `format('[%d,%s,%s,%d,%s,%s,%s,%s,%s,%s,%s]', e.position, json_quote(e.event_id), json_quote(e.stream), e.revision, json_quote(e.type), e.data,
    json_quote(e.recorded_at), json_quote(e.actor), json_quote(e.correlation_id), json_quote(e.causation_id), e.schema_version)`;
  if (clause !== '') return `SELECT ${jsonPageOf(row)} FROM events e WHERE position > @after AND position <= @to ${clause}`;
  const repeat = `format('[%d,%s,%s,%d,%s]', e.position, json_quote(e.event_id), json_quote(e.stream), e.revision, e.data)`;
  const nextInStream = `format('[%d,%s,%s]', e.position, json_quote(e.event_id), e.data)`;
  const sameAsBefore = ['type', 'recorded_at', 'actor', 'correlation_id', 'causation_id', 'schema_version'].map((c) => `e.${c} IS before.${c}`).join(' AND ');
  return `SELECT ${jsonPageOf(`CASE WHEN before.position > @after AND ${sameAsBefore}
            THEN (CASE WHEN e.stream = before.stream AND e.revision = before.revision + 1 THEN ${nextInStream} ELSE ${repeat} END) ELSE ${row} END`)}
          FROM events e LEFT JOIN events before ON before.position = e.position - 1 WHERE e.position > @after AND e.position <= @to`;
}

/** The events of a readAll page's text, checked to follow `after` in increasing position. */
function parseEnvelopePage(page: string | null, after: bigint): RecordedEvent[] {
  const rows = parsePage<ParsedRow | RepeatRow | NextInStreamRow>(page, after, 'readAll');
  const events = new Array<RecordedEvent>(rows.length);
  let full: ParsedRow | undefined;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.length === 11) {
      full = row;
      events[i] = envelope(row, row[5]);
      continue;
    }
    const before = events[i - 1];
    if (!full || !before) throw new Error(`readAll: the page's first row, at position ${row[0]}, lacks its type and metadata`);
    const nextInStream = row.length === 3;
    events[i] = {
      position: BigInt(row[0]),
      id: row[1],
      stream: nextInStream ? before.stream : row[2],
      revision: nextInStream ? before.revision + 1n : BigInt(row[3]),
      type: full[4],
      data: nextInStream ? row[2] : row[4],
      metadata: metadataOf(full),
    };
  }
  return events;
}

/** The rows of a scan page's text, checked to follow `after` in increasing position. */
function parseScanPage(page: string | null, after: bigint): ScanRow[] {
  return parsePage<ScanRow>(page, after, 'scanRows');
}

/**
 * The rows of a page's JSON text (null: no rows), each starting with its position, checked to
 * increase from `after` on: group_concat is not bound to an order by SQL, so a page out of log order
 * is an error, never read silently.
 */
function parsePage<R extends [number, ...unknown[]]>(page: string | null, after: bigint, reader: string): R[] {
  if (page === null) return [];
  const rows = JSON.parse(page) as R[];
  let last = Number(after);
  for (const row of rows) {
    if (!(row[0] > last)) throw new Error(`${reader}: page out of log order at position ${row[0]}`);
    last = row[0];
  }
  return rows;
}

/** A page's rows as one JSON array text, from SQL giving each row's JSON text. */
function jsonPageOf(rowJson: string): string {
  return `'[' || group_concat(${rowJson}, ',') || ']'`;
}

function insertChunkRows(rows: readonly number[] = DEFAULT_INSERT_CHUNK_ROWS): readonly number[] {
  rows.forEach((n, i) => {
    if (!Number.isInteger(n) || n < 2 || n > MAX_INSERT_CHUNK_ROWS || (i > 0 && n >= rows[i - 1]!)) {
      throw new RangeError(`insertChunkRows must be decreasing integers from 2 to ${MAX_INSERT_CHUNK_ROWS}, got ${JSON.stringify(rows)}`);
    }
  });
  return rows;
}

/** The SQLite result code of a better-sqlite3 error, e.g. `SQLITE_BUSY`. */
function sqliteCode(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

/** A UNIQUE or PRIMARY KEY constraint failure from better-sqlite3. */
function isUniqueViolation(error: unknown): boolean {
  const code = sqliteCode(error);
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** SQL for an EventFilter. Category `c` is the stream range ['c-', 'c.') so the comparison is exact, not LIKE. */
function filterClause(filter: EventFilter | undefined): { clause: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  if (filter?.streamCategories) {
    if (filter.streamCategories.length === 0) parts.push('0');
    else {
      parts.push(`(${filter.streamCategories.map(() => '(stream >= ? AND stream < ?)').join(' OR ')})`);
      for (const category of filter.streamCategories) params.push(`${category}-`, `${category}.`);
    }
  }
  if (filter?.eventTypes) {
    if (filter.eventTypes.length === 0) parts.push('0');
    else {
      parts.push(`type IN (${filter.eventTypes.map(() => '?').join(', ')})`);
      params.push(...filter.eventTypes);
    }
  }
  return { clause: parts.map((p) => `AND ${p}`).join(' '), params };
}


