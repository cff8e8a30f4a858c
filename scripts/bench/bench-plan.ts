/**
 * Capacity-plan benchmark: the demo operation with 20 queues (28 weeks of tickets, 72 agents) is
 * seeded into a fresh sqlite file in a temp directory by a child process (through the same command
 * handlers as the API, so its memory does not count here); this process then boots the API on that
 * file, lets the projection catch up, and times POST /v1/plans for all 20 queues × 4 weeks (672 h)
 * from the hour the history ends, over real HTTP on loopback (request, plan, JSON response read),
 * then POST /v1/scenarios/:id/runs for a scenario (a launch, an AHT rise and twelve hires) over
 * the same 20 queues × 8 weeks (1,344 h): baseline and scenario plans, comparison, run recorded.
 * Queue forecasts are fitted on the API's worker threads (FORECAST_WORKERS, default
 * os.availableParallelism()).
 *
 * The first run is reported on its own (`planColdSeconds`: a fresh process, nothing memoised yet);
 * `planSeconds` is the median of the runs after it, which reuse the memoised queue forecasts (the
 * history did not change). `planUncachedSeconds` is the median of `--uncached-runs` more runs, each
 * after the forecast memo was cleared: the cold path with the code already compiled. Every run must
 * return the same body as the first. Peak RSS is the process's maximum resident set (the API and
 * the benchmark's client).
 *
 * `coldPlanSeconds` is the median of `--cold-runs` plans with the memo cleared before each. Its
 * baseline, in the same run, is a second API on the same file with FORECAST_WORKERS=0 (every fit on
 * the main thread), timed in turn with it (`coldPlanSerialSeconds`); both must return the same body.
 *
 *   npm run bench:plan [-- --runs 7] [--uncached-runs 3] [--cold-runs 5] [--json]
 *
 * Each measured operation is one entry of OPERATIONS: a name, the JSON keys of its figures and a
 * request; another operation is timed the same way by adding an entry.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@staffcast/config';
import { openEventStore } from '@staffcast/event-store';
import { createApp } from '../../apps/planner-api/src/bootstrap.js';
import { ForecastMemo } from '../../apps/planner-api/src/planning/forecast-memo.js';
import { TicketProjectionRunner } from '../../apps/planner-api/src/projections/ticket-projection.runner.js';
import { demoOperation, type DemoOptions } from '@staffcast/demo';
import { seedDemo } from '../../apps/planner-api/src/demo/seed-demo.js';
import { argValue, machine, median, wantsJson } from './bench-support.js';

const RUNS = Math.max(2, argValue('runs', 7));
const UNCACHED_RUNS = argValue('uncached-runs', 3);
const COLD_RUNS = argValue('cold-runs', 5);
const DEMO: DemoOptions = { queues: 20, weeks: 28 };
const PLAN_HOURS = 4 * 7 * 24;
const TOKEN = 'bench-planner-token-0123456789';
const SCENARIO_HOURS = 8 * 7 * 24;
const HOUR_MS = 3_600_000;

interface Operation {
  name: string;
  /** JSON keys: median of the warm runs, the first run, and the median of the runs after `reset`. */
  key: string;
  coldKey: string;
  uncachedKey: string;
  /** Forgets what earlier runs left memoised. */
  reset(): void;
  method: 'POST' | 'GET';
  path: string;
  body: unknown;
  /** Throws when the response is not what the operation must return. */
  check(body: string): string;
  /** What must be the same on every run (the whole body unless the response carries fresh ids). */
  fingerprint?(body: string): string;
  /** HTTP status of a success (200 unless given). */
  status?: number;
}

interface Timing {
  cold: number;
  /** CPU seconds of the whole process (every thread) per run, in run order. */
  cpu: number[];
  warm: number[];
  uncached: number[];
  responseBytes: number;
  summary: string;
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

async function main(): Promise<void> {
  const seedIndex = process.argv.indexOf('--seed');
  if (seedIndex >= 0) return seed(process.argv[seedIndex + 1]!);

  const json = wantsJson();
  const log = (line: string) => {
    if (!json) console.log(line);
  };
  const dir = mkdtempSync(join(tmpdir(), 'staffcast-bench-plan-'));
  const path = join(dir, 'plan.db');
  try {
    let t0 = performance.now();
    const seeded = JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--seed', path], { encoding: 'utf8', maxBuffer: 1 << 20 })) as { queues: number; agents: number; tickets: number; events: number };
    const seedSeconds = (performance.now() - t0) / 1000;
    log(`seeded ${seeded.queues} queues, ${seeded.agents} agents, ${seeded.tickets.toLocaleString('en')} tickets (${seeded.events.toLocaleString('en')} events) in ${seedSeconds.toFixed(1)} s`);

    const { app, store, baseUrl } = await bootApi(path, {});
    t0 = performance.now();
    if (!(await app.get(TicketProjectionRunner).catchUp(600_000))) throw new Error('the projection did not catch up');
    const catchUpSeconds = (performance.now() - t0) / 1000;

    const op = demoOperation(DEMO);
    const from = new Date(Math.floor(op.end.toMillis() / HOUR_MS) * HOUR_MS).toISOString();
    const queueIds = op.queues.map((q) => q.queueId);
    const OPERATIONS: Operation[] = [
      {
        name: `plan, ${queueIds.length} queues × ${PLAN_HOURS} h`,
        key: 'planSeconds',
        coldKey: 'planColdSeconds',
        uncachedKey: 'planUncachedSeconds',
        reset: () => app.get(ForecastMemo).clear(),
        method: 'POST',
        path: '/v1/plans',
        body: { queueIds, from, horizonHours: PLAN_HOURS },
        check(body) {
          const plan = JSON.parse(body) as { rows?: unknown[]; summaries?: unknown[] };
          if (plan.rows?.length !== queueIds.length * PLAN_HOURS || plan.summaries?.length !== queueIds.length) throw new Error(`plan: expected ${queueIds.length * PLAN_HOURS} rows, got ${plan.rows?.length}`);
          return `${plan.rows.length.toLocaleString('en')} rows`;
        },
      },
      {
        name: `scenario run, ${queueIds.length} queues × ${SCENARIO_HOURS} h`,
        key: 'scenarioSeconds',
        coldKey: 'scenarioColdSeconds',
        uncachedKey: 'scenarioUncachedSeconds',
        reset: () => app.get(ForecastMemo).clear(),
        method: 'POST',
        path: `/v1/scenarios/${await benchScenario(baseUrl, op, from)}/runs`,
        body: { queueIds, from, horizonHours: SCENARIO_HOURS },
        status: 201,
        check(body) {
          const run = JSON.parse(body) as { summary?: { queues?: { delta: { requiredFte: number } }[] } };
          if (run.summary?.queues?.length !== queueIds.length) throw new Error(`scenario run: expected ${queueIds.length} queues compared, got ${run.summary?.queues?.length}`);
          const fte = run.summary.queues.reduce((s, q) => s + q.delta.requiredFte, 0);
          return `${queueIds.length} queues compared, required FTE ${fte >= 0 ? '+' : ''}${fte.toFixed(1)}`;
        },
        // Each run is recorded under a fresh id at a later position; its result (rows digest and comparison) must not change.
        fingerprint(body) {
          const run = JSON.parse(body) as { digest: string; summary: unknown };
          return `${run.digest}|${JSON.stringify(run.summary)}`;
        },
      },
    ];

    const plan = OPERATIONS[0]!;
    const cold = await coldComparison(path, baseUrl, plan, () => app.get(ForecastMemo).clear(), log);

    const timings = new Map<Operation, Timing>();
    const planDigest = new Map<Operation, string>();
    for (const operation of OPERATIONS) {
      const { timing, digest } = await timeOperation(baseUrl, operation, RUNS, UNCACHED_RUNS, log);
      timings.set(operation, timing);
      planDigest.set(operation, digest);
    }
    await app.close();
    await store.close();

    const peakRssMiB = process.resourceUsage().maxRSS / 1024;

    const round = (s: number) => Math.round(s * 1000) / 1000;
    const report: Record<string, unknown> = {
      bench: 'plan',
      machine: machine(),
      queues: seeded.queues,
      agents: seeded.agents,
      tickets: seeded.tickets,
      events: seeded.events,
      runs: RUNS,
      seedSeconds: Math.round(seedSeconds * 10) / 10,
      catchUpSeconds: round(catchUpSeconds),
    };
    for (const [operation, t] of timings) {
      report[operation.key] = round(median(t.warm));
      report[operation.coldKey] = round(t.cold);
      report[operation.uncachedKey] = t.uncached.length > 0 ? round(median(t.uncached)) : null;
      report[`${operation.key.replace(/Seconds$/, '')}Runs`] = [t.cold, ...t.warm, ...t.uncached].map(round);
      report[`${operation.key.replace(/Seconds$/, '')}ResponseBytes`] = t.responseBytes;
    }
    const { coldRuns, serialRuns, coldCpu, serialCpu } = cold;
    const coldMedian = median(coldRuns);
    const coldSerial = median(serialRuns);
    report.forecastWorkers = availableParallelism();
    report.coldPlanSeconds = round(coldMedian);
    report.coldPlanRuns = coldRuns.map(round);
    report.coldPlanSerialSeconds = round(coldSerial);
    report.coldPlanSerialRuns = serialRuns.map(round);
    // CPU seconds (all threads): on a machine shared with other work, wall time gains only what the other threads leave free.
    report.coldPlanCpuSeconds = round(median(coldCpu));
    report.coldPlanSerialCpuSeconds = round(median(serialCpu));
    report.coldPlanSpeedup = Math.round((coldSerial / coldMedian) * 100) / 100;
    report.serialPlanIdentical = true;
    report.peakRssMiB = Math.round(peakRssMiB);
    if (json) {
      console.log(JSON.stringify(report));
      return;
    }
    console.log(`\n${machine()}; projection catch-up ${catchUpSeconds.toFixed(2)} s\n`);
    console.log(`| operation | first run (cold) | median of runs 2–${RUNS} (warm) | median of ${UNCACHED_RUNS} runs, memo cleared | response |`);
    console.log('|---|---|---|---|---|');
    for (const [operation, t] of timings) {
      const uncached = t.uncached.length > 0 ? `${median(t.uncached).toFixed(3)} s` : '—';
      console.log(`| ${operation.name} | ${t.cold.toFixed(3)} s | **${median(t.warm).toFixed(3)} s** | ${uncached} | ${t.summary}, ${(t.responseBytes / 2 ** 20).toFixed(1)} MiB |`);
    }
    console.log(`\ncold plan (memo empty, median of ${COLD_RUNS}): ${coldMedian.toFixed(3)} s on ${availableParallelism()} worker threads, ${coldSerial.toFixed(3)} s on the main thread, ×${(coldSerial / coldMedian).toFixed(2)}; CPU ${median(coldCpu).toFixed(2)} s and ${median(serialCpu).toFixed(2)} s; bodies identical`);
    console.log(`peak RSS ${Math.round(peakRssMiB)} MiB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The cold plan (memo cleared before each run) on this API's worker threads and, in turn, on a
 * second API on the same file with FORECAST_WORKERS=0, so that both see the same load on a shared
 * machine; both must return the same body every time. Wall and CPU seconds per run.
 */
async function coldComparison(path: string, baseUrl: string, plan: Operation, reset: () => void, log: (line: string) => void) {
  const serial = await bootApi(path, { FORECAST_WORKERS: '0' });
  if (!(await serial.app.get(TicketProjectionRunner).catchUp(600_000))) throw new Error('the serial API did not catch up');
  const coldRuns: number[] = [];
  const serialRuns: number[] = [];
  const coldCpu: number[] = [];
  const serialCpu: number[] = [];
  const serialPlan = { ...plan, name: `${plan.name}, main thread`, reset: () => serial.app.get(ForecastMemo).clear() };
  const coldPlan = { ...plan, name: `${plan.name}, worker threads`, reset };
  let coldDigest = '';
  for (let run = 0; run < COLD_RUNS; run++) {
    const parallel = await timeOperation(baseUrl, coldPlan, 0, 1, log);
    const onMain = await timeOperation(serial.baseUrl, serialPlan, 0, 1, log);
    if (onMain.digest !== parallel.digest || (coldDigest !== '' && parallel.digest !== coldDigest)) throw new Error('a cold plan differs between worker threads and the main thread, or between runs');
    coldDigest = parallel.digest;
    coldRuns.push(parallel.timing.uncached[0]!);
    serialRuns.push(onMain.timing.uncached[0]!);
    coldCpu.push(parallel.timing.cpu[0]!);
    serialCpu.push(onMain.timing.cpu[0]!);
  }
  await serial.app.close();
  await serial.store.close();
  reset();
  return { coldRuns, serialRuns, coldCpu, serialCpu };
}

/** Boots the API on the seeded file (with extra environment) on a loopback port. */
async function bootApi(path: string, env: Record<string, string>) {
  const store = await openEventStore(`sqlite:${path}`);
  const app = await createApp(loadConfig({ STORE_URL: `sqlite:${path}`, LOG_LEVEL: 'silent', API_TOKENS: `planner:bench:${TOKEN}`, ...env }), store);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  if (address === null || typeof address === 'string') throw new Error('the API did not bind a TCP port');
  return { app, store, baseUrl: `http://127.0.0.1:${address.port}` };
}

/**
 * Times `runs` requests (the first on whatever is memoised, the rest warm) and then `uncachedRuns`
 * more, each after `reset`; every body must fingerprint like the first. A run of 0 warm runs times
 * only memo-cleared ones.
 */
async function timeOperation(baseUrl: string, operation: Operation, runs: number, uncachedRuns: number, log: (line: string) => void): Promise<{ timing: Timing; digest: string }> {
  const seconds: number[] = [];
  const cpu: number[] = [];
  let firstDigest = '';
  let responseBytes = 0;
  let summary = '';
  for (let run = 0; run < runs + uncachedRuns; run++) {
    const uncached = run >= runs;
    if (uncached) operation.reset();
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const res = await fetch(`${baseUrl}${operation.path}`, {
      method: operation.method,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(operation.body),
    });
    const text = await res.text();
    seconds.push((performance.now() - start) / 1000);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1e6);
    if (res.status !== (operation.status ?? 200)) throw new Error(`${operation.path}: HTTP ${res.status}: ${text.slice(0, 500)}`);
    const digest = createHash('sha256')
      .update(operation.fingerprint ? operation.fingerprint(text) : text)
      .digest('hex');
    if (run === 0) {
      firstDigest = digest;
      responseBytes = text.length;
      summary = operation.check(text);
    } else if (digest !== firstDigest) {
      throw new Error(`${operation.path}: run ${run + 1} returned a different body from run 1`);
    }
    log(`${operation.name}: run ${run + 1} ${seconds[run]!.toFixed(3)} s${run === 0 && runs > 0 ? ' (cold)' : uncached ? ' (memo cleared)' : ''}`);
  }
  const warmFrom = Math.min(runs, 1);
  return { timing: { cold: seconds[0]!, cpu, warm: seconds.slice(warmFrom, runs), uncached: seconds.slice(runs), responseBytes, summary }, digest: firstDigest };
}

/**
 * A scenario leadership would ask for: the options launch doubles US ID-verification tickets for
 * three days, chat handle times rise 10 %, and twelve agents certified for US KYC start three
 * weeks in. Returns its id.
 */
async function benchScenario(baseUrl: string, op: ReturnType<typeof demoOperation>, from: string): Promise<string> {
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await res.text();
    if (res.status !== 201) throw new Error(`${path}: HTTP ${res.status}: ${text.slice(0, 500)}`);
    return JSON.parse(text) as Record<string, string>;
  };
  const { scenarioId } = await post('/v1/scenarios', { name: 'Launch week with KYC hires' });
  const fromMs = Date.parse(from);
  const day = (d: number) => new Date(fromMs + d * 86_400_000).toISOString();
  const kycAgent = op.agents.find((a) => a.commands.some((c) => c.type === 'CertifyAgent' && c.data.skill === 'kyc-us'))!;
  const schedule = kycAgent.commands.find((c) => c.type === 'SetAgentSchedule')!.data as { shifts: unknown };
  const assumptions = [
    { kind: 'launch', name: 'Options launch', markets: ['US'], categories: ['kyc'], startsAt: day(7), endsAt: day(10), uplift: { kind: 'percent', percent: 100 }, profile: 'spike-decay' },
    { kind: 'aht-change', percent: 10, queueIds: op.queues.filter((q) => q.channel === 'chat').map((q) => q.queueId) },
    { kind: 'hires', count: 12, siteId: 'kul', timeZone: 'Asia/Kuala_Lumpur', skills: ['kyc-us', 'chat'], startDate: day(21).slice(0, 10), shifts: schedule.shifts, hourlyCost: { amount: 9.5, currency: 'USD' } },
  ];
  for (const a of assumptions) await post(`/v1/scenarios/${scenarioId}/assumptions`, a);
  return scenarioId!;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
