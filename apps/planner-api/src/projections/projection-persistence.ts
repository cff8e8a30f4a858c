import type { EventStore, SqliteEventStore } from '@staffcast/event-store';
import { createRosterModel, createTicketModel, decodeChunk, encodeChunk, exportChunk, marksOf, modelFromChunks, type ModelChunk, type ModelMarks, type RosterModel, type TicketModel } from '@staffcast/projections';

/**
 * Where a projection keeps its read model and checkpoint. `commit` must store the model's new
 * chunk and the checkpoint together or not at all.
 */
export interface ProjectionPersistence {
  readonly durable: boolean;
  /** The committed models (empty when nothing was committed) and the marks of what the ticket model holds. */
  load(): { model: TicketModel; roster: RosterModel; marks: ModelMarks };
  /**
   * Stores what was appended since `marks`, the roster (whole; it is small) and the model's position
   * as the checkpoint; returns the new marks. Throws ProjectionMovedError, writing nothing, when the
   * stored checkpoint is not `expected` (another process rebuilt or advanced the projection).
   */
  commit(model: TicketModel, marks: ModelMarks, roster: RosterModel, expected: bigint | undefined): ModelMarks;
  /** Forgets the model and the checkpoint (before a rebuild). */
  reset(): void;
  /**
   * The ticket model as committed by the last commit at or before `position` (undefined when no
   * stored commit is that early, or nothing is stored): a starting point for as-of reads.
   */
  loadAt(position: bigint): TicketModel | undefined;
}

/** The stored projection is not the one this process extended: reload it instead of appending to it. */
export class ProjectionMovedError extends Error {
  override readonly name = 'ProjectionMovedError';
  constructor(name: string, expected: bigint | undefined, stored: bigint | undefined) {
    super(`projection ${name}: stored checkpoint ${stored ?? '(none)'} is not ${expected ?? '(none)'}; another process changed it`);
  }
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS projection_model_chunks (
  name    TEXT NOT NULL,
  seq     INTEGER NOT NULL,
  header  TEXT NOT NULL,
  columns BLOB NOT NULL,
  PRIMARY KEY (name, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS projection_rosters (
  name   TEXT PRIMARY KEY,
  roster TEXT NOT NULL
) WITHOUT ROWID;
`;

/**
 * On the embedded store: the model is the sequence of its append-only chunks (a JSON header and a
 * float64 block, one row per commit) in a table of the event store's own file, and each commit writes its chunk and the
 * subscription checkpoint in ONE SQLite transaction. A crash therefore leaves either both or
 * neither, and a restart resumes from a checkpoint that matches the model exactly.
 */
export class SqliteProjectionPersistence implements ProjectionPersistence {
  readonly durable = true;
  constructor(
    private readonly store: SqliteEventStore,
    private readonly name: string,
  ) {
    store.db.exec(SCHEMA);
  }

  load(): { model: TicketModel; roster: RosterModel; marks: ModelMarks } {
    const rows = this.store.db.prepare<[string], { header: string; columns: Uint8Array }>('SELECT header, columns FROM projection_model_chunks WHERE name = ? ORDER BY seq').iterate(this.name);
    const model = modelFromChunks((function* () {
      for (const row of rows) yield decodeChunk(row);
    })());
    const checkpoint = this.store.loadCheckpointSync(this.name);
    if (checkpoint !== model.position) throw new Error(`projection ${this.name}: checkpoint ${checkpoint} does not match the stored model (${model.position}); rebuild it`);
    const stored = this.store.db.prepare<[string], { roster: string }>('SELECT roster FROM projection_rosters WHERE name = ?').get(this.name);
    return { model, roster: stored ? (JSON.parse(stored.roster) as RosterModel) : createRosterModel(), marks: marksOf(model) };
  }

  commit(model: TicketModel, marks: ModelMarks, roster: RosterModel, expected: bigint | undefined): ModelMarks {
    if (model.position === undefined) return marks;
    const { header, columns } = encodeChunk(exportChunk(model, marks));
    const position = model.position;
    this.store.transaction((db) => {
      // Chunks extend the stored model only if it is the one this model was loaded from or last committed.
      const stored = this.store.loadCheckpointSync(this.name);
      if (stored !== expected) throw new ProjectionMovedError(this.name, expected, stored);
      const next = db.prepare<[string], { seq: number | null }>('SELECT MAX(seq) AS seq FROM projection_model_chunks WHERE name = ?').get(this.name)?.seq ?? -1;
      db.prepare('INSERT INTO projection_model_chunks (name, seq, header, columns) VALUES (?, ?, ?, ?)').run(this.name, next + 1, header, columns);
      db.prepare('INSERT INTO projection_rosters (name, roster) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET roster = excluded.roster').run(this.name, JSON.stringify(roster));
      this.store.saveCheckpointSync(this.name, position);
    });
    return marksOf(model);
  }

  loadAt(position: bigint): TicketModel | undefined {
    // One statement, one snapshot: a concurrent commit or rebuild cannot mix into what is read.
    // Commits store their chunks in order, at increasing positions.
    const chunks: ModelChunk[] = [];
    for (const row of this.store.db.prepare<[string], { header: string; columns: Uint8Array }>('SELECT header, columns FROM projection_model_chunks WHERE name = ? ORDER BY seq').iterate(this.name)) {
      const chunk = decodeChunk(row);
      if (chunk.position === null || BigInt(chunk.position) > position) break;
      chunks.push(chunk);
    }
    return chunks.length > 0 ? modelFromChunks(chunks) : undefined;
  }

  reset(): void {
    this.store.transaction((db) => {
      db.prepare('DELETE FROM projection_model_chunks WHERE name = ?').run(this.name);
      db.prepare('DELETE FROM projection_rosters WHERE name = ?').run(this.name);
      db.prepare('DELETE FROM checkpoints WHERE name = ?').run(this.name);
    });
  }
}

/**
 * For stores without a shared transaction (EventStoreDB, memory): the model lives in memory only
 * and no checkpoint is stored, so a restart replays the log from the start. Saving a checkpoint
 * without the model would make a restart skip events.
 */
export class MemoryProjectionPersistence implements ProjectionPersistence {
  readonly durable = false;
  load(): { model: TicketModel; roster: RosterModel; marks: ModelMarks } {
    const model = createTicketModel();
    return { model, roster: createRosterModel(), marks: marksOf(model) };
  }
  commit(model: TicketModel): ModelMarks {
    return marksOf(model);
  }
  reset(): void {}
  loadAt(): undefined {
    return undefined;
  }
}

export function persistenceFor(store: EventStore, name: string): ProjectionPersistence {
  return store.kind === 'sqlite' ? new SqliteProjectionPersistence(store as SqliteEventStore, name) : new MemoryProjectionPersistence();
}
