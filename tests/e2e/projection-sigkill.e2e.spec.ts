import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { isMultiStreamAppender, isSnapshotStore, openEventStore } from '@staffcast/event-store';
import { NO_MARKS, exportChunk } from '@staffcast/projections';
import { SnapshotProjectionPersistence } from '../../apps/planner-api/src/projections/projection-persistence.js';
import { TICKET_PROJECTION_NAME, TicketProjectionRunner } from '../../apps/planner-api/src/projections/ticket-projection.runner.js';
import { demoProjectionLog } from '../../scripts/bench/projection-demo-log.js';
import { forkChild } from '../support/fork-child.js';

describe('projection killed with SIGKILL mid-way', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'staffcast-sigkill-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('resumes from its last atomic commit and ends equal to a rebuild', async () => {
    const file = join(dir, 'log.db');
    const store = await openEventStore(`sqlite:${file}`);
    if (!isMultiStreamAppender(store) || !isSnapshotStore(store)) throw new Error('sqlite appends to many streams and keeps snapshots');
    const writes = [...demoProjectionLog({ weeks: 4, volumeScale: 1 })];
    for (let i = 0; i < writes.length; i += 2000) await store.appendMultiple(writes.slice(i, i + 2000));
    const head = (await store.headPosition())!;

    // The child follows the log with the real runner, committing every 100 events; it is killed
    // as soon as a first commit is visible from this process.
    const child = forkChild('projection-child.ts', [file, '100'], ['ignore', 'inherit', 'inherit', 'ipc']);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    let seen: bigint | undefined;
    const deadline = Date.now() + 60_000;
    while (seen === undefined && Date.now() < deadline) {
      seen = await store.loadCheckpoint(TICKET_PROJECTION_NAME);
      if (seen === undefined) await new Promise((resolve) => setTimeout(resolve, 2));
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(seen).toBeDefined();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    db.close();

    // What survived is a consistent commit: the stored model's position is its checkpoint, part-way through the log.
    const committed = (await new SnapshotProjectionPersistence(store, TICKET_PROJECTION_NAME).load()).model;
    expect(committed.position).toBe(await store.loadCheckpoint(TICKET_PROJECTION_NAME));
    expect(committed.position! >= seen!).toBe(true);
    expect(committed.position! < head).toBe(true);

    const resumed = new TicketProjectionRunner(store, { commitEvery: 1000 });
    await resumed.start();
    expect(await resumed.catchUp()).toBe(true);
    await resumed.stop();
    const check = new TicketProjectionRunner(store, { name: 'projection:tickets-check' });
    await check.rebuild();
    expect(exportChunk(resumed.current, NO_MARKS)).toEqual(exportChunk(check.current, NO_MARKS));
    // And what was committed after the resume reloads to the same model.
    expect(exportChunk((await new SnapshotProjectionPersistence(store, TICKET_PROJECTION_NAME).load()).model, NO_MARKS)).toEqual(exportChunk(check.current, NO_MARKS));
    await store.close();
  }, 120_000);
});
