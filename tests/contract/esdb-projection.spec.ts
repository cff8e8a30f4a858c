import { appendToStreams, isSnapshotStore, openEventStore, readCategories, type EventStore, type StreamWrite } from '@staffcast/event-store';
import { NO_MARKS, createTicketModel, evolveTicketModel, exportChunk, type TicketModel } from '@staffcast/projections';
import { TicketProjectionRunner } from '../../apps/planner-api/src/projections/ticket-projection.runner.js';
import { demoProjectionLog } from '../../scripts/bench/projection-demo-log.js';
import { EsdbTestDouble } from '../support/esdb-test-double.js';

async function folded(store: EventStore): Promise<TicketModel> {
  const model = createTicketModel();
  for await (const e of store.readAll()) evolveTicketModel(model, e);
  return model;
}

const state = (m: TicketModel) => {
  const { position: _position, ...rest } = exportChunk(m, NO_MARKS);
  return rest;
};

/** What a replica on EventStoreDB keeps in the store: snapshots at positions, and category read models. */
describe('projections on EventStoreDB (gRPC double)', () => {
  const writes: StreamWrite[] = [...demoProjectionLog({ weeks: 1, volumeScale: 0.1 })];
  const tail = writes.splice(writes.length - 20);
  let double: EsdbTestDouble;
  beforeEach(async () => {
    double = await EsdbTestDouble.start();
  });
  afterEach(async () => {
    await double.stop();
  });

  it('restarts a replica from its snapshot in the store and reads only the tail of the log', async () => {
    const first = await openEventStore(double.connectionString);
    expect(isSnapshotStore(first)).toBe(true);
    await appendToStreams(first, writes);
    const runner = new TicketProjectionRunner(first, { commitEvery: 400 });
    await runner.start();
    await runner.stop();
    await first.close();
    expect(double.records.some((r) => r.stream === 'staffcast.snapshot-projection:tickets' && r.type === 'ProjectionCommitted')).toBe(true);

    const writer = await openEventStore(double.connectionString);
    await appendToStreams(writer, tail);
    const tailEvents = tail.reduce((n, w) => n + w.events.length, 0);
    const logEvents = double.records.length;

    // A new process: a fresh client and runner.
    const replica = await openEventStore(double.connectionString);
    const before = { ...double.stats };
    const restarted = new TicketProjectionRunner(replica, { commitEvery: 400 });
    await restarted.start();
    expect(await restarted.catchUp()).toBe(true);
    const read = double.stats.allEventsScanned - before.allEventsScanned + (double.stats.subscriptionEvents - before.subscriptionEvents);
    // The tail, the system events among it and the head reads; not the log.
    expect(read).toBeGreaterThanOrEqual(tailEvents);
    expect(read).toBeLessThan(tailEvents + 200);
    expect(read).toBeLessThan(logEvents / 10);
    expect(state(restarted.current)).toEqual(state(await folded(writer)));
    await restarted.stop();
    await replica.close();
    await writer.close();
  }, 120_000);

  it('reads small categories from a subscription read model, without scanning $all, and sees its own writes', async () => {
    const store = await openEventStore(double.connectionString);
    await appendToStreams(store, writes.slice(0, 200));
    const before = double.stats.allEventsScanned;
    const queues = await readCategories(store, ['queue']);
    expect(queues.length).toBeGreaterThan(0);
    expect(queues.every((e) => e.stream.startsWith('queue-'))).toBe(true);
    await store.append('queue-new-one', [{ id: 'queue-new-one/0', type: 'QueueDefined', data: { queueId: 'new-one' }, metadata: { actor: 't', correlationId: 'c', schemaVersion: 1 } }], { expectedRevision: 'no_stream' });
    const again = await readCategories(store, ['queue']);
    expect(again.at(-1)!.stream).toBe('queue-new-one');
    // Only head reads of subscriptions (a few events backwards) touch $all.
    expect(double.stats.allEventsScanned - before).toBeLessThan(50);
    await store.close();
  }, 60_000);
});
