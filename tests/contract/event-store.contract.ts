import { randomUUID } from 'node:crypto';
import {
  appendToStreams,
  readStreams,
  ConcurrencyError,
  DuplicateEventIdError,
  type EventStore,
  type ProposedEvent,
  type RecordedEvent,
} from '@staffcast/event-store';

/**
 * The behaviour every EventStore adapter must show. Each test works in its own stream category,
 * so the suite also runs against a shared, non-empty EventStoreDB server.
 */
export interface ContractHarness {
  store: EventStore;
  cleanup(): Promise<void>;
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

function uniqueCategory(): string {
  return `ct${randomUUID().replace(/-/g, '').slice(0, 16)}`;
}

let counter = 0;
function proposed(type: string, data: unknown, id: string = randomUUID()): ProposedEvent {
  counter++;
  return { id, type, data, metadata: { actor: 'contract', correlationId: `corr-${counter}`, causationId: 'cause-1', schemaVersion: 1 } };
}

async function waitUntil(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function describeEventStoreContract(adapterName: string, open: () => Promise<ContractHarness>): void {
  describe(`EventStore contract: ${adapterName}`, () => {
    let harness: ContractHarness;
    let store: EventStore;
    let category: string;

    beforeEach(async () => {
      harness = await open();
      store = harness.store;
      category = uniqueCategory();
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    it('appends in order with gap-free revisions, increasing positions and a full envelope', async () => {
      const stream = `${category}-a`;
      const events = [proposed('Opened', { n: 1 }), proposed('Changed', { n: 2, nested: { x: [1, 2] } }), proposed('Closed', { n: 3 })];
      const result = await store.append(stream, events, { expectedRevision: 'no_stream' });
      expect(result.nextExpectedRevision).toBe(2n);
      expect(typeof result.position).toBe('bigint');

      const read = await collect(store.readStream(stream));
      expect(read.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
      expect(read.map((e) => e.type)).toEqual(['Opened', 'Changed', 'Closed']);
      expect(read.map((e) => e.id)).toEqual(events.map((e) => e.id));
      expect(read[1]!.data).toEqual({ n: 2, nested: { x: [1, 2] } });
      expect(read.every((e) => e.stream === stream)).toBe(true);
      for (let i = 1; i < read.length; i++) expect(read[i]!.position > read[i - 1]!.position).toBe(true);
      expect(read[2]!.position).toBe(result.position);
      const meta = read[0]!.metadata;
      expect(meta.actor).toBe('contract');
      expect(meta.correlationId).toBe(events[0]!.metadata.correlationId);
      expect(meta.causationId).toBe('cause-1');
      expect(meta.schemaVersion).toBe(1);
      expect(Number.isNaN(Date.parse(meta.recordedAt))).toBe(false);
    });

    it('keeps a recordedAt given by the caller', async () => {
      const stream = `${category}-t`;
      const event = proposed('Imported', {});
      event.metadata.recordedAt = '2025-03-01T10:00:00.000Z';
      await store.append(stream, [event]);
      const [read] = await collect(store.readStream(stream));
      expect(read!.metadata.recordedAt).toBe('2025-03-01T10:00:00.000Z');
    });

    it('reads a missing stream as empty', async () => {
      expect(await collect(store.readStream(`${category}-missing`))).toEqual([]);
      expect(await collect(store.readStream(`${category}-missing`, { direction: 'backwards' }))).toEqual([]);
    });

    it('reads a stream backwards, from a revision and with a maximum count', async () => {
      const stream = `${category}-r`;
      await store.append(stream, [0, 1, 2, 3, 4].map((n) => proposed('N', { n })));
      const backwards = await collect(store.readStream(stream, { direction: 'backwards' }));
      expect(backwards.map((e) => e.revision)).toEqual([4n, 3n, 2n, 1n, 0n]);
      const from2 = await collect(store.readStream(stream, { fromRevision: 2n, maxCount: 2 }));
      expect(from2.map((e) => (e.data as { n: number }).n)).toEqual([2, 3]);
      const back3 = await collect(store.readStream(stream, { fromRevision: 3n, direction: 'backwards', maxCount: 2 }));
      expect(back3.map((e) => e.revision)).toEqual([3n, 2n]);
    });

    it('enforces expected revisions with a typed ConcurrencyError', async () => {
      const stream = `${category}-c`;
      await expect(store.append(stream, [proposed('X', {})], { expectedRevision: 'exists' })).rejects.toBeInstanceOf(ConcurrencyError);
      await store.append(stream, [proposed('X', {}), proposed('X', {})], { expectedRevision: 'no_stream' });

      const noStream = await store.append(stream, [proposed('X', {})], { expectedRevision: 'no_stream' }).catch((e: unknown) => e);
      expect(noStream).toBeInstanceOf(ConcurrencyError);
      expect((noStream as ConcurrencyError).expected).toBe('no_stream');
      expect((noStream as ConcurrencyError).actual).toBe(1n);

      const stale = await store.append(stream, [proposed('X', {})], { expectedRevision: 0n }).catch((e: unknown) => e);
      expect(stale).toBeInstanceOf(ConcurrencyError);
      expect((stale as ConcurrencyError).expected).toBe(0n);
      expect((stale as ConcurrencyError).actual).toBe(1n);

      const ok = await store.append(stream, [proposed('X', {})], { expectedRevision: 1n });
      expect(ok.nextExpectedRevision).toBe(2n);
      expect((await store.append(stream, [proposed('X', {})], { expectedRevision: 'exists' })).nextExpectedRevision).toBe(3n);
      expect((await store.append(stream, [proposed('X', {})], { expectedRevision: 'any' })).nextExpectedRevision).toBe(4n);
      expect((await collect(store.readStream(stream))).length).toBe(5);
    });

    it('lets exactly one of two concurrent writers at the same revision win', async () => {
      const stream = `${category}-race`;
      await store.append(stream, [proposed('Start', {})], { expectedRevision: 'no_stream' });
      for (let round = 0; round < 5; round++) {
        const at = BigInt(round);
        const results = await Promise.allSettled([
          store.append(stream, [proposed('A', { round })], { expectedRevision: at }),
          store.append(stream, [proposed('B', { round })], { expectedRevision: at }),
        ]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
        expect(rejected.reason).toBeInstanceOf(ConcurrencyError);
      }
      const read = await collect(store.readStream(stream));
      expect(read.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n, 5n]);
    });

    it('treats a retried append of the same events as a no-op and rejects a reused id with other content', async () => {
      const stream = `${category}-idem`;
      const batch = [proposed('Created', { v: 1 }), proposed('Updated', { v: 2 })];
      const first = await store.append(stream, batch, { expectedRevision: 'no_stream' });
      const retry = await store.append(stream, batch, { expectedRevision: 'no_stream' });
      expect(retry.nextExpectedRevision).toBe(first.nextExpectedRevision);
      const retryAny = await store.append(stream, batch, { expectedRevision: 'any' });
      expect(retryAny.nextExpectedRevision).toBe(first.nextExpectedRevision);
      expect((await collect(store.readStream(stream))).length).toBe(2);

      const sameIdOtherData = { ...batch[0]!, data: { v: 99 } };
      await expect(store.append(stream, [sameIdOtherData], { expectedRevision: 'any' })).rejects.toBeInstanceOf(DuplicateEventIdError);
      expect((await collect(store.readStream(stream))).length).toBe(2);
    });

    it('appends only the new events of a partly stored batch', async () => {
      const stream = `${category}-partial`;
      const first = proposed('Created', { v: 1 });
      await store.append(stream, [first], { expectedRevision: 'no_stream' });
      const second = proposed('Updated', { v: 2 });
      const result = await store.append(stream, [first, second], { expectedRevision: 'any' });
      expect(result.nextExpectedRevision).toBe(1n);
      const read = await collect(store.readStream(stream));
      expect(read.map((e) => e.id)).toEqual([first.id, second.id]);
      expect(result.position).toBe(read[1]!.position);
    });

    it('keeps deterministic caller ids that are not UUIDs', async () => {
      const stream = `${category}-ids`;
      const ids = [`${stream}/created`, `${stream}/assigned`];
      const events = ids.map((id, i) => proposed('Noted', { i }, id));
      await store.append(stream, events, { expectedRevision: 'no_stream' });
      expect((await collect(store.readStream(stream))).map((e) => e.id)).toEqual(ids);
      expect((await collect(store.readAll({ filter: { streamCategories: [category] } }))).map((e) => e.id)).toEqual(ids);
      const retry = await store.append(stream, events, { expectedRevision: 'no_stream' });
      expect(retry.nextExpectedRevision).toBe(1n);
      expect(await collect(store.readStream(stream))).toHaveLength(2);
    });

    it('reads the whole log filtered by category and event type, in position order, exclusive of fromPosition', async () => {
      const other = uniqueCategory();
      await store.append(`${category}-1`, [proposed('A', { i: 0 }), proposed('B', { i: 1 })]);
      await store.append(`${other}-1`, [proposed('A', { i: 2 })]);
      await store.append(`${category}-2`, [proposed('A', { i: 3 })]);

      const mine = await collect(store.readAll({ filter: { streamCategories: [category] } }));
      expect(mine.map((e) => (e.data as { i: number }).i)).toEqual([0, 1, 3]);
      for (let i = 1; i < mine.length; i++) expect(mine[i]!.position > mine[i - 1]!.position).toBe(true);

      const typeA = await collect(store.readAll({ filter: { streamCategories: [category, other], eventTypes: ['A'] } }));
      expect(typeA.map((e) => (e.data as { i: number }).i)).toEqual([0, 2, 3]);

      const after = await collect(store.readAll({ fromPosition: mine[0]!.position, filter: { streamCategories: [category] } }));
      expect(after.map((e) => (e.data as { i: number }).i)).toEqual([1, 3]);

      const limited = await collect(store.readAll({ maxCount: 2, filter: { streamCategories: [category] } }));
      expect(limited).toHaveLength(2);

      const backwards = await collect(store.readAll({ direction: 'backwards', filter: { streamCategories: [category] } }));
      expect(backwards.map((e) => (e.data as { i: number }).i)).toEqual([3, 1, 0]);
      const backFrom = await collect(store.readAll({ direction: 'backwards', fromPosition: mine[2]!.position, filter: { streamCategories: [category] } }));
      expect(backFrom.map((e) => (e.data as { i: number }).i)).toEqual([1, 0]);

      const everything = await collect(store.readAll());
      expect(everything.some((e) => e.stream.startsWith('$') || e.type.startsWith('$'))).toBe(false);
      const head = await store.headPosition();
      expect(head !== undefined && head >= mine[2]!.position).toBe(true);
    });

    it('stores checkpoints per subscription name', async () => {
      const name = `${category}-cp`;
      expect(await store.loadCheckpoint(name)).toBeUndefined();
      await store.saveCheckpoint(name, 42n);
      await store.saveCheckpoint(`${name}-other`, 7n);
      await store.saveCheckpoint(name, 1234567890123n);
      expect(await store.loadCheckpoint(name)).toBe(1234567890123n);
      expect(await store.loadCheckpoint(`${name}-other`)).toBe(7n);
    });

    it('subscribes: catches up, signals it, then delivers live events in order', async () => {
      await store.append(`${category}-s`, [proposed('E', { i: 0 }), proposed('E', { i: 1 }), proposed('E', { i: 2 })]);
      const seen: RecordedEvent[] = [];
      let caughtUpCalls = 0;
      const sub = store.subscribe(
        { name: `${category}-sub`, fromCheckpoint: 'start', filter: { streamCategories: [category] } },
        { onEvent: (e) => void seen.push(e), onCaughtUp: () => void caughtUpCalls++ },
      );
      try {
        await sub.caughtUp;
        expect(seen.map((e) => (e.data as { i: number }).i)).toEqual([0, 1, 2]);
        expect(caughtUpCalls).toBeGreaterThanOrEqual(1);
        await store.append(`${category}-s2`, [proposed('E', { i: 3 })]);
        await store.append(`${category}-s`, [proposed('E', { i: 4 })]);
        await waitUntil(() => seen.length === 5);
        expect(seen.map((e) => (e.data as { i: number }).i)).toEqual([0, 1, 2, 3, 4]);
        expect(sub.lastPosition).toBe(seen[4]!.position);
      } finally {
        await sub.stop();
      }
    });

    it('resumes a subscription after its stored checkpoint (positions are exclusive)', async () => {
      const name = `${category}-resume`;
      const filter = { streamCategories: [category] };
      await store.append(`${category}-x`, [proposed('E', { i: 0 }), proposed('E', { i: 1 })]);
      const first: number[] = [];
      const sub1 = store.subscribe({ name, filter }, { onEvent: (e) => void first.push((e.data as { i: number }).i) });
      await sub1.caughtUp;
      await sub1.stop();
      expect(first).toEqual([0, 1]);
      expect(await store.loadCheckpoint(name)).toBeDefined();

      await store.append(`${category}-x`, [proposed('E', { i: 2 }), proposed('E', { i: 3 })]);
      const second: number[] = [];
      const sub2 = store.subscribe({ name, filter }, { onEvent: (e) => void second.push((e.data as { i: number }).i) });
      await sub2.caughtUp;
      await sub2.stop();
      expect(second).toEqual([2, 3]);
    });

    it('resumes from its checkpoint after a handler error, delivering every event in order', async () => {
      await store.append(`${category}-err`, [0, 1, 2, 3].map((i) => proposed('E', { i })));
      const delivered: number[] = [];
      const errors: unknown[] = [];
      let failed = false;
      const sub = store.subscribe(
        { name: `${category}-err-sub`, fromCheckpoint: 'start', filter: { streamCategories: [category] } },
        {
          onEvent: (e) => {
            const i = (e.data as { i: number }).i;
            if (i === 2 && !failed) {
              failed = true;
              throw new Error('projection failed once');
            }
            delivered.push(i);
          },
          onError: (err) => void errors.push(err),
        },
      );
      try {
        await waitUntil(() => delivered.length === 4);
        expect(delivered).toEqual([0, 1, 2, 3]);
        expect(errors).toHaveLength(1);
      } finally {
        await sub.stop();
      }
    });

    it('keeps many streams apart under concurrent appends', async () => {
      const streams = Array.from({ length: 50 }, (_, s) => `${category}-m${s}`);
      await Promise.all(
        streams.map(async (stream, s) => {
          for (let k = 0; k < 4; k++) await store.append(stream, [proposed('E', { s, k })], { expectedRevision: k === 0 ? 'no_stream' : BigInt(k - 1) });
        }),
      );
      const all = await collect(store.readAll({ filter: { streamCategories: [category] } }));
      expect(all).toHaveLength(200);
      for (let i = 1; i < all.length; i++) expect(all[i]!.position > all[i - 1]!.position).toBe(true);
      for (const stream of streams) {
        const events = await collect(store.readStream(stream));
        expect(events.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n]);
        expect(events.map((e) => (e.data as { k: number }).k)).toEqual([0, 1, 2, 3]);
      }
    });

    it('round-trips large events and large batches', async () => {
      const big = 'x'.repeat(400 * 1024);
      await store.append(`${category}-big`, [proposed('Big', { big, unicode: 'Kuala Lumpur — 吉隆坡 ✓' })]);
      const [read] = await collect(store.readStream(`${category}-big`));
      expect((read!.data as { big: string }).big.length).toBe(big.length);
      expect((read!.data as { unicode: string }).unicode).toBe('Kuala Lumpur — 吉隆坡 ✓');

      const batch = Array.from({ length: 2000 }, (_, i) => proposed('Row', { i, pad: 'y'.repeat(600) }));
      const result = await store.append(`${category}-batch`, batch, { expectedRevision: 'no_stream' });
      expect(result.nextExpectedRevision).toBe(1999n);
      const rows = await collect(store.readStream(`${category}-batch`));
      expect(rows.map((e) => (e.data as { i: number }).i)).toEqual(batch.map((_, i) => i));
    });
  });
}

/** Atomic multi-stream appends, for the adapters that offer them (sqlite, memory). */
export function describeMultiStreamContract(adapterName: string, open: () => Promise<ContractHarness>): void {
  describe(`multi-stream append: ${adapterName}`, () => {
    let harness: ContractHarness;
    beforeEach(async () => {
      harness = await open();
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    it('writes every stream or none', async () => {
      const { store } = harness;
      const category = uniqueCategory();
      await store.append(`${category}-b`, [proposed('E', { v: 0 })]);
      const head = await store.headPosition();
      const failing = appendToStreams(store, [
        { stream: `${category}-a`, events: [proposed('E', { v: 1 })], expectedRevision: 'no_stream' },
        { stream: `${category}-b`, events: [proposed('E', { v: 2 })], expectedRevision: 'no_stream' },
      ]);
      await expect(failing).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await store.headPosition()).toBe(head);
      expect(await collect(store.readStream(`${category}-a`))).toEqual([]);

      const ok = await appendToStreams(store, [
        { stream: `${category}-a`, events: [proposed('E', { v: 1 })], expectedRevision: 'no_stream' },
        { stream: `${category}-b`, events: [proposed('E', { v: 2 }), proposed('E', { v: 3 })], expectedRevision: 0n },
      ]);
      expect(ok.map((r) => r.nextExpectedRevision)).toEqual([0n, 2n]);
      const all = await collect(store.readAll({ filter: { streamCategories: [category] } }));
      expect(all.map((e) => (e.data as { v: number }).v)).toEqual([0, 1, 2, 3]);
    });

    it('loads many whole streams at once, missing ones as empty', async () => {
      const { store } = harness;
      const category = uniqueCategory();
      await store.append(`${category}-1`, [proposed('E', { v: 1 }), proposed('E', { v: 2 })]);
      await store.append(`${category}-2`, [proposed('E', { v: 3 })]);
      const loaded = await readStreams(store, [`${category}-2`, `${category}-1`, `${category}-none`]);
      expect([...loaded.keys()].sort()).toEqual([`${category}-1`, `${category}-2`, `${category}-none`]);
      expect(loaded.get(`${category}-1`)!.map((e) => e.revision)).toEqual([0n, 1n]);
      expect(loaded.get(`${category}-2`)!.map((e) => (e.data as { v: number }).v)).toEqual([3]);
      expect(loaded.get(`${category}-none`)).toEqual([]);
    });

    it('rolls back a reused id with other content in a later stream', async () => {
      const { store } = harness;
      const category = uniqueCategory();
      const first = proposed('E', { v: 1 });
      await store.append(`${category}-x`, [first]);
      const head = await store.headPosition();
      await expect(
        appendToStreams(store, [
          { stream: `${category}-y`, events: [proposed('E', { v: 2 })] },
          { stream: `${category}-x`, events: [{ ...first, data: { v: 9 } }] },
        ]),
      ).rejects.toBeInstanceOf(DuplicateEventIdError);
      expect(await store.headPosition()).toBe(head);
      expect(await collect(store.readStream(`${category}-y`))).toEqual([]);
      // The rolled-back id is free again.
      const again = await appendToStreams(store, [{ stream: `${category}-y`, events: [proposed('E', { v: 3 })] }]);
      expect(again[0]!.nextExpectedRevision).toBe(0n);
    });
  });
}
