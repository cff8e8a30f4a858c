import { MemoryEventStore, type AppendOptions, type AppendResult, type EventStore, type ProposedEvent, type ReadAllOptions, type ReadStreamOptions, type RecordedEvent, type SubscribeOptions, type Subscription, type SubscriptionHandler } from '@staffcast/event-store';
import { seedDemo } from '../../apps/planner-api/src/demo/seed-demo.js';
import { asPlanner, TOKENS_ENV } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const WEEKS = 4;
const START = '2026-05-04T00:00:00Z';
const FROM = new Date(Date.parse(START) + WEEKS * 7 * 86_400_000).toISOString();
const QUEUES = ['us-payments-chat', 'us-kyc-chat', 'au-fraud-phone'];

/**
 * A store that writes stream by stream, as EventStoreDB does (no multi-stream transaction), and
 * fails once, as a crashed process or a lost node would, on the forecast append it is told to.
 */
class StreamByStreamStore implements EventStore {
  readonly kind = 'memory' as const;
  private failOnForecastAppend: number | undefined;
  private forecastAppends = 0;
  /** The `nth` forecast append from now fails (undefined: none). */
  failForecastAppend(nth: number | undefined): void {
    this.failOnForecastAppend = nth;
    this.forecastAppends = 0;
  }
  constructor(private readonly inner: EventStore) {}
  async append(stream: string, events: readonly ProposedEvent[], options?: AppendOptions): Promise<AppendResult> {
    if (stream.startsWith('forecast-') && ++this.forecastAppends === this.failOnForecastAppend) throw new Error('the store went away mid-publication');
    return this.inner.append(stream, events, options);
  }
  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    return this.inner.readStream(stream, options);
  }
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    return this.inner.readAll(options);
  }
  subscribe(options: SubscribeOptions, handler: SubscriptionHandler): Subscription {
    return this.inner.subscribe(options, handler);
  }
  headPosition(): Promise<bigint | undefined> {
    return this.inner.headPosition();
  }
  loadCheckpoint(name: string): Promise<bigint | undefined> {
    return this.inner.loadCheckpoint(name);
  }
  saveCheckpoint(name: string, position: bigint): Promise<void> {
    return this.inner.saveCheckpoint(name, position);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

async function forecastEvents(store: EventStore, queueId: string): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readStream(`forecast-${queueId}`)) events.push(event);
  return events;
}

describe('a forecast publication interrupted after its first stream', () => {
  let store: StreamByStreamStore;
  let t: TestApp;
  beforeAll(async () => {
    store = new StreamByStreamStore(new MemoryEventStore());
    t = await startTestApp(TOKENS_ENV, store);
    await seedDemo(t.app, store, { weeks: WEEKS, start: START });
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it.each([
    ['with an Idempotency-Key', { 'idempotency-key': 'publish-2026-06-01' }],
    ['without one (the key is the request at its position)', {}],
  ])('is completed by a retry %s, giving each queue its forecast exactly once', async (_label, key) => {
    const before = await Promise.all(QUEUES.map(async (q) => (await forecastEvents(store, q)).length));
    const body = { queueIds: QUEUES, from: FROM, horizonHours: 48 };
    store.failForecastAppend(2);
    const interrupted = await t.request('POST', '/v1/forecasts/publish', { body, headers: { ...asPlanner, ...key } });
    expect(interrupted.status).toBe(500);
    const written = await Promise.all(QUEUES.map(async (q) => (await forecastEvents(store, q)).length - before[QUEUES.indexOf(q)]!));
    // Appends go out concurrently, as on EventStoreDB: the failed queue is missing, the others may be written.
    expect(written[0]).toBe(1);
    expect(written[1]).toBe(0);
    expect(written.every((n) => n <= 1)).toBe(true);

    store.failForecastAppend(undefined);
    const retried = await t.request('POST', '/v1/forecasts/publish', { body, headers: { ...asPlanner, ...key } });
    expect(retried.status).toBe(201);
    const publications = retried.json<{ publications: { queueId: string; publicationId: string; computedAtPosition: string }[] }>().publications;
    expect(publications.map((p) => p.queueId)).toEqual(QUEUES);
    expect(new Set(publications.map((p) => p.computedAtPosition)).size).toBe(1);
    for (const [i, queueId] of QUEUES.entries()) {
      const events = await forecastEvents(store, queueId);
      expect(events.length - before[i]!).toBe(1);
      expect((events.at(-1)!.data as { publicationId: string }).publicationId).toBe(publications[i]!.publicationId);
    }
    // Sent once more, the same publication writes nothing.
    expect((await t.request('POST', '/v1/forecasts/publish', { body, headers: { ...asPlanner, ...key } })).status).toBe(201);
    for (const [i, queueId] of QUEUES.entries()) expect((await forecastEvents(store, queueId)).length - before[i]!).toBe(1);
  }, 120_000);
});
