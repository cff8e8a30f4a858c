import { erlangAMetrics } from '@staffcast/staffing';
import { exampleLocalTeamPlan } from '../plan/example-plan.js';
import { projectLocalTeamPlan } from './projection.js';

/**
 * The worked example (exampleLocalTeamPlan), checked against a calculation done by hand.
 *
 * Demand. 200 calls an hour in every covered hour (08:00–20:00, 7 days, Brisbane: no DST), AHT 180 s,
 * patience 300 s, target 80% in 20 s, occupancy cap 85%. Offered load A = 200 × 180 / 3600 = 10 Erlangs.
 * Erlang A: 12 agents answer fewer than 80% within 20 s, 13 agents answer ≈ 85% (checked below with
 * the staffing library's exact Erlang A), occupancy ≈ 10 × 0.97 / 13 ≈ 0.75 < 0.85. So 13 agents
 * every covered hour: 13 × 12 × days agent-hours a month; gross / 0.7, one FTE works 40 h × days / 7:
 *   requiredFte = 13 × 12 × days / 0.7 / (40 × days / 7) = 1092 / 28 = 39 in every month from June
 * (the one takeover phase: 100% from 2025-06), 0 before.
 *
 * Cohort. Training 4 weeks = 12/13 of a month: a class graduates in its start month; yield 0.9, so
 * 10% leave at graduation. Ramp 0.5, 0.5, 0.75, 0.75 by week: mean productivity by month since the
 * start 1/26, 9/13, then 1. Attrition 20% a year: h = 1 − 0.8^(1/12) = 0.0184235 a month, applied
 * at the start of every month after graduation: a hire is worth 0.9 (1 − h)^d heads d months after
 * the start, and 0.9 (1 − h)^d FTE once fully productive (d ≥ 2).
 * Lead time 8 weeks = 1.85 months: the first class can start in month 2 (March).
 * Limits: classes of 15, 2 a month → 30 hires a month.
 *
 * Hiring, month by month (q = 1 − h = 0.9815765):
 * - June (5) needs 39. Just in time is April (3): 0.9 q² = 0.867138 FTE per hire → 39 / 0.867138 =
 *   44.98 → 45 > 30, so 30 in April (26.014 FTE); the remaining 12.986 go to March (2):
 *   0.9 q³ = 0.851163 per hire → 15.26 → 16 in March.
 * - July (6): 16 × 0.9 q⁴ + 30 × 0.9 q³ = 13.368 + 25.535 = 38.903 < 39 → 1 hire in May (4).
 * - August (7): 16 × 0.9 q⁵ + 30 × 0.9 q⁴ + 0.9 q³ = 13.122 + 25.065 + 0.851 = 39.037 ≥ 39 → none.
 * - September (8) to December (11): attrition leaves 0.68, 0.54, 0.39, 0.25 FTE short each time
 *   → 1 hire in each of July, August, September and October (6–9).
 * - November and December (10, 11) hire nobody: hires then would serve months beyond the plan.
 * Hires: [0, 0, 16, 30, 1, 0, 1, 1, 1, 1, 0, 0], 51 in all.
 *
 * Headcount at each month's end: Σ hires_s × 0.9 q^(t − s) (trainees graduate within their first
 * month, so none is in training at a month's end). March: 16 × 0.9 = 14.4; April: 14.4 q + 27 =
 * 41.135; May 41.277 (the peak).
 *
 * Support: team leads ⌈agents / 10⌉, QA ⌈agents / 15⌉, a trainer per class in training (16 hires
 * in March are 2 classes: 15 + 1), one manager throughout.
 *
 * Costs a month: agents × 5,000 + leads × 7,000 + QA × 6,000 + trainers × 6,000 + 10,000 (manager)
 * + hires × (3,000 + 2,000). March: 72,000 + 14,000 + 6,000 + 12,000 + 10,000 + 80,000 = 194,000.
 * Offshore equivalent: 95 × 39 × 40 × days / 7 × 0.7 = 444,600 (30 days), 459,420 (31 days).
 * Cumulative local cost passes the cumulative offshore cost in November: October 2,304,505 > 2,267,460;
 * November 2,569,287 ≤ 2,712,060 → break-even 2025-11.
 */

const plan = exampleLocalTeamPlan();
const q = 0.8 ** (1 / 12);
const hires = [0, 0, 16, 30, 1, 0, 1, 1, 1, 1, 0, 0];
const headcount = hires.map((_, t) => hires.slice(0, t + 1).reduce((sum, n, s) => sum + n * 0.9 * q ** (t - s), 0));
const teamLeads = [0, 0, 2, 5, 5, 5, 5, 5, 5, 5, 5, 4];
const qa = [0, 0, 1, 3, 3, 3, 3, 3, 3, 3, 3, 3];
const classes = [0, 0, 2, 2, 1, 0, 1, 1, 1, 1, 0, 0];
const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const required = days.map((_, i) => (i < 5 ? 0 : 39));
const costLocal = hires.map((n, t) => headcount[t]! * 5000 + teamLeads[t]! * 7000 + qa[t]! * 6000 + classes[t]! * 6000 + 10000 + n * 5000);
const offshore = required.map((r, t) => (95 * r * 40 * days[t]! * 0.7) / 7);

describe('worked example: constant demand, one takeover phase, known limits', () => {
  const projection = projectLocalTeamPlan(plan);
  const months = projection.months;

  it('needs 13 agents an hour by exact Erlang A (12 miss the target)', () => {
    const at = (agents: number) => erlangAMetrics({ arrivalsPerHour: 200, ahtSeconds: 180, patienceSeconds: 300, agents, thresholdSeconds: 20 });
    expect(at(12).serviceLevel).toBeLessThan(0.8);
    expect(at(13).serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(at(13).occupancy).toBeLessThanOrEqual(0.85);
  });

  it('requires 39 FTE from go-live on and nothing before', () => {
    months.forEach((m, i) => expect(m.requiredFte).toBeCloseTo(required[i]!, 9));
    expect(months.map((m) => m.month)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12']);
  });

  it('hires in the months and numbers of the hand calculation', () => {
    expect(months.map((m) => m.hires)).toEqual(hires);
    expect(projection.summary.totalHires).toBe(51);
  });

  it('has the hand-calculated headcount, graduates, losses and support staff', () => {
    months.forEach((m, t) => {
      expect(m.agentHeadcount).toBeCloseTo(headcount[t]!, 9);
      expect(m.graduates).toBeCloseTo(hires[t]! * 0.9, 12);
      expect(m.inTraining).toBe(0);
      expect(m.supportHeadcount).toBe(teamLeads[t]! + qa[t]! + classes[t]! + 1);
    });
    expect(months[2]!.agentHeadcount).toBeCloseTo(14.4, 12);
    expect(months[3]!.agentHeadcount).toBeCloseTo(14.4 * q + 27, 12);
    expect(months[3]!.attritionLosses).toBeCloseTo(14.4 * (1 - q) + 3, 12);
    expect(projection.summary.peakAgentHeadcount).toBeCloseTo(headcount[4]!, 9);
    expect(projection.summary.peakAgentHeadcount).toBeCloseTo(41.277, 3);
  });

  it('meets the requirement from go-live (June) on', () => {
    for (const m of months.slice(5)) expect(m.shortfallFte).toBe(0);
    expect(months[5]!.productiveFte).toBeGreaterThanOrEqual(39);
    expect(projection.summary.firstMonthMeetingRequirement).toBe('2025-06');
  });

  it('has the hand-calculated local and offshore-equivalent costs and breaks even in November', () => {
    months.forEach((m, t) => {
      expect(m.costLocal).toBeCloseTo(costLocal[t]!, 6);
      expect(m.costOffshoreEquivalent).toBeCloseTo(offshore[t]!, 6);
    });
    expect(months[2]!.costLocal).toBeCloseTo(194_000, 6);
    expect(months[5]!.costOffshoreEquivalent).toBeCloseTo(444_600, 6);
    expect(months[6]!.costOffshoreEquivalent).toBeCloseTo(459_420, 6);
    expect(projection.summary.breakEvenMonth).toBe('2025-11');
    expect(projection.summary.totalCostLocal).toBeCloseTo(costLocal.reduce((a, b) => a + b, 0), 6);
    expect(projection.summary.totalCostOffshoreEquivalent).toBeCloseTo(3_171_480, 6);
    const cumulative = projection.buildOut.months;
    expect(cumulative[9]!.cumulativeCostLocal).toBeGreaterThan(cumulative[9]!.cumulativeCostOffshoreEquivalent);
    expect(cumulative[10]!.cumulativeCostLocal).toBeLessThanOrEqual(cumulative[10]!.cumulativeCostOffshoreEquivalent);
  });

  it('expects the service level Erlang A gives with the productive FTE (roster scaled to the requirement)', () => {
    const sl = (agents: number) => erlangAMetrics({ arrivalsPerHour: 200, ahtSeconds: 180, patienceSeconds: 300, agents, thresholdSeconds: 20 }).serviceLevel;
    months.forEach((m, t) => {
      if (t < 5) return expect(m.serviceLevel).toBeNull();
      const agents = (13 * m.productiveFte) / 39;
      const lo = Math.floor(agents);
      const expected = sl(lo) + (agents - lo) * (sl(lo + 1) - sl(lo));
      expect(m.serviceLevel).toBeCloseTo(expected, 12);
      expect(m.serviceLevel!).toBeGreaterThanOrEqual(0.8);
    });
  });

  it('moves each key assumption by ±20% in the sensitivity table', () => {
    const names = [...new Set(projection.sensitivity.map((r) => r.assumption))];
    expect(names).toEqual([
      'demand.volume',
      'queues.ahtSeconds',
      'workload.shrinkage',
      'workload.hoursPerFtePerWeek',
      'attrition.annualRate',
      'hiring.trainingYield',
      'hiring.leadTimeWeeks',
      'hiring.trainingWeeks',
      'hiring.rampProductivity',
      'costs.annualLoaded.agent',
    ]);
    const row = (assumption: string, change: number) => projection.sensitivity.find((r) => r.assumption === assumption && r.change === change)!;
    expect(row('demand.volume', 0.2).peakAgentHeadcountDelta).toBeGreaterThan(0);
    expect(row('demand.volume', -0.2).totalCostLocalDelta).toBeLessThan(0);
    expect(row('queues.ahtSeconds', 0.2).totalCostLocalDelta).toBeGreaterThan(0);
    expect(row('attrition.annualRate', 0.2).totalCostLocalDelta).toBeGreaterThanOrEqual(0);
    // A dearer agent changes nobody's hiring: the cost moves by 20% of the agent payroll, Σ headcount × 5,000 × 0.2.
    expect(row('costs.annualLoaded.agent', 0.2).peakAgentHeadcountDelta).toBe(0);
    expect(row('costs.annualLoaded.agent', 0.2).totalCostLocalDelta).toBeCloseTo(0.2 * 5000 * headcount.reduce((a, b) => a + b, 0), 6);
    expect(projection.sensitivity).toHaveLength(20);
  });
});
