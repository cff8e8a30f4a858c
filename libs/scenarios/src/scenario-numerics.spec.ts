import type { QueueDefinedData } from '@staffcast/events';
import type { Coverage } from '@staffcast/local-team';
import { agentSupply } from '@staffcast/planning';
import type { QueueMix } from '@staffcast/projections';
import { affectedShare } from './affected-share.js';
import { Assumption } from './assumptions.js';
import { MONTH_MS, attritionSurvival } from './attrition-survival.js';
import { coveredFraction } from './covered-fraction.js';
import { hiredAgent } from './hired-agent.js';
import { employment, payrollCost, type PayrollLine } from './payroll-cost.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const routing = (markets: string[], categories: string[]): Pick<QueueDefinedData, 'channel' | 'routing'> => ({ channel: 'phone', routing: { markets, categories, languages: [], channels: [] } });
const mixOf = (pairs: [string, string, number][]): QueueMix => ({ total: pairs.reduce((s, p) => s + p[2], 0), byMarketCategory: pairs.map(([market, category, count]) => ({ market, category, count })) });

describe('affectedShare', () => {
  const mix = mixOf([
    ['US', 'kyc', 30],
    ['US', 'fraud', 10],
    ['AU', 'kyc', 60],
  ]);
  const queue = routing([], []);

  it('is the share of the recent mix whose market and category pass the filter', () => {
    expect(affectedShare(mix, queue, { markets: [], categories: ['kyc'] })).toBeCloseTo(90 / 100, 12);
    expect(affectedShare(mix, queue, { markets: ['US'], categories: [] })).toBeCloseTo(40 / 100, 12);
    expect(affectedShare(mix, queue, { markets: ['US'], categories: ['kyc'] })).toBeCloseTo(30 / 100, 12);
    expect(affectedShare(mix, queue, { markets: ['US', 'AU'], categories: ['fraud', 'kyc'] })).toBeCloseTo(1, 12);
    expect(affectedShare(mix, queue, { markets: [], categories: [] })).toBeCloseTo(1, 12);
    expect(affectedShare(mix, queue, { markets: ['GB'], categories: [] })).toBe(0);
  });

  it('reads the mix, not the routing, when the queue has recent tickets', () => {
    // Routing says US only, but the mix is what the queue really took.
    expect(affectedShare(mix, routing(['US'], ['kyc']), { markets: ['AU'], categories: [] })).toBeCloseTo(0.6, 12);
  });

  it('is 0 when the filter names channels and not the queue’s', () => {
    expect(affectedShare(mix, queue, { markets: [], categories: [], channels: ['chat', 'email'] })).toBe(0);
    expect(affectedShare(mix, queue, { markets: [], categories: ['kyc'], channels: ['phone'] })).toBeCloseTo(0.9, 12);
    expect(affectedShare(mix, queue, { markets: [], categories: ['kyc'], channels: [] })).toBeCloseTo(0.9, 12);
  });

  it('falls back to routing overlap (all or nothing) without a mix or with an empty one', () => {
    const usKyc = routing(['US'], ['kyc', 'aml']);
    for (const m of [undefined, mixOf([])]) {
      expect(affectedShare(m, usKyc, { markets: ['US'], categories: ['kyc'] })).toBe(1);
      expect(affectedShare(m, usKyc, { markets: ['AU'], categories: ['kyc'] })).toBe(0);
      expect(affectedShare(m, usKyc, { markets: ['US'], categories: ['fraud'] })).toBe(0);
      expect(affectedShare(m, usKyc, { markets: [], categories: [] })).toBe(1);
      expect(affectedShare(m, usKyc, { markets: ['AU', 'US'], categories: [] })).toBe(1);
      // A queue that routes every market overlaps any market filter.
      expect(affectedShare(m, routing([], ['kyc']), { markets: ['AU'], categories: ['kyc'] })).toBe(1);
      expect(affectedShare(m, usKyc, { markets: ['US'], categories: [], channels: ['chat'] })).toBe(0);
    }
  });
});

describe('coveredFraction', () => {
  const closed = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
  const weekdays = (from: string, to: string): Coverage => ({ ...closed, mon: [[from, to]], tue: [[from, to]], wed: [[from, to]], thu: [[from, to]], fri: [[from, to]] });
  const hoursOfUtcDay = (coverage: Coverage, zone: string, dayMs: number) => Array.from({ length: 24 }, (_, h) => coveredFraction(coverage, zone, dayMs + h * HOUR_MS));

  it('covers New York 09:00–17:00 on UTC 13–20 in summer (UTC−4) and UTC 14–21 in winter (UTC−5)', () => {
    const ny = weekdays('09:00', '17:00');
    // Wednesdays both.
    const summer = hoursOfUtcDay(ny, 'America/New_York', Date.UTC(2026, 6, 15));
    const winter = hoursOfUtcDay(ny, 'America/New_York', Date.UTC(2026, 0, 14));
    const expected = (offsetHours: number) => Array.from({ length: 24 }, (_, h) => (h >= 9 + offsetHours && h < 17 + offsetHours ? 1 : 0));
    expect(summer).toEqual(expected(4));
    expect(winter).toEqual(expected(5));
    expect(summer[13]).toBe(1);
    expect(winter[13]).toBe(0);
    expect(summer[21]).toBe(0);
    expect(winter[21]).toBe(1);
  });

  it('reads the weekday in the team’s zone: Saturday 09:00 New York is not covered by a weekday schedule', () => {
    // 2026-07-18 is a Saturday: 13:00Z is 09:00 local, a closed day.
    expect(coveredFraction(weekdays('09:00', '17:00'), 'America/New_York', Date.UTC(2026, 6, 18, 13))).toBe(0);
    // 2026-07-18T00:00Z is still Friday 20:00 in New York: covered by a Friday 20:00–21:00 range.
    expect(coveredFraction({ ...closed, fri: [['20:00', '21:00']] }, 'America/New_York', Date.UTC(2026, 6, 18, 0))).toBe(1);
  });

  it('gives 0.5 at the boundary hours of a half-hour-offset zone (Asia/Kolkata, UTC+5:30)', () => {
    // 09:00–17:00 IST is 03:30–11:30 UTC (2026-03-02 is a Monday).
    const day = hoursOfUtcDay(weekdays('09:00', '17:00'), 'Asia/Kolkata', Date.UTC(2026, 2, 2));
    const expected = Array.from({ length: 24 }, (_, h) => (h === 3 || h === 11 ? 0.5 : h >= 4 && h <= 10 ? 1 : 0));
    day.forEach((v, h) => expect(v).toBeCloseTo(expected[h]!, 12));
    expect(day.reduce((a, b) => a + b, 0)).toBeCloseTo(8, 12);
  });

  it('follows Adelaide’s half-hour offset in both seasons (UTC+10:30 in January, UTC+9:30 in July)', () => {
    const adelaide = weekdays('08:00', '12:00');
    // January (ACDT): 08:00 local is 21:30Z the day before; 12:00 is 01:30Z. Tuesday 2026-01-13 local.
    const jan = hoursOfUtcDay(adelaide, 'Australia/Adelaide', Date.UTC(2026, 0, 12));
    const janNext = hoursOfUtcDay(adelaide, 'Australia/Adelaide', Date.UTC(2026, 0, 13));
    expect([jan[21], jan[22], jan[23], janNext[0], janNext[1], janNext[2]].map((v) => Math.round(v! * 1e12) / 1e12)).toEqual([0.5, 1, 1, 1, 0.5, 0]);
    // July (ACST): 08:00 local is 22:30Z the day before; 12:00 is 02:30Z. Tuesday 2026-07-14 local.
    const jul = hoursOfUtcDay(adelaide, 'Australia/Adelaide', Date.UTC(2026, 6, 13));
    const julNext = hoursOfUtcDay(adelaide, 'Australia/Adelaide', Date.UTC(2026, 6, 14));
    expect([jul[21], jul[22], jul[23], julNext[0], julNext[1], julNext[2], julNext[3]].map((v) => Math.round(v! * 1e12) / 1e12)).toEqual([0, 0.5, 1, 1, 1, 0.5, 0]);
  });

  it('reads an hour holding a clock change in a half-hour zone minute by minute (Adelaide, October and April)', () => {
    const sunday = (from: string, to: string): Coverage => ({ ...closed, sun: [[from, to]] });
    // 2026-10-03T16:00Z is 01:30–02:00 ACST, then the clock jumps to 03:00: 03:00–03:30 ACDT.
    const spring = Date.UTC(2026, 9, 3, 16);
    expect(coveredFraction(sunday('03:00', '04:00'), 'Australia/Adelaide', spring)).toBeCloseTo(0.5, 12);
    expect(coveredFraction(sunday('02:00', '03:00'), 'Australia/Adelaide', spring)).toBe(0);
    expect(coveredFraction(sunday('01:00', '02:00'), 'Australia/Adelaide', spring)).toBeCloseTo(0.5, 12);
    // 2026-04-04T16:00Z is 02:30–03:00 ACDT, then the clock falls back to 02:00: 02:00–02:30 ACST.
    const autumn = Date.UTC(2026, 3, 4, 16);
    expect(coveredFraction(sunday('02:00', '02:30'), 'Australia/Adelaide', autumn)).toBeCloseTo(0.5, 12);
    expect(coveredFraction(sunday('02:00', '03:00'), 'Australia/Adelaide', autumn)).toBeCloseTo(1, 12);
  });

  it('splits an hour that crosses local midnight between the two local days', () => {
    // 2026-03-02T18:00Z is Monday 23:30 in Kolkata; the hour runs to Tuesday 00:30.
    const at = Date.UTC(2026, 2, 2, 18);
    expect(coveredFraction({ ...closed, mon: [['22:00', '24:00']] }, 'Asia/Kolkata', at)).toBeCloseTo(0.5, 12);
    expect(coveredFraction({ ...closed, tue: [['00:00', '00:15']] }, 'Asia/Kolkata', at)).toBeCloseTo(0.25, 12);
    expect(coveredFraction({ ...closed, mon: [['22:00', '24:00']], tue: [['00:00', '00:15']] }, 'Asia/Kolkata', at)).toBeCloseTo(0.75, 12);
    // Neither side: Monday's coverage ends before 23:30, Tuesday's starts after 00:30.
    expect(coveredFraction({ ...closed, mon: [['22:00', '23:30']], tue: [['00:30', '08:00']] }, 'Asia/Kolkata', at)).toBe(0);
    // Sunday into Monday wraps the week: 2026-03-01T18:00Z is Sunday 23:30 local.
    expect(coveredFraction({ ...closed, mon: [['00:00', '00:30']] }, 'Asia/Kolkata', Date.UTC(2026, 2, 1, 18))).toBeCloseTo(0.5, 12);
  });

  it('counts several ranges in one hour and never exceeds 1', () => {
    // 2026-03-02T10:00Z is Monday 10:00 in UTC.
    expect(coveredFraction({ ...closed, mon: [['10:00', '10:15'], ['10:45', '11:30']] }, 'UTC', Date.UTC(2026, 2, 2, 10))).toBeCloseTo(0.5, 12);
    expect(coveredFraction({ ...closed, mon: [['00:00', '24:00']] }, 'UTC', Date.UTC(2026, 2, 2, 10))).toBe(1);
  });

  it('covers both UTC hours of the repeated local hour on New York’s autumn change', () => {
    // 2026-11-01 01:00–02:00 happens twice: 05:00Z (EDT) and 06:00Z (EST).
    const sun1to2 = { ...closed, sun: [['01:00', '02:00']] } as Coverage;
    const day = hoursOfUtcDay(sun1to2, 'America/New_York', Date.UTC(2026, 10, 1));
    expect(day.map((v, h) => (v > 0 ? h : -1)).filter((h) => h >= 0)).toEqual([5, 6]);
    expect(day[5]).toBe(1);
    expect(day[6]).toBe(1);
  });
});

describe('attritionSurvival', () => {
  it('uses an average month of 365.25 / 12 days', () => {
    expect(MONTH_MS).toBe(2_629_800_000);
  });

  it('compounds the monthly rate over elapsed months, continuously between month ends', () => {
    expect(attritionSurvival(0.05, 0, 2 * MONTH_MS)).toBeCloseTo(0.9025, 12);
    expect(attritionSurvival(0.02, 0, 12 * MONTH_MS)).toBeCloseTo(0.784716723734800, 12);
    expect(attritionSurvival(0.05, 0, 0.5 * MONTH_MS)).toBeCloseTo(Math.sqrt(0.95), 12);
    const from = Date.UTC(2026, 2, 1);
    expect(attritionSurvival(0.1, from, from + MONTH_MS)).toBeCloseTo(0.9, 12);
  });

  it('is 1 before and at its start, and with a zero rate', () => {
    const from = Date.UTC(2026, 2, 1);
    expect(attritionSurvival(0.5, from, from - HOUR_MS)).toBe(1);
    expect(attritionSurvival(0.5, from, from)).toBe(1);
    expect(attritionSurvival(0, from, from + 10 * MONTH_MS)).toBe(1);
  });

  it('decreases strictly with time for a positive rate', () => {
    const values = [1, 2, 3, 6, 12].map((m) => attritionSurvival(0.03, 0, m * MONTH_MS));
    for (let i = 1; i < values.length; i++) expect(values[i]!).toBeLessThan(values[i - 1]!);
  });
});

describe('payrollCost', () => {
  const line = (over: Partial<PayrollLine>): PayrollLine => ({ agentId: 'a', siteId: 'kl', count: 1, contractedHoursPerWeek: 40, hourlyCost: { amount: 10, currency: 'USD' }, employed: new Array<number>(168).fill(1), ...over });

  it('accrues contracted hours evenly over the week: hours employed × contracted / 168 × rate × count', () => {
    expect(payrollCost([line({})])).toEqual({ byCurrency: { USD: 400 }, unpricedAgents: 0 });
    // Three agents, employed half the week, 38 h contracts at 12.5: 84 × 38 / 168 × 12.5 × 3.
    const half = new Array<number>(168).fill(0).fill(1, 0, 84);
    const r = payrollCost([line({ count: 3, contractedHoursPerWeek: 38, hourlyCost: { amount: 12.5, currency: 'USD' }, employed: half })]);
    expect(r.byCurrency['USD']).toBeCloseTo((84 * 38 * 12.5 * 3) / 168, 9);
    // Attrition-weighted employment counts fractionally.
    const r2 = payrollCost([line({ employed: [0.5, 0.25, 1] })]);
    expect(r2.byCurrency['USD']).toBeCloseTo((1.75 * 40 * 10) / 168, 12);
  });

  it('sums per currency and counts unpriced agents (by count) instead of pricing them at 0', () => {
    const r = payrollCost([
      line({ agentId: 'a' }),
      line({ agentId: 'b', hourlyCost: { amount: 30, currency: 'AUD' }, employed: new Array<number>(336).fill(1) }),
      line({ agentId: 'c', hourlyCost: { amount: 5, currency: 'USD' } }),
      line({ agentId: 'd', hourlyCost: null, count: 4 }),
      line({ agentId: 'e', hourlyCost: null }),
    ]);
    expect(Object.keys(r.byCurrency).sort()).toEqual(['AUD', 'USD']);
    expect(r.byCurrency['USD']).toBeCloseTo(400 + 200, 9);
    expect(r.byCurrency['AUD']).toBeCloseTo(2 * 40 * 30, 9);
    expect(r.unpricedAgents).toBe(5);
    expect(payrollCost([])).toEqual({ byCurrency: {}, unpricedAgents: 0 });
  });
});

describe('employment', () => {
  it('runs from the start of the site-local start date to the end of the departure date', () => {
    // Kuala Lumpur is UTC+8: 2026-03-02 starts at 2026-03-01T16:00Z; 2026-03-03 ends at 2026-03-03T16:00Z.
    const fromMs = Date.UTC(2026, 2, 1, 14);
    const e = employment({ startDate: '2026-03-02', departedOn: '2026-03-03', timeZone: 'Asia/Kuala_Lumpur' }, fromMs, 52);
    const expected = Array.from({ length: 52 }, (_, h) => (fromMs + h * HOUR_MS >= Date.UTC(2026, 2, 1, 16) && fromMs + h * HOUR_MS < Date.UTC(2026, 2, 3, 16) ? 1 : 0));
    expect(e).toEqual(expected);
    expect(e.reduce((a, b) => a + b, 0)).toBe(48);
  });

  it('counts a 23-hour local day on the spring change and runs to the horizon end without a departure', () => {
    // New York, 2026-03-08: midnight EST is 05:00Z, the next midnight (EDT) is 04:00Z on the 9th.
    const fromMs = Date.UTC(2026, 2, 8);
    const oneDay = employment({ startDate: '2026-03-08', departedOn: '2026-03-08', timeZone: 'America/New_York' }, fromMs, 48);
    expect(oneDay.reduce((a, b) => a + b, 0)).toBe(23);
    expect(oneDay.indexOf(1)).toBe(5);
    expect(oneDay.lastIndexOf(1)).toBe(27);
    const stays = employment({ startDate: '2026-03-08', departedOn: null, timeZone: 'America/New_York' }, fromMs, 48);
    expect(stays.reduce((a, b) => a + b, 0)).toBe(43);
    expect(employment({ startDate: '2026-04-01', departedOn: null, timeZone: 'America/New_York' }, fromMs, 48)).toEqual(new Array<number>(48).fill(0));
  });
});

describe('hiredAgent', () => {
  const shift = { start: '09:00', end: '17:00', breaks: [{ start: '12:00', end: '13:00' }] };
  const hires = Assumption.parse({
    kind: 'hires',
    count: 12,
    siteId: 'kl',
    timeZone: 'Asia/Kuala_Lumpur',
    skills: ['kyc-us', 'chat'],
    startDate: '2026-03-02',
    shifts: { mon: [shift], tue: [shift], wed: [shift], thu: [shift], fri: [shift], sat: [], sun: [] },
    ramp: [0.5],
  });
  if (hires.kind !== 'hires') throw new Error('fixture');

  it('is one roster agent with the hires’ site, sorted skills, start date and pattern, nothing to expire or be absent', () => {
    expect(hiredAgent(hires, 'scenario-hire-h1')).toEqual({
      agentId: 'scenario-hire-h1',
      siteId: 'kl',
      timeZone: 'Asia/Kuala_Lumpur',
      skills: ['chat', 'kyc-us'],
      startDate: '2026-03-02',
      departedOn: null,
      certifications: [],
      schedules: [{ effectiveFrom: '2026-03-02', shifts: hires.shifts }],
      absences: [],
    });
  });

  it('gives the ramp-weighted shift hours through agentSupply, from the start date only', () => {
    const agent = hiredAgent(hires, 'h');
    // Sunday 2026-03-01 16:00Z (Monday 00:00 in KL) to Monday 2026-03-09 16:00Z: the first tenure week and the next Monday.
    const fromMs = Date.UTC(2026, 2, 1, 16);
    const [supply, ...rest] = agentSupply({ position: null, agents: { h: agent } }, fromMs, fromMs + 8 * DAY_MS, hires.ramp);
    expect(rest).toEqual([]);
    expect(supply!.skills).toEqual(['chat', 'kyc-us']);
    // Each KL weekday: 09:00–12:00 and 13:00–17:00 local, i.e. 01:00–04:00Z and 05:00–09:00Z.
    const expected = new Array<number>(8 * 24).fill(0);
    for (let day = 0; day < 8; day++) {
      const weekday = day % 7; // 0 = Monday
      if (weekday >= 5) continue;
      const factor = day < 7 ? 0.5 : 1;
      for (const h of [9, 10, 11, 13, 14, 15, 16]) expected[day * 24 + h] = factor;
    }
    supply!.hours.forEach((v, h) => expect(v).toBeCloseTo(expected[h]!, 12));
    // Nothing before the start date even though the pattern has no own start.
    expect(agentSupply({ position: null, agents: { h: { ...agent, startDate: '2026-03-03', schedules: [{ effectiveFrom: '2026-03-03', shifts: hires.shifts! }] } } }, fromMs, fromMs + DAY_MS, hires.ramp)).toEqual([]);
  });
});
