import fc from 'fast-check';
import { checkRules } from './check-rules.js';
import { greedySchedule } from './greedy-schedule.js';
import type { ScheduleInstance, Assignments } from './schedule-instance.js';
import { solveSchedule } from './solve-schedule.js';
import { hourly, instanceOf, rosterAgent, rules } from './testing/fixtures.js';

/**
 * Over random templates, contracts, skills and requirements: every solution (the MILP's and the
 * greedy baseline's) keeps every rule, never covers more than required, and never covers a
 * queue beyond what its certified agents on shift provide.
 */

const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

const template = fc.record({
  starts: fc.uniqueArray(fc.integer({ min: 0, max: 23 }), { minLength: 1, maxLength: 4 }),
  hours: fc.integer({ min: 4, max: 10 }),
  withBreak: fc.boolean(),
});
const contract = fc
  .record({
    maxHours: fc.integer({ min: 16, max: 48 }),
    minShare: fc.constantFrom(0, 0.25, 0.5),
    maxDays: fc.integer({ min: 2, max: 6 }),
    restDays: fc.constantFrom('two-consecutive' as const, 'any' as const),
    minRestHours: fc.integer({ min: 0, max: 12 }),
    maxConsecutiveDays: fc.integer({ min: 2, max: 6 }),
  })
  .map((c) => ({
    contractId: 'c',
    weeklyHours: { min: Math.floor(c.maxHours * c.minShare), max: c.maxHours },
    daysPerWeek: { min: 0, max: c.maxDays },
    restDays: c.restDays,
    minRestHours: c.minRestHours,
    maxConsecutiveDays: c.maxConsecutiveDays,
  }));
const block = fc.record({ day: fc.integer({ min: 0, max: 6 }), from: fc.integer({ min: 0, max: 20 }), hours: fc.integer({ min: 1, max: 10 }), agents: fc.double({ min: 0.2, max: 3, noNaN: true }) });
const queue = fc.record({ regulated: fc.boolean(), blocks: fc.array(block, { minLength: 1, maxLength: 5 }) });
const scenario = fc.record({
  templates: fc.array(template, { minLength: 1, maxLength: 2 }),
  contract,
  queues: fc.array(queue, { minLength: 1, maxLength: 2 }),
  agents: fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function build(s: Scenario): ScheduleInstance {
  const templates = s.templates.map((t, i) => ({
    templateId: `t${i}`,
    starts: t.starts.map(hh),
    lengthMinutes: t.hours * 60,
    breaks: t.withBreak ? [{ kind: 'lunch' as const, minutes: 30, paid: false, earliestAfterMinutes: 90, latestAfterMinutes: t.hours * 60 - 120 }] : [],
  }));
  const queues = s.queues.map((q, i) => ({
    queueId: `q${i}`,
    requiredSkills: q.regulated ? ['kyc-us'] : [],
    requiredPerHour: hourly((d, h) => q.blocks.reduce((sum, b) => sum + (b.day === d && h >= b.from && h < b.from + b.hours ? b.agents : 0), 0)),
  }));
  return instanceOf(rules(templates, [s.contract]), queues, s.agents.map((certified, i) => rosterAgent(`a${i}`, certified ? ['kyc-us'] : [])));
}

/** Productive certified agents on shift per interval, for each queue. */
function certifiedCapacity(instance: ScheduleInstance, assignments: Assignments): number[][] {
  const cap = instance.queues.map(() => new Array<number>(instance.intervals).fill(0));
  instance.agents.forEach((agent, a) =>
    assignments[a]!.forEach((asg, d) => {
      if (!asg) return;
      const group = instance.groups[agent.days[d]!.group]!;
      const o = instance.options[asg.option]!;
      const from = instance.days[d]!.startInterval[asg.option]!;
      const onBreak = new Set(o.breaks.flatMap((br, i) => Array.from({ length: br.lengthIntervals }, (_, j) => asg.breakOffsets[i]! + j)));
      for (let k = 0; k < o.lengthIntervals; k++) {
        if (onBreak.has(k) || from + k >= instance.intervals) continue;
        for (const q of group.queues) cap[q]![from + k]! += group.factor;
      }
    }),
  );
  return cap;
}

describe('schedule rules (property)', () => {
  it('every MILP and greedy solution keeps every rule and certification, and covers no more than required', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const instance = build(s);
        const out = await solveSchedule(instance, { timeLimitSeconds: 3, mipRelGap: 0.01 });
        expect(out.violations).toEqual([]);
        const cap = certifiedCapacity(instance, out.assignments);
        out.report.queues.forEach((q, qi) =>
          q.covered.forEach((c, t) => {
            expect(c).toBeLessThanOrEqual(q.required[t]! + 1e-6);
            expect(c).toBeLessThanOrEqual(cap[qi]![t]! + 1e-6);
          }),
        );
        const greedy = greedySchedule(instance);
        expect(checkRules(instance, greedy)).toEqual([]);
      }),
      { numRuns: 12, seed: 20260504 },
    );
  }, 120_000);
});
