/**
 * EventStoreDB adapter benchmark, against the gRPC double (tests/support) over loopback:
 * - the cost of an append to a stream of 10 and of 100,000 events: reads and events read per
 *   append (from the double's counters) and median latency, with the whole-stream read the
 *   adapter used to make before every append as the baseline, measured in the same run;
 * - the round trips of a 5,000-ticket batch through POST /v1/tickets/events: the double delays
 *   every read and append by D ms (a network round trip), and round trips = (time with D − time
 *   without) / D, both measured here;
 * - the `$all` events one warm plan request scans (head lookups, a few records backwards from the
 *   end, counted apart);
 * - a replica restart after N events and 100 new ones: the log events it reads.
 *
 *   npm run bench:esdb [-- --restart-events 1000000] [--json]
 */
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@staffcast/config';
import { openEventStore, type EventStore, type ProposedEvent } from '@staffcast/event-store';
import { createApp } from '../../apps/planner-api/src/bootstrap.js';
import { TicketProjectionRunner } from '../../apps/planner-api/src/projections/ticket-projection.runner.js';
import { EsdbTestDouble } from '../../tests/support/esdb-test-double.js';
import { seedDemo } from '../../apps/planner-api/src/demo/seed-demo.js';
import { argValue, machine, median, RssPeak, wantsJson } from './bench-support.js';

const RESTART_EVENTS = argValue('restart-events', 1_000_000);
const APPENDS = 200;
const BATCH_TICKETS = 5_000;
const ROUND_TRIP_MS = 1_000;
const TOKEN = 'bench-esdb-token-0123456789';
const meta = { actor: 'bench', correlationId: 'bench-esdb', schemaVersion: 1 };

function ticketCreated(n: number, createdMs: number): ProposedEvent {
  const data = { ticketId: `b${n}`, createdAt: new Date(createdMs).toISOString(), channel: 'chat', market: 'US', category: 'kyc', language: 'en', priority: 'normal' };
  return { id: randomUUID(), type: 'TicketCreated', data, metadata: { ...meta, schemaVersion: 2 } };
}

async function fill(store: EventStore, stream: string, count: number, perAppend = 1000): Promise<void> {
  for (let at = 0; at < count; at += perAppend) {
    const events = Array.from({ length: Math.min(perAppend, count - at) }, (_, i) => ticketCreated(at + i, Date.UTC(2026, 0, 1) + (at + i) * 1000));
    await store.append(stream, events, { expectedRevision: at === 0 ? 'no_stream' : BigInt(at - 1) });
  }
}

/** Appends to a stream of `length` events: `any` (a bounded tail read each) and pinned (none). */
async function appendCost(store: EventStore, double: EsdbTestDouble, length: number) {
  const stream = `bench-${length}`;
  await fill(store, stream, length);
  const wholeRead: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    for await (const _event of store.readStream(stream)) void _event;
    wholeRead.push(performance.now() - started);
  }
  const before = { ...double.stats };
  const anyMs: number[] = [];
  for (let i = 0; i < APPENDS; i++) {
    const started = performance.now();
    await store.append(stream, [{ ...ticketCreated(length + i, Date.UTC(2026, 6, 1)), type: 'Noted' }], { expectedRevision: 'any' });
    anyMs.push(performance.now() - started);
  }
  const reads = double.stats.streamReads - before.streamReads;
  const eventsRead = double.stats.streamEventsRead - before.streamEventsRead;
  const pinnedBefore = double.stats.streamReads;
  let revision = BigInt(length + APPENDS - 1);
  const pinnedMs: number[] = [];
  for (let i = 0; i < APPENDS; i++) {
    const started = performance.now();
    revision = (await store.append(stream, [{ ...ticketCreated(i, Date.UTC(2026, 7, 1)), type: 'Noted' }], { expectedRevision: revision })).nextExpectedRevision;
    pinnedMs.push(performance.now() - started);
  }
  return {
    length,
    readsPerAppend: reads / APPENDS,
    eventsReadPerAppend: eventsRead / APPENDS,
    pinnedReadsPerAppend: (double.stats.streamReads - pinnedBefore) / APPENDS,
    anyAppendMedianMs: median(anyMs),
    pinnedAppendMedianMs: median(pinnedMs),
    wholeStreamReadMedianMs: median(wholeRead),
  };
}

async function startApi(store: EventStore): Promise<{ app: INestApplication; post(path: string, body: unknown): Promise<{ status: number; body: unknown }> }> {
  const config = loadConfig({ STORE_URL: 'memory:', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent', API_TOKENS: `planner:bench:${TOKEN}` });
  const app = await createApp(config, store);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    async post(path, body) {
      const res = await fetch(`http://127.0.0.1:${address.port}${path}`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, body: await res.json() };
    },
  };
}

/** Round trips of one 5,000-ticket batch, from the time a delay of D per call adds. */
async function batchRoundTrips(api: Awaited<ReturnType<typeof startApi>>, double: EsdbTestDouble) {
  const batch = (run: number) => ({ events: Array.from({ length: BATCH_TICKETS }, (_, i) => ({ type: 'TicketCreated', data: { ticketId: `r${run}-${i}`, createdAt: '2026-03-02T14:05:00Z', channel: 'chat', market: 'US', category: 'kyc', language: 'en', priority: 'normal' } })) });
  const timed = async (run: number, delay: number) => {
    double.appendDelayMs = delay;
    double.readDelayMs = delay;
    const before = { ...double.stats };
    const started = performance.now();
    const res = await api.post('/v1/tickets/events', batch(run));
    const ms = performance.now() - started;
    double.appendDelayMs = 0;
    double.readDelayMs = 0;
    if (res.status !== 201) throw new Error(`batch answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
    return { ms, reads: double.stats.streamReads - before.streamReads, appends: double.stats.batchAppendRequests - before.batchAppendRequests, unary: double.stats.unaryAppendCalls - before.unaryAppendCalls };
  };
  await timed(0, 0);
  const plain = [await timed(1, 0), await timed(2, 0), await timed(3, 0)];
  const delayed = [await timed(4, ROUND_TRIP_MS), await timed(5, ROUND_TRIP_MS), await timed(6, ROUND_TRIP_MS)];
  const extra = median(delayed.map((d) => d.ms)) - median(plain.map((p) => p.ms));
  return { batchRoundTrips: Math.round((extra / ROUND_TRIP_MS) * 10) / 10, batchMedianMs: median(plain.map((p) => p.ms)), batchReadCalls: plain[0]!.reads, batchAppendRequests: plain[0]!.appends, batchUnaryAppends: plain[0]!.unary };
}

async function planScan(api: Awaited<ReturnType<typeof startApi>>, double: EsdbTestDouble) {
  const body = { from: '2026-05-18T00:00:00Z', horizonHours: 24 };
  const warm = await api.post('/v1/plans', body);
  if (warm.status !== 200) throw new Error(`plan answered ${warm.status}: ${JSON.stringify(warm.body).slice(0, 300)}`);
  const before = { ...double.stats };
  const started = performance.now();
  await api.post('/v1/plans', body);
  return {
    planEventsScanned: double.stats.allEventsScanned - before.allEventsScanned,
    planHeadLookups: double.stats.headLookups - before.headLookups,
    planHeadEventsRead: double.stats.headEventsRead - before.headEventsRead,
    planStreamReads: double.stats.streamReads - before.streamReads,
    warmPlanMs: performance.now() - started,
  };
}

async function restart() {
  const double = await EsdbTestDouble.start({ systemEventEvery: 0 });
  const writer = await openEventStore(double.connectionString);
  const started = performance.now();
  for (let at = 0; at < RESTART_EVENTS; at += 100_000) await fill(writer, `ticket-bulk${at}`, Math.min(100_000, RESTART_EVENTS - at));
  const writeMs = performance.now() - started;
  const first = new TicketProjectionRunner(writer);
  const folding = performance.now();
  await first.start();
  const firstStartMs = performance.now() - folding;
  await first.stop();
  for (let i = 0; i < 100; i++) await writer.append(`ticket-tail${i}`, [ticketCreated(RESTART_EVENTS + i, Date.UTC(2026, 9, 1) + i)], { expectedRevision: 'no_stream' });
  const replica = await openEventStore(double.connectionString);
  const before = { ...double.stats };
  const restarting = performance.now();
  const runner = new TicketProjectionRunner(replica);
  await runner.start();
  await runner.catchUp();
  const restartMs = performance.now() - restarting;
  const result = {
    restartLogEvents: RESTART_EVENTS,
    restartTailEvents: double.stats.allEventsScanned - before.allEventsScanned + (double.stats.subscriptionEvents - before.subscriptionEvents),
    restartSnapshotEventsRead: double.stats.streamEventsRead - before.streamEventsRead,
    restartMs,
    firstStartMs,
    writeMs,
    ticketsInModel: runner.current.ticketIds.length,
  };
  await runner.stop();
  await replica.close();
  await writer.close();
  await double.stop();
  return result;
}

async function main(): Promise<void> {
  const rss = new RssPeak();
  const double = await EsdbTestDouble.start();
  const store = await openEventStore(double.connectionString);
  const small = await appendCost(store, double, 10);
  const large = await appendCost(store, double, 100_000);
  const api = await startApi(store);
  const batch = await batchRoundTrips(api, double);
  await seedDemo(api.app, store, { weeks: 2, start: '2026-05-04T00:00:00Z' });
  const plan = await planScan(api, double);
  await api.app.close();
  await store.close();
  await double.stop();
  const restarted = await restart();
  const result = {
    readsPerAppend: { stream10: small.readsPerAppend, stream100k: large.readsPerAppend },
    eventsReadPerAppend: { stream10: small.eventsReadPerAppend, stream100k: large.eventsReadPerAppend },
    eventsReadRatio: Math.round((large.eventsReadPerAppend / small.eventsReadPerAppend) * 100) / 100,
    pinnedReadsPerAppend: { stream10: small.pinnedReadsPerAppend, stream100k: large.pinnedReadsPerAppend },
    anyAppendMedianMs: { stream10: small.anyAppendMedianMs, stream100k: large.anyAppendMedianMs },
    pinnedAppendMedianMs: { stream10: small.pinnedAppendMedianMs, stream100k: large.pinnedAppendMedianMs },
    baselineWholeStreamReadMedianMs: { stream10: small.wholeStreamReadMedianMs, stream100k: large.wholeStreamReadMedianMs },
    ...batch,
    ...plan,
    ...restarted,
    peakRssMiB: Math.round(rss.stop()),
    machine: machine(),
  };
  if (!wantsJson()) {
    console.log(`append, stream of 10 / 100,000: ${small.eventsReadPerAppend} / ${large.eventsReadPerAppend} events read per 'any' append (ratio ${result.eventsReadRatio}); pinned ${small.pinnedReadsPerAppend} / ${large.pinnedReadsPerAppend} reads`);
    console.log(`  median ms any ${small.anyAppendMedianMs.toFixed(2)} / ${large.anyAppendMedianMs.toFixed(2)}, pinned ${small.pinnedAppendMedianMs.toFixed(2)} / ${large.pinnedAppendMedianMs.toFixed(2)}; baseline whole-stream read ${small.wholeStreamReadMedianMs.toFixed(2)} / ${large.wholeStreamReadMedianMs.toFixed(0)}`);
    console.log(`batch of ${BATCH_TICKETS} tickets: ${batch.batchRoundTrips} round trips, ${batch.batchMedianMs.toFixed(0)} ms, ${batch.batchReadCalls} reads, ${batch.batchAppendRequests} BatchAppend requests, ${batch.batchUnaryAppends} unary appends`);
    console.log(`warm plan: ${plan.planEventsScanned} $all events scanned, ${plan.planHeadLookups} head lookups (${plan.planHeadEventsRead} events), ${plan.warmPlanMs.toFixed(0)} ms`);
    console.log(`restart after ${RESTART_EVENTS} + 100 events: ${restarted.restartTailEvents} log events read, ${restarted.restartSnapshotEventsRead} snapshot events, ${restarted.restartMs.toFixed(0)} ms (first start ${restarted.firstStartMs.toFixed(0)} ms)`);
  }
  console.log(JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
