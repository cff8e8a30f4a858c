import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConcurrencyError, StoreAccessDeniedError, StoreTimeoutError, StreamDeletedError, openEventStore, type EventStore, type ProposedEvent } from '@staffcast/event-store';
import { EsdbTestDouble } from '../support/esdb-test-double.js';
import { asPlanner, asViewer, queueBody, TOKENS_ENV } from '../support/fixtures.js';
import { startTestApp } from '../support/test-app.js';
import { collect } from './event-store.contract.js';

/** Where production differs from a lenient server: the real write path, leaders, timeouts, deletes. */

function event(type: string, data: unknown, id: string = randomUUID()): ProposedEvent {
  return { id, type, data, metadata: { actor: 'esdb-spec', correlationId: 'corr', schemaVersion: 1 } };
}

function stream(): string {
  return `prod${randomUUID().replace(/-/g, '').slice(0, 12)}-1`;
}

describe('EsdbEventStore on the write path a 21.10+ server offers', () => {
  let double: EsdbTestDouble;
  let store: EventStore;
  beforeEach(async () => {
    double = await EsdbTestDouble.start();
    store = await openEventStore(double.connectionString);
  });
  afterEach(async () => {
    await store.close();
    await double.stop();
  });

  it('writes through BatchAppend, never the unary Append, and pinned appends read nothing', async () => {
    const s = stream();
    await store.append(s, [event('A', { n: 1 })], { expectedRevision: 'no_stream' });
    await store.append(s, [event('A', { n: 2 }), event('A', { n: 3 })], { expectedRevision: 0n });
    expect(double.stats.batchAppendRequests).toBe(2);
    expect(double.stats.batchAppendCalls).toBe(1);
    expect(double.stats.unaryAppendCalls).toBe(0);
    expect(double.stats.streamReads).toBe(0);
    expect((await collect(store.readStream(s))).map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it('acknowledges an exact retry at the same expected revision without writing twice (the server idempotency)', async () => {
    const s = stream();
    const batch = [event('A', { n: 1 }), event('A', { n: 2 })];
    const first = await store.append(s, batch, { expectedRevision: 'no_stream' });
    const again = await store.append(s, batch, { expectedRevision: 'no_stream' });
    expect(again).toEqual(first);
    expect(await collect(store.readStream(s))).toHaveLength(2);
    // A different batch at a stale revision is a conflict, found with one bounded read.
    await expect(store.append(s, [event('A', { n: 9 })], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(ConcurrencyError);
  });

  it('retries a write whose commit timed out after it was stored, and stores it once', async () => {
    const s = stream();
    double.failNextWrites(1, 'timeout-after-commit');
    await store.append(s, [event('A', { n: 1 })], { expectedRevision: 'no_stream' });
    double.failNextWrites(1, 'timeout-before-commit');
    await store.append(s, [event('A', { n: 2 })], { expectedRevision: 0n });
    expect((await collect(store.readStream(s))).map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('gives up after the deadline passes on every try with a typed timeout', async () => {
    const hasty = await openEventStore(`${double.connectionString}&defaultDeadline=100`);
    double.appendDelayMs = 250;
    try {
      await expect(hasty.append(stream(), [event('A', {})], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(StoreTimeoutError);
    } finally {
      double.appendDelayMs = 0;
      await hasty.close();
    }
  });

  it('reads a tombstoned stream and writes to it as a typed StreamDeletedError', async () => {
    const s = stream();
    await store.append(s, [event('A', {})]);
    double.tombstone(s);
    await expect(collect(store.readStream(s))).rejects.toMatchObject({ name: 'StreamDeletedError', tombstoned: true });
    await expect(store.append(s, [event('A', { n: 2 })], { expectedRevision: 0n })).rejects.toBeInstanceOf(StreamDeletedError);
  });

  it('reads a soft-deleted stream as missing and writes it again as a new stream, continuing revisions', async () => {
    const s = stream();
    await store.append(s, [event('A', { n: 1 })]);
    double.softDelete(s);
    expect(await collect(store.readStream(s))).toEqual([]);
    const again = await store.append(s, [event('A', { n: 2 })], { expectedRevision: 'no_stream' });
    expect(again.nextExpectedRevision).toBe(1n);
    expect((await collect(store.readStream(s))).map((e) => e.data)).toEqual([{ n: 2 }]);
  });
});

describe('EsdbEventStore against a follower', () => {
  it('retries a write refused with NotLeader on the leader it names, writing it once', async () => {
    const double = await EsdbTestDouble.start();
    const store = await openEventStore(await double.startFollower());
    try {
      const s = stream();
      await store.append(s, [event('A', { n: 1 })], { expectedRevision: 'no_stream' });
      await store.append(s, [event('A', { n: 2 })], { expectedRevision: 0n });
      expect(double.stats.notLeaderRefusals).toBeGreaterThanOrEqual(1);
      // A leader-only read as a follower connection's first call is retried on the leader too.
      const reader = await openEventStore(await double.startFollower());
      const leader = await openEventStore(double.connectionString);
      expect(await reader.headPosition()).toBe(await leader.headPosition());
      await Promise.all([reader.close(), leader.close()]);
      expect(double.records.filter((r) => r.stream === s)).toHaveLength(2);
      expect((await collect(store.readStream(s))).map((e) => e.revision)).toEqual([0n, 1n]);
    } finally {
      await store.close();
      await double.stop();
    }
  });
});

describe('a deleted stream over HTTP', () => {
  it('answers 410 for a tombstoned queue and never 500', async () => {
    const double = await EsdbTestDouble.start();
    const store = await openEventStore(double.connectionString);
    const t = await startTestApp(TOKENS_ENV, store);
    try {
      expect((await t.request('POST', '/v1/queues', { body: queueBody(), headers: asPlanner })).status).toBe(201);
      double.tombstone('queue-us-kyc-chat');
      const read = await t.request('GET', '/v1/queues/us-kyc-chat', { headers: asViewer });
      expect(read.status).toBe(410);
      expect(read.json()).toMatchObject({ error: 'stream deleted', stream: 'queue-us-kyc-chat' });
      const routing = { routing: { markets: ['US'], categories: ['kyc'], languages: ['en'], channels: ['chat'] } };
      expect((await t.request('PUT', '/v1/queues/us-kyc-chat/routing', { body: routing, headers: asPlanner })).status).toBe(410);
    } finally {
      await t.close();
      await store.close();
      await double.stop();
    }
  });
});

describe('a ticket batch over HTTP on EventStoreDB', () => {
  it('writes new tickets without reading them, and decides on the histories when a ticket existed', async () => {
    const double = await EsdbTestDouble.start();
    const store = await openEventStore(double.connectionString);
    const t = await startTestApp(TOKENS_ENV, store);
    const created = (id: string) => ({ type: 'TicketCreated', data: { ticketId: id, createdAt: '2026-03-02T14:05:00Z', channel: 'chat', market: 'US', category: 'kyc', language: 'en', priority: 'normal' } });
    const resolved = (id: string) => ({ type: 'TicketResolved', data: { ticketId: id, resolvedAt: '2026-03-02T15:00:00Z', handleSeconds: 300 } });
    const reopened = (id: string) => ({ type: 'TicketReopened', data: { ticketId: id, reopenedAt: '2026-03-03T09:00:00Z' } });
    try {
      const reads = double.stats.streamReads;
      const first = await t.request('POST', '/v1/tickets/events', { body: { events: [created('N1'), created('N2'), resolved('N2')] }, headers: asPlanner });
      expect(first.status).toBe(201);
      expect(first.json()).toMatchObject({ eventsWritten: 3 });
      expect(double.stats.streamReads - reads).toBe(0);

      // N2 exists and is resolved: assumed new, its reopening would be refused; decided on its history, it holds.
      const second = await t.request('POST', '/v1/tickets/events', { body: { events: [created('N2'), reopened('N2'), created('N3')] }, headers: asPlanner });
      expect(second.status).toBe(201);
      expect(second.json()).toMatchObject({ eventsWritten: 2, duplicatesSkipped: 1 });
      const again = await t.request('POST', '/v1/tickets/events', { body: { events: [created('N1'), created('N3')] }, headers: asPlanner });
      expect(again.json()).toMatchObject({ eventsWritten: 0, duplicatesSkipped: 2 });
      expect((await collect(store.readStream('ticket-N2'))).map((e) => e.type)).toEqual(['TicketCreated', 'TicketResolved', 'TicketReopened']);
      expect(await collect(store.readStream('ticket-N1'))).toHaveLength(1);
    } finally {
      await t.close();
      await store.close();
      await double.stop();
    }
  });
});

describe('EsdbEventStore against a secured double', () => {
  let dir: string;
  let double: EsdbTestDouble;
  beforeAll(async () => {
    // A throwaway self-signed certificate: the client sends basic credentials over TLS only.
    dir = mkdtempSync(join(tmpdir(), 'staffcast-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-days', '1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    double = await EsdbTestDouble.start({
      tls: { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')), certFile: join(dir, 'cert.pem') },
      users: { writer: 'w-secret', reader: 'r-secret' },
      writeAcl: { 'queue-': ['writer'] },
    });
  });
  afterAll(async () => {
    await double.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes with a user the ACL allows, and refuses a wrong password and a user the ACL does not allow with a typed error', async () => {
    const writer = await openEventStore(double.connectionStringFor('writer', 'w-secret'));
    const reader = await openEventStore(double.connectionStringFor('reader', 'r-secret'));
    const intruder = await openEventStore(double.connectionStringFor('writer', 'wrong'));
    try {
      await writer.append('queue-secured', [event('QueueDefined', { n: 1 })], { expectedRevision: 'no_stream' });
      expect(await collect(reader.readStream('queue-secured'))).toHaveLength(1);
      await expect(reader.append('queue-secured', [event('QueueDefined', { n: 2 })], { expectedRevision: 0n })).rejects.toBeInstanceOf(StoreAccessDeniedError);
      await expect(collect(intruder.readStream('queue-secured'))).rejects.toBeInstanceOf(StoreAccessDeniedError);
      expect(double.stats.accessRefusals).toBeGreaterThanOrEqual(2);
      expect(double.records.filter((r) => r.stream === 'queue-secured')).toHaveLength(1);
    } finally {
      await Promise.all([writer.close(), reader.close(), intruder.close()]);
    }
  });
});
