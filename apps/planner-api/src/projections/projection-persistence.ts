import type { EventStore, SqliteEventStore } from '@staffcast/event-store';
import { createTicketModel, decodeChunk, encodeChunk, exportChunk, marksOf, modelFromChunks, type ModelMarks, type TicketModel } from '@staffcast/projections';

/**
 * Where a projection keeps its read model and checkpoint. `commit` must store the model's new
 * chunk and the checkpoint together or not at all.
 */
export interface ProjectionPersistence {
  readonly durable: boolean;
  /** The committed model (empty when nothing was committed) and the marks of what it holds. */
  load(): { model: TicketModel; marks: ModelMarks };
  /** Stores what was appended since `marks` and the model's position as the checkpoint; returns the new marks. */
  commit(model: TicketModel, marks: ModelMarks): ModelMarks;
  /** Forgets the model and the checkpoint (before a rebuild). */
  reset(): void;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS projection_model_chunks (
  name    TEXT NOT NULL,
  seq     INTEGER NOT NULL,
  header  TEXT NOT NULL,
  columns BLOB NOT NULL,
  PRIMARY KEY (name, seq)
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

  load(): { model: TicketModel; marks: ModelMarks } {
    const rows = this.store.db.prepare<[string], { header: string; columns: Uint8Array }>('SELECT header, columns FROM projection_model_chunks WHERE name = ? ORDER BY seq').iterate(this.name);
    const model = modelFromChunks((function* () {
      for (const row of rows) yield decodeChunk(row);
    })());
    const checkpoint = this.store.loadCheckpointSync(this.name);
    if (checkpoint !== model.position) throw new Error(`projection ${this.name}: checkpoint ${checkpoint} does not match the stored model (${model.position}); rebuild it`);
    return { model, marks: marksOf(model) };
  }

  commit(model: TicketModel, marks: ModelMarks): ModelMarks {
    if (model.position === undefined) return marks;
    const { header, columns } = encodeChunk(exportChunk(model, marks));
    const position = model.position;
    this.store.transaction((db) => {
      const next = db.prepare<[string], { seq: number | null }>('SELECT MAX(seq) AS seq FROM projection_model_chunks WHERE name = ?').get(this.name)?.seq ?? -1;
      db.prepare('INSERT INTO projection_model_chunks (name, seq, header, columns) VALUES (?, ?, ?, ?)').run(this.name, next + 1, header, columns);
      this.store.saveCheckpointSync(this.name, position);
    });
    return marksOf(model);
  }

  reset(): void {
    this.store.transaction((db) => {
      db.prepare('DELETE FROM projection_model_chunks WHERE name = ?').run(this.name);
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
  load(): { model: TicketModel; marks: ModelMarks } {
    const model = createTicketModel();
    return { model, marks: marksOf(model) };
  }
  commit(model: TicketModel): ModelMarks {
    return marksOf(model);
  }
  reset(): void {}
}

export function persistenceFor(store: EventStore, name: string): ProjectionPersistence {
  return store.kind === 'sqlite' ? new SqliteProjectionPersistence(store as SqliteEventStore, name) : new MemoryProjectionPersistence();
}
