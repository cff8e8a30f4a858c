import { performance } from 'node:perf_hooks';
import { allocateCoverage, buildScheduleModel, greedySchedule, lpRelaxation, MODEL_BUCKET, solveOnWorker, solveSchedule, type ScheduleInstance } from '@staffcast/scheduling';
import { argValue, machine, median, wantsJson } from './bench-support.js';
import { benchInstance } from './schedule-instances.js';

/**
 * bench:schedule — the schedule MILP (HiGHS on its worker, started from the greedy schedule) and
 * the greedy baseline on the same synthetic weeks (50 agents × 10 queues, 200 × 20; 15-minute
 * intervals), run after run in this process. Reports per instance the median wall seconds, the
 * MIP gap HiGHS reports, the under-staffed agent-hours of both schedules (measured the same way,
 * per 15-minute interval, allocateCoverage) and their ratio, and a lower bound on under-staffed
 * agent-hours: the LP relaxation of the hourly model with under-staffing as the only cost.
 *
 * Usage: npm run bench:schedule -- [--runs 3] [--json]
 */
const CASES = [
  { name: '50x10', agents: 50, queues: 10, timeLimitSeconds: 10, mipRelGap: 0.01 },
  { name: '200x20', agents: 200, queues: 20, timeLimitSeconds: 60, mipRelGap: 0.02 },
];
const SEED = 20260601;

function underHours(instance: ScheduleInstance, covered: number[][]): number {
  let under = 0;
  instance.queues.forEach((q, qi) => q.required.forEach((r, t) => (under += Math.max(0, r - covered[qi]![t]!) * 0.25)));
  return under;
}

/** min under-staffed agent-hours of the hourly model's LP relaxation (no other costs): a lower bound for any schedule. */
async function underLowerBound(instance: ScheduleInstance, timeLimitSeconds: number): Promise<number | null> {
  const onlyUnder = { ...instance, weights: { underPerAgentHour: 1, overPerAgentHour: 0, perCostUnit: 0, perNewHire: 0 } };
  const model = buildScheduleModel(onlyUnder, undefined, MODEL_BUCKET);
  const lp = lpRelaxation(model.milp);
  for (const v of [...model.index.contract.hoursShort, ...model.index.contract.daysShort]) lp.colCost[v.col] = 0;
  const result = await solveOnWorker(lp, { timeLimitSeconds, mipRelGap: 0 });
  return result.status === 'optimal' ? result.objective : null;
}

async function runCase(c: (typeof CASES)[number], runs: number) {
  const instance = benchInstance(c.agents, c.queues, SEED);
  const required = instance.queues.reduce((s, q) => s + q.required.reduce((a, b) => a + b, 0), 0) * 0.25;
  const milp: { seconds: number; gap: number | null; under: number; status: string }[] = [];
  const greedy: { seconds: number; under: number }[] = [];
  for (let r = 0; r < runs; r++) {
    let t0 = performance.now();
    const g = greedySchedule(instance);
    const gUnder = underHours(instance, allocateCoverage(instance, g).covered);
    greedy.push({ seconds: (performance.now() - t0) / 1000, under: gUnder });
    t0 = performance.now();
    const out = await solveSchedule(instance, { timeLimitSeconds: c.timeLimitSeconds, mipRelGap: c.mipRelGap });
    milp.push({ seconds: (performance.now() - t0) / 1000, gap: out.solver.mipGap, under: out.report.underAgentHours, status: out.solver.status });
    if (out.violations.length > 0) throw new Error(`${c.name}: the schedule breaks ${out.violations.length} rules`);
  }
  const bound = await underLowerBound(instance, 4 * c.timeLimitSeconds);
  const milpUnder = median(milp.map((m) => m.under));
  const greedyUnder = median(greedy.map((g) => g.under));
  const gaps = milp.map((m) => m.gap).filter((g): g is number => g !== null);
  return {
    instance: c.name,
    agents: c.agents,
    queues: c.queues,
    intervals: instance.intervals,
    requiredAgentHours: required,
    timeLimitSeconds: c.timeLimitSeconds,
    milp: { seconds: median(milp.map((m) => m.seconds)), mipGap: gaps.length > 0 ? median(gaps) : null, statuses: milp.map((m) => m.status), underAgentHours: milpUnder },
    greedy: { seconds: median(greedy.map((g) => g.seconds)), underAgentHours: greedyUnder },
    underLpBound: bound,
    underRatioMilpToGreedy: greedyUnder > 0 ? milpUnder / greedyUnder : null,
  };
}

async function main(): Promise<void> {
  const runs = argValue('runs', 3);
  const results = [];
  for (const c of CASES) {
    const result = await runCase(c, runs);
    results.push(result);
    if (!wantsJson()) console.log(JSON.stringify(result, null, 2));
  }
  const summary = { bench: 'schedule', machine: machine(), runs, seed: SEED, results };
  console.log(JSON.stringify(summary));
}

await main();
