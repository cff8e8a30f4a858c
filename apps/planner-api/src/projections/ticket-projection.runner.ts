import { readCategories, scanEvents, type EventStore, type Subscription } from '@staffcast/event-store';
import { instantMs } from '@staffcast/events';
import {
  ROSTER_EVENT_TYPES,
  TICKET_MODEL_EVENT_TYPES,
  createRosterModel,
  createTicketModel,
  evolveRoster,
  evolveTicketModel,
  type AsOf,
  type ModelMarks,
  type ProjectedEvent,
  type RosterModel,
  type TicketModel,
} from '@staffcast/projections';
import { ProjectionMovedError, persistenceFor, type ProjectionPersistence } from './projection-persistence.js';

export const TICKET_PROJECTION_NAME = 'projection:tickets';

/** Every event type the projection reads: the ticket model's and the roster's. */
const PROJECTED_TYPES: readonly string[] = [...TICKET_MODEL_EVENT_TYPES, ...ROSTER_EVENT_TYPES];
const ROSTER_TYPES: ReadonlySet<string> = new Set(ROSTER_EVENT_TYPES);
/** Index in PROJECTED_TYPES of the first roster type (the scan returns type indexes). */
const FIRST_ROSTER_TYPE = TICKET_MODEL_EVENT_TYPES.length;

/** The read models one projection keeps: tickets (with queues) and the roster. */
export interface ProjectionModels {
  tickets: TicketModel;
  roster: RosterModel;
}

/** Applies one event to both models (each ignores what it does not read). */
function apply(models: ProjectionModels, event: ProjectedEvent): void {
  evolveTicketModel(models.tickets, event);
  if (ROSTER_TYPES.has(event.type)) evolveRoster(models.roster, event);
}

export interface RunnerOptions {
  name?: string;
  /** Commit the model and checkpoint after this many handled events (and whenever caught up). */
  commitEvery?: number;
  /** Rows per page of the store's scan used by start, rebuild and as-of reads. */
  scanPageSize?: number;
}

export interface ProjectionStatus {
  name: string;
  running: boolean;
  durable: boolean;
  /** Position of the last event applied to the model (string), or null. */
  position: string | null;
  /** Position of the last committed checkpoint, or null. */
  checkpoint: string | null;
  head: string | null;
  /** head − checkpoint in log positions (for the embedded store: events not yet committed). */
  lag: string | null;
}

/**
 * Runs the ticket projection: a catch-up subscription (autoCheckpoint off) feeds
 * `evolveTicketModel`; every `commitEvery` events and on each caught-up the new part of the model
 * is committed with the checkpoint in one transaction (embedded store). `start` resumes from the
 * committed model; `rebuild` drops it and folds the whole log again.
 */
export class TicketProjectionRunner {
  private readonly name: string;
  private readonly commitEvery: number;
  private readonly scanPageSize: number;
  private readonly persistence: ProjectionPersistence;
  private model: TicketModel = createTicketModel();
  private roster: RosterModel = createRosterModel();
  private marks: ModelMarks | undefined;
  private sinceCommit = 0;
  private checkpoint: bigint | undefined;
  private subscription: Subscription | undefined;
  private starting: Promise<void> | undefined;
  private moved = false;
  private restarting: Promise<void> | undefined;
  private asOfCache: { key: string; models: ProjectionModels } | undefined;
  private pendingCommit: Promise<void> | undefined;
  private commitChain: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    options: RunnerOptions = {},
  ) {
    this.name = options.name ?? TICKET_PROJECTION_NAME;
    this.commitEvery = options.commitEvery ?? 20_000;
    this.scanPageSize = options.scanPageSize ?? 20_000;
    this.persistence = persistenceFor(store, this.name);
  }

  get running(): boolean {
    return this.subscription !== undefined;
  }

  /** The live model (mutated as events arrive; read it synchronously). */
  get current(): TicketModel {
    return this.model;
  }

  /** The live roster model. */
  get currentRoster(): RosterModel {
    return this.roster;
  }

  /**
   * Loads the committed models, catches up to the log head with the fast fold (committing every
   * `commitEvery` events), then subscribes after that position. Resolves once caught up.
   */
  async start(): Promise<void> {
    if (this.subscription) return this.subscription.caughtUp;
    // Concurrent first reads share one start.
    this.starting ??= this.begin().finally(() => (this.starting = undefined));
    return this.starting;
  }

  private async begin(): Promise<void> {
    const loaded = await this.persistence.load();
    this.model = loaded.model;
    this.roster = loaded.roster;
    this.marks = loaded.marks;
    this.checkpoint = this.model.position;
    this.sinceCommit = 0;
    // Catch up to the head with the fast fold (committing as it goes), then follow the subscription.
    const head = await this.store.headPosition();
    if (head !== undefined && (this.model.position === undefined || this.model.position < head)) {
      await this.fold({ tickets: this.model, roster: this.roster }, undefined, head, () => (++this.sinceCommit >= this.commitEvery ? this.commit() : undefined), this.model.position);
      // Every projected event up to that head is applied: the model stands at the head.
      this.model.position = head;
      await this.commit();
    }
    this.subscription = this.store.subscribe(
      { name: this.name, fromCheckpoint: this.model.position ?? 'start', autoCheckpoint: false },
      {
        onEvent: async (event) => {
          if (this.moved) return;
          const before = this.model.position;
          apply({ tickets: this.model, roster: this.roster }, event);
          if (this.model.position !== before && ++this.sinceCommit >= this.commitEvery) await this.liveCommit();
        },
        onCaughtUp: () => {
          // A failed commit is retried by the next one: its events stay after the stored marks.
          if (!this.moved && this.sinceCommit > 0) this.pendingCommit = this.liveCommit().catch(() => undefined);
        },
      },
    );
    await this.subscription.caughtUp;
  }

  async stop(): Promise<void> {
    await this.restarting?.catch(() => undefined);
    await this.starting?.catch(() => undefined);
    const sub = this.subscription;
    this.subscription = undefined;
    await sub?.stop();
    await this.pendingCommit;
    if (this.sinceCommit > 0) await this.commit();
  }

  /**
   * A commit from the subscription. If another process rebuilt or advanced the stored projection
   * meanwhile, this model is dropped and the runner restarts from what is stored.
   */
  private async liveCommit(): Promise<void> {
    try {
      await this.commit();
    } catch (error) {
      if (!(error instanceof ProjectionMovedError)) throw error;
      this.moved = true;
      this.restarting = this.restart();
    }
  }

  private async restart(): Promise<void> {
    const sub = this.subscription;
    this.subscription = undefined;
    await sub?.stop();
    this.sinceCommit = 0;
    this.moved = false;
    this.asOfCache = undefined;
    await this.start();
  }

  /** Commits run one after another: each extends the checkpoint the one before it stored. */
  private commit(): Promise<void> {
    const run = this.commitChain.then(() => this.commitNow());
    this.commitChain = run.catch(() => undefined);
    return run;
  }

  private async commitNow(): Promise<void> {
    // A commit stores what was applied when it began; events applied meanwhile go in the next.
    const position = this.model.position;
    this.sinceCommit = 0;
    this.marks = await this.persistence.commit(this.model, this.marks!, this.roster, this.checkpoint);
    this.checkpoint = position;
  }

  /**
   * Waits (up to `timeoutMs`) until the model has applied everything up to the log head as it is
   * now, so a read after a write sees the write. Starts the runner if needed. Returns false on timeout.
   */
  async catchUp(timeoutMs = 10_000): Promise<boolean> {
    await this.restarting?.catch(() => undefined);
    if (!this.subscription) await this.start();
    const head = await this.store.headPosition();
    const deadline = Date.now() + timeoutMs;
    while (head !== undefined && (this.model.position === undefined || this.model.position < head)) {
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return true;
  }

  async status(): Promise<ProjectionStatus> {
    const head = await this.store.headPosition();
    const checkpoint = this.persistence.durable ? this.checkpoint : undefined;
    return {
      name: this.name,
      running: this.running,
      durable: this.persistence.durable,
      position: this.model.position?.toString() ?? null,
      checkpoint: checkpoint?.toString() ?? null,
      head: head?.toString() ?? null,
      lag: head === undefined ? null : (head - (this.persistence.durable ? (checkpoint ?? 0n) : (this.model.position ?? 0n))).toString(),
    };
  }

  /**
   * Drops the committed model and folds the whole log again, committing as it goes; the live
   * subscription (if running) is stopped first and restarted after. Returns events applied.
   */
  async rebuild(onProgress?: (events: number) => void): Promise<{ events: number; position: string | null }> {
    const wasRunning = this.running;
    if (wasRunning) await this.stop();
    await this.persistence.reset();
    this.checkpoint = undefined;
    this.model = createTicketModel();
    this.roster = createRosterModel();
    this.marks = (await this.persistence.load()).marks;
    this.asOfCache = undefined;
    let events = 0;
    const head = await this.store.headPosition();
    await this.fold({ tickets: this.model, roster: this.roster }, undefined, head, () => {
      events++;
      if (++this.sinceCommit < this.commitEvery) return undefined;
      return this.commit().then(() => onProgress?.(events));
    });
    // Every relevant event up to the head read at the start is applied: the checkpoint is that head.
    if (head !== undefined) this.model.position = head;
    await this.commit();
    if (wasRunning) await this.start();
    return { events, position: this.model.position?.toString() ?? null };
  }

  /**
   * The model as it stood at `asOf`, exact: by position, from the last commit at or before the bound
   * plus the events after it (O(events since that commit) on the embedded store); by recorded time,
   * folded from the start of the log (O(events in the log)). The last final result is cached. With no
   * bound, the live model.
   */
  async modelAsOf(asOf: AsOf | undefined): Promise<TicketModel> {
    return (await this.modelsAsOf(asOf)).tickets;
  }

  /** Both read models as they stood at `asOf` (see modelAsOf); the live ones without a bound. */
  async modelsAsOf(asOf: AsOf | undefined): Promise<ProjectionModels> {
    if (asOf === undefined) {
      await this.catchUp();
      return { tickets: this.model, roster: this.roster };
    }
    if (asOf.kind === 'position') {
      // The live models, when they stand exactly at the bound, are that bound's models: no fold.
      if (this.model.position === undefined || this.model.position < asOf.position) await this.catchUp();
      if (this.model.position === asOf.position) return { tickets: this.model, roster: this.roster };
    }
    const head = await this.store.headPosition();
    // Only a position bound already in the log is final: a time bound, or a position beyond the
    // head, can still gain events appended later, so those are not cached.
    const final = asOf.kind === 'position' && head !== undefined && asOf.position <= head;
    const key = asOf.kind === 'position' ? `p${asOf.position}` : `t${asOf.ms}`;
    if (final && this.asOfCache?.key === key) return this.asOfCache.models;
    // From the last commit at or before a position bound when there is one: fold only what follows it.
    // Not beyond the head read above: a commit made meanwhile may hold events after it.
    const committed = asOf.kind === 'position' && head !== undefined ? await this.committedModelsAt(asOf.position < head ? asOf.position : head) : undefined;
    const models = committed ?? { tickets: createTicketModel(), roster: createRosterModel() };
    await this.fold(models, asOf, head, () => undefined, committed?.tickets.position);
    // As of a position, the models reflect the log up to it (or to the head, when it lies beyond),
    // whatever the last event they read: the same position as the live model standing there.
    if (asOf.kind === 'position' && head !== undefined) models.tickets.position = asOf.position < head ? asOf.position : head;
    if (final) this.asOfCache = { key, models };
    return models;
  }

  /**
   * The models as of the last commit at or before `position`, on a store that keeps snapshots: the
   * ticket model from the stored chunks up to that commit, the roster folded from the agent streams
   * up to `position` (it is small, and only its latest state is stored). Undefined without such a commit.
   */
  private async committedModelsAt(position: bigint): Promise<ProjectionModels | undefined> {
    if (!this.persistence.durable) return undefined;
    const tickets = await this.persistence.loadAt(position);
    if (tickets?.position === undefined) return undefined;
    const roster = createRosterModel();
    for (const event of await readCategories(this.store, ['agent'])) {
      if (event.position > position) break;
      if (ROSTER_TYPES.has(event.type)) evolveRoster(roster, event);
    }
    return { tickets, roster };
  }

  /**
   * Folds every projected event up to `head` (and inside `asOf`) into `models`, in pages of the
   * store's scan (raw rows, only the columns the model reads). `onApplied` runs after each event
   * and returns a promise only when it commits, which the fold waits for.
   */
  private async fold(models: ProjectionModels, asOf: AsOf | undefined, head: bigint | undefined, onApplied: () => Promise<void> | undefined, from?: bigint): Promise<void> {
    if (head === undefined) return;
    const bound = asOf?.kind === 'position' && asOf.position < head ? asOf.position : head;
    const types = PROJECTED_TYPES;
    const timeBound = asOf?.kind === 'time' ? asOf.ms : undefined;
    const event = { type: '', data: undefined as unknown, position: 0n, metadata: { schemaVersion: 0 } };
    for await (const rows of scanEvents(this.store, types, from, bound, this.scanPageSize, timeBound !== undefined)) {
      for (const [position, type, data, schemaVersion, recordedAt] of rows) {
        if (timeBound !== undefined && !(instantMs(recordedAt!) <= timeBound)) continue;
        event.type = types[type]!;
        event.data = data;
        event.position = BigInt(position);
        event.metadata.schemaVersion = schemaVersion;
        evolveTicketModel(models.tickets, event);
        if (type >= FIRST_ROSTER_TYPE) evolveRoster(models.roster, event);
        const committing = onApplied();
        if (committing) await committing;
      }
    }
  }
}
