import type { OpeningHours, QueueDefinedData, WeeklyShiftPattern } from '@staffcast/events';
import { agentSupply, buildCapacityPlan, type PlanQueueInput } from '@staffcast/planning';
import type { QueueMix, RosterModel } from '@staffcast/projections';
import { applyScenario, type ScenarioBase } from './apply-scenario.js';
import { Assumption } from './assumptions.js';
import { employment, type PayrollLine } from './payroll-cost.js';
import { ScenarioInputError } from './scenario-input-error.js';

/**
 * applyScenario on a hand-built baseline: three queues (US KYC phone, AU chat, US email) open all
 * day, constant forecasts over a 48-hour horizon from Monday 2026-03-02 00:00Z, a recent ticket
 * mix, and two rostered agents (Kuala Lumpur, Sydney) with their supply rows and payroll lines.
 * Expectations are computed here from the definitions, not read back from the code under test.
 */

const HOUR_MS = 3_600_000;
const H = 48;
const FROM = Date.UTC(2026, 2, 2);
const at = (h: number, fromMs = FROM) => new Date(fromMs + h * HOUR_MS).toISOString();
/** Float tolerance for volumes and hours (values are O(100), products of a few factors). */
const TOL = 1e-9;
const MONTH_MS = (365.25 / 12) * 86_400_000;

const allDay: OpeningHours = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ from: '00:00', to: '24:00' }]])) as OpeningHours;
const defs: QueueDefinedData[] = [
  {
    queueId: 'us-kyc-phone',
    name: 'US KYC phone',
    channel: 'phone',
    routing: { markets: ['US'], categories: ['kyc', 'aml'], languages: [], channels: ['phone'] },
    timeZone: 'America/New_York',
    openingHours: allDay,
    serviceTarget: { kind: 'sl', percent: 80, seconds: 20 },
    requiredSkills: ['kyc-us'],
    chatConcurrency: 1,
    callerPatienceSeconds: 300,
    regulatory: true,
  },
  {
    queueId: 'au-chat',
    name: 'AU chat',
    channel: 'chat',
    routing: { markets: ['AU'], categories: [], languages: [], channels: ['chat'] },
    timeZone: 'Australia/Sydney',
    openingHours: allDay,
    serviceTarget: { kind: 'sl', percent: 80, seconds: 60 },
    requiredSkills: ['chat'],
    chatConcurrency: 2,
    regulatory: false,
  },
  {
    queueId: 'us-email',
    name: 'US withdrawals email',
    channel: 'email',
    routing: { markets: ['US'], categories: ['withdrawals'], languages: [], channels: ['email'] },
    timeZone: 'America/New_York',
    openingHours: allDay,
    serviceTarget: { kind: 'response', hours: 24 },
    requiredSkills: [],
    chatConcurrency: 1,
    regulatory: false,
  },
];
/** Forecast per queue: mean, planned quantile, AHT seconds (constant over the horizon). */
const forecast: Record<string, [number, number, number]> = { 'us-kyc-phone': [100, 110, 300], 'au-chat': [50, 55, 400], 'us-email': [20, 22, 600] };
const mix = new Map<string, QueueMix>([
  // KYC 75 %, AML 25 %.
  ['us-kyc-phone', { total: 400, byMarketCategory: [{ market: 'US', category: 'aml', count: 100 }, { market: 'US', category: 'kyc', count: 300 }] }],
  // KYC 40 %, staking 60 %.
  ['au-chat', { total: 250, byMarketCategory: [{ market: 'AU', category: 'kyc', count: 100 }, { market: 'AU', category: 'staking', count: 150 }] }],
  // us-email has no recent tickets: its routing decides.
]);

const shift = { start: '09:00', end: '17:00', breaks: [{ start: '12:00', end: '13:00' }] };
const weekdayShifts: WeeklyShiftPattern = { mon: [shift], tue: [shift], wed: [shift], thu: [shift], fri: [shift], sat: [], sun: [] };
const roster: RosterModel = {
  position: '100',
  agents: {
    kl1: { agentId: 'kl1', siteId: 'kl', timeZone: 'Asia/Kuala_Lumpur', skills: ['kyc-us'], startDate: '2026-01-05', departedOn: null, certifications: [], schedules: [{ effectiveFrom: '2026-01-05', shifts: weekdayShifts }], absences: [] },
    syd1: { agentId: 'syd1', siteId: 'syd', timeZone: 'Australia/Sydney', skills: ['chat'], startDate: '2025-11-03', departedOn: null, certifications: [], schedules: [{ effectiveFrom: '2025-11-03', shifts: weekdayShifts }], absences: [] },
  },
};

function makeBase(fromMs = FROM): ScenarioBase {
  const queues: PlanQueueInput[] = defs.map((d) => {
    const [mean, planned, aht] = forecast[d.queueId]!;
    return {
      queue: { queueId: d.queueId, channel: d.channel, timeZone: d.timeZone, openingHours: d.openingHours, serviceTarget: d.serviceTarget, chatConcurrency: d.chatConcurrency, requiredSkills: d.requiredSkills, ...(d.callerPatienceSeconds ? { callerPatienceSeconds: d.callerPatienceSeconds } : {}) },
      volumeMean: new Array<number>(H).fill(mean),
      volumePlanned: new Array<number>(H).fill(planned),
      ahtSeconds: new Array<number>(H).fill(aht),
      shrinkage: 0.3,
    };
  });
  const agents = agentSupply(roster, fromMs, fromMs + H * HOUR_MS);
  const payroll: PayrollLine[] = [
    { agentId: 'kl1', siteId: 'kl', count: 1, contractedHoursPerWeek: 40, hourlyCost: { amount: 8, currency: 'USD' }, employed: employment(roster.agents['kl1']!, fromMs, H) },
    { agentId: 'syd1', siteId: 'syd', count: 1, contractedHoursPerWeek: 38, hourlyCost: { amount: 45, currency: 'AUD' }, employed: employment(roster.agents['syd1']!, fromMs, H) },
  ];
  return { inputs: { fromMs, horizonHours: H, occupancyCap: 0.9, queues, agents }, queues: new Map(defs.map((d) => [d.queueId, d])), mix, roster, agents, payroll };
}

type Named = { assumptionId: string; assumption: Assumption };
/** Parses like the API does, so defaults are filled. */
const named = (assumptionId: string, raw: Record<string, unknown>): Named => ({ assumptionId, assumption: Assumption.parse(raw) });
const queueOf = (inputs: ScenarioBase['inputs'], id: string) => inputs.queues.find((q) => q.queue.queueId === id)!;
const expectClose = (actual: readonly number[], expected: readonly number[], tol = TOL) => {
  expect(actual.length).toBe(expected.length);
  actual.forEach((v, i) => {
    if (Math.abs(v - expected[i]!) > tol) throw new Error(`index ${i}: ${v} ≠ ${expected[i]} (±${tol})`);
  });
};
const sum = (xs: readonly number[], from = 0, to = xs.length) => xs.slice(from, to).reduce((a, b) => a + b, 0);
const constant = (v: number) => new Array<number>(H).fill(v);
const withHours = (v: number, hours: Iterable<number>, w: number) => {
  const out = constant(v);
  for (const h of hours) out[h] = w;
  return out;
};
/** Plan inputs type agents without their id; applyScenario keeps the id of each supply row. */
const agentIdOf = (row: object) => (row as { agentId?: string }).agentId;
const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);

describe('applyScenario', () => {
  it('changes nothing without assumptions', () => {
    const base = makeBase();
    const applied = applyScenario(base, []);
    expect(applied.inputs).toEqual(base.inputs);
    expect(applied.payroll).toEqual(base.payroll);
    expect(applied.warnings).toEqual([]);
  });

  describe('volume-multiplier', () => {
    it('scales the touched share by 1 + (f − 1)·share, only in [from, to), mean and planned alike', () => {
      const base = makeBase();
      // AML is 25 % of the phone queue's mix; the chat mix has none; email routes withdrawals only.
      const applied = applyScenario(base, [named('v1', { kind: 'volume-multiplier', factor: 3, from: at(6), to: at(30), categories: ['aml'] })]);
      const factor = 1 + (3 - 1) * 0.25;
      const phone = queueOf(applied.inputs, 'us-kyc-phone');
      expectClose(phone.volumeMean, withHours(100, range(6, 30), 100 * factor));
      expectClose(phone.volumePlanned, withHours(110, range(6, 30), 110 * factor));
      expect(queueOf(applied.inputs, 'au-chat').volumeMean).toEqual(constant(50));
      expect(queueOf(applied.inputs, 'us-email').volumeMean).toEqual(constant(20));
      expect(phone.ahtSeconds).toEqual(constant(300));
      expect(applied.warnings).toEqual([]);
    });

    it('limits to the listed queues, scales whole queues with no filter, and clips to the horizon', () => {
      const base = makeBase();
      const applied = applyScenario(base, [named('v1', { kind: 'volume-multiplier', factor: 0.5, from: at(-10), to: at(12), queueIds: ['au-chat', 'us-email'] })]);
      expectClose(queueOf(applied.inputs, 'au-chat').volumeMean, withHours(50, range(0, 12), 25));
      expectClose(queueOf(applied.inputs, 'us-email').volumePlanned, withHours(22, range(0, 12), 11));
      expect(queueOf(applied.inputs, 'us-kyc-phone').volumeMean).toEqual(constant(100));
    });

    it('uses the routing when a queue has no recent mix', () => {
      const applied = applyScenario(makeBase(), [named('v1', { kind: 'volume-multiplier', factor: 2, from: at(0), to: at(48), categories: ['withdrawals'] })]);
      expectClose(queueOf(applied.inputs, 'us-email').volumeMean, constant(40));
      expect(queueOf(applied.inputs, 'us-kyc-phone').volumeMean).toEqual(constant(100));
    });
  });

  describe('launch', () => {
    const window = { startsAt: at(10), endsAt: at(22) };

    it.each(['flat', 'spike-decay'])('percent (%s): raises the window total by exactly uplift × share, nothing outside', (profile) => {
      const base = makeBase();
      // KYC: 75 % of the phone queue, 40 % of the AU chat; email routes withdrawals only.
      const applied = applyScenario(base, [named('l1', { kind: 'launch', name: 'KYC push', categories: ['kyc'], ...window, uplift: { kind: 'percent', percent: 60 }, profile })]);
      for (const [id, share, mean] of [['us-kyc-phone', 0.75, 100], ['au-chat', 0.4, 50]] as const) {
        const q = queueOf(applied.inputs, id);
        const added = sum(q.volumeMean, 10, 22) - 12 * mean;
        expect(Math.abs(added - 0.6 * share * 12 * mean)).toBeLessThan(TOL);
        expect(sum(q.volumeMean, 0, 10)).toBeCloseTo(10 * mean, 9);
        expect(sum(q.volumeMean, 22, 48)).toBeCloseTo(26 * mean, 9);
        // The planned quantile moves by the same factor as the mean.
        q.volumeMean.forEach((v, h) => expect(q.volumePlanned[h]! / v).toBeCloseTo(forecast[id]![1] / forecast[id]![0], 12));
        if (profile === 'flat') expectClose(q.volumeMean.slice(10, 22), new Array<number>(12).fill(mean * (1 + 0.6 * share)));
        else expect(q.volumeMean[10]! - mean).toBeGreaterThan(4 * (q.volumeMean[21]! - mean)); // front-loaded
      }
      expect(queueOf(applied.inputs, 'us-email').volumeMean).toEqual(constant(20));
    });

    it('percent: a channel filter leaves the other channels alone', () => {
      const applied = applyScenario(makeBase(), [named('l1', { kind: 'launch', name: 'KYC push', categories: ['kyc'], channels: ['chat'], ...window, uplift: { kind: 'percent', percent: 100 } })]);
      expect(queueOf(applied.inputs, 'us-kyc-phone').volumeMean).toEqual(constant(100));
      expectClose(queueOf(applied.inputs, 'au-chat').volumeMean, withHours(50, range(10, 22), 50 * 1.4));
    });

    it.each(['flat', 'spike-decay'])('extra tickets (%s): adds exactly the tickets, split by touched forecast volume', (profile) => {
      const base = makeBase();
      // US: all of the phone queue's mix, and the email queue by routing (no mix); AU chat untouched.
      const applied = applyScenario(base, [named('l1', { kind: 'launch', name: 'US promo', markets: ['US'], ...window, uplift: { kind: 'extra-tickets', tickets: 900 }, profile })]);
      const phone = queueOf(applied.inputs, 'us-kyc-phone');
      const email = queueOf(applied.inputs, 'us-email');
      const addedPhone = phone.volumeMean.map((v) => v - 100);
      const addedEmail = email.volumeMean.map((v) => v - 20);
      expect(sum(addedPhone) + sum(addedEmail)).toBeCloseTo(900, 9);
      // Each hour the extra splits 100 : 20 (forecast × share 1 each).
      for (let h = 10; h < 22; h++) expect(addedPhone[h]! / (addedPhone[h]! + addedEmail[h]!)).toBeCloseTo(100 / 120, 12);
      expect(sum(addedPhone, 0, 10) + sum(addedPhone, 22)).toBe(0);
      // Added as tickets to both the mean and the planned quantile.
      expectClose(phone.volumePlanned.map((v) => v - 110), addedPhone);
      expect(queueOf(applied.inputs, 'au-chat').volumeMean).toEqual(constant(50));
      if (profile === 'flat') expectClose(addedPhone.slice(10, 22), new Array<number>(12).fill((900 / 12) * (100 / 120)));
    });

    it('extra tickets: a window running past the horizon adds tickets × hours inside / window hours (flat)', () => {
      // Window [40 h, 56 h): 8 of its 16 hours fall in the 48-hour horizon.
      const applied = applyScenario(makeBase(), [named('l1', { kind: 'launch', name: 'Late promo', markets: ['AU'], startsAt: at(40), endsAt: at(56), uplift: { kind: 'extra-tickets', tickets: 800 } })]);
      const chat = queueOf(applied.inputs, 'au-chat');
      expect(sum(chat.volumeMean) - 48 * 50).toBeCloseTo((800 * 8) / 16, 9);
      expectClose(chat.volumeMean, withHours(50, range(40, 48), 50 + 800 / 16));
    });

    it('extra tickets: hours with no forecast volume (a closed live queue) get none, and none are lost', () => {
      const base = makeBase();
      const closedAt = range(0, 12);
      const queues = base.inputs.queues.map((q) => (q.queue.queueId === 'au-chat' ? { ...q, volumeMean: withHours(50, closedAt, 0), volumePlanned: withHours(55, closedAt, 0) } : q));
      const applied = applyScenario({ ...base, inputs: { ...base.inputs, queues } }, [named('l1', { kind: 'launch', name: 'AU promo', markets: ['AU'], startsAt: at(6), endsAt: at(18), uplift: { kind: 'extra-tickets', tickets: 600 } })]);
      const added = queueOf(applied.inputs, 'au-chat').volumeMean.map((v, h) => v - (h < 12 ? 0 : 50));
      expect(sum(added, 6, 12)).toBe(0);
      expect(sum(added)).toBeCloseTo(600, 9);
      expectClose(added.slice(12, 18), new Array<number>(6).fill(100));
      expect(applied.warnings).toEqual([]);
    });

    it('widens a window that does not start or end on the hour to whole hours', () => {
      // 10:20–11:40 covers the hours 10:00 and 11:00: a flat 50 % uplift on both.
      const applied = applyScenario(makeBase(), [named('l1', { kind: 'launch', name: 'Short', markets: ['AU'], startsAt: '2026-03-02T10:20:00Z', endsAt: '2026-03-02T11:40:00Z', uplift: { kind: 'percent', percent: 50 } })]);
      expectClose(queueOf(applied.inputs, 'au-chat').volumeMean, withHours(50, [10, 11], 75));
    });
  });

  describe('local-team-move', () => {
    const nyWeekdays = { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']], sat: [], sun: [] };

    it('scales the moved queue by 1 − share × covered fraction inside the team’s local hours', () => {
      const applied = applyScenario(makeBase(), [named('m1', { kind: 'local-team-move', timeZone: 'America/New_York', coverage: nyWeekdays, takeover: [{ queueIds: ['us-kyc-phone'], fromMonth: '2026-03', share: 0.6 }] })]);
      // Early March New York is UTC−5: 09:00–17:00 is 14:00–22:00Z, Monday (hours 14–21) and Tuesday (38–45).
      const covered = [...range(14, 22), ...range(38, 46)];
      const phone = queueOf(applied.inputs, 'us-kyc-phone');
      expectClose(phone.volumeMean, withHours(100, covered, 40));
      expectClose(phone.volumePlanned, withHours(110, covered, 44));
      expect(queueOf(applied.inputs, 'us-email').volumeMean).toEqual(constant(20));
      expect(applied.warnings).toEqual([]);
    });

    it('applies each phase from its month, read in the team’s zone', () => {
      // From Tuesday 2026-03-31 00:00Z: April starts in New York at 2026-04-01T04:00Z (EDT), hour 28.
      const fromMs = Date.UTC(2026, 2, 31);
      const everyHour = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]]));
      const takeover = [
        { queueIds: ['us-kyc-phone', 'us-email'], fromMonth: '2026-03', share: 0.25 },
        { queueIds: ['us-kyc-phone'], fromMonth: '2026-04', share: 1 },
      ];
      const applied = applyScenario(makeBase(fromMs), [named('m1', { kind: 'local-team-move', timeZone: 'America/New_York', coverage: everyHour, takeover })]);
      expectClose(queueOf(applied.inputs, 'us-kyc-phone').volumeMean, Array.from({ length: H }, (_, h) => (h < 28 ? 75 : 0)));
      expectClose(queueOf(applied.inputs, 'us-email').volumeMean, constant(15));
      expect(queueOf(applied.inputs, 'au-chat').volumeMean).toEqual(constant(50));
    });

    it('does nothing before the first phase month, and warns about queues not in the run', () => {
      const applied = applyScenario(makeBase(), [named('m1', { kind: 'local-team-move', timeZone: 'America/New_York', coverage: nyWeekdays, takeover: [{ queueIds: ['us-kyc-phone', 'us-fraud-phone'], fromMonth: '2026-04', share: 1 }] })]);
      expect(queueOf(applied.inputs, 'us-kyc-phone').volumeMean).toEqual(constant(100));
      expect(applied.warnings).toEqual(['assumption m1 (local-team-move): queues us-fraud-phone are not in this run']);
    });
  });

  describe('aht-change', () => {
    it('multiplies handle time by 1 + percent/100 in its window for the listed queues', () => {
      const applied = applyScenario(makeBase(), [named('t1', { kind: 'aht-change', percent: 15, queueIds: ['au-chat'], from: at(12), to: at(24) })]);
      expectClose(queueOf(applied.inputs, 'au-chat').ahtSeconds, withHours(400, range(12, 24), 460));
      expect(queueOf(applied.inputs, 'us-kyc-phone').ahtSeconds).toEqual(constant(300));
      expect(queueOf(applied.inputs, 'au-chat').volumeMean).toEqual(constant(50));
    });

    it('covers every queue and the whole horizon when open-ended; a fall is a negative percent', () => {
      const applied = applyScenario(makeBase(), [named('t1', { kind: 'aht-change', percent: -20 })]);
      expectClose(queueOf(applied.inputs, 'us-kyc-phone').ahtSeconds, constant(240));
      expectClose(queueOf(applied.inputs, 'au-chat').ahtSeconds, constant(320));
      expectClose(queueOf(applied.inputs, 'us-email').ahtSeconds, constant(480));
      const fromOnly = applyScenario(makeBase(), [named('t2', { kind: 'aht-change', percent: 10, queueIds: ['us-email'], from: at(40) })]);
      expectClose(queueOf(fromOnly.inputs, 'us-email').ahtSeconds, withHours(600, range(40, 48), 660));
    });
  });

  it('refuses assumptions that together take volume beyond finite numbers, naming them', () => {
    const huge = Array.from({ length: 160 }, (_, i) => named(`v${i}`, { kind: 'volume-multiplier', factor: 100, from: at(0), to: at(H) }));
    expect(() => applyScenario(makeBase(), huge)).toThrow(expect.objectContaining({ name: 'ScenarioInputError', field: 'assumptions' }));
    // 150 of them stay finite (100^150 < 1.8e308 ÷ the base volume) and are applied.
    expect(() => applyScenario(makeBase(), huge.slice(0, 150))).not.toThrow();
  });

  describe('service-target', () => {
    it('replaces the listed queues’ targets', () => {
      const base = makeBase();
      const applied = applyScenario(base, [named('s1', { kind: 'service-target', queueIds: ['us-kyc-phone', 'au-chat'], target: { kind: 'sl', percent: 90, seconds: 30 } }), named('s2', { kind: 'service-target', queueIds: ['us-email'], target: { kind: 'response', hours: 4 } })]);
      expect(queueOf(applied.inputs, 'us-kyc-phone').queue.serviceTarget).toEqual({ kind: 'sl', percent: 90, seconds: 30 });
      expect(queueOf(applied.inputs, 'au-chat').queue.serviceTarget).toEqual({ kind: 'sl', percent: 90, seconds: 30 });
      expect(queueOf(applied.inputs, 'us-email').queue.serviceTarget).toEqual({ kind: 'response', hours: 4 });
      expect(queueOf(base.inputs, 'us-kyc-phone').queue.serviceTarget).toEqual({ kind: 'sl', percent: 80, seconds: 20 });
    });

    it('refuses a target of the wrong kind for the queue’s channel, naming the assumption’s field', () => {
      const wrong = (queueId: string, target: object) => () => applyScenario(makeBase(), [named('bad-1', { kind: 'service-target', queueIds: [queueId], target })]);
      expect(wrong('us-kyc-phone', { kind: 'response', hours: 4 })).toThrow(ScenarioInputError);
      try {
        wrong('us-kyc-phone', { kind: 'response', hours: 4 })();
      } catch (error) {
        expect(error).toBeInstanceOf(ScenarioInputError);
        expect((error as ScenarioInputError).field).toBe('assumptions.bad-1.target');
        expect((error as ScenarioInputError).reason).toMatch(/us-kyc-phone is phone: it needs a sl target/);
      }
      expect(wrong('us-email', { kind: 'sl', percent: 80, seconds: 20 })).toThrow(/assumptions\.bad-1\.target: queue us-email is email: it needs a response target/);
    });

    it('only warns for a queue that is not in the run', () => {
      const applied = applyScenario(makeBase(), [named('s1', { kind: 'service-target', queueIds: ['gb-phone'], target: { kind: 'response', hours: 4 } })]);
      expect(applied.warnings).toEqual(['assumption s1 (service-target): queues gb-phone are not in this run']);
    });
  });

  describe('shrinkage', () => {
    it('replaces the shrinkage of the listed queues, or of every queue when none are listed', () => {
      const some = applyScenario(makeBase(), [named('k1', { kind: 'shrinkage', shrinkage: 0.4, queueIds: ['us-email'] })]);
      expect(some.inputs.queues.map((q) => q.shrinkage)).toEqual([0.3, 0.3, 0.4]);
      const all = applyScenario(makeBase(), [named('k1', { kind: 'shrinkage', shrinkage: 0.1 })]);
      expect(all.inputs.queues.map((q) => q.shrinkage)).toEqual([0.1, 0.1, 0.1]);
    });
  });

  describe('hires', () => {
    const hires = { kind: 'hires', count: 3, siteId: 'kl', timeZone: 'Asia/Kuala_Lumpur', skills: ['kyc-us'], startDate: '2026-03-03', shifts: weekdayShifts, ramp: [0.5], hourlyCost: { amount: 7, currency: 'USD' } };

    it('adds count × the hired agent’s ramped supply and a payroll line from the start date', () => {
      const base = makeBase();
      const applied = applyScenario(base, [named('h1', hires)]);
      expect(applied.inputs.agents.slice(0, base.agents.length)).toEqual(base.agents);
      const added = applied.inputs.agents.slice(base.agents.length);
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({ agentId: 'scenario-hire-h1', skills: ['kyc-us'] });
      // KL Tuesday 2026-03-03 09:00–12:00 and 13:00–17:00 (UTC+8) = hours 25–27 and 29–32; first week at 0.5, × 3 hires.
      expectClose(added[0]!.hours, withHours(0, [25, 26, 27, 29, 30, 31, 32], 1.5));
      // Employed from KL midnight 2026-03-03 = 2026-03-02T16:00Z, hour 16.
      expect(applied.payroll.slice(0, 2)).toEqual(base.payroll);
      expect(applied.payroll[2]).toEqual({ agentId: 'scenario-hire-h1', siteId: 'kl', count: 3, contractedHoursPerWeek: 40, hourlyCost: { amount: 7, currency: 'USD' }, employed: Array.from({ length: H }, (_, h) => (h >= 16 ? 1 : 0)) });
      // The plan rosters those extra productive hours (shared by the queues they may work, or idle): 7 h × 1.5.
      const supplied = (plan: ReturnType<typeof buildCapacityPlan>) => sum(plan.rows.map((r) => r.rosteredAgents)) + plan.idleAgentHours;
      expect(supplied(buildCapacityPlan(applied.inputs)) - supplied(buildCapacityPlan(base.inputs))).toBeCloseTo(7 * 1.5, 9);
      // The AU chat queue's certified pool is untouched by KYC hires.
      const chatRostered = (plan: ReturnType<typeof buildCapacityPlan>) => plan.rows.filter((r) => r.queueId === 'au-chat').map((r) => r.rosteredAgents);
      expect(chatRostered(buildCapacityPlan(applied.inputs))).toEqual(chatRostered(buildCapacityPlan(base.inputs)));
    });

    it('prices unpriced hires as null and uses the contracted hours given', () => {
      const { hourlyCost: _omit, ...unpriced } = hires;
      const applied = applyScenario(makeBase(), [named('h2', { ...unpriced, contractedHoursPerWeek: 30 })]);
      expect(applied.payroll[2]).toMatchObject({ agentId: 'scenario-hire-h2', hourlyCost: null, contractedHoursPerWeek: 30, count: 3 });
    });
  });

  describe('attrition', () => {
    const survival = (rate: number, fromMs: number, h: number) => (FROM + h * HOUR_MS <= fromMs ? 1 : Math.pow(1 - rate, (FROM + h * HOUR_MS - fromMs) / MONTH_MS));

    it('multiplies the chosen sites’ hours and payroll employment by the survival from its start', () => {
      const base = makeBase();
      const applied = applyScenario(base, [named('r1', { kind: 'attrition', monthlyRate: 0.2, from: '2026-02-01', siteIds: ['kl'] })]);
      // From KL midnight 2026-02-01 = 2026-01-31T16:00Z.
      const fromMs = Date.UTC(2026, 0, 31, 16);
      const kl = base.agents.filter((a) => a.agentId === 'kl1');
      const klAfter = applied.inputs.agents.filter((a) => agentIdOf(a) === 'kl1');
      expect(klAfter).toHaveLength(kl.length);
      klAfter.forEach((row, i) => expectClose(row.hours, kl[i]!.hours.map((v, h) => v * survival(0.2, fromMs, h))));
      expect(applied.inputs.agents.filter((a) => agentIdOf(a) === 'syd1')).toEqual(base.agents.filter((a) => a.agentId === 'syd1'));
      expectClose(applied.payroll[0]!.employed, base.payroll[0]!.employed.map((v, h) => v * survival(0.2, fromMs, h)), 1e-12);
      expect(applied.payroll[1]).toEqual(base.payroll[1]);
      // Roughly a month in at 20 % a month: about 0.8 left.
      expect(applied.payroll[0]!.employed[0]!).toBeGreaterThan(0.79);
      expect(applied.payroll[0]!.employed[0]!).toBeLessThan(0.81);
    });

    it('starts a hire’s attrition at its start date, not before', () => {
      const applied = applyScenario(makeBase(), [
        named('h1', { kind: 'hires', count: 2, siteId: 'kl', timeZone: 'Asia/Kuala_Lumpur', skills: ['kyc-us'], startDate: '2026-03-03', shifts: weekdayShifts, ramp: [] }),
        named('r1', { kind: 'attrition', monthlyRate: 0.1, from: '2026-01-01' }),
      ]);
      const hireStart = Date.UTC(2026, 2, 2, 16);
      const hire = applied.inputs.agents.find((a) => agentIdOf(a) === 'scenario-hire-h1')!;
      expectClose(hire.hours, withHours(0, [25, 26, 27, 29, 30, 31, 32], 2).map((v, h) => v * survival(0.1, hireStart, h)));
      const line = applied.payroll.find((p) => p.agentId === 'scenario-hire-h1')!;
      expectClose(line.employed, Array.from({ length: H }, (_, h) => (h >= 16 ? survival(0.1, hireStart, h) : 0)), 1e-12);
      // With no site list, the Sydney agent leaves too (from 2026-01-01 Sydney midnight = 2025-12-31T13:00Z).
      const sydFrom = Date.UTC(2025, 11, 31, 13);
      expectClose(applied.payroll.find((p) => p.agentId === 'syd1')!.employed, constant(1).map((v, h) => v * survival(0.1, sydFrom, h)), 1e-12);
    });
  });

  describe('warnings', () => {
    it('says plainly which assumptions touched nothing or named queues not in the run', () => {
      const applied = applyScenario(makeBase(), [
        named('v1', { kind: 'volume-multiplier', factor: 2, from: at(0), to: at(10), markets: ['GB'] }),
        named('v2', { kind: 'volume-multiplier', factor: 2, from: at(0), to: at(10), queueIds: ['us-email', 'gb-email'] }),
        named('l1', { kind: 'launch', name: 'GB launch', markets: ['GB'], startsAt: at(0), endsAt: at(5), uplift: { kind: 'percent', percent: 50 } }),
        named('t1', { kind: 'aht-change', percent: 10, queueIds: ['gb-phone'] }),
        named('k1', { kind: 'shrinkage', shrinkage: 0.2, queueIds: ['gb-phone'] }),
      ]);
      expect(applied.warnings).toEqual([
        'assumption v1 (volume-multiplier) touches no queue in this run',
        'assumption v2 (volume-multiplier): queues gb-email are not in this run',
        'assumption l1 (launch) touches no queue in this run',
        'assumption t1 (aht-change): queues gb-phone are not in this run',
        'assumption k1 (shrinkage): queues gb-phone are not in this run',
      ]);
      // v2 still applied to the queue it found.
      expectClose(queueOf(applied.inputs, 'us-email').volumeMean, withHours(20, range(0, 10), 40));
    });

    it('says so when a window or a start date lies wholly outside the horizon, and changes nothing', () => {
      const base = makeBase();
      const applied = applyScenario(base, [
        named('v1', { kind: 'volume-multiplier', factor: 2, from: at(48), to: at(60), markets: ['US'] }),
        named('l1', { kind: 'launch', name: 'Earlier', markets: ['US'], startsAt: at(-24), endsAt: at(-1), uplift: { kind: 'percent', percent: 50 } }),
        named('t1', { kind: 'aht-change', percent: 10, from: at(50), to: at(70) }),
        named('h1', { kind: 'hires', count: 2, siteId: 'kl', timeZone: 'Asia/Kuala_Lumpur', skills: ['kyc-us'], startDate: '2026-03-10', shifts: weekdayShifts }),
      ]);
      expect(applied.warnings).toEqual([
        'assumption v1 (volume-multiplier): its window has no hour inside this run\'s horizon',
        'assumption l1 (launch): its window has no hour inside this run\'s horizon',
        'assumption t1 (aht-change): its window has no hour inside this run\'s horizon',
        'assumption h1 (hires): they start after this run\'s horizon',
      ]);
      expect(applied.inputs.queues.map((q) => [q.volumeMean, q.ahtSeconds])).toEqual(base.inputs.queues.map((q) => [q.volumeMean, q.ahtSeconds]));
    });
  });

  it('applies kinds in a fixed order whatever the order they were added', () => {
    const v = named('v1', { kind: 'volume-multiplier', factor: 2, from: at(0), to: at(48), markets: ['US'] });
    const l = named('l1', { kind: 'launch', name: 'US promo', markets: ['US'], startsAt: at(5), endsAt: at(15), uplift: { kind: 'extra-tickets', tickets: 500 } });
    const m = named('m1', { kind: 'local-team-move', timeZone: 'America/New_York', coverage: { mon: [['09:00', '17:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, takeover: [{ queueIds: ['us-email'], fromMonth: '2026-03', share: 1 }] });
    const a = applyScenario(makeBase(), [v, l, m]);
    const b = applyScenario(makeBase(), [m, l, v]);
    expect(b.inputs).toEqual(a.inputs);
    // Multiplier first, then the launch's tickets split by the multiplied volumes (200 : 40), then the move.
    const email = queueOf(a.inputs, 'us-email');
    expect(email.volumeMean[5]).toBeCloseTo(40 + 50 * (40 / 240), 9);
    expect(email.volumeMean[14]).toBeCloseTo(0, 9); // 14:00Z is 09:00 Monday in New York: moved whole
  });

  it('never modifies the baseline it is given', () => {
    const base = makeBase();
    const before = structuredClone(base);
    const shiftsCopy = structuredClone(weekdayShifts);
    applyScenario(base, [
      named('v1', { kind: 'volume-multiplier', factor: 2, from: at(0), to: at(48) }),
      named('l1', { kind: 'launch', name: 'Promo', startsAt: at(5), endsAt: at(15), uplift: { kind: 'extra-tickets', tickets: 500 } }),
      named('l2', { kind: 'launch', name: 'Push', startsAt: at(5), endsAt: at(15), uplift: { kind: 'percent', percent: 30 } }),
      named('m1', { kind: 'local-team-move', timeZone: 'America/New_York', coverage: { mon: [['09:00', '17:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, takeover: [{ queueIds: ['us-email'], fromMonth: '2026-03', share: 1 }] }),
      named('t1', { kind: 'aht-change', percent: 10 }),
      named('s1', { kind: 'service-target', queueIds: ['us-kyc-phone'], target: { kind: 'sl', percent: 95, seconds: 10 } }),
      named('k1', { kind: 'shrinkage', shrinkage: 0.5 }),
      named('h1', { kind: 'hires', count: 2, siteId: 'kl', timeZone: 'Asia/Kuala_Lumpur', skills: ['kyc-us'], startDate: '2026-03-02', shifts: weekdayShifts }),
      named('r1', { kind: 'attrition', monthlyRate: 0.1, from: '2026-01-01' }),
    ]);
    expect(base).toEqual(before);
    expect(weekdayShifts).toEqual(shiftsCopy);
  });
});
