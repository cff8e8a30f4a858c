import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openEventStore, type RecordedEvent } from '@staffcast/event-store';
import { NO_MARKS, exportChunk } from '@staffcast/projections';
import { TicketProjectionRunner } from '../../apps/planner-api/src/projections/ticket-projection.runner.js';
import { startApiProcess, type ApiProcess } from '../support/api-process.js';
import { startTestApp } from '../support/test-app.js';

/**
 * The API killed with SIGKILL in the middle of work, then started again on the same file: nothing
 * acknowledged is lost, nothing is written twice, the file is sound and the projection resumes to
 * what a clean rebuild gives.
 */
const TOKEN = 'crash-planner-0123456789';
const TOKENS = `planner:crasher:${TOKEN}`;
const auth = { authorization: `Bearer ${TOKEN}` };
const HEADER = 'ticket_id,created_at,channel,market,category,language,priority,first_response_at,escalated_at,escalation_target,resolved_at,handle_seconds,csat_score';

/** A ticket export of `rows` rows; most rows state several facts (created, responded, resolved, rated). */
function ticketExport(rows: number): string {
  const lines = [HEADER];
  const start = Date.parse('2026-03-02T00:00:00Z');
  for (let i = 0; i < rows; i += 1) {
    const created = start + i * 37_000;
    const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
    const resolved = i % 3 === 0 ? '' : iso(created + 3_600_000);
    lines.push([`K${i}`, iso(created), ['chat', 'email', 'phone'][i % 3], i % 2 ? 'US' : 'AU', 'kyc', 'en', 'normal', iso(created + 120_000), '', '', resolved, resolved ? String(300 + (i % 500)) : '', resolved && i % 5 === 0 ? '4' : ''].join(','));
  }
  return `${lines.join('\n')}\n`;
}

async function events(file: string): Promise<RecordedEvent[]> {
  const store = await openEventStore(`sqlite:${file}`);
  const out: RecordedEvent[] = [];
  for await (const event of store.readAll()) out.push(event);
  await store.close();
  return out;
}

function integrity(file: string): unknown {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('integrity_check');
  } finally {
    db.close();
  }
}

/** The ticket projection resumed from what the file holds, and a clean rebuild of the same log, exported alike. */
async function resumedAndRebuilt(file: string): Promise<[unknown, unknown]> {
  const store = await openEventStore(`sqlite:${file}`);
  const resumed = new TicketProjectionRunner(store);
  await resumed.start();
  await resumed.catchUp();
  await resumed.stop();
  const check = new TicketProjectionRunner(store, { name: 'projection:tickets-check' });
  await check.rebuild();
  const pair: [unknown, unknown] = [exportChunk(resumed.current, NO_MARKS), exportChunk(check.current, NO_MARKS)];
  await store.close();
  return pair;
}

async function headOf(api: ApiProcess): Promise<bigint> {
  const health = (await (await fetch(`${api.baseUrl}/health`)).json()) as { position: string | null };
  return BigInt(health.position ?? 0);
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const key = (e: RecordedEvent) => JSON.stringify([e.stream, e.revision.toString(), e.id, e.type, e.data]);

describe('the API killed with SIGKILL and started again', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'staffcast-crash-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('mid-import: a second import completes it with every ticket event exactly once', async () => {
    const file = join(dir, 'import.db');
    const csv = ticketExport(16_000);
    const post = (api: ApiProcess) => fetch(`${api.baseUrl}/v1/imports/tickets`, { method: 'POST', headers: { ...auth, 'content-type': 'text/csv' }, body: csv });

    // What a clean import of the same file writes, on a store nobody kills.
    const clean = await startTestApp({ API_TOKENS: TOKENS });
    const cleanReport = (await (await fetch(`${clean.baseUrl}/v1/imports/tickets`, { method: 'POST', headers: { ...auth, 'content-type': 'text/csv' }, body: csv })).json()) as { eventsWritten: number };
    const expected: RecordedEvent[] = [];
    for await (const event of clean.store.readAll()) expected.push(event);
    await clean.close();
    expect(cleanReport.eventsWritten).toBe(expected.length);

    const first = await startApiProcess(file, TOKENS);
    // The projection follows the log while the import runs, committing as it goes.
    await fetch(`${first.baseUrl}/v1/projections/status`, { headers: auth });
    const cut = post(first).then(
      (res) => res.status,
      () => 'cut off',
    );
    await waitFor(async () => (await headOf(first)) > 4_000n, 60_000);
    expect(await first.kill()).toBe('SIGKILL');
    expect(await cut).toBe('cut off');
    const partial = (await events(file)).length;
    expect(partial).toBeGreaterThan(4_000);
    expect(partial).toBeLessThan(expected.length);
    expect(integrity(file)).toEqual([{ integrity_check: 'ok' }]);

    const second = await startApiProcess(file, TOKENS);
    const report = (await (await post(second)).json()) as { eventsWritten: number; duplicatesSkipped: number; rejectedCount: number };
    await second.stop();
    expect(report.rejectedCount).toBe(0);
    expect(report.eventsWritten).toBe(expected.length - partial);
    const after = await events(file);
    expect(new Set(after.map((e) => e.id)).size).toBe(after.length);
    expect(after.map(key).sort()).toEqual(expected.map(key).sort());
    expect(integrity(file)).toEqual([{ integrity_check: 'ok' }]);
    const [resumed, rebuilt] = await resumedAndRebuilt(file);
    expect(resumed).toEqual(rebuilt);
  }, 120_000);

  it('mid-burst of batched writes: every acknowledged batch is there, and every batch is whole or absent', async () => {
    const file = join(dir, 'burst.db');
    const api = await startApiProcess(file, TOKENS);
    await fetch(`${api.baseUrl}/v1/projections/status`, { headers: auth });
    const BATCH = 200;
    const acknowledged = new Set<number>();
    let killed = false;
    const batch = (b: number) => ({
      events: Array.from({ length: BATCH }, (_, i) => ({
        type: 'TicketCreated',
        data: { ticketId: `B${b}-${i}`, createdAt: new Date(Date.parse('2026-03-02T00:00:00Z') + (b * BATCH + i) * 1000).toISOString(), channel: 'chat', market: 'US', category: 'kyc', language: 'en', priority: 'normal' },
      })),
    });
    // Eight writers send batches one after another until the process dies under them.
    const writer = async (w: number) => {
      for (let b = w; !killed; b += 8) {
        const res = await fetch(`${api.baseUrl}/v1/tickets/events`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(batch(b)) }).catch(() => undefined);
        if (res?.status === 201) acknowledged.add(b);
        else if (res !== undefined) throw new Error(`batch ${b} answered ${res.status}`);
      }
    };
    const writers = Promise.all(Array.from({ length: 8 }, (_, w) => writer(w)));
    await waitFor(async () => acknowledged.size >= 40, 60_000);
    killed = true;
    expect(await api.kill()).toBe('SIGKILL');
    await writers;

    expect(integrity(file)).toEqual([{ integrity_check: 'ok' }]);
    const restarted = await startApiProcess(file, TOKENS);
    const byBatch = new Map<number, number>();
    for (const event of await events(file)) {
      const b = Number(/^ticket-B(\d+)-/.exec(event.stream)![1]);
      byBatch.set(b, (byBatch.get(b) ?? 0) + 1);
    }
    for (const b of acknowledged) expect(`${b}: ${byBatch.get(b)}`).toBe(`${b}: ${BATCH}`);
    for (const [b, count] of byBatch) expect(`${b}: ${count}`).toBe(`${b}: ${BATCH}`);
    // The restarted API serves what was acknowledged.
    const sample = [...acknowledged][0]!;
    expect((await fetch(`${restarted.baseUrl}/v1/tickets/B${sample}-7`, { headers: auth })).status).toBe(200);
    await restarted.stop();
    const [resumed, rebuilt] = await resumedAndRebuilt(file);
    expect(resumed).toEqual(rebuilt);
  }, 120_000);
});
