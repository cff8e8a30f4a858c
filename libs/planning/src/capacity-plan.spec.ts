import fc from 'fast-check';
import type { OpeningHours } from '@staffcast/events';
import { chatMetrics, erlangAMetrics, erlangCMetrics, seededRandom, simulateQueue, type PatienceDistribution } from '@staffcast/staffing';
import { buildCapacityPlan, type CapacityPlan, type CapacityPlanInputs, type PlanQueueInput, type PlanRow } from './capacity-plan.js';

const HOUR_MS = 3_600_000;
const allDay = [{ from: '00:00', to: '24:00' }];
const everyDay: OpeningHours = { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay };
const eightToEight = [{ from: '08:00', to: '20:00' }];
const daytime: OpeningHours = { mon: eightToEight, tue: eightToEight, wed: eightToEight, thu: eightToEight, fri: eightToEight, sat: eightToEight, sun: eightToEight };

type Queue = PlanQueueInput['queue'];
/** Phone, Erlang A: 80 % within 20 s, callers wait 300 s on average before hanging up. */
const phoneA: Queue = { queueId: 'us-fraud-phone', channel: 'phone', timeZone: 'America/New_York', openingHours: everyDay, serviceTarget: { kind: 'sl', percent: 80, seconds: 20 }, chatConcurrency: 1, callerPatienceSeconds: 300, requiredSkills: ['fraud-us'] };
/** Phone without a patience: Erlang C. */
const phoneC: Queue = { queueId: 'au-kyc-phone', channel: 'phone', timeZone: 'Australia/Sydney', openingHours: everyDay, serviceTarget: { kind: 'sl', percent: 80, seconds: 20 }, chatConcurrency: 1, requiredSkills: ['kyc-au'] };
/** Chat, two at a time, no patience: Erlang C over 2N chat slots, 80 % within 60 s. */
const chat: Queue = { queueId: 'us-chat', channel: 'chat', timeZone: 'America/New_York', openingHours: everyDay, serviceTarget: { kind: 'sl', percent: 80, seconds: 60 }, chatConcurrency: 2, requiredSkills: ['chat'] };

const queueInput = (queue: Queue, arrivals: readonly number[], aht: number, shrinkage = 0.3): PlanQueueInput => ({ queue, volumeMean: arrivals.map((a) => a * 0.95), volumePlanned: arrivals, ahtSeconds: arrivals.map(() => aht), shrinkage });

/** `n` single-skill agents whose supply is 1 agent-hour in each hour where they are among the first `perHour[h]`. */
function exactSupply(skill: string, perHour: readonly number[]): CapacityPlanInputs['agents'] {
  const most = Math.max(0, ...perHour);
  return Array.from({ length: most }, (_, i) => ({ skills: [skill], hours: perHour.map((n) => (i < n ? 1 : 0)) }));
}
const rowsOf = (plan: CapacityPlan, queueId: string) => plan.rows.filter((r) => r.queueId === queueId);

describe('buildCapacityPlan: a roster that exactly meets the requirement', () => {
  const fromMs = Date.UTC(2026, 2, 2, 12);
  const H = 8;
  const cases = [
    { queue: phoneA, arrivals: 200, aht: 180, patience: { kind: 'exponential', meanSeconds: 300 } as PatienceDistribution, slots: 1 },
    { queue: phoneC, arrivals: 200, aht: 180, patience: { kind: 'none' } as PatienceDistribution, slots: 1 },
    { queue: chat, arrivals: 120, aht: 300, patience: { kind: 'none' } as PatienceDistribution, slots: 2 },
  ];
  const inputs = (agents: CapacityPlanInputs['agents']): CapacityPlanInputs => ({ fromMs, horizonHours: H, occupancyCap: 0.9, queues: cases.map((c) => queueInput(c.queue, new Array<number>(H).fill(c.arrivals), c.aht)), agents });
  const unstaffed = buildCapacityPlan(inputs([]));
  const required = (queueId: string) => rowsOf(unstaffed, queueId).map((r) => r.requiredAgents);
  const staffed = buildCapacityPlan(inputs(cases.flatMap((c) => exactSupply(c.queue.requiredSkills[0]!, required(c.queue.queueId)))));

  it('without agents every open hour is short by its raw requirement and serves nobody', () => {
    for (const r of unstaffed.rows) {
      expect(r.rosteredAgents).toBe(0);
      expect(r.gap).toBeCloseTo(-r.rawAgents, 12);
      expect(r.rawAgents).toBeGreaterThan(r.requiredAgents - 1);
      expect(r.rawAgents).toBeLessThanOrEqual(r.requiredAgents);
      expect(r.serviceLevel).toBe(0);
    }
    expect(rowsOf(unstaffed, phoneA.queueId).every((r) => r.abandonment === 1)).toBe(true);
  });

  it.each(cases.map((c) => [c.queue.queueId, c] as const))('%s: every open hour reaches the target with no gap', (_id, c) => {
    const rows = rowsOf(staffed, c.queue.queueId);
    expect(rows).toHaveLength(H);
    const target = c.queue.serviceTarget.kind === 'sl' ? c.queue.serviceTarget.percent / 100 : NaN;
    for (const r of rows) {
      expect(r.open).toBe(true);
      expect(r.rosteredAgents).toBeCloseTo(r.requiredAgents, 12);
      expect(r.gap).toBeGreaterThanOrEqual(0);
      expect(r.serviceLevel!).toBeGreaterThanOrEqual(target - 1e-9);
    }
    expect(staffed.worstHours.filter((r) => r.queueId === c.queue.queueId)).toEqual([]);
    expect(staffed.idleAgentHours).toBe(0);
  });

  it('reports the exact Erlang A / Erlang C / chat-slot service level for the rostered agents', () => {
    const [a] = rowsOf(staffed, phoneA.queueId);
    const [c] = rowsOf(staffed, phoneC.queueId);
    const [s] = rowsOf(staffed, chat.queueId);
    const ea = erlangAMetrics({ arrivalsPerHour: 200, ahtSeconds: 180, patienceSeconds: 300, agents: a!.requiredAgents, thresholdSeconds: 20 });
    expect(a!.serviceLevel).toBeCloseTo(ea.serviceLevel, 12);
    expect(a!.abandonment).toBeCloseTo(ea.pAbandon, 12);
    expect(c!.serviceLevel).toBeCloseTo(erlangCMetrics({ arrivalsPerHour: 200, ahtSeconds: 180, agents: c!.requiredAgents, thresholdSeconds: 20 }).serviceLevel, 12);
    expect(c!.abandonment).toBe(0);
    expect(s!.serviceLevel).toBeCloseTo(chatMetrics({ arrivalsPerHour: 120, ahtSeconds: 300, concurrency: 2, slowdownPerExtraChat: 0, agents: s!.requiredAgents, thresholdSeconds: 60 }).serviceLevel, 12);
    // One agent fewer would miss the target: the requirement is the least.
    const fewer = erlangAMetrics({ arrivalsPerHour: 200, ahtSeconds: 180, patienceSeconds: 300, agents: a!.requiredAgents - 1, thresholdSeconds: 20 });
    expect(fewer.serviceLevel).toBeLessThan(0.8);
  });

  /**
   * The simulator starts each replication empty, so its first minutes answer faster than the steady
   * state the plan assumes: over 8 hours this lifts the simulated service level by about +0.002–0.003
   * (2,000 replications of the Erlang A case: first hour 0.880 against 0.858 exact, whole run
   * 0.8602 ± 0.0016). The plan's level must therefore lie within the 95% interval widened by
   * EMPTY_START_TOLERANCE = 0.005 on either side.
   */
  const EMPTY_START_TOLERANCE = 0.005;
  it.each(cases.map((c) => [c.queue.queueId, c] as const))('%s: a seeded simulation of the rostered agents agrees within its 95%% interval', (_id, c) => {
    const rows = rowsOf(staffed, c.queue.queueId);
    const plannedLevel = rows[0]!.serviceLevel!;
    // Constant arrivals and staffing: every hour projects the same level.
    for (const r of rows) expect(r.serviceLevel).toBeCloseTo(plannedLevel, 12);
    const threshold = c.queue.serviceTarget.kind === 'sl' ? c.queue.serviceTarget.seconds : NaN;
    const sim = simulateQueue({
      intervals: rows.map((r) => ({ arrivalsPerHour: c.arrivals, agents: Math.round(r.rosteredAgents) * c.slots })),
      handleTime: { kind: 'exponential', meanSeconds: c.aht },
      patience: c.patience,
      thresholdSeconds: threshold,
      replications: 150,
      random: seededRandom(20260302),
    });
    const sl = sim.serviceLevel!;
    expect(sl.halfWidth).toBeLessThan(0.01);
    expect(Math.abs(sl.mean - plannedLevel)).toBeLessThanOrEqual(sl.halfWidth + EMPTY_START_TOLERANCE);
    expect(sl.mean).toBeGreaterThanOrEqual(c.queue.serviceTarget.kind === 'sl' ? c.queue.serviceTarget.percent / 100 - sl.halfWidth : NaN);
    if (c.patience.kind !== 'none') {
      const ab = sim.abandonment!;
      expect(Math.abs(ab.mean - rows[0]!.abandonment!)).toBeLessThanOrEqual(ab.halfWidth + EMPTY_START_TOLERANCE);
    }
  });
});

describe('buildCapacityPlan: varying demand, closed hours and shortfalls', () => {
  // Friday 2026-03-06 00:00Z, four days: New York changes to EDT on Sunday 2026-03-08 at 07:00Z.
  const fromMs = Date.UTC(2026, 2, 6);
  const H = 96;
  const arrivals = Array.from({ length: H }, (_, h) => 60 + 50 * Math.sin((2 * Math.PI * (h - 9)) / 24) ** 2 + (h % 5));
  const phone = { ...phoneA, openingHours: daytime };
  // Agents hold one skill each; every hour some are rostered, often too few.
  const supply: CapacityPlanInputs['agents'] = [
    ...Array.from({ length: 6 }, (_, i) => ({ skills: ['fraud-us'], hours: Array.from({ length: H }, (_, h) => ((h + i) % 3 === 0 ? 0 : 1)) })),
    { skills: ['chat'], hours: Array.from({ length: H }, (_, h) => (h % 2 === 0 ? 3 : 1.5)) },
  ];
  const plan = buildCapacityPlan({ fromMs, horizonHours: H, occupancyCap: 0.85, queues: [queueInput(phone, arrivals, 240), queueInput(chat, arrivals.map((a) => a / 2), 420, 0.25)], agents: supply });

  it('needs and serves nobody while a live queue is closed, following New York time across the DST change', () => {
    const rows = rowsOf(plan, phone.queueId);
    // Local hour of each row, from the UTC offset: −5 before 2026-03-08T07:00Z, −4 after.
    const localHour = (ms: number) => new Date(ms + (ms < Date.UTC(2026, 2, 8, 7) ? -5 : -4) * HOUR_MS).getUTCHours();
    rows.forEach((r, h) => {
      const open = localHour(fromMs + h * HOUR_MS) >= 8 && localHour(fromMs + h * HOUR_MS) < 20;
      expect(r.open).toBe(open);
      if (!open) {
        expect(r.requiredAgents).toBe(0);
        expect(r.rawAgents).toBe(0);
        expect(r.serviceLevel).toBeNull();
        expect(r.abandonment).toBeNull();
      } else expect(r.serviceLevel).not.toBeNull();
      expect(r.hour).toBe(new Date(fromMs + h * HOUR_MS).toISOString());
      expect(r.forecastPlanned).toBe(arrivals[h]);
      expect(r.forecastMean).toBeCloseTo(arrivals[h]! * 0.95, 12);
    });
  });

  it('never rosters an agent-hour twice: per hour, rostered over the queues ≤ supply; in total rostered + idle = supply', () => {
    for (let h = 0; h < H; h++) {
      const rostered = plan.rows.filter((r) => r.hour === new Date(fromMs + h * HOUR_MS).toISOString()).reduce((s, r) => s + r.rosteredAgents, 0);
      const supplied = supply.reduce((s, a) => s + a.hours[h]!, 0);
      expect(rostered).toBeLessThanOrEqual(supplied + 1e-9);
    }
    const totalSupply = supply.reduce((s, a) => s + a.hours.reduce((x, y) => x + y, 0), 0);
    expect(plan.rows.reduce((s, r) => s + r.rosteredAgents, 0) + plan.idleAgentHours).toBeCloseTo(totalSupply, 9);
    // Closed phone hours leave the phone agents idle.
    expect(plan.idleAgentHours).toBeGreaterThan(0);
  });

  it('summaries total the rows: whole horizon, local days and ISO weeks', () => {
    const offsetHours = (ms: number, zone: string) => (zone === 'America/New_York' ? (ms < Date.UTC(2026, 2, 8, 7) ? -5 : -4) : NaN);
    expect(plan.summaries.map((s) => [s.queueId, s.timeZone, s.requiredSkills])).toEqual([
      [phone.queueId, 'America/New_York', ['fraud-us']],
      [chat.queueId, 'America/New_York', ['chat']],
    ]);
    for (const summary of plan.summaries) {
      const rows = rowsOf(plan, summary.queueId);
      const totals = (list: PlanRow[]) => {
        const live = list.filter((r) => r.serviceLevel !== null && r.forecastPlanned > 0);
        const volume = live.reduce((s, r) => s + r.forecastPlanned, 0);
        return {
          requiredAgentHours: list.reduce((s, r) => s + r.rawAgents, 0),
          scheduledAgentHours: list.reduce((s, r) => s + r.scheduledAgents, 0),
          rosteredAgentHours: list.reduce((s, r) => s + r.rosteredAgents, 0),
          shortAgentHours: list.reduce((s, r) => s + Math.max(0, -r.gap), 0),
          hoursShort: list.filter((r) => r.gap < -1e-9).length,
          serviceLevel: volume > 0 ? live.reduce((s, r) => s + r.serviceLevel! * r.forecastPlanned, 0) / volume : null,
          abandonment: volume > 0 ? live.reduce((s, r) => s + r.abandonment! * r.forecastPlanned, 0) / volume : null,
        };
      };
      const close = (actual: Record<string, unknown>, expected: Record<string, number | null>) => {
        for (const [k, v] of Object.entries(expected)) {
          if (v === null) expect(actual[k]).toBeNull();
          else expect(actual[k] as number).toBeCloseTo(v, 9);
        }
      };
      close(summary.total as unknown as Record<string, unknown>, totals(rows));
      expect(summary.total.period).toBe('total');
      expect(summary.total.hoursShort).toBeGreaterThan(0);
      // Local days in New York: Thu 5th (5 h), Fri 6th, Sat 7th (24 h), Sun 8th (23 h: the clocks go forward), Mon 9th (20 h).
      const dayOf = (r: PlanRow) => new Date(Date.parse(r.hour) + offsetHours(Date.parse(r.hour), summary.timeZone) * HOUR_MS).toISOString().slice(0, 10);
      expect(summary.days.map((d) => d.period)).toEqual(['2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09']);
      expect(summary.days.map((d) => rows.filter((r) => dayOf(r) === d.period).length)).toEqual([5, 24, 24, 23, 20]);
      for (const day of summary.days) close(day as unknown as Record<string, unknown>, totals(rows.filter((r) => dayOf(r) === day.period)));
      // ISO weeks: Monday 2026-03-02 to Sunday the 8th is W10; Monday the 9th starts W11.
      expect(summary.weeks.map((w) => w.period)).toEqual(['2026-W10', '2026-W11']);
      close(summary.weeks[0] as unknown as Record<string, unknown>, totals(rows.filter((r) => dayOf(r) <= '2026-03-08')));
      close(summary.weeks[1] as unknown as Record<string, unknown>, totals(rows.filter((r) => dayOf(r) >= '2026-03-09')));
    }
  });

  it('lists the 20 worst hours, most short first, and no short hour left out is worse', () => {
    const short = plan.rows.filter((r) => r.gap < -1e-9);
    expect(short.length).toBeGreaterThan(20);
    expect(plan.worstHours).toHaveLength(20);
    for (let i = 1; i < plan.worstHours.length; i++) expect(plan.worstHours[i]!.gap).toBeGreaterThanOrEqual(plan.worstHours[i - 1]!.gap);
    const listed = new Set(plan.worstHours);
    const leastListed = plan.worstHours[plan.worstHours.length - 1]!.gap;
    for (const r of short) if (!listed.has(r)) expect(r.gap).toBeGreaterThanOrEqual(leastListed);
    for (const r of plan.worstHours) expect(plan.rows).toContain(r);
  });
});

describe('buildCapacityPlan: pooling property', () => {
  const SKILLS = ['kyc-us', 'fraud-us', 'chat'];
  const skillSet = fc.subarray(SKILLS, { minLength: 0, maxLength: 3 });
  const H = 6;
  const fromMs = Date.UTC(2026, 5, 1, 12);

  it('for random agents, skills and demand, no hour rosters more than its supply and every agent-hour is rostered once or idle', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ skills: skillSet, hours: fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: H, maxLength: H }) }), { minLength: 0, maxLength: 8 }),
        fc.array(fc.record({ skills: skillSet, arrivals: fc.array(fc.integer({ min: 0, max: 150 }), { minLength: H, maxLength: H }), chat: fc.boolean() }), { minLength: 1, maxLength: 4 }),
        (agents, queues) => {
          const plan = buildCapacityPlan({
            fromMs,
            horizonHours: H,
            occupancyCap: 0.9,
            agents,
            queues: queues.map((q, i) => queueInput({ ...(q.chat ? chat : phoneA), queueId: `q${i}`, requiredSkills: q.skills }, q.arrivals, 240)),
          });
          for (let h = 0; h < H; h++) {
            const hour = new Date(fromMs + h * HOUR_MS).toISOString();
            const rostered = plan.rows.filter((r) => r.hour === hour).reduce((s, r) => s + r.rosteredAgents, 0);
            expect(rostered).toBeLessThanOrEqual(agents.reduce((s, a) => s + a.hours[h]!, 0) + 1e-9);
          }
          const supplied = agents.reduce((s, a) => s + a.hours.reduce((x, y) => x + y, 0), 0);
          expect(Math.abs(plan.rows.reduce((s, r) => s + r.rosteredAgents, 0) + plan.idleAgentHours - supplied)).toBeLessThan(1e-9);
          // An agent only works queues whose every required skill it holds.
          plan.rows.forEach((r) => {
            const q = queues[Number(r.queueId.slice(1))]!;
            const eligible = agents.filter((a) => q.skills.every((s) => a.skills.includes(s)));
            const hour = (Date.parse(r.hour) - fromMs) / HOUR_MS;
            expect(r.rosteredAgents).toBeLessThanOrEqual(eligible.reduce((s, a) => s + a.hours[hour]!, 0) + 1e-9);
          });
          for (const s of plan.summaries) {
            const rows = rowsOf(plan, s.queueId);
            expect(Math.abs(s.total.rosteredAgentHours - rows.reduce((x, r) => x + r.rosteredAgents, 0))).toBeLessThan(1e-9);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
