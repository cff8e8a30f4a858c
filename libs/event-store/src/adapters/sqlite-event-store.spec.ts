import { mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker, type Transferable } from 'node:worker_threads';
import fc from 'fast-check';
import { ConcurrencyError, DuplicateEventIdError } from '../errors.js';
import type { AppendResult, ExpectedRevision, ProposedEvent, ReadAllOptions, RecordedEvent, StreamWrite } from '../event-store.port.js';
import { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite-event-store.js';

const clock = () => new Date('2026-03-02T10:00:00.000Z');
let dir: string;
const open: SqliteEventStore[] = [];

function openStore(name: string, options: SqliteEventStoreOptions = {}): SqliteEventStore {
  const store = SqliteEventStore.open(join(dir, `${name}.db`), { clock, ...options });
  open.push(store);
  return store;
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

function event(id: string, data: unknown = { id }, type = 'Noted'): ProposedEvent {
  return { id, type, data, metadata: { actor: 'spec', correlationId: `corr-${id}`, schemaVersion: 1 } };
}

function events(prefix: string, count: number): ProposedEvent[] {
  return Array.from({ length: count }, (_, i) => event(`${prefix}-${i}`, { i, pad: 'p'.repeat(i % 7) }));
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'staffcast-sqlite-spec-'));
});
afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SqliteEventStore batched appends (multi-row INSERTs)', () => {
  it('writes a batch spanning every chunk size gap-free, with consecutive positions and the last one returned', async () => {
    const store = openStore('gap-free');
    await store.append('other-1', [event('before')]);
    const batch = events('b', 257); // 2 × 100 rows, 5 × 10 rows, 7 single rows
    const result = await store.append('s-1', batch, { expectedRevision: 'no_stream' });
    expect(result.nextExpectedRevision).toBe(256n);
    const read = await collect(store.readStream('s-1'));
    expect(read.map((e) => e.id)).toEqual(batch.map((e) => e.id));
    expect(read.map((e) => e.revision)).toEqual(batch.map((_, i) => BigInt(i)));
    expect(read.map((e) => e.data)).toEqual(batch.map((e) => e.data));
    for (let i = 1; i < read.length; i++) expect(read[i]!.position).toBe(read[i - 1]!.position + 1n);
    expect(result.position).toBe(read[256]!.position);
    expect(read[0]!.metadata).toEqual({ recordedAt: '2026-03-02T10:00:00.000Z', actor: 'spec', correlationId: 'corr-b-0', schemaVersion: 1 });
  });

  it('treats a retried large batch as a no-op that returns the same result', async () => {
    const store = openStore('retry');
    const batch = events('r', 230);
    const first = await store.append('s-1', batch, { expectedRevision: 'no_stream' });
    const head = await store.headPosition();
    expect(await store.append('s-1', batch, { expectedRevision: 'no_stream' })).toEqual(first);
    expect(await store.append('s-1', batch, { expectedRevision: 'any' })).toEqual(first);
    expect(await store.append('s-1', batch, { expectedRevision: 229n })).toEqual(first);
    expect(await store.headPosition()).toBe(head);
  });

  it('appends only the new events of a large batch whose first part is stored', async () => {
    const store = openStore('partial');
    const batch = events('p', 260);
    await store.append('s-1', batch.slice(0, 120), { expectedRevision: 'no_stream' });
    const result = await store.append('s-1', batch, { expectedRevision: 'any' });
    const read = await collect(store.readStream('s-1'));
    expect(read.map((e) => e.id)).toEqual(batch.map((e) => e.id));
    expect(read.map((e) => e.revision)).toEqual(batch.map((_, i) => BigInt(i)));
    expect(result).toEqual({ nextExpectedRevision: 259n, position: read[259]!.position });
  });

  it('skips a stored event met in the middle of a chunk and keeps revisions gap-free', async () => {
    const store = openStore('middle');
    const stored = event('stored', { v: 1 });
    await store.append('s-1', [stored]);
    const batch = events('m', 250);
    batch.splice(150, 0, stored);
    const result = await store.append('s-1', batch, { expectedRevision: 'any' });
    const read = await collect(store.readStream('s-1'));
    expect(read).toHaveLength(251);
    expect(read.filter((e) => e.id === 'stored').map((e) => e.revision)).toEqual([0n]);
    expect(read.map((e) => e.revision)).toEqual(read.map((_, i) => BigInt(i)));
    expect(result).toEqual({ nextExpectedRevision: 250n, position: read[250]!.position });
  });

  it('rejects a reused id with other content or in another stream inside a chunk, writing nothing', async () => {
    const store = openStore('reused');
    await store.append('s-1', [event('taken', { v: 1 })]);
    const head = await store.headPosition();
    const otherContent = events('x', 200);
    otherContent[130] = event('taken', { v: 2 });
    await expect(store.append('s-1', otherContent)).rejects.toBeInstanceOf(DuplicateEventIdError);
    const otherStream = events('y', 200);
    otherStream[45] = event('taken', { v: 1 });
    await expect(store.append('s-2', otherStream)).rejects.toBeInstanceOf(DuplicateEventIdError);
    const multi: StreamWrite[] = [
      { stream: 's-3', events: events('z', 150) },
      { stream: 's-4', events: [...events('w', 99), event('taken', { v: 3 })] },
    ];
    await expect(store.appendMultiple(multi)).rejects.toBeInstanceOf(DuplicateEventIdError);
    expect(await store.headPosition()).toBe(head);
    expect(await collect(store.readAll())).toHaveLength(1);
    // Positions keep increasing after the rolled-back attempts.
    const after = await store.append('s-3', events('z', 150));
    expect(after.position > head!).toBe(true);
  });

  it('returns for each stream of a multi-stream append the position of its own last event', async () => {
    const store = openStore('multi');
    const writes: StreamWrite[] = [
      { stream: 'a-1', events: events('a', 130), expectedRevision: 'no_stream' },
      { stream: 'b-1', events: events('b', 3) },
      { stream: 'c-1', events: events('c', 100) },
      { stream: 'a-1', events: events('a2', 20), expectedRevision: 129n },
    ];
    const results = await store.appendMultiple(writes);
    const all = await collect(store.readAll());
    const lastOf = (id: string) => all.find((e) => e.id === id)!.position;
    expect(results).toEqual([
      { nextExpectedRevision: 129n, position: lastOf('a-129') },
      { nextExpectedRevision: 2n, position: lastOf('b-2') },
      { nextExpectedRevision: 99n, position: lastOf('c-99') },
      { nextExpectedRevision: 149n, position: lastOf('a2-19') },
    ]);
  });

  it('checks the expected revision before writing any chunk', async () => {
    const store = openStore('expected');
    await store.append('s-1', events('e', 5));
    await expect(store.append('s-1', events('f', 300), { expectedRevision: 3n })).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await collect(store.readStream('s-1'))).toHaveLength(5);
  });

  it('puts the events of many short writes across streams into multi-row INSERTs, binding metadata they share once', async () => {
    const store = openStore('across');
    await store.append('other-1', [event('before')]);
    // The first 150 writes' events share one request's metadata; the others have their own.
    const shared = { actor: 'spec', correlationId: 'corr-request', causationId: 'cause-1', schemaVersion: 1 };
    const writes: StreamWrite[] = Array.from({ length: 300 }, (_, i) => ({
      stream: `ticket-${i}`,
      events: events(`t${i}`, 3).map((e) => (i < 150 ? { ...e, metadata: shared } : e)),
      expectedRevision: 'no_stream',
    }));
    // Rows and values per row of each INSERT into events run through a prepared statement: ten
    // positional values a row, or six and one object of the shared ones.
    const statementPrototype = Object.getPrototypeOf(store.db.prepare('SELECT 1')) as { run: (...args: unknown[]) => unknown };
    const run = statementPrototype.run;
    const insertRows: [rows: number, width: number][] = [];
    statementPrototype.run = function (this: { source: string }, ...args: unknown[]) {
      if (this.source.startsWith('INSERT INTO events')) {
        insertRows.push(this.source.includes('@actor') ? [(args.length - 1) / 6, 6] : [(Array.isArray(args[0]) ? args[0].length : args.length) / 10, 10]);
      }
      return run.apply(this, args);
    };
    let results;
    try {
      results = await store.appendMultiple(writes);
    } finally {
      statementPrototype.run = run;
    }
    // 450 events share metadata: the first four chunks of 100; the fifth is mixed.
    expect(insertRows).toEqual([...new Array(4).fill([100, 6]), ...new Array(5).fill([100, 10])]);
    const log = await collect(store.readAll());
    expect(log).toHaveLength(901);
    const written = log.slice(1);
    expect(written.map((e) => e.id)).toEqual(writes.flatMap((w) => w.events.map((e) => e.id)));
    expect(written.map((e) => e.metadata)).toEqual(writes.flatMap((w) => w.events.map((e) => ({ recordedAt: '2026-03-02T10:00:00.000Z', ...e.metadata }))));
    for (let i = 1; i < log.length; i++) expect(log[i]!.position).toBe(log[i - 1]!.position + 1n);
    expect(written.map((e) => [e.stream, e.revision])).toEqual(writes.flatMap((w) => [0n, 1n, 2n].map((r) => [w.stream, r])));
    expect(results).toEqual(writes.map((_, i) => ({ nextExpectedRevision: 2n, position: written[i * 3 + 2]!.position })));
  });

  it('checks a later write to a stream against what the earlier writes of the call really added', async () => {
    const store = openStore('later');
    const stored = event('stored');
    await store.append('a-1', [stored]);
    const fresh = events('f', 30);
    const writes: StreamWrite[] = [
      // The stored event is skipped (no revision), so the stream ends at revision 1, not 2.
      { stream: 'a-1', events: [stored, fresh[0]!], expectedRevision: 0n },
      { stream: 'b-1', events: fresh.slice(1, 20), expectedRevision: 'no_stream' },
      { stream: 'a-1', events: fresh.slice(20), expectedRevision: 1n },
      { stream: 'a-1', events: [], expectedRevision: 11n },
    ];
    const results = await store.appendMultiple(writes);
    const log = await collect(store.readAll());
    const at = (id: string) => log.find((e) => e.id === id)!;
    expect(results).toEqual([
      { nextExpectedRevision: 1n, position: at('f-0').position },
      { nextExpectedRevision: 18n, position: at('f-19').position },
      { nextExpectedRevision: 11n, position: at('f-29').position },
      { nextExpectedRevision: 11n, position: 0n },
    ]);
    expect((await collect(store.readStream('a-1'))).map((e) => [e.id, e.revision])).toEqual([
      ['stored', 0n],
      ...[0, ...Array.from({ length: 10 }, (_, i) => 20 + i)].map((n, r) => [`f-${n}`, BigInt(r + 1)]),
    ]);
  });

  it('rejects chunk sizes SQLite cannot take or that are not largest first', () => {
    expect(() => openStore('bad-1', { insertChunkRows: [10, 100] })).toThrow(/insertChunkRows/);
    expect(() => openStore('bad-2', { insertChunkRows: [5000] })).toThrow(/insertChunkRows/);
    expect(() => openStore('bad-3', { insertChunkRows: [1] })).toThrow(/insertChunkRows/);
    expect(() => openStore('bad-4', { pageSize: 0 })).toThrow(/pageSize/);
  });
});

/** What one append or multi-stream append did: its results, or the class of its error. */
async function outcome(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return { ok: await run() };
  } catch (error) {
    return { error: (error as Error).constructor.name };
  }
}

/** Everything stored, in log order, as plain values. */
async function snapshot(store: SqliteEventStore): Promise<unknown[]> {
  return (await collect(store.readAll())).map((e) => ({ ...e, position: String(e.position), revision: String(e.revision) }));
}

/**
 * The reference for a multi-stream append: its writes one call each, in order, one INSERT per
 * event, inside one transaction (each call nests as a savepoint) so an error undoes them all.
 * Nothing is queued across writes here, so this is the plain sequential meaning of the call.
 */
function appendOneByOne(store: SqliteEventStore, writes: readonly StreamWrite[]): Promise<unknown> {
  return Promise.resolve(store.transaction(() => writes.map((w) => store.appendSync(w.stream, w.events, { expectedRevision: w.expectedRevision }))));
}

describe('SqliteEventStore: chunked and off-thread appends behave exactly as one INSERT per event', () => {
  // Random sequences of appends and multi-stream appends, with fresh events, retried events,
  // ids reused with other content and all kinds of expected revision, go to a store with small
  // chunks (7 and 3 rows, so short batches cross chunk boundaries), to one whose writer thread
  // appends them (falling back to its own connection for retries, reused ids and conflicts), and
  // to one writing row by row, one write at a time.
  const expected = fc.oneof(
    fc.constantFrom<ExpectedRevision>('any', 'no_stream', 'exists'),
    // Negative revisions too: no stream has one (and the writer thread codes the names as negatives).
    fc.integer({ min: -4, max: 25 }).map((n) => BigInt(n)),
  );
  const proposal = fc.oneof(
    { weight: 6, arbitrary: fc.constant({ kind: 'fresh' as const }) },
    { weight: 2, arbitrary: fc.nat().map((pick) => ({ kind: 'retry' as const, pick })) },
    { weight: 1, arbitrary: fc.nat().map((pick) => ({ kind: 'reuse' as const, pick })) },
  );
  const write = fc.record({
    stream: fc.constantFrom('s-a', 's-b', 's-c'),
    proposals: fc.array(proposal, { maxLength: 24 }),
    expectedRevision: fc.option(expected, { nil: undefined }),
    // Fresh events with metadata of their own, or sharing one request's (the writer thread binds
    // shared metadata once per statement), with or without a causation id.
    metadata: fc.constantFrom('own', 'request', 'caused'),
  });
  const operation = fc.array(write, { minLength: 1, maxLength: 3 });
  const requestMetadata = new Map<string, ProposedEvent['metadata']>();
  const metadataOf = (kind: 'request' | 'caused', type: string): ProposedEvent['metadata'] => {
    const key = `${kind}/${type}`;
    let metadata = requestMetadata.get(key);
    if (!metadata) {
      metadata = { actor: 'spec', correlationId: 'corr-request', schemaVersion: type === 'Noted' ? 1 : 2 };
      if (kind === 'caused') metadata.causationId = 'cause-1';
      requestMetadata.set(key, metadata);
    }
    return metadata;
  };

  it('gives the same results, errors, log and positions', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 12 }), async (operations) => {
        run++;
        const chunked = openStore(`chunked-${run}`, { insertChunkRows: [7, 3] });
        const rowByRow = openStore(`row-${run}`, { insertChunkRows: [] });
        const offThread = openStore(`off-${run}`, { insertChunkRows: [7, 3] });
        const proposed: { stream: string; event: ProposedEvent }[] = [];
        let fresh = 0;
        for (const writes of operations) {
          const streamWrites: StreamWrite[] = writes.map((w) => {
            const seen = new Set<string>();
            const list: ProposedEvent[] = [];
            for (const p of w.proposals) {
              let next: ProposedEvent;
              if (p.kind === 'fresh' || proposed.length === 0) {
                const type = fresh % 3 === 0 ? 'Marked' : 'Noted';
                next = event(`e${run}-${fresh++}`, { n: fresh, tag: w.stream }, type);
                if (w.metadata !== 'own') next.metadata = metadataOf(w.metadata, type);
              } else {
                const earlier = proposed[p.pick % proposed.length]!.event;
                next = p.kind === 'retry' ? earlier : { ...earlier, data: { other: p.pick } };
              }
              if (seen.has(next.id)) continue;
              seen.add(next.id);
              list.push(next);
            }
            for (const e of list) proposed.push({ stream: w.stream, event: e });
            return { stream: w.stream, events: list, expectedRevision: w.expectedRevision };
          });
          const single = streamWrites.length === 1 ? streamWrites[0]! : undefined;
          const applied = await outcome(() =>
            single ? chunked.append(single.stream, single.events, { expectedRevision: single.expectedRevision }) : chunked.appendMultiple(streamWrites),
          );
          const reference = await outcome(() =>
            single ? rowByRow.append(single.stream, single.events, { expectedRevision: single.expectedRevision }) : appendOneByOne(rowByRow, streamWrites),
          );
          expect(applied).toEqual(reference);
          const offThreadApplied = await outcome(async () => {
            const results = await offThread.appendMultiple(streamWrites, { offThread: true });
            return single ? results[0] : results;
          });
          expect(offThreadApplied).toEqual(reference);
        }
        expect(await snapshot(chunked)).toEqual(await snapshot(rowByRow));
        expect(await snapshot(offThread)).toEqual(await snapshot(rowByRow));
        await chunked.close();
        await rowByRow.close();
        await offThread.close();
      }),
      { numRuns: 60 },
    );
  });

  // Many short writes across streams in one call, as a CSV import makes them: their events share
  // multi-row INSERTs across streams, while a stream may come back later in the same call.
  const short = fc.integer({ min: 3, max: 30 }).chain((streams) =>
    fc.array(
      fc.record({
        writes: fc.array(
          fc.record({
            stream: fc.integer({ min: 0, max: streams - 1 }).map((i) => `t-${i}`),
            proposals: fc.array(proposal, { maxLength: 6 }),
            // Mostly none or a guess at the right revision: one wrong write fails the whole call,
            // and enough calls must go through.
            expectedRevision: fc.oneof(
              { weight: 30, arbitrary: fc.constant({ kind: 'given' as const, value: undefined }) },
              { weight: 12, arbitrary: fc.constant({ kind: 'guess' as const, offset: 0 }) },
              { weight: 1, arbitrary: fc.constantFrom(-1, 1).map((offset) => ({ kind: 'guess' as const, offset })) },
              { weight: 1, arbitrary: expected.map((value) => ({ kind: 'given' as const, value })) },
            ),
          }),
          { minLength: 5, maxLength: 40 },
        ),
        // Ids reused with other content or in another stream fail the whole call: in a quarter of the calls.
        reuse: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
      }),
      { minLength: 1, maxLength: 6 },
    ),
  );

  it('gives the same results, errors, log and positions for many short writes across streams in one call', async () => {
    let run = 0;
    let calls = 0;
    let succeeded = 0;
    let writtenOffThread = 0;
    await fc.assert(
      fc.asyncProperty(short, async (operations) => {
        run++;
        const chunked = openStore(`short-chunked-${run}`, { insertChunkRows: [7, 3] });
        const rowByRow = openStore(`short-row-${run}`, { insertChunkRows: [] });
        const offThread = openStore(`short-off-${run}`, { insertChunkRows: [7, 3] });
        const proposed: { stream: string; event: ProposedEvent }[] = [];
        let fresh = 0;
        for (const { writes, reuse } of operations) {
          // The guessed revision: the stream's revision before the call plus the events proposed
          // to it earlier in the call (off when some of them are retries, which consume none).
          const guessed = new Map<string, number>();
          const streamWrites: StreamWrite[] = [];
          for (const w of writes) {
            const seen = new Set<string>();
            const list: ProposedEvent[] = [];
            const sameStream = proposed.filter((p) => p.stream === w.stream);
            for (const p of w.proposals) {
              let next: ProposedEvent;
              if (p.kind === 'fresh' || (p.kind === 'retry' && sameStream.length === 0) || (p.kind === 'reuse' && (!reuse || proposed.length === 0))) {
                next = event(`e${run}-${fresh++}`, { n: fresh, tag: w.stream });
              } else if (p.kind === 'retry') next = sameStream[p.pick % sameStream.length]!.event;
              else {
                const earlier = proposed[p.pick % proposed.length]!;
                next = earlier.stream === w.stream ? { ...earlier.event, data: { other: p.pick } } : earlier.event;
              }
              if (seen.has(next.id)) continue;
              seen.add(next.id);
              list.push(next);
            }
            if (!guessed.has(w.stream)) {
              const [last] = await collect(rowByRow.readStream(w.stream, { direction: 'backwards', maxCount: 1 }));
              guessed.set(w.stream, last === undefined ? -1 : Number(last.revision));
            }
            const before = guessed.get(w.stream)!;
            guessed.set(w.stream, before + list.length);
            const e = w.expectedRevision;
            const expectedRevision = e.kind === 'given' ? e.value : before + e.offset < 0 ? 'no_stream' : BigInt(before + e.offset);
            for (const item of list) proposed.push({ stream: w.stream, event: item });
            streamWrites.push({ stream: w.stream, events: list, expectedRevision });
          }
          const applied = await outcome(() => chunked.appendMultiple(streamWrites));
          const reference = await outcome(() => appendOneByOne(rowByRow, streamWrites));
          expect(applied).toEqual(reference);
          expect(await outcome(() => offThread.appendMultiple(streamWrites, { offThread: true }))).toEqual(reference);
          calls++;
          if ('ok' in (applied as object)) succeeded++;
        }
        expect(await snapshot(chunked)).toEqual(await snapshot(rowByRow));
        expect(await snapshot(offThread)).toEqual(await snapshot(rowByRow));
        writtenOffThread += offThread.writtenOffThread;
        await chunked.close();
        await rowByRow.close();
        await offThread.close();
      }),
      { numRuns: 60 },
    );
    // The generator must mostly produce calls that go through, or the chunks are barely exercised;
    // and the writer thread must have written some of them itself (a call holding a retried event,
    // as most here do, goes back to the store's own connection).
    expect(succeeded).toBeGreaterThan(calls / 4);
    expect(writtenOffThread).toBeGreaterThan(calls / 20);
  });
});

describe('SqliteEventStore off-thread appends (writer thread)', () => {
  const batch = (prefix: string, streams: number, perStream: number): StreamWrite[] =>
    Array.from({ length: streams }, (_, s) => ({ stream: `${prefix}-${s}`, events: events(`${prefix}-${s}`, perStream), expectedRevision: 'no_stream' as const }));

  it('tells the writer thread the metadata all of a request’s events share, and nothing when they differ', async () => {
    const store = openStore('off-shared');
    // One request's metadata, one object per schema version, as ticket ingest passes it.
    const request = (schemaVersion: number) => ({ actor: 'spec', correlationId: 'corr-request', schemaVersion });
    const sharing = batch('a', 100, 3).map((w) => ({ ...w, events: w.events.map((e, i) => ({ ...e, type: i ? 'Marked' : 'Noted', metadata: request(i ? 2 : 1) })) }));
    const mixed = batch('b', 100, 3).map((w) => ({ ...w, events: w.events.map((e) => ({ ...e, metadata: request(1) })) }));
    mixed[57]!.events[1]!.metadata.correlationId = 'corr-other';
    const posted: { sharedMetadata: unknown }[] = [];
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, message: unknown, transfer?: readonly Transferable[]) {
      if (typeof message === 'object' && message !== null && 'sharedMetadata' in message) posted.push(message);
      return post.call(this, message, transfer);
    };
    try {
      await store.appendMultiple(sharing, { offThread: true });
      await store.appendMultiple(mixed, { offThread: true });
    } finally {
      Worker.prototype.postMessage = post;
    }
    expect(posted.map((message) => message.sharedMetadata)).toEqual([
      { recordedAt: '2026-03-02T10:00:00.000Z', actor: 'spec', correlationId: 'corr-request', causationId: null },
      null,
    ]);
    expect(store.writtenOffThread).toBe(2);
    const log = await collect(store.readAll());
    expect(log.map((e) => [e.id, e.type, e.metadata])).toEqual(
      [...sharing, ...mixed].flatMap((w) => w.events.map((e) => [e.id, e.type, { recordedAt: '2026-03-02T10:00:00.000Z', ...e.metadata }])),
    );
  });

  it('writes a call of many streams with the same results and log as the store itself', async () => {
    const off = openStore('off');
    const own = openStore('own');
    const writes = batch('t', 300, 4);
    const results = await off.appendMultiple(writes, { offThread: true });
    expect(off.writtenOffThread).toBe(1);
    expect(results).toEqual(await own.appendMultiple(writes));
    expect(await snapshot(off)).toEqual(await snapshot(own));
    // A retry decides nothing new: it falls back to the store's connection and returns the same positions.
    expect(await off.appendMultiple(writes.map((w) => ({ ...w, expectedRevision: 'any' as const })), { offThread: true })).toEqual(results);
    expect(off.writtenOffThread).toBe(1);
  });

  it('stores the same data text as the store itself, for data with quotes, escapes, brackets and nulls, and rejects data without JSON as it does', async () => {
    const off = openStore('off-data');
    const own = openStore('own-data');
    const data: unknown[] = [{ text: 'a "quoted", [bracketed] \\ {braced} ü😀' }, { nested: [{ a: null }, [], {}], n: -1.5e-7 }, 'plain', 7, null, ['x,y', '"]']];
    const writes = batch('d', data.length, 2).map((w, s) => ({ ...w, events: w.events.map((e) => ({ ...e, data: data[s] })) }));
    const withoutNull = writes.filter((_, s) => data[s] !== null);
    expect(await off.appendMultiple(withoutNull, { offThread: true })).toEqual(await own.appendMultiple(withoutNull));
    expect(off.writtenOffThread).toBe(1);
    // A null element may be data without JSON: the store's own connection writes it.
    const nullData = writes.filter((_, s) => data[s] === null);
    expect(await off.appendMultiple(nullData, { offThread: true })).toEqual(await own.appendMultiple(nullData));
    expect(off.writtenOffThread).toBe(1);
    expect(await snapshot(off)).toEqual(await snapshot(own));
    // A toJSON is asked for its key: '' alone, the index in an array. Such data goes the store's way.
    const keyed = [{ stream: 'k-1', events: [{ ...event('k-1'), data: { toJSON: (key: string) => ({ key }) } }] }];
    expect(await off.appendMultiple(keyed, { offThread: true })).toEqual(await own.appendMultiple(keyed));
    expect(off.writtenOffThread).toBe(1);
    expect(await off.appendMultiple(keyed, { offThread: true })).toEqual(await own.appendMultiple(keyed));
    const noJson = [{ stream: 'u-1', events: [{ ...event('u-1'), data: undefined }] }];
    const ownError = await own.appendMultiple(noJson).catch((error: unknown) => error);
    await expect(off.appendMultiple(noJson, { offThread: true })).rejects.toEqual(ownError);
    const throwing = [{ stream: 't-1', events: [{ ...event('t-1'), data: { toJSON: () => { throw new Error('cannot encode'); } } }] }];
    await expect(off.appendMultiple(throwing, { offThread: true })).rejects.toThrow('cannot encode');
    await expect(own.appendMultiple(throwing)).rejects.toThrow('cannot encode');
    expect(await snapshot(off)).toEqual(await snapshot(own));
    // The stored texts themselves, not only what they parse to.
    const stored = (store: SqliteEventStore) => store.db.prepare('SELECT position, event_id, data FROM events ORDER BY position').raw().all();
    expect(stored(off)).toEqual(stored(own));
    expect(stored(off)).toContainEqual([expect.any(Number), 'k-1', '{"key":""}']);
  });

  it('appends a call whose data are too long for one text on the store’s own connection, in its turn', async () => {
    const store = openStore('too-long');
    const stringify = JSON.stringify;
    // As V8 does past its longest string: only the text of all the call's data at once is too long.
    JSON.stringify = function (value: unknown, ...rest: never[]) {
      if (Array.isArray(value) && value.some((v) => (v as { long?: boolean } | null)?.long === true)) throw new RangeError('Invalid string length');
      return stringify.call(JSON, value, ...rest);
    } as typeof JSON.stringify;
    let results: AppendResult[][];
    try {
      const long = [{ stream: 'long-1', events: [event('long-1', { long: true }), event('long-2', { long: true })], expectedRevision: 'no_stream' as const }];
      results = await Promise.all([
        store.appendMultiple(batch('a', 100, 3), { offThread: true }),
        store.appendMultiple(long, { offThread: true }),
        store.appendMultiple(batch('c', 100, 3), { offThread: true }),
      ]);
    } finally {
      JSON.stringify = stringify;
    }
    expect(results.map((r) => r.at(-1)!.position)).toEqual([300n, 302n, 602n]);
    expect(store.writtenOffThread).toBe(1);
    const log = await collect(store.readAll());
    expect(log.slice(300, 302).map((e) => [e.id, e.data])).toEqual([
      ['long-1', { long: true }],
      ['long-2', { long: true }],
    ]);
  });

  it('writes an append called while off-thread ones are on their way after them, and pipelines off-thread calls in call order', async () => {
    const store = openStore('order');
    const first = store.appendMultiple(batch('a', 200, 3), { offThread: true });
    const second = store.appendMultiple(batch('b', 200, 3), { offThread: true });
    const own = store.append('c-0', [event('c-0')]);
    await Promise.all([first, second, own]);
    const log = await collect(store.readAll());
    expect(log.map((e) => e.stream.slice(0, 1)).join('').replace(/(.)\1*/g, '$1')).toBe('abc');
    expect((await first).at(-1)!.position).toBe(600n);
    expect((await own).position).toBe(1201n);
    expect(store.writtenOffThread).toBe(2);
  });

  it('keeps call order when an off-thread append falls back to the store’s connection', async () => {
    const store = openStore('fallback-order');
    const first = event('o-1');
    await store.append('s-1', [first]);
    // A holds an event already stored: the writer hands it back, and the store appends it itself;
    // C, posted right behind it, must not be written before it.
    const a = store.appendMultiple([{ stream: 's-1', events: [first, event('o-2')], expectedRevision: 'any' }], { offThread: true });
    const c = store.appendMultiple([{ stream: 's-1', events: [event('o-3')], expectedRevision: 'any' }], { offThread: true });
    await Promise.all([a, c]);
    expect((await collect(store.readStream('s-1'))).map((e) => e.id)).toEqual(['o-1', 'o-2', 'o-3']);
    // After the fallbacks the writer writes again.
    await store.appendMultiple([{ stream: 's-2', events: [event('o-4')] }], { offThread: true });
    expect(store.writtenOffThread).toBe(1);
  });

  it('keeps call order for an append on the store’s connection called between two off-thread ones', async () => {
    const store = openStore('between-order');
    const a = store.appendMultiple(batch('a', 100, 2), { offThread: true });
    const b = store.append('s-1', [event('b-0')]);
    const c = store.appendMultiple([{ stream: 's-1', events: [event('c-0')], expectedRevision: 'any' }], { offThread: true });
    await Promise.all([a, b, c]);
    expect((await collect(store.readAll())).slice(-2).map((e) => [e.id, String(e.revision)])).toEqual([
      ['b-0', '0'],
      ['c-0', '1'],
    ]);
  });

  it('writes the appends of concurrent flows, off-thread or not, in the order they were called', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.array(fc.record({ offThread: fc.boolean(), stream: fc.constantFrom('s-a', 's-b'), retry: fc.boolean(), ticks: fc.nat({ max: 8 }) }), { minLength: 1, maxLength: 5 }),
          { minLength: 2, maxLength: 4 },
        ),
        async (flows) => {
          run++;
          const store = openStore(`flows-${run}`);
          const seed = event(`seed-${run}`);
          await store.append('s-a', [seed]);
          const called: string[] = [];
          let n = 0;
          // Each flow appends one after the other; the flows run at once. A retry repeats the seed
          // event, which the writer thread hands back to the store's connection.
          await Promise.all(
            flows.map(async (ops, f) => {
              for (const op of ops) {
                // A few microtask turns first, so calls land in every gap between another's steps.
                for (let tick = 0; tick < op.ticks; tick++) await Promise.resolve();
                const fresh = event(`f${f}-${n++}`);
                const events = op.retry && op.stream === 's-a' ? [seed, fresh] : [fresh];
                called.push(fresh.id);
                if (op.offThread) await store.appendMultiple([{ stream: op.stream, events }], { offThread: true });
                else await store.appendMultiple([{ stream: op.stream, events }]);
              }
            }),
          );
          const written = (await collect(store.readAll())).map((e) => e.id).filter((id) => !id.startsWith('seed'));
          expect(written).toEqual(called);
          await store.close();
        },
      ),
      { numRuns: 60 },
    );
  });

  it('wakes live subscribers after an off-thread commit', async () => {
    const store = openStore('wake');
    const seen: string[] = [];
    const subscription = store.subscribe({ name: 'wake', fromCheckpoint: 'start' }, { onEvent: (e) => void seen.push(e.id) });
    await subscription.caughtUp;
    await store.appendMultiple(batch('w', 10, 2), { offThread: true });
    for (let i = 0; i < 200 && seen.length < 20; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    await subscription.stop();
    expect(seen).toHaveLength(20);
  });

  it('finishes an off-thread append that close() finds on its way', async () => {
    const store = openStore('close');
    const appending = store.appendMultiple(batch('k', 500, 2), { offThread: true });
    await store.close();
    expect((await appending).at(-1)!.position).toBe(1000n);
    const again = openStore('close');
    expect(await again.headPosition()).toBe(1000n);
  });

  it('checks expectations on the writer thread: a conflict is the store’s ConcurrencyError and writes nothing', async () => {
    const store = openStore('conflict');
    await store.append('x-1', [event('x-first')]);
    const writes: StreamWrite[] = [...batch('y', 50, 2), { stream: 'x-1', events: [event('x-second')], expectedRevision: 5n }];
    await expect(store.appendMultiple(writes, { offThread: true })).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await store.headPosition()).toBe(1n);
    expect(store.writtenOffThread).toBe(0);
  });

  it('appends on its own connection when the writer thread cannot open the file', async () => {
    const store = openStore('moved');
    // The store's connection keeps the file it opened; the writer, opening it by name, finds nothing.
    renameSync(join(dir, 'moved.db'), join(dir, 'elsewhere.db'));
    const first = await store.appendMultiple(batch('f', 20, 2), { offThread: true });
    const second = await store.appendMultiple(batch('g', 20, 2), { offThread: true });
    expect(store.writtenOffThread).toBe(0);
    expect(first.at(-1)!.position).toBe(40n);
    expect(second.at(-1)!.position).toBe(80n);
    expect(await store.headPosition()).toBe(80n);
  });

  it('leaves a :memory: store on its own connection', async () => {
    const store = SqliteEventStore.open(':memory:', { clock });
    await store.appendMultiple(batch('m', 5, 2), { offThread: true });
    expect(store.writtenOffThread).toBe(0);
    expect(await store.headPosition()).toBe(10n);
    await store.close();
  });
});

describe('SqliteEventStore paged reads', () => {
  async function filled(pageSize: number, name: string): Promise<SqliteEventStore> {
    const store = openStore(name, { pageSize });
    for (let i = 0; i < 6; i++) {
      await store.append(`alpha-${i % 2}`, [event(`a${i}`, { i }, 'Opened'), event(`a${i}x`, { i }, 'Closed')]);
      await store.append(`beta-${i}`, [event(`b${i}`, { i }, 'Opened')]);
    }
    return store;
  }

  it('reads in pages of 3 exactly what the options select, as in one page', async () => {
    const small = await filled(3, 'small');
    const large = await filled(1000, 'large');
    const log = await collect(large.readAll());
    expect(log).toHaveLength(18);
    const head = log[log.length - 1]!.position;
    const shape = (list: RecordedEvent[]) => list.map((e) => `${e.position}:${e.id}`);
    /** The port's readAll semantics applied to the whole log in memory. */
    const select = (options: ReadAllOptions) => {
      const backwards = options.direction === 'backwards';
      const ordered = backwards ? [...log].reverse() : log;
      const from = options.fromPosition;
      const picked = ordered.filter(
        (e) =>
          (from === undefined || (backwards ? e.position < from : e.position > from)) &&
          (!options.filter?.streamCategories || options.filter.streamCategories.some((c) => e.stream.startsWith(`${c}-`))) &&
          (!options.filter?.eventTypes || options.filter.eventTypes.includes(e.type)),
      );
      return shape(picked.slice(0, options.maxCount ?? picked.length));
    };
    for (const direction of ['forwards', 'backwards'] as const) {
      for (const maxCount of [undefined, 0, 1, 3, 4, 6, 7, 100]) {
        for (const fromPosition of [undefined, 2n, head - 4n]) {
          for (const filter of [undefined, { streamCategories: ['alpha'] }, { eventTypes: ['Opened'] }]) {
            const options: ReadAllOptions = { direction, maxCount, fromPosition, filter };
            const expected = select(options);
            expect({ options, read: shape(await collect(small.readAll(options))) }).toEqual({ options, read: expected });
            expect({ options, read: shape(await collect(large.readAll(options))) }).toEqual({ options, read: expected });
          }
        }
      }
    }
    const stream = log.filter((e) => e.stream === 'alpha-0');
    expect(stream.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n, 5n]);
    for (const direction of ['forwards', 'backwards'] as const) {
      for (const maxCount of [undefined, 1, 3, 5]) {
        for (const fromRevision of [undefined, 0n, 2n, 5n]) {
          const options = { direction, maxCount, fromRevision };
          const backwards = direction === 'backwards';
          const ordered = (backwards ? [...stream].reverse() : stream).filter(
            (e) => fromRevision === undefined || (backwards ? e.revision <= fromRevision : e.revision >= fromRevision),
          );
          const expected = shape(ordered.slice(0, maxCount ?? ordered.length));
          expect({ options, read: shape(await collect(small.readStream('alpha-0', options))) }).toEqual({ options, read: expected });
          expect({ options, read: shape(await collect(large.readStream('alpha-0', options))) }).toEqual({ options, read: expected });
        }
      }
    }
  });

  it('starts reading at the first next(), can stop early and be iterated again', async () => {
    const store = await filled(3, 'iterate');
    const iterable = store.readAll({ filter: { streamCategories: ['beta'] } });
    await store.append('beta-late', [event('late', {}, 'Opened')]);
    const firstTwo: string[] = [];
    for await (const e of iterable) {
      firstTwo.push(e.id);
      if (firstTwo.length === 2) break;
    }
    expect(firstTwo).toEqual(['b0', 'b1']);
    expect((await collect(iterable)).map((e) => e.id)).toEqual(['b0', 'b1', 'b2', 'b3', 'b4', 'b5', 'late']);
  });

  it('sees events appended between its pages', async () => {
    const store = await filled(2, 'between');
    const seen: string[] = [];
    let appended = false;
    for await (const e of store.readAll({ filter: { streamCategories: ['beta'] } })) {
      seen.push(e.id);
      if (!appended) {
        appended = true;
        await store.append('beta-new', [event('new', {}, 'Opened')]);
      }
    }
    expect(seen).toEqual(['b0', 'b1', 'b2', 'b3', 'b4', 'b5', 'new']);
  });

  it('rejects next() when the store is closed, and then ends', async () => {
    const store = await filled(3, 'closed');
    const iterator = store.readAll()[Symbol.asyncIterator]();
    await store.close();
    await expect(iterator.next()).rejects.toThrow(/not open|closed/i);
    await expect(iterator.next()).resolves.toEqual({ value: undefined, done: true });
  });
});

describe('SqliteEventStore readAll read ahead on a worker', () => {
  it('gives each event its own type and metadata where runs of events that share them break', async () => {
    const store = openStore('runs', { pageSize: 4, readAheadFrom: 0 });
    const differences: ((e: ProposedEvent) => void)[] = [
      () => undefined,
      (e) => (e.type = 'Other'),
      (e) => (e.metadata.actor = 'other'),
      (e) => (e.metadata.correlationId = 'other'),
      (e) => (e.metadata.causationId = 'cause'),
      (e) => (e.metadata.schemaVersion = 2),
    ];
    // Runs of three: one like the first, the next different from it in one way, and so on.
    const proposed = Array.from({ length: 40 }, (_, i) => {
      const e = event(`r-${i}`, { i });
      e.metadata.correlationId = 'shared';
      const run = Math.floor(i / 3);
      if (run % 2 === 1) differences[Math.floor(run / 2) % differences.length]!(e);
      return e;
    });
    const streams: [string, number][] = [];
    for (let i = 0; i < proposed.length; i += 5) {
      await store.append(`s-${i}`, proposed.slice(i, i + 5));
      for (let r = 0; r < 5; r++) streams.push([`s-${i}`, r]);
    }
    // Two streams taking turns: each event's revision is the one before it's plus one, on another stream.
    for (let i = 0; i < 6; i++) {
      const e = event(`x-${i}`, { i });
      e.metadata.correlationId = 'shared';
      proposed.push(e);
      await store.append(i % 2 ? 'y' : 'x', [e]);
      streams.push([i % 2 ? 'y' : 'x', Math.floor(i / 2)]);
    }
    const read = await collect(store.readAll());
    expect(read.map((e) => [e.id, e.type, e.metadata])).toEqual(
      proposed.map((e) => [e.id, e.type, { recordedAt: '2026-03-02T10:00:00.000Z', ...e.metadata }]),
    );
    expect(read.map((e) => [e.stream, Number(e.revision)])).toEqual(streams);
    // Each event its own metadata object (a projection sets an upcast event's schema version on it).
    expect(new Set(read.map((e) => e.metadata)).size).toBe(read.length);
    expect(read.map((e) => e.position)).toEqual(proposed.map((_, i) => BigInt(i + 1)));
  });

  it('reads exactly what a read in place reads, whatever the filter, start, count and page size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            stream: fc.constantFrom('alpha-1', 'alpha-2', 'beta-1', 'gamma "q" \\ é'),
            type: fc.constantFrom('Opened', 'Closed', 'Odd "type"'),
            data: fc.jsonValue(),
            causationId: fc.option(fc.constantFrom('c-1', 'c "2"\n'), { nil: undefined }),
            // Runs of events sharing type and metadata are read in a shorter form: vary where they break.
            correlationId: fc.constantFrom('k-1', 'k-1', 'k "2"'),
            schemaVersion: fc.constantFrom(1, 1, 2),
          }),
          { minLength: 0, maxLength: 60 },
        ),
        fc.integer({ min: 1, max: 5 }),
        fc.record({
          fromPosition: fc.option(fc.bigInt({ min: 0n, max: 30n }), { nil: undefined }),
          maxCount: fc.option(fc.nat({ max: 70 }), { nil: undefined }),
          filter: fc.constantFrom(undefined, { streamCategories: ['alpha'] }, { eventTypes: ['Opened', 'Odd "type"'] }, { streamCategories: ['gamma "q" \\ é', 'beta'], eventTypes: ['Closed'] }),
        }),
        async (specs, pageSize, options) => {
          const name = `ahead-${open.length}`;
          const paged = openStore(name, { pageSize, readAheadFrom: 0 });
          for (const [i, spec] of specs.entries()) {
            const proposed = event(`e-${i} "${spec.stream}"`, spec.data, spec.type);
            if (spec.causationId !== undefined) proposed.metadata.causationId = spec.causationId;
            proposed.metadata.correlationId = spec.correlationId;
            proposed.metadata.schemaVersion = spec.schemaVersion;
            await paged.append(spec.stream, [proposed]);
          }
          const inPlace = openStore(name, { pageSize: 100_000 });
          expect(await collect(paged.readAll(options))).toEqual(await collect(inPlace.readAll(options)));
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('SqliteEventStore background checkpoints', () => {
  const until = async (condition: () => boolean) => {
    for (let waited = 0; !condition(); waited += 10) {
      if (waited > 20_000) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  it('checkpoints on a worker once enough events were appended, with the writer not checkpointing itself, and stops on close', async () => {
    let checkpoints = 0;
    const store = openStore('background', { backgroundCheckpoints: { afterEvents: 50, intervalMs: 10, onCheckpoint: () => checkpoints++ } });
    // Until a checkpoint, the events live in the WAL only; the worker's checkpoint copies them into the file.
    const fileBytes = () => statSync(join(dir, 'background.db')).size;
    await store.append('s-0', events('a', 40));
    const before = fileBytes();
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000);
    await store.append('s-1', events('b', 40));
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    await until(() => checkpoints > 0 && fileBytes() > before);
    await store.close();
    const reopened = openStore('background');
    expect(await collect(reopened.readAll())).toHaveLength(80);
  });

  it('keeps the WAL from growing with the data while a writer keeps writing', async () => {
    let checkpoints = 0;
    const store = openStore('restart', { backgroundCheckpoints: { afterEvents: 0, intervalMs: 5, walRestartPages: 200, onCheckpoint: () => checkpoints++ } });
    const walBytes = () => statSync(join(dir, 'restart.db-wal')).size;
    let largestWal = 0;
    // Without a pause: each commit comes before the worker's checkpoint ends.
    for (let batch = 0; batch < 400; batch++) {
      await store.append(`w-${batch}`, Array.from({ length: 200 }, (_, i) => event(`w-${batch}-${i}`, { i, text: 'x'.repeat(200) })));
      largestWal = Math.max(largestWal, walBytes());
    }
    await until(() => checkpoints > 0);
    const dataBytes = statSync(join(dir, 'restart.db')).size;
    // 80,000 events of ~300 bytes; a WAL never started over holds more than all of them.
    expect(dataBytes).toBeGreaterThan(20 * 2 ** 20);
    expect(largestWal).toBeLessThan(dataBytes / 2);
    expect(await collect(store.readAll({ maxCount: 10 }))).toHaveLength(10);
  });

  it('goes back to checkpointing on the writer when the worker cannot work', async () => {
    const store = openStore('worker-fails', { backgroundCheckpoints: { afterEvents: 1, intervalMs: 10 } });
    // The worker opens the file itself: with the file gone it fails at once.
    rmSync(join(dir, 'worker-fails.db'));
    await store.append('s-0', events('a', 5));
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    await until(() => store.db.pragma('wal_autocheckpoint', { simple: true }) === 10_000);
    await store.append('s-1', events('b', 5));
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000);
  });

  it('starts no worker when turned off, or for an in-memory database', async () => {
    const off = openStore('off', { backgroundCheckpoints: false });
    await off.append('s-0', events('a', 30_000));
    expect(off.db.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000);
    const memory = SqliteEventStore.open(':memory:', { clock, backgroundCheckpoints: { afterEvents: 0 } });
    open.push(memory);
    await memory.append('s-0', events('a', 10));
    expect(memory.db.pragma('wal_autocheckpoint', { simple: true })).not.toBe(0);
  });
});

describe('SqliteEventStore readAll read ahead: lifecycle', () => {
  async function filled(name: string, count = 40): Promise<SqliteEventStore> {
    const store = openStore(name, { pageSize: 3, readAheadFrom: 0 });
    await store.appendMultiple(Array.from({ length: count }, (_, i) => ({ stream: `s-${i % 4}`, events: [event(`r-${i}`, { i })] })));
    return store;
  }

  it('sees events appended while it reads, after the head it started from', async () => {
    const store = await filled('ahead-appends');
    const seen: string[] = [];
    for await (const e of store.readAll()) {
      if (seen.length === 0) await store.append('late', [event('late')]);
      seen.push(e.id);
    }
    expect(seen).toEqual([...Array.from({ length: 40 }, (_, i) => `r-${i}`), 'late']);
  });

  it('answers two next() calls asked at once in log order', async () => {
    const store = await filled('ahead-twice');
    const iterator = store.readAll()[Symbol.asyncIterator]();
    const ids: string[] = [];
    for (;;) {
      const [a, b] = await Promise.all([iterator.next(), iterator.next()]);
      for (const r of [a, b]) if (!r.done) ids.push(r.value.id);
      if (a.done || b.done) break;
    }
    expect(ids).toEqual(Array.from({ length: 40 }, (_, i) => `r-${i}`));
  });

  it('stops the workers of reads left unfinished when the store closes, and of reads stopped early at once', async () => {
    const store = await filled('ahead-close');
    for await (const _ of store.readAll()) break;
    expect(store.readAheadWorkers).toBe(0);
    const left = store.readAll()[Symbol.asyncIterator]();
    await left.next();
    await store.readAll()[Symbol.asyncIterator]().next();
    expect(store.readAheadWorkers).toBe(2);
    await store.close();
    expect(store.readAheadWorkers).toBe(0);
    // As a read in place: the rest of the page in hand, then the closed store is reported.
    const rest: string[] = [];
    const drain = async () => {
      for (let r = await left.next(); !r.done; r = await left.next()) rest.push(r.value.id);
    };
    await expect(drain()).rejects.toThrow(/not open/);
    expect(rest).toEqual(['r-1', 'r-2']);
  });

  it('rejects when its worker cannot read, and then ends', async () => {
    const store = await filled('ahead-fails');
    rmSync(join(dir, 'ahead-fails.db'));
    const iterator = store.readAll()[Symbol.asyncIterator]();
    await expect(iterator.next()).rejects.toThrow(/unable to open database file/);
    await expect(iterator.next()).resolves.toEqual({ value: undefined, done: true });
    expect(store.readAheadWorkers).toBe(0);
  });

  it('rejects a maxCount that is not an integer, naming it', () => {
    const store = openStore('max-count');
    expect(() => store.readAll({ maxCount: 1.5 })).toThrow(/maxCount/);
    expect(() => store.readStream('s', { maxCount: Number.NaN })).toThrow(/maxCount/);
  });
});

describe('SqliteEventStore.readSmallCategories', () => {
  it('reads the events of the given categories in log order, as readAll filtered by category does', async () => {
    const store = openStore('categories');
    for (let i = 0; i < 5; i++) {
      await store.append(`queue-q${i % 2}`, [event(`q${i}`, { i })]);
      await store.append(`ticket-t${i}`, events(`t${i}`, 3));
      await store.append(`launch-l${i}`, [event(`l${i}`, { i })]);
      // A stream whose name only starts like a category is not in it.
      await store.append(`queues-x${i}`, [event(`x${i}`, { i })]);
    }
    const expected = await collect(store.readAll({ filter: { streamCategories: ['queue', 'launch'] } }));
    expect(expected.map((e) => e.stream)).toContain('launch-l4');
    expect(store.readSmallCategories(['queue', 'launch'])).toEqual(expected);
    expect(store.readSmallCategories(['calendar'])).toEqual([]);
    expect(store.readSmallCategories([])).toEqual([]);
  });
});

describe('SqliteEventStore.scanRows', () => {
  const TYPES = ['Noted', 'Changed'];
  // Data that JSON text must escape, nested values, numbers of every kind the catalogue stores.
  const dataArb = fc.jsonValue().map((value) => ({ value, text: 'quote " backslash \\ newline \n tab \t \u2028 é 🙂' }));

  it('returns, page by page, exactly the events of the given types in (after, bound] that readAll returns, data parsed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ type: fc.constantFrom('Noted', 'Changed', 'Other'), data: dataArb }), { minLength: 0, maxLength: 40 }),
        fc.integer({ min: 1, max: 7 }),
        fc.nat({ max: 45 }),
        fc.nat({ max: 45 }),
        async (specs, pageSize, afterAt, boundAt) => {
          const store = openStore(`scan-${open.length}`);
          for (const [i, spec] of specs.entries()) await store.append(`s-${i % 3}`, [event(`e-${i}`, spec.data, spec.type)], { expectedRevision: 'any' });
          const after = BigInt(afterAt);
          const bound = BigInt(boundAt);
          const expected = (await collect(store.readAll({ filter: { eventTypes: TYPES } })))
            .filter((e) => e.position > after && e.position <= bound)
            .map((e) => [Number(e.position), TYPES.indexOf(e.type), e.data, e.metadata.schemaVersion, e.metadata.recordedAt]);
          const scanned: unknown[] = [];
          let from = after;
          for (;;) {
            const page = store.scanRows(TYPES, from, bound, pageSize, true);
            scanned.push(...page);
            if (page.length < pageSize) break;
            from = BigInt(page[page.length - 1]![0]);
          }
          expect(scanned).toEqual(expected);
          const withoutRecordedAt = store.scanRows(TYPES, after, bound, 1000, false);
          expect(withoutRecordedAt).toEqual(expected.map((row) => row.slice(0, 4)));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('refuses event types that are not plain names', () => {
    const store = openStore('scan-names');
    expect(() => store.scanRows(["Noted' OR 1=1 --"], 0n, 10n, 10, false)).toThrow(RangeError);
  });

  async function scanAll(store: SqliteEventStore, after: bigint, bound: bigint, limit: number): Promise<unknown[]> {
    const rows: unknown[] = [];
    for await (const page of store.scanPages(TYPES, after, bound, limit, true)) {
      expect(page.length).toBeLessThanOrEqual(limit);
      rows.push(...page);
    }
    return rows;
  }

  it('scanPages gives what scanRows gives page by page, on the caller thread and read ahead on a worker', async () => {
    const store = openStore('scan-pages');
    const types = ['Noted', 'Changed', 'Other'];
    await store.appendMultiple(Array.from({ length: 300 }, (_, i) => ({ stream: `s-${i % 7}`, events: [event(`p-${i}`, { i, text: 'é "q"' }, types[i % 3])] })));
    const expected = (after: bigint, bound: bigint) => store.scanRows(TYPES, after, bound, 10_000, true);
    // 2 pages (caller thread), then whole log in pages of 7 and 50 (worker), with a bound inside the log.
    expect(await scanAll(store, 0n, 300n, 200)).toEqual(expected(0n, 300n));
    expect(await scanAll(store, 0n, 300n, 7)).toEqual(expected(0n, 300n));
    expect(await scanAll(store, 13n, 287n, 50)).toEqual(expected(13n, 287n));
    expect(await scanAll(store, 300n, 400n, 7)).toEqual([]);
  });

  it('scanPages stops its worker when the reader stops early, and reports a worker that cannot read', async () => {
    const store = openStore('scan-stop');
    await store.appendMultiple(Array.from({ length: 100 }, (_, i) => ({ stream: `s-${i}`, events: [event(`q-${i}`)] })));
    let pages = 0;
    for await (const page of store.scanPages(TYPES, 0n, 100n, 5, false)) {
      expect(page).toHaveLength(5);
      if (++pages === 2) break;
    }
    expect(pages).toBe(2);
    expect(store.readAheadWorkers).toBe(0);
    // The worker opens the file itself: with the file gone it fails, and the scan rejects.
    rmSync(join(dir, 'scan-stop.db'));
    await expect(scanAll(store, 0n, 100n, 5)).rejects.toThrow(/unable to open database file/);
  });
});
