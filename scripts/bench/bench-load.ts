/**
 * Load benchmark: the demo operation (10 queues, 8 weeks of tickets) is seeded into a fresh sqlite
 * file by a child process; the API then runs in a process of its own on loopback, as deployed
 * (`node dist/.../main.js`), and this process drives it with autocannon at `--connections` (50):
 *
 * - KPI reads (`GET /v1/kpis`, 4 weeks by day, the queues in turn), warm: the projection has caught up;
 * - plan reads (`POST /v1/plans`, one queue × 168 h, the queues in turn), warm: each queue's plan was
 *   asked for once before, so its forecast is memoised;
 * - forecast reads (`POST /v1/forecasts`, one queue × 168 h), warm alike;
 * - batched ticket ingestion (`POST /v1/tickets/events` with `{ events: [...] }` of `--batch` new
 *   tickets each), last, since new facts make the memoised forecasts stale.
 *
 * Each scenario is bounded in requests (`--read-requests`, `--ingest-requests`) and in time
 * (`--max-seconds`). Before the loaded runs, each read scenario runs at one connection for
 * `--baseline-requests` (the unloaded latency, the baseline the loaded p99 is compared with).
 * Every response must be a 2xx. `ingestEventsPerSec` is the events acknowledged divided by the time
 * from the scenario's start to its last response; `readP99Ms` is the p99 latency per read.
 * The rate limit is raised for the run (RATE_LIMIT_PER_MINUTE) so that it measures the service,
 * not its limiter; the limiter's hook still runs on every request.
 *
 *   npm run bench:load [-- --connections 50] [--batch 500] [--ingest-requests 400] [--read-requests 3000] [--baseline-requests 200] [--max-seconds 60] [--json]
 */
import 'reflect-metadata';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@staffcast/config';
import { openEventStore } from '@staffcast/event-store';
import { createApp } from '../../apps/planner-api/src/bootstrap.js';
import { demoOperation, type DemoOptions } from '@staffcast/demo';
import { seedDemo } from '../../apps/planner-api/src/demo/seed-demo.js';
import { argValue, machine, wantsJson } from './bench-support.js';

const CONNECTIONS = argValue('connections', 50);
const BATCH = argValue('batch', 500);
const INGEST_REQUESTS = argValue('ingest-requests', 400);
const READ_REQUESTS = argValue('read-requests', 3000);
const MAX_SECONDS = argValue('max-seconds', 60);
const BASELINE_REQUESTS = argValue('baseline-requests', 200);
const DEMO: DemoOptions = { queues: 10, weeks: 8 };
const TOKEN = 'bench-load-planner-0123456789';
const HOUR_MS = 3_600_000;
const HORIZON_HOURS = 168;

/** The parts of autocannon this benchmark uses (the package ships no types). */
interface CannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?(request: CannonRequest): CannonRequest;
}
interface Histogram {
  average: number;
  p50: number;
  p99: number;
  max: number;
}
interface CannonResult {
  latency: Histogram;
  requests: Histogram & { total: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
}
interface CannonInstance extends PromiseLike<CannonResult> {
  stop(): void;
  on(event: 'response', listener: () => void): void;
}
type Autocannon = (options: { url: string; connections: number; amount: number; timeout: number; requests: CannonRequest[] }) => CannonInstance;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

interface Scenario {
  name: string;
  key: string;
  amount: number;
  requests: CannonRequest[];
  /** Events written per successful request (ingestion only). */
  eventsPerRequest?: number;
}

interface ScenarioFigures {
  requests: number;
  seconds: number;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
}

/** Child mode: seed the demo into the file through the API's command handlers. */
async function seed(path: string): Promise<void> {
  const store = await openEventStore(`sqlite:${path}`);
  const app = await createApp(loadConfig({ STORE_URL: `sqlite:${path}`, LOG_LEVEL: 'silent' }), store);
  await app.init();
  const report = await seedDemo(app, store, DEMO);
  await app.close();
  await store.close();
  process.stdout.write(JSON.stringify(report));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The API as deployed: its own process, on the seeded file, on a loopback port. */
async function startApi(path: string, port: number): Promise<ChildProcess> {
  const main = fileURLToPath(new URL('../../apps/planner-api/src/main.js', import.meta.url));
  const env = { ...process.env, STORE_URL: `sqlite:${path}`, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'silent', API_TOKENS: `planner:bench:${TOKEN}`, RATE_LIMIT_PER_MINUTE: '100000000' };
  const child = spawn(process.execPath, ['--max-semi-space-size=64', main], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
    if (ok) return child;
    if (Date.now() > deadline) throw new Error('the API did not answer /health in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function call(baseUrl: string, method: string, path: string, body?: unknown): Promise<string> {
  const res = await fetch(`${baseUrl}${path}`, { method, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status}: ${text.slice(0, 300)}`);
  return text;
}

/** Cycles through `items`, one per request. */
function rotating<T>(items: readonly T[], make: (item: T) => CannonRequest): (request: CannonRequest) => CannonRequest {
  let next = 0;
  return (request) => ({ ...request, ...make(items[next++ % items.length]!) });
}

function scenarios(op: ReturnType<typeof demoOperation>): Scenario[] {
  const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  const queueIds = op.queues.map((q) => q.queueId);
  const endMs = Math.floor(op.end.toMillis() / HOUR_MS) * HOUR_MS;
  const from = new Date(endMs).toISOString();
  const kpiTo = op.end.toISODate()!;
  const kpiFrom = op.end.minus({ weeks: 4 }).toISODate()!;
  let ticket = 0;
  const ticketBatch = (): string => {
    const events = Array.from({ length: BATCH }, () => {
      const n = ticket++;
      return { type: 'TicketCreated', data: { ticketId: `LOAD${n}`, createdAt: new Date(endMs + (n % 600_000) * 1000).toISOString(), channel: 'chat', market: n % 2 ? 'US' : 'AU', category: 'kyc', language: 'en', priority: 'normal' } };
    });
    return JSON.stringify({ events });
  };
  return [
    {
      name: 'KPI read (GET /v1/kpis, 28 days)',
      key: 'kpi',
      amount: READ_REQUESTS,
      requests: [{ method: 'GET', headers, setupRequest: rotating(queueIds, (q) => ({ path: `/v1/kpis?queueId=${q}&from=${kpiFrom}&to=${kpiTo}` })) }],
    },
    {
      name: `warm plan read (POST /v1/plans, 1 queue × ${HORIZON_HOURS} h)`,
      key: 'plan',
      amount: READ_REQUESTS,
      requests: [{ method: 'POST', path: '/v1/plans', headers, setupRequest: rotating(queueIds, (q) => ({ body: JSON.stringify({ queueIds: [q], from, horizonHours: HORIZON_HOURS }) })) }],
    },
    {
      name: `warm forecast read (POST /v1/forecasts, 1 queue × ${HORIZON_HOURS} h)`,
      key: 'forecast',
      amount: READ_REQUESTS,
      requests: [{ method: 'POST', path: '/v1/forecasts', headers, setupRequest: rotating(queueIds, (q) => ({ body: JSON.stringify({ queueIds: [q], from, horizonHours: HORIZON_HOURS }) })) }],
    },
    {
      name: `batched ingestion (POST /v1/tickets/events, ${BATCH} events a request)`,
      key: 'ingest',
      amount: INGEST_REQUESTS,
      eventsPerRequest: BATCH,
      requests: [{ method: 'POST', path: '/v1/tickets/events', headers, setupRequest: (request) => ({ ...request, body: ticketBatch() }) }],
    },
  ];
}

async function drive(baseUrl: string, scenario: Scenario, connections = CONNECTIONS, amount = scenario.amount): Promise<ScenarioFigures> {
  const started = performance.now();
  const instance = autocannon({ url: baseUrl, connections, amount, timeout: 30, requests: scenario.requests });
  // autocannon notices the end on its one-second tick: time to the last response instead.
  let lastResponse = started;
  instance.on('response', () => (lastResponse = performance.now()));
  const timer = setTimeout(() => instance.stop(), MAX_SECONDS * 1000);
  const result = await instance;
  const seconds = (lastResponse - started) / 1000;
  clearTimeout(timer);
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]));
  const done = Object.values(statusCodes).reduce((a, b) => a + b, 0);
  return { requests: done, seconds, requestsPerSec: done / seconds, p50Ms: result.latency.p50, p99Ms: result.latency.p99, maxMs: result.latency.max, non2xx: result.non2xx, errors: result.errors, statusCodes };
}

async function main(): Promise<void> {
  const seedIndex = process.argv.indexOf('--seed');
  if (seedIndex >= 0) return seed(process.argv[seedIndex + 1]!);
  const json = wantsJson();
  const log = (line: string) => {
    if (!json) console.log(line);
  };
  const dir = mkdtempSync(join(tmpdir(), 'staffcast-bench-load-'));
  const path = join(dir, 'load.db');
  let api: ChildProcess | undefined;
  try {
    const t0 = performance.now();
    const seeded = JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--seed', path], { encoding: 'utf8', maxBuffer: 1 << 20 })) as { queues: number; agents: number; tickets: number; events: number };
    log(`seeded ${seeded.queues} queues, ${seeded.agents} agents, ${seeded.tickets.toLocaleString('en')} tickets (${seeded.events.toLocaleString('en')} events) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const port = await freePort();
    api = await startApi(path, port);
    const baseUrl = `http://127.0.0.1:${port}`;
    const op = demoOperation(DEMO);
    const plan = scenarios(op);
    // Warm-up: the projection catches up on the first read, and each queue's forecast is memoised.
    for (const scenario of plan.filter((s) => s.key !== 'ingest')) {
      for (let i = 0; i < op.queues.length; i += 1) {
        const request = scenario.requests[0]!.setupRequest!({ ...scenario.requests[0]! });
        await call(baseUrl, request.method!, request.path!, request.body === undefined ? undefined : JSON.parse(request.body));
      }
    }
    const baseline = new Map<Scenario, ScenarioFigures>();
    for (const scenario of plan.filter((s) => s.key !== 'ingest')) {
      const f = await drive(baseUrl, scenario, 1, BASELINE_REQUESTS);
      if (f.non2xx > 0 || f.errors > 0) throw new Error(`${scenario.name} (1 connection): ${f.non2xx} non-2xx answers and ${f.errors} errors`);
      baseline.set(scenario, f);
      log(`${scenario.name}, 1 connection: ${f.requests} requests, ${f.requestsPerSec.toFixed(0)} req/s, p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms`);
    }
    const figures = new Map<Scenario, ScenarioFigures>();
    for (const scenario of plan) {
      const f = await drive(baseUrl, scenario);
      if (f.non2xx > 0 || f.errors > 0) throw new Error(`${scenario.name}: ${f.non2xx} non-2xx answers and ${f.errors} errors (${JSON.stringify(f.statusCodes)})`);
      figures.set(scenario, f);
      log(`${scenario.name}: ${f.requests} requests in ${f.seconds.toFixed(1)} s, ${f.requestsPerSec.toFixed(0)} req/s, p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms`);
    }
    const by = (key: string) => [...figures].find(([s]) => s.key === key)!;
    const [ingestScenario, ingest] = by('ingest');
    const ingestEventsPerSec = Math.round((ingest.requests * ingestScenario.eventsPerRequest!) / ingest.seconds);
    const readP99Ms = { kpi: by('kpi')[1].p99Ms, plan: by('plan')[1].p99Ms, forecast: by('forecast')[1].p99Ms };
    const report = {
      bench: 'load',
      machine: machine(),
      connections: CONNECTIONS,
      batch: BATCH,
      seededEvents: seeded.events,
      ingestEventsPerSec,
      readP99Ms,
      goals: { ingestEventsPerSec: 20_000, readP99Ms: 100, met: ingestEventsPerSec >= 20_000 && readP99Ms.kpi < 100 && readP99Ms.plan < 100 },
      scenarios: Object.fromEntries([...figures].map(([s, f]) => [s.key, { ...f, seconds: Math.round(f.seconds * 100) / 100, requestsPerSec: Math.round(f.requestsPerSec) }])),
      /** The same reads at one connection, and the loaded p99 over the unloaded p50. */
      baseline: Object.fromEntries(
        [...baseline].map(([s, b]) => [s.key, { connections: 1, requests: b.requests, requestsPerSec: Math.round(b.requestsPerSec), p50Ms: b.p50Ms, p99Ms: b.p99Ms, loadedP99OverP50: Math.round((by(s.key)[1].p99Ms / Math.max(b.p50Ms, 1)) * 10) / 10 }]),
      ),
    };
    if (json) console.log(JSON.stringify(report));
    else {
      console.log(`\n${machine()}; ${CONNECTIONS} connections\n`);
      console.log('| scenario | requests | req/s | p50 | p99 |');
      console.log('|---|---|---|---|---|');
      for (const [s, b] of baseline) console.log(`| ${s.name}, 1 connection | ${b.requests} | ${b.requestsPerSec.toFixed(0)} | ${b.p50Ms} ms | ${b.p99Ms} ms |`);
      for (const [s, f] of figures) console.log(`| ${s.name} | ${f.requests} | ${f.requestsPerSec.toFixed(0)} | ${f.p50Ms} ms | ${f.p99Ms} ms |`);
      console.log(`\ningestEventsPerSec ${ingestEventsPerSec} (goal ≥ 20,000); readP99Ms KPI ${readP99Ms.kpi}, plan ${readP99Ms.plan}, forecast ${readP99Ms.forecast} (goal < 100 for KPI and plan)`);
    }
  } finally {
    api?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
