import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryEventStore, openEventStore, type EventStore, type RecordedEvent } from '@staffcast/event-store';
import { asPlanner, queueBody, TOKENS_ENV } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Parallel writers over HTTP to the same streams, some pinning the revision they read with
 * If-Match, some not: every request ends in success or a 409, and the log is what a serial replay
 * of the successful requests, in the order they were written, gives.
 */
const QUEUES = ['q-race-a', 'q-race-b'];
const WRITERS = 12;
const ATTEMPTS = 15;

interface Success {
  queueId: string;
  revision: bigint;
  body: { serviceTarget: { kind: 'sl'; percent: number; seconds: number } };
}

async function streamData(t: TestApp, queueId: string): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const event of t.store.readStream(`queue-${queueId}`) as AsyncIterable<RecordedEvent>) out.push([event.revision.toString(), event.type, event.data]);
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'staffcast-race-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const STORES: [string, () => Promise<EventStore>][] = [
  ['memory', async () => new MemoryEventStore()],
  ['sqlite', () => openEventStore(`sqlite:${join(dir, 'race.db')}`)],
];

describe.each(STORES)('parallel writers to the same streams (%s store)', (_kind, open) => {
  let t: TestApp;
  let replay: TestApp;
  beforeAll(async () => {
    [t, replay] = await Promise.all([open().then((store) => startTestApp(TOKENS_ENV, store)), startTestApp(TOKENS_ENV)]);
    for (const app of [t, replay]) for (const q of QUEUES) expect((await app.request('POST', '/v1/queues', { body: queueBody(q), headers: asPlanner })).status).toBe(201);
  });
  afterAll(async () => {
    await Promise.all([t.close(), replay.close()]);
  });

  it('end each request in success or 409, and leave the log equal to a serial replay of the successes', async () => {
    const successes: Success[] = [];
    const statuses = new Map<number, number>();
    const writer = async (w: number) => {
      const pinned = w % 3 !== 0;
      for (let k = 0; k < ATTEMPTS; k += 1) {
        const queueId = QUEUES[(w + k) % QUEUES.length]!;
        // Each request asks for a target no other asks for, so that none is a no-op.
        const body = { serviceTarget: { kind: 'sl' as const, percent: 50 + ((w * ATTEMPTS + k) % 50), seconds: 10 + w * ATTEMPTS + k } };
        const headers: Record<string, string> = { ...asPlanner };
        if (pinned) headers['if-match'] = `"${(await t.request('GET', `/v1/queues/${queueId}`, { headers: asPlanner })).json<{ revision: string }>().revision}"`;
        const res = await t.request('PUT', `/v1/queues/${queueId}/service-target`, { body, headers });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status === 201) successes.push({ queueId, revision: BigInt(res.json<{ revision: string }>().revision), body });
        else expect(`${res.status} ${res.text}`).toMatch(/^409 .*concurrency conflict/);
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));

    expect([...statuses.keys()].sort()).toEqual([201, 409]);
    expect(statuses.get(201)! + statuses.get(409)!).toBe(WRITERS * ATTEMPTS);
    for (const queueId of QUEUES) {
      const mine = successes.filter((s) => s.queueId === queueId).sort((a, b) => (a.revision < b.revision ? -1 : 1));
      // Revisions 1..n, each taken by exactly one successful request.
      expect(mine.map((s) => s.revision)).toEqual(mine.map((_, i) => BigInt(i + 1)));
      for (const s of mine) {
        const res = await replay.request('PUT', `/v1/queues/${queueId}/service-target`, { body: s.body, headers: { ...asPlanner, 'if-match': `"${s.revision - 1n}"` } });
        expect(res.status).toBe(201);
      }
      expect(await streamData(t, queueId)).toEqual(await streamData(replay, queueId));
    }
  }, 60_000);
});
