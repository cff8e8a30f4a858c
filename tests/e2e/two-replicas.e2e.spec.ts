import type { ChildProcess } from 'node:child_process';
import { openEventStore } from '@staffcast/event-store';
import { startDoubleProcess, type DoubleProcess } from '../support/esdb-test-double-process.js';
import { queueBody } from '../support/fixtures.js';
import { forkChild } from '../support/fork-child.js';

const TOKEN = 'replica-token-0123456789';
/** The bound a write through one replica takes to be visible through the other: the subscription's latency, with room for a loaded machine. */
const VISIBLE_WITHIN_MS = 5_000;

interface Replica {
  child: ChildProcess;
  url: string;
}

async function startReplica(connectionString: string): Promise<Replica> {
  const child = forkChild('replica-child.ts', [connectionString, TOKEN], ['ignore', 'inherit', 'inherit', 'ipc']);
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (message) => resolve(String(message)));
    child.once('exit', (code) => reject(new Error(`replica exited with code ${code}`)));
  });
  return { child, url };
}

async function call(replica: Replica, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${replica.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: await res.json() };
}

describe('two API replicas on one EventStoreDB (the gRPC double in its own process)', () => {
  let double: DoubleProcess;
  let a: Replica;
  let b: Replica;
  beforeAll(async () => {
    double = await startDoubleProcess();
    [a, b] = await Promise.all([startReplica(double.connectionString), startReplica(double.connectionString)]);
  }, 120_000);
  afterAll(async () => {
    for (const replica of [a, b]) {
      if (!replica) continue;
      const exited = new Promise((resolve) => replica.child.once('exit', resolve));
      replica.child.disconnect();
      await exited;
    }
    await double.stop();
  });

  it(`shows a write through one replica through the other within ${VISIBLE_WITHIN_MS} ms, and both plan alike at one position`, async () => {
    expect((await call(a, 'POST', '/v1/queues', queueBody())).status).toBe(201);
    const written = Date.now();
    let seen: number | undefined;
    while (seen === undefined && Date.now() - written < VISIBLE_WITHIN_MS) {
      if ((await call(b, 'GET', '/v1/queues/us-kyc-chat')).status === 200) seen = Date.now() - written;
      else await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(seen).toBeDefined();

    const at = (i: number, minutes = 0) => new Date(Date.UTC(2026, 4, 4) + i * 3_600_000 + minutes * 60_000).toISOString();
    const events = Array.from({ length: 400 }, (_, i) => [
      { type: 'TicketCreated', data: { ticketId: `R${i}`, createdAt: at(i), channel: 'chat', market: 'US', category: 'kyc', language: 'en', priority: 'normal' } },
      { type: 'TicketResolved', data: { ticketId: `R${i}`, resolvedAt: at(i, 10), handleSeconds: 300 } },
    ]).flat();
    expect((await call(b, 'POST', '/v1/tickets/events', { events })).status).toBe(201);
    // A ticket written through b is in a's projection when a answers (its catch-up waits for the head).
    const volume = await call(a, 'GET', '/v1/queues/us-kyc-chat/volume?from=2026-05-04T00:00:00Z&to=2026-05-21T00:00:00Z');
    expect(volume.status).toBe(200);
    expect((volume.json as { hours: { arrivals: number }[] }).hours.reduce((n, h) => n + h.arrivals, 0)).toBe(400);

    const reader = await openEventStore(double.connectionString);
    const head = (await reader.headPosition())!;
    await reader.close();
    const plan = { from: '2026-05-21T00:00:00Z', horizonHours: 24, asOf: head.toString() };
    const [fromA, fromB] = await Promise.all([call(a, 'POST', '/v1/plans', plan), call(b, 'POST', '/v1/plans', plan)]);
    expect(fromA.status).toBe(200);
    expect(fromB.json).toEqual(fromA.json);
  }, 120_000);
});
