import type { CapacityPlan, PlanRow } from '@staffcast/planning';
import { buildCapacityPlan } from '@staffcast/planning';
import { RunRequest, compareRuns, comparisonRows, metricsDelta, runMetrics } from './run.js';

const HOUR_MS = 3_600_000;
const FROM = Date.UTC(2026, 2, 2);
const allDay = [{ from: '00:00', to: '24:00' }];
const phone = {
  queueId: 'us-fraud-phone',
  channel: 'phone' as const,
  timeZone: 'America/New_York',
  openingHours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
  serviceTarget: { kind: 'sl' as const, percent: 80, seconds: 20 },
  chatConcurrency: 1,
  callerPatienceSeconds: 300,
  requiredSkills: ['fraud-us'],
};
const email = { ...phone, queueId: 'us-mail', channel: 'email' as const, serviceTarget: { kind: 'response' as const, hours: 4 }, requiredSkills: ['email'] };

function plan(volume: number, agents: number, hours = 168): CapacityPlan {
  return buildCapacityPlan({
    fromMs: FROM,
    horizonHours: hours,
    occupancyCap: 0.9,
    queues: [
      { queue: phone, volumeMean: new Array(hours).fill(volume), volumePlanned: new Array(hours).fill(volume), ahtSeconds: new Array(hours).fill(180), shrinkage: 0.3 },
      { queue: email, volumeMean: new Array(hours).fill(10), volumePlanned: new Array(hours).fill(10), ahtSeconds: new Array(hours).fill(300), shrinkage: 0.3 },
    ],
    agents: [
      { skills: ['fraud-us'], hours: new Array(hours).fill(agents) },
      { skills: ['email'], hours: new Array(hours).fill(2) },
    ],
  });
}

const sum = (rows: readonly PlanRow[], pick: (r: PlanRow) => number) => rows.reduce((s, r) => s + pick(r), 0);

describe('run metrics and comparison', () => {
  it('totals a plan per queue: volume, agent-hours, FTE on hoursPerFte a week, gap and volume-weighted service', () => {
    const p = plan(100, 8);
    const m = runMetrics(p, { horizonHours: 168, hoursPerFte: 40 }, 'us-fraud-phone');
    const rows = p.rows.filter((r) => r.queueId === 'us-fraud-phone');
    expect(m.volume).toBeCloseTo(100 * 168, 9);
    expect(m.requiredAgentHours).toBeCloseTo(sum(rows, (r) => r.rawAgents), 9);
    expect(m.requiredFte).toBeCloseTo(sum(rows, (r) => r.scheduledAgents) / 40, 9);
    expect(m.gapAgentHours).toBeCloseTo(sum(rows, (r) => Math.max(0, -r.gap)), 9);
    expect(m.serviceLevel).toBeCloseTo(rows[0]!.serviceLevel!, 12);
    // Async queues have no service level; the total weighs the live hours only.
    expect(runMetrics(p, { horizonHours: 168, hoursPerFte: 40 }, 'us-mail').serviceLevel).toBeNull();
    expect(runMetrics(p, { horizonHours: 168, hoursPerFte: 40 }).serviceLevel).toBeCloseTo(m.serviceLevel!, 12);
  });

  it('compares scenario with baseline field by field, and prices payroll per currency', () => {
    const baseline = plan(100, 8);
    const scenario = plan(150, 8);
    const summary = compareRuns(baseline, scenario, { horizonHours: 168, hoursPerFte: 40 }, { baseline: { byCurrency: { USD: 1000 }, unpricedAgents: 1 }, scenario: { byCurrency: { USD: 1500, MYR: 10 }, unpricedAgents: 1 } }, ['note']);
    const fraud = summary.queues.find((q) => q.queueId === 'us-fraud-phone')!;
    expect(fraud.delta.volume).toBeCloseTo(50 * 168, 9);
    expect(fraud.delta.requiredAgentHours).toBeGreaterThan(0);
    expect(fraud.delta.serviceLevel!).toBeLessThan(0);
    expect(summary.queues.find((q) => q.queueId === 'us-mail')!.delta.volume).toBe(0);
    expect(summary.cost).toEqual([
      { currency: 'MYR', baseline: 0, scenario: 10, delta: 10 },
      { currency: 'USD', baseline: 1000, scenario: 1500, delta: 500 },
    ]);
    expect(summary.warnings).toEqual(['note']);
    expect(metricsDelta(fraud.baseline, fraud.baseline).requiredFte).toBe(0);
  });

  it('lines up each scenario row with the baseline row of the same queue and hour', () => {
    const rows = comparisonRows(plan(100, 8, 24), plan(120, 9, 24));
    expect(rows).toHaveLength(48);
    const r = rows.find((x) => x.queueId === 'us-fraud-phone' && x.hour === new Date(FROM + 5 * HOUR_MS).toISOString())!;
    expect(r.baselineForecastPlanned).toBe(100);
    expect(r.forecastPlanned).toBe(120);
    expect(r.baselineRosteredAgents).toBeCloseTo(8, 12);
    expect(r.rosteredAgents).toBeCloseTo(9, 12);
    expect(r.deltaRawAgents).toBeCloseTo(r.rawAgents - r.baselineRawAgents, 12);
  });

  it('validates a run request: whole UTC hour, horizon within 8 weeks, defaults filled', () => {
    expect(RunRequest.parse({ from: '2026-03-02T00:00:00Z', horizonHours: 24 })).toEqual({ from: '2026-03-02T00:00:00Z', horizonHours: 24, planQuantile: 0.8, shrinkage: 0.3, occupancyCap: 0.9, hoursPerFte: 40 });
    const bad = RunRequest.safeParse({ from: '2026-03-02T00:30:00Z', horizonHours: 8 * 7 * 24 + 1 });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['from', 'horizonHours']);
  });
});
