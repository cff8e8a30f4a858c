import { INTERVAL_HOURS } from './schedule-instance.js';
import { solveSchedule } from './solve-schedule.js';
import { greedySchedule } from './greedy-schedule.js';
import { checkRules } from './check-rules.js';
import { hourly, instanceOf, OPEN_CONTRACT, rosterAgent, rules } from './testing/fixtures.js';

const FAST = { timeLimitSeconds: 10, mipRelGap: 0, bucket: 1 };
const TOL = 1e-6;

const eightHours = { templateId: 'day', starts: ['08:00'], lengthMinutes: 480, breaks: [] };

describe('solveSchedule', () => {
  it('given a requirement shifts can meet, when solved, then it is met exactly with no surplus', async () => {
    // 2 agents needed 08:00–16:00 on Monday, 3 agents on the roster, one 8-hour shift at 08:00.
    const instance = instanceOf(rules([eightHours]), [{ queueId: 'q', requiredPerHour: hourly((d, h) => (d === 0 && h >= 8 && h < 16 ? 2 : 0)) }], ['a', 'b', 'c'].map((id) => rosterAgent(id)));
    const out = await solveSchedule(instance, FAST);
    expect(out.solver.status).toBe('optimal');
    expect(out.report.underAgentHours).toBeCloseTo(0, 6);
    expect(out.report.overAgentHours).toBeCloseTo(0, 6);
    expect(out.assignments.flat().filter((a) => a !== null)).toHaveLength(2);
    expect(out.violations).toEqual([]);
  });

  it('given a requirement that does not fill whole shifts, then the surplus is less than one shift granularity', async () => {
    // 1.5 agents 08:00–12:00 on Tuesday with 4-hour shifts starting on the hour: two shifts, 2 agent-hours over.
    const template = { templateId: 'four', starts: ['06:00', '07:00', '08:00', '09:00', '10:00'], lengthMinutes: 240, breaks: [] };
    const instance = instanceOf(rules([template]), [{ queueId: 'q', requiredPerHour: hourly((d, h) => (d === 1 && h >= 8 && h < 12 ? 1.5 : 0)) }], ['a', 'b', 'c'].map((id) => rosterAgent(id)));
    const out = await solveSchedule(instance, FAST);
    expect(out.report.underAgentHours).toBeCloseTo(0, 6);
    expect(out.report.overAgentHours).toBeCloseTo(2, 6);
  });

  it('given a small instance, then the objective equals the brute-force optimum over every assignment', async () => {
    // Two agents, Monday only, 3-hour shifts at 06, 08 or 10 with a 15-minute break placed in [60, 90] minutes.
    const template = { templateId: 't', starts: ['06:00', '08:00', '10:00'], lengthMinutes: 180, breaks: [{ kind: 'break' as const, minutes: 15, paid: true, earliestAfterMinutes: 60, latestAfterMinutes: 90 }] };
    const need = [0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 1, 1, 1, 0];
    const requirement = hourly((d, h) => (d === 0 ? (need[h] ?? 0) : 0));
    const r = rules([template]);
    const instance = instanceOf(r, [{ queueId: 'q', requiredPerHour: requirement }], [rosterAgent('a'), rosterAgent('b')]);
    const out = await solveSchedule(instance, FAST);
    const w = r.weights;
    // Brute force: each agent off or on one start, each break at one of its 3 offsets (4·3 + 1 choices each).
    const choices: (null | { start: number; brk: number })[] = [null];
    for (const start of [6, 8, 10]) for (const brk of [4, 5, 6]) choices.push({ start, brk });
    let best = Infinity;
    for (const c1 of choices) {
      for (const c2 of choices) {
        const on = new Array<number>(96).fill(0);
        let paid = 0;
        for (const c of [c1, c2]) {
          if (!c) continue;
          paid += 3;
          for (let k = 0; k < 12; k++) if (k !== c.brk) on[c.start * 4 + k]! += 1;
        }
        let under = 0;
        let over = 0;
        for (let t = 0; t < 96; t++) {
          const req = need[Math.floor(t / 4)] ?? 0;
          under += Math.max(0, req - on[t]!) * INTERVAL_HOURS;
          over += Math.max(0, on[t]! - req) * INTERVAL_HOURS;
        }
        best = Math.min(best, w.underPerAgentHour * under + w.overPerAgentHour * over + w.perCostUnit * 10 * paid);
      }
    }
    expect(out.solver.objective).not.toBeNull();
    expect(Math.abs(out.solver.objective! - best)).toBeLessThan(1e-6);
    expect(Math.abs(out.solver.lowerBound! - best)).toBeLessThan(1e-6);
  });

  it('given a regulated queue, then only certified agents cover it and the rest is unmet with its reason', async () => {
    const r = rules([eightHours]);
    const kyc = hourly((d, h) => (d === 0 && h >= 8 && h < 16 ? 3 : 0));
    const agents = [rosterAgent('certified', ['kyc-us']), rosterAgent('plain-1'), rosterAgent('plain-2')];
    const out = await solveSchedule(instanceOf(r, [{ queueId: 'kyc', requiredSkills: ['kyc-us'], requiredPerHour: kyc }], agents), FAST);
    expect(out.report.queues[0]!.coveredAgentHours).toBeCloseTo(8, 6);
    expect(out.report.underAgentHours).toBeCloseTo(16, 6);
    expect(out.report.unmet).toEqual([expect.objectContaining({ queueId: 'kyc', reason: 'contract-limits', agentHours: expect.closeTo(16, 6) })]);
    // Nobody works who cannot cover anything.
    expect(out.assignments[1]!.every((a) => a === null) && out.assignments[2]!.every((a) => a === null)).toBe(true);

    const none = await solveSchedule(instanceOf(r, [{ queueId: 'kyc', requiredSkills: ['kyc-us'], requiredPerHour: kyc }], [rosterAgent('plain')]), FAST);
    expect(none.report.unmet).toEqual([expect.objectContaining({ reason: 'no-certified-agent', agentHours: expect.closeTo(24, 6) })]);
  });

  it('given a multi-skill agent, then the optimiser shares its time across both queues', async () => {
    // One agent certified for both queues; queue a needs it 08–12, queue b 12–16: one shift covers both.
    const r = rules([eightHours]);
    const queues = [
      { queueId: 'a', requiredSkills: ['x'], requiredPerHour: hourly((d, h) => (d === 2 && h >= 8 && h < 12 ? 1 : 0)) },
      { queueId: 'b', requiredSkills: ['y'], requiredPerHour: hourly((d, h) => (d === 2 && h >= 12 && h < 16 ? 1 : 0)) },
    ];
    const out = await solveSchedule(instanceOf(r, queues, [rosterAgent('both', ['x', 'y'])]), FAST);
    expect(out.report.underAgentHours).toBeCloseTo(0, 6);
    expect(out.report.queues.map((q) => q.coveredAgentHours)).toEqual([expect.closeTo(4, 6), expect.closeTo(4, 6)]);
  });

  it('given contract rules, then weekly hours, rest days, rest between shifts and consecutive days hold', async () => {
    const contract = { ...OPEN_CONTRACT, contractId: 'c', weeklyHours: { min: 0, max: 40 }, daysPerWeek: { min: 0, max: 5 }, restDays: 'two-consecutive' as const, minRestHours: 11, maxConsecutiveDays: 4 };
    const template = { templateId: 't', starts: ['06:00', '14:00', '22:00'], lengthMinutes: 480, breaks: [] };
    const instance = instanceOf(rules([template], [contract]), [{ queueId: 'q', requiredPerHour: hourly(() => 3) }], ['a', 'b'].map((id) => rosterAgent(id)));
    const out = await solveSchedule(instance, FAST);
    expect(out.violations).toEqual([]);
    for (const agent of out.assignments) expect(agent.filter((a) => a !== null).length).toBeLessThanOrEqual(4);
    const greedy = greedySchedule(instance);
    expect(checkRules(instance, greedy)).toEqual([]);
  });

  it('given an absence, then no shift overlaps it and the requirement is reported unmet for lack of an available agent', async () => {
    const monday8 = Date.UTC(2026, 5, 1, 0);
    const agent = rosterAgent('a', [], { absences: [[monday8, monday8 + 8 * 3_600_000]] });
    const out = await solveSchedule(instanceOf(rules([eightHours]), [{ queueId: 'q', requiredPerHour: hourly((d, h) => (d === 0 && h >= 8 && h < 16 ? 1 : 0)) }], [agent]), FAST);
    expect(out.assignments[0]![0]).toBeNull();
    expect(out.report.unmet).toEqual([expect.objectContaining({ reason: 'no-certified-agent-available', agentHours: expect.closeTo(8, 6) })]);
  });

  it('given open headcount, then it places only the new-hire lines the requirement needs, and names their patterns', async () => {
    // 3 agents needed 08:00–16:00 Monday to Friday; 1 rostered agent, 4 new-hire lines.
    const instance = instanceOf(rules([eightHours]), [{ queueId: 'q', requiredPerHour: hourly((d, h) => (d < 5 && h >= 8 && h < 16 ? 3 : 0)) }], ['a', 'h1', 'h2', 'h3', 'h4'].map((id) => rosterAgent(id)));
    instance.agents.forEach((agent) => (agent.newHire = agent.agentId.startsWith('h')));
    const out = await solveSchedule(instance, FAST);
    expect(out.report.newHiresUsed).toBe(2);
    expect(out.report.underAgentHours).toBeCloseTo(0, 6);
    expect(out.report.newHirePatterns).toEqual([{ pattern: 'day@08:00', agentDays: 10 }]);
    // The unused lines are left out of the draft; the rostered agent is always in it.
    expect(out.report.agents.filter((a) => a.newHire)).toHaveLength(2);
    expect(out.report.agents.some((a) => a.agentId === 'a')).toBe(true);
  });

  it('given a requirement below one agent, then coverage never exceeds it', async () => {
    const instance = instanceOf(rules([eightHours]), [{ queueId: 'q', requiredPerHour: hourly((_, h) => (h >= 8 && h < 16 ? 0.6 : 0)) }], [rosterAgent('a')]);
    const out = await solveSchedule(instance, FAST);
    out.report.queues[0]!.covered.forEach((c, t) => expect(c).toBeLessThanOrEqual(instance.queues[0]!.required[t]! + TOL));
  });
});
