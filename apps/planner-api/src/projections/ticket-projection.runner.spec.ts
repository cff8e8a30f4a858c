import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryEventStore, isMultiStreamAppender, isSnapshotStore, openEventStore, type EventStore, type StreamWrite } from '@staffcast/event-store';
import { NO_MARKS, ROSTER_EVENT_TYPES, createRosterModel, createTicketModel, evolveRoster, evolveTicketModel, exportChunk, type AsOf, type RosterModel, type TicketModel } from '@staffcast/projections';
import { demoProjectionLog } from '../../../../scripts/bench/projection-demo-log.js';
import { SnapshotProjectionPersistence } from './projection-persistence.js';
import { TicketProjectionRunner } from './ticket-projection.runner.js';

async function append(store: EventStore, writes: StreamWrite[]): Promise<void> {
  if (!isMultiStreamAppender(store)) throw new Error('needs a multi-stream store');
  for (let i = 0; i < writes.length; i += 500) await store.appendMultiple(writes.slice(i, i + 500));
}

/** The model folded straight from readAll, with an optional bound. */
async function folded(store: EventStore, asOf?: AsOf): Promise<TicketModel> {
  const model = createTicketModel();
  for await (const e of store.readAll()) {
    if (asOf?.kind === 'position' && e.position > asOf.position) break;
    if (asOf?.kind === 'time' && Date.parse(e.metadata.recordedAt) > asOf.ms) continue;
    evolveTicketModel(model, e);
  }
  return model;
}

/** The roster folded straight from readAll. */
async function foldedRoster(store: EventStore): Promise<RosterModel> {
  const roster = createRosterModel();
  for await (const e of store.readAll({ filter: { streamCategories: ['agent'] } })) evolveRoster(roster, e);
  return roster;
}

const meta = { actor: 'test', correlationId: 'runner-spec', schemaVersion: 1 };
const none = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
const agentWrites = (agentId: string): StreamWrite[] => [
  {
    stream: `agent-${agentId}`,
    events: [
      { id: `${agentId}-0`, type: 'AgentHired', data: { agentId, site: { siteId: 'kl', timeZone: 'Asia/Kuala_Lumpur' }, markets: ['US'], languages: ['en'], skills: ['chat'], startDate: '2026-05-04', contractedHoursPerWeek: 40, hourlyCost: { amount: 9, currency: 'USD' } }, metadata: meta },
      { id: `${agentId}-1`, type: 'AgentScheduleSet', data: { agentId, effectiveFrom: '2026-05-04', shifts: { ...none, mon: [{ start: '09:00', end: '17:00', breaks: [] }] } }, metadata: meta },
    ],
  },
];

const state = (m: TicketModel) => {
  const { position: _position, ...rest } = exportChunk(m, NO_MARKS);
  return rest;
};

describe('TicketProjectionRunner', () => {
  let dir: string;
  const writes = [...demoProjectionLog({ weeks: 1, volumeScale: 0.25 })];
  const half = Math.floor(writes.length / 2);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'staffcast-proj-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('on sqlite: catches up, commits model + checkpoint, resumes after a restart, rebuilds, and reports lag', async () => {
    const file = join(dir, 'log.db');
    let clock = Date.UTC(2026, 0, 1);
    const store = await openEventStore(`sqlite:${file}`, () => new Date((clock += 1000)));
    await append(store, writes.slice(0, half));
    const runner = new TicketProjectionRunner(store, { commitEvery: 300 });
    await runner.start();
    expect(await runner.catchUp()).toBe(true);
    await append(store, [...agentWrites('ag1'), ...writes.slice(half), ...agentWrites('ag2')]);
    expect(await runner.catchUp()).toBe(true);
    expect(state(runner.current)).toEqual(state(await folded(store)));
    expect(Object.keys(runner.currentRoster.agents)).toEqual(expect.arrayContaining(['ag1', 'ag2']));
    expect(Object.keys(runner.currentRoster.agents).length).toBeGreaterThan(2);
    expect(runner.currentRoster).toEqual(await foldedRoster(store));
    await runner.stop();
    const status = await runner.status();
    expect(status).toMatchObject({ durable: true, lag: '0', checkpoint: status.head });
    await store.close();

    const reopened = await openEventStore(`sqlite:${file}`);
    const resumed = new TicketProjectionRunner(reopened, { commitEvery: 300 });
    await resumed.start();
    // Loaded from the committed chunks, not replayed: the position is the checkpoint.
    expect(resumed.current.position?.toString()).toBe(status.checkpoint);
    expect(state(resumed.current)).toEqual(state(await folded(reopened)));
    expect(resumed.currentRoster).toEqual(await foldedRoster(reopened));
    const rebuilt = await resumed.rebuild();
    expect(rebuilt.position).toBe(status.head);
    expect(state(resumed.current)).toEqual(state(await folded(reopened)));
    expect(resumed.currentRoster).toEqual(await foldedRoster(reopened));
    await resumed.stop();
    await reopened.close();
  });

  it('rebuilds and answers as of a time the same when its pages are read ahead on a worker (small pages) or read in place', async () => {
    let clock = Date.UTC(2026, 0, 1);
    const store = await openEventStore(`sqlite:${join(dir, 'ahead.db')}`, () => new Date((clock += 1000)));
    await append(store, writes);
    const head = (await store.headPosition())!;
    // 100-row pages: far more than the few pages read in place, so the scan runs on a worker.
    const ahead = new TicketProjectionRunner(store, { name: 'ahead', scanPageSize: 100, commitEvery: 1000 });
    const inPlace = new TicketProjectionRunner(store, { name: 'in-place', scanPageSize: Number(head) });
    expect((await ahead.rebuild()).position).toBe(head.toString());
    await inPlace.rebuild();
    expect(state(ahead.current)).toEqual(state(inPlace.current));
    expect(state(ahead.current)).toEqual(state(await folded(store)));
    expect(ahead.currentRoster).toEqual(inPlace.currentRoster);
    const time: AsOf = { kind: 'time', ms: Date.UTC(2026, 0, 1) + 1000 * Math.floor(writes.length / 3) };
    expect(state(await ahead.modelAsOf(time))).toEqual(state(await folded(store, time)));
    await store.close();
  });

  it('as of a position or a recorded-at time equals the fold of the log up to it', async () => {
    let clock = Date.UTC(2026, 0, 1);
    const store = await openEventStore(`sqlite:${join(dir, 'asof.db')}`, () => new Date((clock += 60_000)));
    await append(store, writes);
    const runner = new TicketProjectionRunner(store, { scanPageSize: 777 });
    const head = (await store.headPosition())!;
    const position: AsOf = { kind: 'position', position: head / 3n };
    expect(exportChunk(await runner.modelAsOf(position), NO_MARKS)).toEqual(exportChunk(await folded(store, position), NO_MARKS));
    const time: AsOf = { kind: 'time', ms: Date.UTC(2026, 0, 1) + 60_000 * 5 };
    const atTime = await runner.modelAsOf(time);
    expect(state(atTime)).toEqual(state(await folded(store, time)));
    expect(atTime.ticketIds.length).toBeGreaterThan(0);
    expect(atTime.ticketIds.length).toBeLessThan(writes.length);
    // A bound beyond the head is not final: events appended later up to it are read next time.
    const beyond: AsOf = { kind: 'position', position: head + 1000n };
    const before = (await runner.modelAsOf(beyond)).ticketIds.length;
    await append(store, agentWrites('late'));
    expect((await runner.modelsAsOf(beyond)).roster.agents['late']).toBeDefined();
    expect((await runner.modelAsOf(beyond)).ticketIds.length).toBe(before);
    await store.close();
  });

  it('as of a position, starts from the last commit at or before it and equals the fold of the log up to it', async () => {
    const store = await openEventStore(`sqlite:${join(dir, 'asof-commits.db')}`);
    const other = (id: string): StreamWrite => ({ stream: `note-${id}`, events: [{ id: `note-${id}`, type: 'Noted', data: { id }, metadata: meta }] });
    await append(store, [...writes.slice(0, half), ...agentWrites('ag1'), other('a')]);
    const runner = new TicketProjectionRunner(store, { commitEvery: 250 });
    await runner.start();
    await append(store, [...writes.slice(half), ...agentWrites('ag2'), other('b'), other('c')]);
    expect(await runner.catchUp()).toBe(true);
    await runner.stop();
    const head = (await store.headPosition())!;
    /** The models folded from every event up to the bound (the ticket model stands at the bound). */
    const expected = async (bound: bigint) => {
      const tickets = createTicketModel();
      const roster = createRosterModel();
      for await (const e of store.readAll()) {
        if (e.position > bound) break;
        evolveTicketModel(tickets, e);
        if ((ROSTER_EVENT_TYPES as readonly string[]).includes(e.type)) evolveRoster(roster, e);
      }
      return { tickets: exportChunk(tickets, NO_MARKS), roster };
    };
    // A commit's stored model is the fold up to the commit's position.
    if (!isSnapshotStore(store)) throw new Error('sqlite keeps snapshots');
    const persistence = new SnapshotProjectionPersistence(store, 'projection:tickets');
    const atCommit = (await persistence.loadAt(head / 2n))!;
    expect(atCommit.position! <= head / 2n && atCommit.position! > 3n).toBe(true);
    expect(exportChunk(atCommit, NO_MARKS).tickets).toEqual((await expected(atCommit.position!)).tickets.tickets);
    expect(await persistence.loadAt(3n)).toBeUndefined();
    // Bounds before the first commit, between commits, on the last events (not read by the models) and at the head;
    // all but the first start from a stored commit.
    const loadAt = SnapshotProjectionPersistence.prototype.loadAt;
    let fromCommits = 0;
    SnapshotProjectionPersistence.prototype.loadAt = async function (this: SnapshotProjectionPersistence, position: bigint) {
      const model = await loadAt.call(this, position);
      if (model) fromCommits++;
      return model;
    };
    try {
      for (const bound of [3n, head / 4n, head / 2n + 7n, head - 2n, head - 1n, head]) {
        const reader = new TicketProjectionRunner(store);
        const models = await reader.modelsAsOf({ kind: 'position', position: bound });
        expect({ bound, tickets: exportChunk(models.tickets, NO_MARKS), roster: models.roster }).toEqual({ bound, ...(await expected(bound)) });
        await reader.stop();
      }
    } finally {
      SnapshotProjectionPersistence.prototype.loadAt = loadAt;
    }
    // The head itself is the live model's position (no fold); the four bounds between come from commits.
    expect(fromCommits).toBe(4);
    await store.close();
  });

  it('when another process rebuilds the stored projection, a running one reloads instead of appending to it', async () => {
    const file = join(dir, 'shared.db');
    const api = await openEventStore(`sqlite:${file}`);
    await append(api, writes.slice(0, half));
    const live = new TicketProjectionRunner(api, { commitEvery: 50 });
    await live.start();
    // Another connection to the same file (as another process) appends and at once rebuilds, before
    // the live runner (which polls other writers every 250 ms) has seen the new events.
    const cli = await openEventStore(`sqlite:${file}`);
    await append(cli, writes.slice(half));
    await new TicketProjectionRunner(cli).rebuild();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await live.catchUp()).toBe(true);
    expect(state(live.current)).toEqual(state(await folded(api)));
    await live.stop();
    // What is stored is one consistent model, not the rebuild with this runner's chunks appended.
    const reloaded = new TicketProjectionRunner(cli);
    await reloaded.start();
    expect(state(reloaded.current)).toEqual(state(await folded(cli)));
    await reloaded.stop();
    await cli.close();
    await api.close();
  });

  it('on the memory store: keeps the model in memory and stores no checkpoint', async () => {
    const store = new MemoryEventStore();
    await append(store, writes.slice(0, 200));
    const runner = new TicketProjectionRunner(store, { commitEvery: 50 });
    await runner.start();
    expect(await runner.catchUp()).toBe(true);
    expect(state(runner.current)).toEqual(state(await folded(store)));
    await runner.stop();
    expect(await store.loadCheckpoint('projection:tickets')).toBeUndefined();
    expect((await runner.status()).durable).toBe(false);
  });
});
