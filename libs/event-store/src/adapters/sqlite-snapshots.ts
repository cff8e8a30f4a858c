import type Database from 'better-sqlite3';
import { CheckpointMovedError } from '../errors.js';
import type { SnapshotCommit, StoredSnapshot } from '../event-store.port.js';

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
 * Projection snapshots in the event store's own file: the model's append-only chunks (one row per
 * commit), its small state, and the subscription checkpoint, each commit in ONE transaction, so a
 * crash leaves both or neither and a restart resumes from a checkpoint that matches the model.
 */
export class SqliteSnapshots {
  private readonly stmt;

  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA);
    this.stmt = {
      chunks: db.prepare<[string], { header: string; columns: Uint8Array }>('SELECT header, columns FROM projection_model_chunks WHERE name = ? ORDER BY seq'),
      state: db.prepare<[string], { roster: string }>('SELECT roster FROM projection_rosters WHERE name = ?'),
      checkpoint: db.prepare<[string], { position: number }>('SELECT position FROM checkpoints WHERE name = ?'),
      lastSeq: db.prepare<[string], { seq: number | null }>('SELECT MAX(seq) AS seq FROM projection_model_chunks WHERE name = ?'),
      insertChunk: db.prepare('INSERT INTO projection_model_chunks (name, seq, header, columns) VALUES (?, ?, ?, ?)'),
      saveState: db.prepare('INSERT INTO projection_rosters (name, roster) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET roster = excluded.roster'),
      saveCheckpoint: db.prepare('INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position'),
    };
  }

  /** One read transaction, so a concurrent commit or reset cannot mix into what is read. */
  load(name: string): StoredSnapshot {
    return this.db.transaction(() => {
      const chunks = this.stmt.chunks.all(name).map((row) => ({ header: row.header, columns: row.columns }));
      const checkpoint = this.stmt.checkpoint.get(name);
      return { chunks, state: this.stmt.state.get(name)?.roster, checkpoint: checkpoint === undefined ? undefined : BigInt(checkpoint.position) };
    })();
  }

  commit(name: string, commit: SnapshotCommit): void {
    this.db
      .transaction(() => {
        const row = this.stmt.checkpoint.get(name);
        const stored = row === undefined ? undefined : BigInt(row.position);
        if (stored !== commit.expected) throw new CheckpointMovedError(name, commit.expected, stored);
        const next = (this.stmt.lastSeq.get(name)?.seq ?? -1) + 1;
        this.stmt.insertChunk.run(name, next, commit.chunk.header, commit.chunk.columns);
        this.stmt.saveState.run(name, commit.state);
        this.stmt.saveCheckpoint.run(name, commit.position);
      })
      .immediate();
  }

  reset(name: string): void {
    this.db
      .transaction(() => {
        this.db.prepare('DELETE FROM projection_model_chunks WHERE name = ?').run(name);
        this.db.prepare('DELETE FROM projection_rosters WHERE name = ?').run(name);
        this.db.prepare('DELETE FROM checkpoints WHERE name = ?').run(name);
      })
      .immediate();
  }
}
