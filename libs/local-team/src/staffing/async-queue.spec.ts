import { coveredHoursOfMonth } from '../demand/coverage-hours.js';
import { exampleLocalTeamPlan } from '../plan/example-plan.js';
import { asyncAnsweredInTime, asyncQueueModel, asyncTimeline } from './async-queue-requirement.js';
import type { LocalTeamPlanInput } from '../plan/plan-input.js';
import { planMonths } from '../plan/plan-month.js';
import { projectLocalTeamPlan } from '../projection/projection.js';
import { spreadMonthlyVolume } from '../demand/volume-spread.js';

const weekdays = { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']], sat: [], sun: [] } as LocalTeamPlanInput['coverage'];
const base = { startMonth: '2025-02', months: 3, timeZone: 'America/New_York', coverage: weekdays };

/** 10 tickets in every covered hour of each month. */
function tenAnHour(plan: typeof base) {
  return planMonths(plan.startMonth, plan.months).map((month) => {
    const hours = coveredHoursOfMonth(plan.coverage, plan.timeZone, month);
    const covered = hours.reduce((s, h) => s + h.minutes, 0) / 60;
    return spreadMonthlyVolume(10 * covered, hours, {});
  });
}

describe('async queues (backlog model)', () => {
  it('lays the months on a real-hour timeline across DST (New York springs forward on 9 March 2025)', () => {
    const timeline = asyncTimeline(base, tenAnHour(base));
    expect(timeline.hours).toBe((28 + 31 + 30) * 24 - 1);
    const tickets = (m: number) => timeline.arrivals.reduce((s, a, h) => s + (timeline.monthOfHour[h] === m ? a : 0), 0);
    // Covered hours: February 20 weekdays, March 21, April 22, 8 hours each, 10 tickets an hour.
    expect(tickets(0)).toBeCloseTo(20 * 8 * 10, 9);
    expect(tickets(1)).toBeCloseTo(21 * 8 * 10, 9);
    expect(tickets(2)).toBeCloseTo(22 * 8 * 10, 9);
    // 2025-02-03 is a Monday: hours 48+9 … 48+16 open, 48+17 closed.
    expect(timeline.isOpen(2 * 24 + 9)).toBe(true);
    expect(timeline.isOpen(2 * 24 + 17)).toBe(false);
    expect(timeline.isOpen(0)).toBe(false); // Saturday 1 February
  });

  it('needs exactly one agent-hour per covered hour when each hour brings one agent-hour of work (hand calculation)', () => {
    // 10 tickets an hour × 360 s = 1 agent-hour an hour at occupancy 1: the fewest whole agents answer
    // every ticket within 4 open hours and, in total, work exactly as many hours as tickets need.
    const timeline = asyncTimeline(base, tenAnHour(base));
    const model = asyncQueueModel(timeline, 'email', 360, 4, 1, 3);
    const total = model.netAgentHours.reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo((20 + 21 + 22) * 8, 6);
    expect(model.agents.every((n) => Number.isInteger(n) && n >= 0)).toBe(true);
    // With the roster as required, (almost) every ticket is in time; with half of it, most are not.
    const full = asyncAnsweredInTime(model, [1, 1, 1]);
    const half = asyncAnsweredInTime(model, [0.5, 0.5, 0.5]);
    full.volume.forEach((v, i) => expect(full.onTime[i]! / v).toBeGreaterThan(0.95));
    half.volume.forEach((v, i) => expect(half.onTime[i]! / v).toBeLessThan(full.onTime[i]! / v));
    expect(half.onTime[2]! / half.volume[2]!).toBeLessThan(0.2);
  });

  it('projects a plan that moves an email queue', () => {
    const example = exampleLocalTeamPlan();
    const plan: LocalTeamPlanInput = {
      ...example,
      queues: [{ queueId: 'au-kyc-phone', channel: 'email', ahtSeconds: 360, serviceTarget: { kind: 'response', hours: 8 } }],
      demand: { kind: 'explicit-volume', monthly: planMonths('2025-01', 12).map((month) => ({ queueId: 'au-kyc-phone', month, volume: 3000 })) },
    };
    const projection = projectLocalTeamPlan(plan);
    // 3,000 tickets × 0.1 agent-hours / 0.85 occupancy ≈ 353 agent-hours a month, ≈ 2.9 FTE at 0.7 × 40 h × days / 7;
    // tickets of a month's last hours are answered in the next month, so months differ by a few hours.
    const june = projection.months[5]!;
    const fte = (days: number) => (3000 * 0.1) / 0.85 / 0.7 / ((40 * days) / 7);
    expect(june.requiredFte).toBeGreaterThan(fte(30) * 0.95);
    expect(june.requiredFte).toBeLessThan(fte(30) * 1.1);
    const netHours = projection.months.slice(5).reduce((s, m) => s + (m.requiredFte * 0.7 * 40 * Number(m.month === '2025-09' || m.month === '2025-11' || m.month === '2025-06' ? 30 : 31)) / 7, 0);
    expect(netHours).toBeGreaterThanOrEqual((7 * 3000 * 0.1) / 0.85 - 1e-6);
    expect(projection.months[4]!.requiredFte).toBe(0);
    expect(june.serviceLevel).not.toBeNull();
    for (const m of projection.months.slice(5)) if (m.shortfallFte === 0) expect(m.serviceLevel!).toBeGreaterThan(0.9);
    // The backlog model depends on tickets × handle time only: ±20% volume and ±20% AHT move the plan alike.
    const row = (assumption: string, change: number) => projection.sensitivity.find((r) => r.assumption === assumption && r.change === change);
    expect(row('queues.ahtSeconds', 0.2)).toEqual({ ...row('demand.volume', 0.2), assumption: 'queues.ahtSeconds' });
    expect(row('demand.volume', 0.2)!.peakAgentHeadcountDelta).toBeGreaterThan(0);
  });

  it('limits the async queue-months a plan may have, naming queues', () => {
    const example = exampleLocalTeamPlan();
    const ids = Array.from({ length: 16 }, (_, i) => `mail-${i}`);
    const plan: LocalTeamPlanInput = {
      ...example,
      takeover: [{ queueIds: ids, fromMonth: '2025-06', share: 1 }],
      queues: ids.map((queueId) => ({ queueId, channel: 'email', ahtSeconds: 360, serviceTarget: { kind: 'response', hours: 8 } })),
      demand: { kind: 'explicit-volume', monthly: ids.map((queueId) => ({ queueId, month: '2025-06', volume: 100 })) },
    };
    expect(() => projectLocalTeamPlan(plan)).toThrow(expect.objectContaining({ field: 'queues', reason: expect.stringMatching(/192 queue-months.*at most 180/) }));
  });
});
