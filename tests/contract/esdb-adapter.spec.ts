import { randomUUID } from 'node:crypto';
import {
  ConcurrencyError,
  DuplicateEventIdError,
  InvalidAppendError,
  openEventStore,
  type EventStore,
  type ProposedEvent,
  type RecordedEvent,
} from '@staffcast/event-store';
import { EsdbTestDouble, type EsdbTestDoubleOptions } from '../support/esdb-test-double.js';
import { startDoubleProcess, type DoubleProcess } from '../support/esdb-test-double-process.js';
import { collect } from './event-store.contract.js';

/** What the EventStoreDB adapter must get right beyond the shared contract, checked against the gRPC double. */

function event(type: string, data: unknown, id: string = randomUUID()): ProposedEvent {
  return { id, type, data, metadata: { actor: 'esdb-spec', correlationId: 'corr', schemaVersion: 1 } };
}

function category(): string {
  return `es${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

async function waitUntil(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const V5_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * Registers a double for the enclosing describe block and a fresh store per test. Each block has
 * its own double so that tests which scan the whole log stay small and fast.
 */
function useDouble(options: EsdbTestDoubleOptions = {}): { double: () => EsdbTestDouble; store: () => EventStore } {
  let double: EsdbTestDouble;
  let store: EventStore;
  beforeAll(async () => {
    double = await EsdbTestDouble.start(options);
  });
  afterAll(async () => {
    await double.stop();
  });
  beforeEach(async () => {
    store = await openEventStore(double.connectionString);
  });
  afterEach(async () => {
    await store.close();
  });
  return { double: () => double, store: () => store };
}

describe('EsdbEventStore against the gRPC double', () => {
  let double: EsdbTestDouble;
  let store: EventStore;

  describe('positions', () => {
    const own = useDouble();
    beforeEach(() => {
      double = own.double();
      store = own.store();
    });

    it('is the esdb kind', () => {
      expect(store.kind).toBe('esdb');
    });

    it('exposes the non-contiguous $all commit positions and pages through them without arithmetic', async () => {
      const c = category();
      // 1,100 events cross the adapter's 500-event $all pages, with the double's system events in between.
      for (let batch = 0; batch < 11; batch++) {
        await store.append(`${c}-${batch % 3}`, Array.from({ length: 100 }, (_, i) => event('N', { n: batch * 100 + i })));
      }
      const all = await collect(store.readAll({ filter: { streamCategories: [c] } }));
      expect(all.map((e) => (e.data as { n: number }).n)).toEqual(Array.from({ length: 1100 }, (_, n) => n));
      for (let i = 1; i < all.length; i++) expect(all[i]!.position - all[i - 1]!.position).toBeGreaterThan(1n);

      // Every position is a record of the log, with commit == prepare.
      const logPositions = new Set(double.records.map((r) => r.position));
      expect(all.every((e) => logPositions.has(e.position))).toBe(true);

      const from = all[599]!.position;
      const after = await collect(store.readAll({ fromPosition: from, filter: { streamCategories: [c] } }));
      expect(after.map((e) => (e.data as { n: number }).n)).toEqual(Array.from({ length: 500 }, (_, i) => 600 + i));
      const before = await collect(store.readAll({ fromPosition: from, direction: 'backwards', maxCount: 3, filter: { streamCategories: [c] } }));
      expect(before.map((e) => (e.data as { n: number }).n)).toEqual([598, 597, 596]);
    });

    it('is served by a double that rejects positions which are not record boundaries', async () => {
      const c = category();
      const { position } = await store.append(`${c}-1`, [event('N', {}), event('N', {})]);
      await expect(collect(store.readAll({ fromPosition: position + 1n }))).rejects.toThrow(/invalid position/);
      expect(await collect(store.readAll({ fromPosition: position, filter: { streamCategories: [c] } }))).toEqual([]);
    });

    it('returns the position of the last written event from append, equal to what reads report', async () => {
      const c = category();
      const result = await store.append(`${c}-1`, [event('A', {}), event('B', {}), event('C', {})]);
      const last = double.records.filter((r) => r.stream === `${c}-1`).at(-1)!;
      expect(result.position).toBe(last.position);
      const [readBack] = await collect(store.readStream(`${c}-1`, { direction: 'backwards', maxCount: 1 }));
      expect(readBack!.position).toBe(result.position);
    });
  });

  describe('system events and checkpoint streams', () => {
    const own = useDouble();
    beforeEach(() => {
      double = own.double();
      store = own.store();
    });

    it('keeps $-streams and $-types out of reads, the head and subscriptions', async () => {
      const c = category();
      await store.append(`${c}-1`, [event('A', { i: 0 })]);
      await store.append(`${c}-1`, [event('A', { i: 1 })]);
      // The double writes a $statsCollected event after every third append, so the log ends with one now or soon.
      await store.append(`${c}-1`, [event('A', { i: 2 })]);
      const systemRecords = double.records.filter((r) => r.stream.startsWith('$') || r.type.startsWith('$'));
      expect(systemRecords.map((r) => r.type)).toEqual(expect.arrayContaining(['$settings', '$metadata', '$statsCollected']));

      const everything = await collect(store.readAll());
      expect(everything.some((e) => e.stream.startsWith('$') || e.type.startsWith('$'))).toBe(false);
      const lastSystem = systemRecords.at(-1)!;
      const lastUser = double.records.filter((r) => !r.stream.startsWith('$') && !r.stream.startsWith('staffcast.checkpoint-')).at(-1)!;
      expect(await store.headPosition()).toBe(lastUser.position);
      const backwards = await collect(store.readAll({ direction: 'backwards', maxCount: 1 }));
      expect(backwards[0]!.position).toBe(lastUser.position);
      expect(backwards[0]!.position === lastSystem.position).toBe(false);

      const seen: RecordedEvent[] = [];
      const sub = store.subscribe({ name: `${c}-all`, fromCheckpoint: 'start' }, { onEvent: (e) => void seen.push(e) });
      try {
        await sub.caughtUp;
        expect(seen.length).toBeGreaterThanOrEqual(3);
        expect(seen.some((e) => e.stream.startsWith('$') || e.type.startsWith('$'))).toBe(false);
        // Its own checkpoints (written after each event) never come back to it as events.
        expect(seen.some((e) => e.stream.startsWith('staffcast.checkpoint-'))).toBe(false);
        expect(double.records.some((r) => r.stream === `staffcast.checkpoint-${c}-all`)).toBe(true);
      } finally {
        await sub.stop();
      }
    });

    it('keeps checkpoints in a reserved stream capped by $maxCount, which callers cannot append to', async () => {
      const c = category();
      await store.saveCheckpoint(`${c}-p`, 10n);
      await store.saveCheckpoint(`${c}-p`, 20n);
      expect(await store.loadCheckpoint(`${c}-p`)).toBe(20n);
      const meta = double.records.filter((r) => r.stream === `$$staffcast.checkpoint-${c}-p`);
      expect(meta).toHaveLength(1);
      expect(JSON.parse(Buffer.from(meta[0]!.data).toString('utf8'))).toEqual({ $maxCount: 1 });
      await expect(store.append(`staffcast.checkpoint-${c}-p`, [event('X', {})])).rejects.toBeInstanceOf(InvalidAppendError);
      const everything = await collect(store.readAll());
      expect(everything.some((e) => e.stream.startsWith('staffcast.checkpoint-'))).toBe(false);
    });
  });

  describe('expected revisions', () => {
    const own = useDouble();
    beforeEach(() => {
      double = own.double();
      store = own.store();
    });

    it('maps the server wrong-expected-version answer to ConcurrencyError with expected and actual', async () => {
      const c = category();
      // Two stores race: both read revision 0, both send it, the server accepts one.
      const other = await openEventStore(double.connectionString);
      try {
        await store.append(`${c}-1`, [event('Start', {})], { expectedRevision: 'no_stream' });
        const calls = double.appendCalls;
        const results = await Promise.allSettled([
          store.append(`${c}-1`, [event('A', {})], { expectedRevision: 0n }),
          other.append(`${c}-1`, [event('B', {})], { expectedRevision: 0n }),
        ]);
        expect(double.appendCalls - calls).toBe(2);
        const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(rejected).toHaveLength(1);
        const error = rejected[0]!.reason as ConcurrencyError;
        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error.stream).toBe(`${c}-1`);
        expect(error.expected).toBe(0n);
        expect(error.actual).toBe(1n);

        const fresh = await Promise.allSettled([
          store.append(`${c}-2`, [event('A', {})], { expectedRevision: 'no_stream' }),
          other.append(`${c}-2`, [event('B', {})], { expectedRevision: 'no_stream' }),
        ]);
        const lost = fresh.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
        expect((lost.reason as ConcurrencyError).expected).toBe('no_stream');
        expect((lost.reason as ConcurrencyError).actual).toBe(0n);
      } finally {
        await other.close();
      }
    });

    it('retries an `any` append that lost a race, so concurrent `any` writers all succeed exactly once', async () => {
      const c = category();
      const other = await openEventStore(double.connectionString);
      try {
        const writes = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? store : other).append(`${c}-hot`, [event('E', { i })]));
        await Promise.all(writes);
        const events = await collect(store.readStream(`${c}-hot`));
        expect(events.map((e) => e.revision)).toEqual(Array.from({ length: 10 }, (_, i) => BigInt(i)));
        expect(events.map((e) => (e.data as { i: number }).i).sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => i));
      } finally {
        await other.close();
      }
    });

    it('appends only the new events of a partly stored batch and refuses exists on a missing stream', async () => {
      const c = category();
      const first = event('A', { v: 1 });
      await store.append(`${c}-1`, [first]);
      const second = event('B', { v: 2 });
      const result = await store.append(`${c}-1`, [{ ...first, data: { v: 1 } }, second], { expectedRevision: 'any' });
      expect(result.nextExpectedRevision).toBe(1n);
      expect((await collect(store.readStream(`${c}-1`))).map((e) => e.id)).toEqual([first.id, second.id]);
      await expect(store.append(`${c}-1`, [{ ...second, type: 'Other' }])).rejects.toBeInstanceOf(DuplicateEventIdError);

      const missing = await store.append(`${c}-none`, [event('X', {})], { expectedRevision: 'exists' }).catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(ConcurrencyError);
      expect((missing as ConcurrencyError).actual).toBe('no_stream');
    });
  });

  describe('event ids', () => {
    const own = useDouble();
    beforeEach(() => {
      double = own.double();
      store = own.store();
    });

    it('stores non-UUID ids as name-based UUIDs and reads back the caller id', async () => {
      const c = category();
      const ids = [`${c}-1/created`, `${c}-1/assigned`, 'ABCDEF00-0000-4000-8000-000000000001'];
      await store.append(`${c}-1`, ids.map((id, i) => event('E', { i }, id)), { expectedRevision: 'no_stream' });
      const read = await collect(store.readStream(`${c}-1`));
      expect(read.map((e) => e.id)).toEqual(ids);
      expect(Object.keys(read[0]!.metadata)).not.toContain('eventId');

      const stored = double.records.filter((r) => r.stream === `${c}-1`);
      expect(stored.map((r) => V5_UUID.test(r.id))).toEqual([true, true, true]);
      expect(new Set(stored.map((r) => r.id)).size).toBe(3);

      // Deterministic: a retry maps to the same UUIDs and writes nothing.
      const retry = await store.append(`${c}-1`, ids.map((id, i) => event('E', { i }, id)), { expectedRevision: 'no_stream' });
      expect(retry.nextExpectedRevision).toBe(2n);
      expect(double.records.filter((r) => r.stream === `${c}-1`).map((r) => r.id)).toEqual(stored.map((r) => r.id));
      const all = await collect(store.readAll({ filter: { streamCategories: [c] } }));
      expect(all.map((e) => e.id)).toEqual(ids);
    });

    it('keeps canonical lower-case UUIDs as the ESDB event id', async () => {
      const c = category();
      const id = randomUUID();
      await store.append(`${c}-1`, [event('E', {}, id)]);
      expect(double.records.find((r) => r.stream === `${c}-1`)!.id).toBe(id);
      const [read] = await collect(store.readStream(`${c}-1`));
      expect(read!.id).toBe(id);
    });
  });

  describe('append size', () => {
    const own = useDouble();
    beforeEach(() => {
      double = own.double();
      store = own.store();
    });

    it('splits a batch over the server maximum append size into chained appends', async () => {
      const c = category();
      const calls = double.appendCalls;
      const batch = Array.from({ length: 1800 }, (_, i) => event('Row', { i, pad: 'z'.repeat(500) }));
      const result = await store.append(`${c}-big`, batch, { expectedRevision: 'no_stream' });
      expect(result.nextExpectedRevision).toBe(1799n);
      // ~1.1 MB of data and metadata (about 620 bytes an event): two Append calls of at most 1 MiB.
      expect(double.appendCalls - calls).toBeGreaterThanOrEqual(2);
      const read = await collect(store.readStream(`${c}-big`));
      expect(read.map((e) => (e.data as { i: number }).i)).toEqual(batch.map((_, i) => i));
    });

    it('learns a lower server limit from its refusal, and reports a single event over it as InvalidAppendError', async () => {
      const small = await EsdbTestDouble.start({ maxAppendSize: 4096 });
      const tight = await openEventStore(small.connectionString);
      try {
        const batch = Array.from({ length: 60 }, (_, i) => event('Row', { i, pad: 'p'.repeat(200) }));
        const calls = small.appendCalls;
        expect((await tight.append('rows-1', batch, { expectedRevision: 'no_stream' })).nextExpectedRevision).toBe(59n);
        // ~20 KB: one refused call, then chunks of at most 4 KiB.
        expect(small.appendCalls - calls).toBeGreaterThanOrEqual(6);
        expect((await collect(tight.readStream('rows-1'))).map((e) => (e.data as { i: number }).i)).toEqual(batch.map((_, i) => i));

        const tooBig = await tight.append('big-1', [event('Big', { pad: 'x'.repeat(10_000) })]).catch((e: unknown) => e);
        expect(tooBig).toBeInstanceOf(InvalidAppendError);
        expect((tooBig as Error).message).toMatch(/maximum append size of 4096 bytes/);
        expect(await collect(tight.readStream('big-1'))).toEqual([]);
      } finally {
        await tight.close();
        await small.stop();
      }
    });
  });

  describe('subscriptions', () => {
    const own = useDouble();
    beforeEach(() => {
      double = own.double();
      store = own.store();
    });

    it('resubscribes from its checkpoint after the server drops it, without losing or repeating events', async () => {
      const c = category();
      await store.append(`${c}-1`, [event('E', { i: 0 }), event('E', { i: 1 })]);
      const seen: number[] = [];
      const errors: unknown[] = [];
      let caughtUpCalls = 0;
      const sub = store.subscribe(
        { name: `${c}-drop`, fromCheckpoint: 'start', filter: { streamCategories: [c] } },
        { onEvent: (e) => void seen.push((e.data as { i: number }).i), onError: (e) => void errors.push(e), onCaughtUp: () => void caughtUpCalls++ },
      );
      try {
        await sub.caughtUp;
        expect(seen).toEqual([0, 1]);
        await waitUntil(() => double.activeSubscriptions === 1);
        expect(double.dropSubscriptions()).toBe(1);
        await waitUntil(() => errors.length >= 1);
        await store.append(`${c}-1`, [event('E', { i: 2 })]);
        await waitUntil(() => seen.length === 3);
        await waitUntil(() => double.activeSubscriptions === 1);
        await store.append(`${c}-2`, [event('E', { i: 3 })]);
        await waitUntil(() => seen.length === 4);
        expect(seen).toEqual([0, 1, 2, 3]);
        expect(caughtUpCalls).toBeGreaterThanOrEqual(2);
        expect(sub.lastPosition).toBe(await store.loadCheckpoint(`${c}-drop`));
      } finally {
        await sub.stop();
      }
      await waitUntil(() => double.activeSubscriptions === 0);
    });

    it('delivers each event once when the handler is slower than the server and signals caught-up after the last one', async () => {
      const c = category();
      await store.append(`${c}-1`, Array.from({ length: 60 }, (_, i) => event('E', { i })));
      const seen: number[] = [];
      let atCaughtUp: number[] | undefined;
      const sub = store.subscribe(
        { name: `${c}-slow`, fromCheckpoint: 'start', filter: { streamCategories: [c] }, autoCheckpoint: false },
        {
          onEvent: async (e) => {
            await new Promise((r) => setTimeout(r, 1));
            seen.push((e.data as { i: number }).i);
          },
          onCaughtUp: () => void (atCaughtUp ??= [...seen]),
        },
      );
      try {
        await sub.caughtUp;
        expect(atCaughtUp).toEqual(Array.from({ length: 60 }, (_, i) => i));
        expect(await store.loadCheckpoint(`${c}-slow`)).toBeUndefined();
      } finally {
        await sub.stop();
      }
    });

    it('filters a subscription by event type only', async () => {
      const c = category();
      await store.append(`${c}-1`, [event('Wanted', { i: 0 }), event('WantedNot', { i: 1 }), event('Other', { i: 2 }), event('Wanted', { i: 3 })]);
      const seen: RecordedEvent[] = [];
      const sub = store.subscribe({ name: `${c}-types`, fromCheckpoint: 'start', filter: { eventTypes: ['Wanted'] } }, { onEvent: (e) => void seen.push(e) });
      try {
        await sub.caughtUp;
        const mine = seen.filter((e) => e.stream.startsWith(`${c}-`));
        expect(mine.map((e) => (e.data as { i: number }).i)).toEqual([0, 3]);
        expect(seen.every((e) => e.type === 'Wanted')).toBe(true);
      } finally {
        await sub.stop();
      }
    });
  });
});

describe('EsdbEventStore against a double that sends no caught-up message (servers before 23.10)', () => {
  let double: EsdbTestDouble;
  let store: EventStore;
  beforeAll(async () => {
    double = await EsdbTestDouble.start({ sendCaughtUp: false });
    store = await openEventStore(double.connectionString);
  });
  afterAll(async () => {
    await store.close();
    await double.stop();
  });

  it('detects caught-up from the head read before subscribing', async () => {
    const c = category();
    await store.append(`${c}-1`, [event('E', { i: 0 }), event('E', { i: 1 })]);
    // Later events in another category put the head past anything the filter lets through.
    await store.append(`${category()}-1`, [event('E', {})]);
    const seen: number[] = [];
    const sub = store.subscribe({ name: `${c}-old`, fromCheckpoint: 'start', filter: { streamCategories: [c] } }, { onEvent: (e) => void seen.push((e.data as { i: number }).i) });
    try {
      await sub.caughtUp;
      expect(seen).toEqual([0, 1]);
      await store.append(`${c}-1`, [event('E', { i: 2 })]);
      await waitUntil(() => seen.length === 3);
    } finally {
      await sub.stop();
    }
  });

  it('is caught up at once on an empty category', async () => {
    const c = category();
    const sub = store.subscribe({ name: `${c}-empty`, fromCheckpoint: 'start', filter: { streamCategories: [c] } }, { onEvent: () => undefined });
    try {
      await sub.caughtUp;
      expect(sub.lastPosition).toBeUndefined();
    } finally {
      await sub.stop();
    }
  });
});

describe('EsdbEventStore against the double in another process', () => {
  let server: DoubleProcess;
  beforeAll(async () => {
    server = await startDoubleProcess();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('closes promptly after reads that were left early, although the server had already finished them', async () => {
    const store = await openEventStore(server.connectionString);
    const c = category();
    await store.append(`${c}-1`, [event('A', { i: 0 }), event('B', { i: 1 })]);
    await store.append(`${category()}-1`, [event('A', {})]);
    await store.append(`${c}-2`, [event('A', { i: 2 })]);
    // Each read below leaves its call after the first events while the rest is already received.
    expect(await collect(store.readAll({ maxCount: 2, filter: { streamCategories: [c] } }))).toHaveLength(2);
    expect(await store.headPosition()).toBeDefined();
    for await (const first of store.readStream(`${c}-1`)) {
      expect(first.revision).toBe(0n);
      break;
    }
    let timer: NodeJS.Timeout | undefined;
    const closed = await Promise.race([store.close().then(() => 'closed'), new Promise((r) => (timer = setTimeout(() => r('still open after 5 s'), 5000)))]);
    clearTimeout(timer);
    expect(closed).toBe('closed');
  });
});
