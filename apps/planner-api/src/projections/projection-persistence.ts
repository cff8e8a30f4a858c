import { CheckpointMovedError, isSnapshotStore, type EventStore, type SnapshotStore } from '@staffcast/event-store';
import { createRosterModel, createTicketModel, decodeChunk, encodeChunk, exportChunk, marksOf, modelFromChunks, type ModelChunk, type ModelMarks, type RosterModel, type TicketModel } from '@staffcast/projections';

/**
 * Where a projection keeps its read model and checkpoint. `commit` must store the model's new
 * chunk and the checkpoint together or not at all.
 */
export interface ProjectionPersistence {
  readonly durable: boolean;
  /** The committed models (empty when nothing was committed) and the marks of what the ticket model holds. */
  load(): Promise<{ model: TicketModel; roster: RosterModel; marks: ModelMarks }>;
  /**
   * Stores what was appended since `marks`, the roster (whole; it is small) and the model's position
   * as the checkpoint; returns the new marks. Throws ProjectionMovedError, writing nothing, when the
   * stored checkpoint is not `expected` (another process rebuilt or advanced the projection).
   */
  commit(model: TicketModel, marks: ModelMarks, roster: RosterModel, expected: bigint | undefined): Promise<ModelMarks>;
  /** Forgets the model and the checkpoint (before a rebuild). */
  reset(): Promise<void>;
  /**
   * The ticket model as committed by the last commit at or before `position` (undefined when no
   * stored commit is that early, or nothing is stored): a starting point for as-of reads.
   */
  loadAt(position: bigint): Promise<TicketModel | undefined>;
}

/** The stored projection is not the one this process extended: reload it instead of appending to it. */
export class ProjectionMovedError extends Error {
  override readonly name = 'ProjectionMovedError';
  constructor(name: string, expected: bigint | undefined, stored: bigint | undefined) {
    super(`projection ${name}: stored checkpoint ${stored ?? '(none)'} is not ${expected ?? '(none)'}; another process changed it`);
  }
}

/**
 * On a store that keeps snapshots (sqlite in its own file, EventStoreDB in reserved streams): the
 * model is the sequence of its append-only chunks, one per commit, stored with the checkpoint, so
 * a restart resumes from a checkpoint that matches the model exactly and reads only the tail.
 */
export class SnapshotProjectionPersistence implements ProjectionPersistence {
  readonly durable = true;
  constructor(
    private readonly store: SnapshotStore,
    private readonly name: string,
  ) {}

  async load(): Promise<{ model: TicketModel; roster: RosterModel; marks: ModelMarks }> {
    const stored = await this.store.loadSnapshot(this.name);
    const model = modelFromChunks(stored.chunks.map(decodeChunk));
    if (stored.checkpoint !== model.position) throw new Error(`projection ${this.name}: checkpoint ${stored.checkpoint} does not match the stored model (${model.position}); rebuild it`);
    return { model, roster: stored.state ? (JSON.parse(stored.state) as RosterModel) : createRosterModel(), marks: marksOf(model) };
  }

  async commit(model: TicketModel, marks: ModelMarks, roster: RosterModel, expected: bigint | undefined): Promise<ModelMarks> {
    if (model.position === undefined) return marks;
    // Taken before the write: events the model gains meanwhile belong to the next chunk.
    const chunk = encodeChunk(exportChunk(model, marks));
    const next = marksOf(model);
    try {
      await this.store.commitSnapshot(this.name, { chunk, state: JSON.stringify(roster), position: model.position, expected });
    } catch (error) {
      if (error instanceof CheckpointMovedError) throw new ProjectionMovedError(this.name, expected, error.stored);
      throw error;
    }
    return next;
  }

  async loadAt(position: bigint): Promise<TicketModel | undefined> {
    // Commits store their chunks in order, at increasing positions.
    const chunks: ModelChunk[] = [];
    for (const stored of (await this.store.loadSnapshot(this.name)).chunks) {
      const chunk = decodeChunk(stored);
      if (chunk.position === null || BigInt(chunk.position) > position) break;
      chunks.push(chunk);
    }
    return chunks.length > 0 ? modelFromChunks(chunks) : undefined;
  }

  async reset(): Promise<void> {
    await this.store.resetSnapshot(this.name);
  }
}

/**
 * For stores that keep no snapshots (memory): the model lives in memory only and no checkpoint
 * is stored, so a restart replays the log from the start. Saving a checkpoint without the model
 * would make a restart skip events.
 */
export class MemoryProjectionPersistence implements ProjectionPersistence {
  readonly durable = false;
  async load(): Promise<{ model: TicketModel; roster: RosterModel; marks: ModelMarks }> {
    const model = createTicketModel();
    return { model, roster: createRosterModel(), marks: marksOf(model) };
  }
  async commit(model: TicketModel): Promise<ModelMarks> {
    return marksOf(model);
  }
  async reset(): Promise<void> {}
  async loadAt(): Promise<undefined> {
    return undefined;
  }
}

export function persistenceFor(store: EventStore, name: string): ProjectionPersistence {
  return isSnapshotStore(store) ? new SnapshotProjectionPersistence(store, name) : new MemoryProjectionPersistence();
}
