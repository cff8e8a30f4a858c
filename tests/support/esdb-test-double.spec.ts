import { randomUUID } from 'node:crypto';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  MaxAppendSizeExceededError,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type Position,
} from '@eventstore/db-client';
import { EsdbTestDouble } from './esdb-test-double.js';

/**
 * The double speaks the protocol as @eventstore/db-client 6.2 parses it: these tests use the raw
 * client, not the adapter, so that a gap in the double cannot hide behind adapter behaviour.
 */
describe('EsdbTestDouble, seen through @eventstore/db-client', () => {
  let double: EsdbTestDouble;
  let client: EventStoreDBClient;
  beforeAll(async () => {
    double = await EsdbTestDouble.start({ maxAppendSize: 64 * 1024 });
    client = EventStoreDBClient.connectionString(double.connectionString);
  });
  afterAll(async () => {
    await client.dispose();
    await double.stop();
  });

  async function readAll<T>(iterable: AsyncIterable<T>): Promise<T[]> {
    const out: T[] = [];
    for await (const item of iterable) out.push(item);
    return out;
  }

  it('round-trips an event with its type, JSON data and metadata, created time and position', async () => {
    const stream = `wire-${randomUUID()}`;
    const id = randomUUID();
    const before = Date.now();
    const calls = double.appendCalls;
    const result = await client.appendToStream(stream, jsonEvent({ id, type: 'Opened', data: { a: 1, text: 'é' }, metadata: { actor: 'x' } }), { expectedRevision: NO_STREAM });
    // Plain Append: the double reports no BatchAppend, so the client uses one Append call.
    expect(double.appendCalls - calls).toBe(1);
    expect(result.nextExpectedRevision).toBe(0n);
    const [resolved] = await readAll(client.readStream(stream));
    const event = resolved!.event!;
    expect(event).toMatchObject({ id, type: 'Opened', streamId: stream, revision: 0n, isJson: true, data: { a: 1, text: 'é' }, metadata: { actor: 'x' } });
    // `created` travels as .NET ticks; the client turns it back into a Date.
    expect(event.created.getTime()).toBeGreaterThanOrEqual(before - 1);
    expect(event.created.getTime()).toBeLessThanOrEqual(Date.now());
    expect(event.position).toEqual({ commit: result.position!.commit, prepare: result.position!.commit });
    expect(result.position!.commit).toBe(result.position!.prepare);
  });

  it('answers wrong expected versions as the client expects', async () => {
    const stream = `wev-${randomUUID()}`;
    const missing = await client.appendToStream(stream, jsonEvent({ type: 'X', data: {} }), { expectedRevision: STREAM_EXISTS }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(WrongExpectedVersionError);
    expect(missing).toMatchObject({ streamName: stream, expectedVersion: 'stream_exists', actualVersion: 'no_stream' });
    await client.appendToStream(stream, [jsonEvent({ type: 'X', data: {} }), jsonEvent({ type: 'X', data: {} })], { expectedRevision: NO_STREAM });
    const stale = await client.appendToStream(stream, jsonEvent({ type: 'X', data: {} }), { expectedRevision: 0n }).catch((e: unknown) => e);
    expect(stale).toMatchObject({ expectedVersion: 0n, actualVersion: 1n });
    const exists = await client.appendToStream(stream, jsonEvent({ type: 'X', data: {} }), { expectedRevision: NO_STREAM }).catch((e: unknown) => e);
    expect(exists).toMatchObject({ expectedVersion: 'no_stream', actualVersion: 1n });
  });

  it('refuses an append over the maximum append size and reports a missing stream', async () => {
    const big = await client.appendToStream(`big-${randomUUID()}`, jsonEvent({ type: 'Big', data: { pad: 'x'.repeat(70 * 1024) } })).catch((e: unknown) => e);
    expect(big).toBeInstanceOf(MaxAppendSizeExceededError);
    expect((big as MaxAppendSizeExceededError).maxAppendSize).toBe(64 * 1024);
    await expect(readAll(client.readStream(`missing-${randomUUID()}`))).rejects.toBeInstanceOf(StreamNotFoundError);
  });

  it('reads $all forwards including the start position and backwards before it, with system events present', async () => {
    const stream = `all-${randomUUID()}`;
    await client.appendToStream(stream, [0, 1, 2].map((i) => jsonEvent({ type: 'N', data: { i } })));
    const mine = (await readAll(client.readAll({ fromPosition: START, direction: FORWARDS }))).filter((r) => r.event?.streamId === stream);
    const middle = mine[1]!.event!.position;
    const forwards = await readAll(client.readAll({ fromPosition: middle, direction: FORWARDS, maxCount: 1 }));
    expect(forwards[0]!.event!.data).toEqual({ i: 1 });
    const backwards = await readAll(client.readAll({ fromPosition: middle, direction: BACKWARDS, maxCount: 1 }));
    expect(backwards[0]!.event!.data).toEqual({ i: 0 });
    const positions = mine.map((r) => r.event!.position.commit);
    expect(positions[1]! - positions[0]!).toBeGreaterThan(1n);
    const everything = await readAll(client.readAll({ fromPosition: END, direction: BACKWARDS }));
    expect(everything.some((r) => r.event!.streamId.startsWith('$'))).toBe(true);
    await expect(readAll(client.readAll({ fromPosition: { commit: middle.commit + 1n, prepare: middle.commit + 1n } }))).rejects.toThrow(/invalid position/);
  });

  it('serves a filtered $all subscription: exclusive start, checkpoints, caught-up, then live events', async () => {
    const prefix = `sub${randomUUID().slice(0, 8)}-`;
    await client.appendToStream(`${prefix}1`, [0, 1, 2].map((i) => jsonEvent({ type: 'N', data: { i } })));
    const [first] = (await readAll(client.readAll())).filter((r) => r.event?.streamId === `${prefix}1`);
    const checkpoints: Position[] = [];
    const seen: number[] = [];
    let caughtUpAt: number[] | undefined;
    const subscription = client.subscribeToAll({
      fromPosition: first!.event!.position,
      filter: streamNameFilter({ prefixes: [prefix], checkpointReached: (_s, position) => void checkpoints.push(position) }),
    });
    subscription.on('caughtUp', () => (caughtUpAt ??= [...seen]));
    const done = (async () => {
      for await (const resolved of subscription as AsyncIterable<AllStreamResolvedEvent>) {
        seen.push((resolved.event!.data as { i: number }).i);
        if (seen.length === 3) return;
      }
    })();
    await waitUntil(() => caughtUpAt !== undefined);
    await client.appendToStream(`${prefix}2`, jsonEvent({ type: 'N', data: { i: 3 } }));
    await done;
    await subscription.unsubscribe();
    expect(seen).toEqual([1, 2, 3]);
    expect(checkpoints.length).toBeGreaterThanOrEqual(1);
    expect(caughtUpAt!.length).toBeLessThanOrEqual(2);
  });

  it('keeps system events out of a subscription filtered with excludeSystemEvents, and can drop it', async () => {
    const subscription = client.subscribeToAll({ fromPosition: START, filter: excludeSystemEvents() });
    const types: string[] = [];
    const errors: unknown[] = [];
    let caughtUp = false;
    subscription.on('caughtUp', () => (caughtUp = true));
    subscription.on('data', (resolved: AllStreamResolvedEvent) => void types.push(resolved.event!.type));
    subscription.on('error', (error) => void errors.push(error));
    await waitUntil(() => caughtUp);
    expect(types.length).toBeGreaterThan(0);
    expect(types.some((t) => t.startsWith('$'))).toBe(false);
    expect(double.dropSubscriptions()).toBe(1);
    await waitUntil(() => errors.length === 1);
  });

  it('serves a stream subscription from an exclusive revision', async () => {
    const stream = `ssub-${randomUUID()}`;
    await client.appendToStream(stream, [0, 1, 2].map((i) => jsonEvent({ type: 'N', data: { i } })));
    const subscription = client.subscribeToStream(stream, { fromRevision: 0n });
    const seen: number[] = [];
    for await (const resolved of subscription) {
      seen.push((resolved.event!.data as { i: number }).i);
      if (seen.length === 2) break;
    }
    await subscription.unsubscribe();
    expect(seen).toEqual([1, 2]);
  });
});

async function waitUntil(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
