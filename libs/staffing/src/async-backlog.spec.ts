import { asyncBacklogTrajectory, asyncStaffingPlan, type AsyncQueueInput } from './async-backlog.js';
import { StaffingInputError } from './staffing-input-error.js';

/** Weekday business hours 09:00–17:00, hour 0 = Monday 00:00. */
const businessHours = (h: number) => {
  const day = Math.floor(h / 24) % 7;
  const hour = h % 24;
  return day < 5 && hour >= 9 && hour < 17;
};

/** Every single-hour cut of one agent must make some ticket late (hour-by-hour minimality). */
function expectHourwiseMinimal(input: AsyncQueueInput, agents: number[]) {
  agents.forEach((n, h) => {
    if (n === 0) return;
    const cut = [...agents];
    cut[h] = n - 1;
    const replay = asyncBacklogTrajectory(input, cut);
    expect(replay.maxResponseHours).toBeGreaterThan(input.responseTargetHours + 1e-9);
  });
}

describe('async (email) backlog staffing', () => {
  it('hand-worked case: 6 tickets/h, 10 min each, 1-hour target → one agent per hour, one hour late', () => {
    const input = { arrivals: [6, 6, 6, 6], ahtSeconds: 600, responseTargetHours: 1, open: () => true };
    const plan = asyncStaffingPlan(input);
    // Nothing is due in hour 0; from then on each hour answers the previous hour's tickets.
    expect(plan.agents).toEqual([0, 1, 1, 1, 1]);
    expect(plan.backlog).toEqual([0, 6, 6, 6, 6, 0]);
    expect(plan.answered).toEqual([0, 6, 6, 6, 6]);
    expect(plan.maxResponseHours).toBeCloseTo(1, 6);
    expect(plan.unanswered).toBe(0);
    expectHourwiseMinimal(input, plan.agents);
  });

  it('a fractional target bends the due curve inside the hour', () => {
    const input = { arrivals: [12, 0, 0], ahtSeconds: 600, responseTargetHours: 0.5, open: () => true };
    const plan = asyncStaffingPlan(input);
    // Hour 0: one agent (6/h) keeps pace with what falls due (12/h from 0.5 h on, 6 tickets by 1 h).
    // Hour 1: the 6 left over fall due by 1.5 h, i.e. 12/h over the first half hour: two agents,
    // although over the whole hour one would do — the bend at 1.5 h is what binds.
    expect(plan.agents.slice(0, 2)).toEqual([1, 2]);
    expect(plan.maxResponseHours).toBeLessThanOrEqual(0.5 + 1e-9);
    expectHourwiseMinimal(input, plan.agents);
  });

  it('carries the backlog over closed nights and weekends, on the open-hours clock', () => {
    const week = 24 * 7;
    const arrivals = Array.from({ length: week }, (_, h) => (businessHours(h) ? 30 : 8));
    const input: AsyncQueueInput = { arrivals, ahtSeconds: 420, responseTargetHours: 4, open: businessHours, responseClock: 'open-hours' };
    const plan = asyncStaffingPlan(input);
    expect(plan.unanswered).toBe(0);
    expect(plan.maxResponseHours).toBeLessThanOrEqual(4 + 1e-9);
    plan.agents.forEach((n, h) => {
      if (!businessHours(h)) expect(n).toBe(0);
    });
    // Overnight tickets wait for the morning: Tuesday 09:00 opens with Monday night's backlog.
    expect(plan.backlog[24 + 9]).toBeGreaterThan(8 * 15);
    // The weekend's tickets are answered the next Monday, after the horizon.
    expect(plan.hours).toBeGreaterThan(week);
    const total = arrivals.reduce((a, b) => a + b, 0);
    expect(plan.answered.reduce((a, b) => a + b, 0)).toBeCloseTo(total, 6);
    expectHourwiseMinimal(input, plan.agents);
  });

  it('meets an elapsed-time target across closed nights when the target spans the night', () => {
    const open = (h: number) => h % 24 >= 8 && h % 24 < 20;
    const input: AsyncQueueInput = { arrivals: Array.from({ length: 72 }, () => 5), ahtSeconds: 900, responseTargetHours: 24, open, initialBacklog: 20 };
    const plan = asyncStaffingPlan(input);
    expect(plan.maxResponseHours).toBeLessThanOrEqual(24 + 1e-9);
    expect(plan.backlog[0]).toBe(20);
    expectHourwiseMinimal(input, plan.agents);
  });

  it('says clearly when the target is unreachable: a 4-hour elapsed target over a 12-hour closed night', () => {
    const open = (h: number) => h % 24 >= 8 && h % 24 < 20;
    let error: unknown;
    try {
      asyncStaffingPlan({ arrivals: Array.from({ length: 48 }, () => 5), ahtSeconds: 300, responseTargetHours: 4, open });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StaffingInputError);
    expect((error as StaffingInputError).field).toBe('responseTargetHours');
    expect((error as StaffingInputError).reason).toMatch(/unreachable: tickets arriving in hour \d+ cannot be answered within 4 h/);
  });

  it('rejects bad inputs naming the field', () => {
    const ok = { arrivals: [1, 2], ahtSeconds: 300, responseTargetHours: 2, open: () => true };
    expect(() => asyncStaffingPlan({ ...ok, ahtSeconds: 0 })).toThrow(/^ahtSeconds:/);
    expect(() => asyncStaffingPlan({ ...ok, arrivals: [1, -2] })).toThrow(/^arrivals\.1:/);
    expect(() => asyncStaffingPlan({ ...ok, responseTargetHours: 0 })).toThrow(/^responseTargetHours:/);
    expect(() => asyncStaffingPlan({ ...ok, open: [true, true] })).toThrow(/^open: covers 2 hours/);
    expect(() => asyncStaffingPlan({ ...ok, open: () => false })).toThrow(StaffingInputError);
  });

  it('replays a given plan: an understaffed plan leaves tickets late or unanswered', () => {
    const input = { arrivals: [10, 10, 10], ahtSeconds: 360, responseTargetHours: 2, open: () => true };
    const late = asyncBacklogTrajectory(input, [0, 0, 0, 1, 1, 1]);
    expect(late.maxResponseHours).toBeCloseTo(3, 6);
    const short = asyncBacklogTrajectory(input, [1]);
    expect(short.unanswered).toBeCloseTo(20, 9);
    expect(short.maxResponseHours).toBe(Number.POSITIVE_INFINITY);
  });
});
