/**
 * Staffing benchmark: least agents for 50 queues × 8,760 hourly intervals (a year) with Erlang C and
 * with Erlang A, and one 10,000-agent queue, each timed as the median of several runs.
 *
 *   npm run bench:staffing [-- --runs 5] [--json]
 *
 * Loads are synthetic but realistic and reproducible (seeded): per queue a peak of 20–400 calls/h
 * shaped by hour of day (quiet nights, some queues closed at night with 0 calls) and day of week,
 * with ±15% noise; AHT 120–600 s; patience 60–600 s; service-level targets 70–90% within 20–60 s,
 * and for Erlang A also at most 5% abandonment.
 */
import {
  erlangARequirement,
  erlangCRequirement,
  seededRandom,
  type ServiceTarget,
} from '@staffcast/staffing';
import { argValue, machine, median, wantsJson } from './bench-support.js';

const QUEUES = 50;
const HOURS = 8760;
const RUNS = argValue('runs', 5);

interface Queue {
  arrivals: Float64Array;
  ahtSeconds: number;
  patienceSeconds: number;
  target: ServiceTarget;
}

function makeQueues(): Queue[] {
  const random = seededRandom(20_260_101);
  const targets: ServiceTarget[] = [
    { serviceLevel: 0.8, thresholdSeconds: 20 },
    { serviceLevel: 0.9, thresholdSeconds: 30 },
    { serviceLevel: 0.7, thresholdSeconds: 60 },
    { serviceLevel: 0.8, thresholdSeconds: 60 },
  ];
  return Array.from({ length: QUEUES }, (_, q) => {
    const peak = 20 + 380 * random.next();
    const closedAtNight = q % 5 === 0;
    const arrivals = new Float64Array(HOURS);
    for (let h = 0; h < HOURS; h++) {
      const hour = h % 24;
      const weekday = Math.floor(h / 24) % 7;
      const daily = closedAtNight && (hour < 7 || hour >= 22) ? 0 : 0.15 + 0.85 * Math.max(0, Math.sin((Math.PI * (hour - 5)) / 18)) ** 1.5;
      const weekly = weekday >= 5 ? 0.6 : 1;
      arrivals[h] = Math.min(400, peak * daily * weekly * (0.85 + 0.3 * random.next()));
    }
    return {
      arrivals,
      ahtSeconds: 120 + 480 * random.next(),
      patienceSeconds: 60 + 540 * random.next(),
      target: targets[q % targets.length]!,
    };
  });
}

function timeIt(fn: () => number): { seconds: number; checksum: number } {
  const start = process.hrtime.bigint();
  const checksum = fn();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, checksum };
}

function main(): void {
  const queues = makeQueues();
  const erlangC = () => {
    let agents = 0;
    for (const q of queues) {
      for (let h = 0; h < HOURS; h++) agents += erlangCRequirement({ arrivalsPerHour: q.arrivals[h]!, ahtSeconds: q.ahtSeconds, target: q.target }).agents;
    }
    return agents;
  };
  const erlangA = () => {
    let agents = 0;
    for (const q of queues) {
      const target = { ...q.target, maxAbandon: 0.05 };
      for (let h = 0; h < HOURS; h++) {
        agents += erlangARequirement({ arrivalsPerHour: q.arrivals[h]!, ahtSeconds: q.ahtSeconds, patienceSeconds: q.patienceSeconds, target }).agents;
      }
    }
    return agents;
  };
  const large = { arrivalsPerHour: 196_000, ahtSeconds: 180, target: { serviceLevel: 0.8, thresholdSeconds: 20 } };
  const largeC = () => erlangCRequirement(large).agents;
  const largeA = () => erlangARequirement({ ...large, patienceSeconds: 300 }).agents;

  const results = { c: [] as number[], a: [] as number[], largeC: [] as number[], largeA: [] as number[] };
  const checks = { c: 0, a: 0, largeC: 0, largeA: 0 };
  for (let run = 0; run < RUNS; run++) {
    for (const [key, fn] of [['c', erlangC], ['a', erlangA], ['largeC', largeC], ['largeA', largeA]] as const) {
      const { seconds, checksum } = timeIt(fn);
      results[key].push(seconds);
      checks[key] = checksum;
    }
  }
  const summary = {
    erlangCSeconds: median(results.c),
    erlangASeconds: median(results.a),
    largeCaseSeconds: median(results.largeC.map((c, i) => c + results.largeA[i]!)),
    largeCaseErlangCSeconds: median(results.largeC),
    largeCaseErlangASeconds: median(results.largeA),
    intervals: QUEUES * HOURS,
    agentHoursErlangC: checks.c,
    agentHoursErlangA: checks.a,
    largeCaseAgentsErlangC: checks.largeC,
    largeCaseAgentsErlangA: checks.largeA,
    runs: RUNS,
    machine: machine(),
  };
  if (!wantsJson()) {
    const fmt = (xs: number[]) => xs.map((x) => x.toFixed(3)).join(', ');
    console.log(`Staffing benchmark: ${QUEUES} queues × ${HOURS} hourly intervals, ${RUNS} runs, ${summary.machine}`);
    console.log(`  Erlang C least agents: median ${summary.erlangCSeconds.toFixed(3)} s (runs ${fmt(results.c)}), ${checks.c} agent-hours`);
    console.log(`  Erlang A least agents: median ${summary.erlangASeconds.toFixed(3)} s (runs ${fmt(results.a)}), ${checks.a} agent-hours`);
    console.log(`  10,000-agent case (196,000 calls/h, AHT 180 s, 80% in 20 s): Erlang C ${checks.largeC} agents in ${(summary.largeCaseErlangCSeconds * 1000).toFixed(2)} ms, Erlang A (patience 300 s) ${checks.largeA} agents in ${(summary.largeCaseErlangASeconds * 1000).toFixed(2)} ms`);
  }
  console.log(JSON.stringify(summary));
}

main();
