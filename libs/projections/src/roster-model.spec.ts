import fc from 'fast-check';
import { findShiftOverlap } from '@staffcast/events';
import { createRosterModel, directRosterHours, evolveRoster, rosterHours, type ProjectedEvent, type RosterHour } from './index.js';

const HOUR = 3_600_000;
type Raw = { type: string; data: Record<string, unknown> };
const logged = (raw: readonly Raw[]): ProjectedEvent[] => raw.map((e, i) => ({ ...e, position: BigInt(i + 1), metadata: { schemaVersion: 1 } }));
const none = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

function hired(agentId: string, siteId: string, timeZone: string, startDate: string, skills: string[] = ['chat']): Raw {
  return { type: 'AgentHired', data: { agentId, site: { siteId, timeZone }, markets: ['US'], languages: ['en'], skills, startDate, contractedHoursPerWeek: 40, hourlyCost: { amount: 10, currency: 'USD' } } };
}

function rounded(rows: RosterHour[]): unknown {
  return JSON.parse(JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'number' ? Number(v.toFixed(9)) : v)));
}

// Shift starts and breaks away from 01:00–01:59, the wall hour a US autumn change repeats (a break
// there is ambiguous: the model takes its first occurrence, the wall-clock count both); breaks 4 h in.
const shiftArb = fc.record({ start: fc.constantFrom('06:00', '09:00', '14:00', '22:00', '23:30'), hours: fc.integer({ min: 5, max: 10 }), breakMinutes: fc.constantFrom(0, 30, 60) });
const shiftOf = (s: { start: string; hours: number; breakMinutes: number }) => {
  const [h, m] = s.start.split(':').map(Number) as [number, number];
  const t = (minutes: number) => `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  const start = h * 60 + m;
  return { start: s.start, end: t(start + s.hours * 60), breaks: s.breakMinutes > 0 ? [{ start: t(start + 240), end: t(start + 240 + s.breakMinutes) }] : [] };
};
const day = (n: number) => new Date(Date.UTC(2026, 9, 10 + n)).toISOString().slice(0, 10); // n = 0 → 2026-10-10
type ShiftSpec = { start: string; hours: number; breakMinutes: number };
const pattern = (days: (ShiftSpec | undefined)[]) =>
  Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d, i) => [d, days[i] ? [shiftOf(days[i])] : []]));

const agentArb = fc.record({
  zone: fc.constantFrom('America/New_York', 'Asia/Kuala_Lumpur', 'Australia/Sydney'),
  site: fc.constantFrom('kl', 'ny'),
  startDay: fc.integer({ min: 0, max: 20 }),
  weekdays: fc.array(fc.option(shiftArb, { nil: undefined }), { minLength: 7, maxLength: 7 }),
  laterWeekdays: fc.option(fc.array(fc.option(shiftArb, { nil: undefined }), { minLength: 7, maxLength: 7 }), { nil: undefined }),
  absence: fc.option(fc.record({ hour: fc.integer({ min: 0, max: 48 }), hours: fc.integer({ min: 1, max: 20 }) }), { nil: undefined }),
  departDay: fc.option(fc.integer({ min: 18, max: 26 }), { nil: undefined }),
  cert: fc.option(fc.record({ on: fc.integer({ min: 10, max: 24 }), days: fc.integer({ min: 1, max: 5 }) }), { nil: undefined }),
}).filter((a) => {
  // Only schedules the agent decider accepts: no two shifts of a week overlap (Sunday into Monday
  // included). The later pattern, effective on Sunday 1 Nov, may start a Sunday shift while the old
  // pattern's Saturday shift is still running: the agent then works the new shift from its start.
  const overlaps = (week: Record<string, unknown>) => findShiftOverlap(week as Parameters<typeof findShiftOverlap>[0]) !== undefined;
  return !overlaps(pattern(a.weekdays)) && !(a.laterWeekdays && overlaps(pattern(a.laterWeekdays)));
});

describe('roster read model', () => {
  it('equals the minute-by-minute direct computation across the US DST change, with breaks, absences, departures, expiring certifications and a ramp', () => {
    fc.assert(
      fc.property(fc.array(agentArb, { minLength: 1, maxLength: 3 }), fc.constantFrom(undefined, 'chat', 'kyc-us'), fc.constantFrom(undefined, 'kl', 'ny'), (agents, skill, site) => {
        const raw: Raw[] = [];
        agents.forEach((a, i) => {
          const id = `a${i}`;
          raw.push(hired(id, a.site, a.zone, day(a.startDay)));
          raw.push({ type: 'AgentScheduleSet', data: { agentId: id, effectiveFrom: day(a.startDay), shifts: pattern(a.weekdays) } });
          if (a.laterWeekdays) raw.push({ type: 'AgentScheduleSet', data: { agentId: id, effectiveFrom: day(22), shifts: pattern(a.laterWeekdays) } });
          if (a.cert) raw.push({ type: 'AgentCertified', data: { agentId: id, skill: 'kyc-us', certifiedOn: day(a.cert.on), expiresOn: day(a.cert.on + a.cert.days) } });
          if (a.absence) {
            const from = Date.UTC(2026, 9, 31) + a.absence.hour * HOUR;
            raw.push({ type: 'AgentAbsenceRecorded', data: { agentId: id, from: new Date(from).toISOString(), to: new Date(from + a.absence.hours * HOUR).toISOString(), reasonCode: 'sick' } });
          }
          if (a.departDay !== undefined) raw.push({ type: 'AgentDeparted', data: { agentId: id, departedOn: day(a.departDay), reasonCode: 'resigned' } });
        });
        const events = logged(raw);
        const model = createRosterModel();
        for (const e of events) evolveRoster(model, e);
        // 31 Oct 12:00Z – 2 Nov 00:00Z: New York falls back at 06:00Z on 1 Nov.
        const from = Date.UTC(2026, 9, 31, 12);
        const to = Date.UTC(2026, 10, 2);
        const filter = { ...(skill ? { skill } : {}), ...(site ? { site } : {}) };
        const ramp = [0.25, 0.5, 0.75];
        expect(rounded(rosterHours(model, from, to, filter, ramp))).toEqual(rounded(directRosterHours(events, from, to, filter, ramp)));
      }),
      { numRuns: 15 },
    );
    // The direct computation visits every minute of every agent: slow on a busy shared machine.
  }, 180_000);

  it('equals the direct computation when a new pattern starts a shift during the old overnight shift', () => {
    const night = fc.record({ start: fc.constantFrom('22:00', '23:30'), hours: fc.integer({ min: 5, max: 10 }), breakMinutes: fc.constantFrom(0, 30, 60) });
    const early = fc.record({ start: fc.constantFrom('02:00', '04:00', '06:00'), hours: fc.integer({ min: 5, max: 10 }), breakMinutes: fc.constantFrom(0, 30) });
    fc.assert(
      fc.property(fc.constantFrom('America/New_York', 'Asia/Kuala_Lumpur', 'Australia/Sydney'), night, early, fc.constantFrom(undefined, 'chat', 'kyc-us'), (zone, sat, sun, skill) => {
        const events = logged([
          hired('x', 'kl', zone, '2026-10-01'),
          { type: 'AgentScheduleSet', data: { agentId: 'x', effectiveFrom: '2026-10-01', shifts: pattern([undefined, undefined, undefined, undefined, undefined, sat]) } },
          { type: 'AgentScheduleSet', data: { agentId: 'x', effectiveFrom: day(22), shifts: pattern([undefined, undefined, undefined, undefined, undefined, undefined, sun]) } },
          // The skill is held on the Saturday only: the Sunday shift still ends the Saturday one.
          { type: 'AgentCertified', data: { agentId: 'x', skill: 'kyc-us', certifiedOn: '2026-10-31', expiresOn: '2026-11-01' } },
        ]);
        const model = createRosterModel();
        for (const e of events) evolveRoster(model, e);
        const from = Date.UTC(2026, 9, 31);
        const to = Date.UTC(2026, 10, 2);
        const filter = skill ? { skill } : {};
        const rows = rosterHours(model, from, to, filter, [1]);
        expect(rounded(rows)).toEqual(rounded(directRosterHours(events, from, to, filter, [1])));
        expect(Math.max(...rows.map((r) => r.productiveHours))).toBeLessThanOrEqual(1 + 1e-9);
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  it('hand-worked: a new pattern whose first shift starts during the old overnight shift ends that shift there, counting the agent once', () => {
    const events = logged([
      hired('kl2', 'kl', 'Asia/Kuala_Lumpur', '2026-01-05', ['chat']),
      // Nights on Saturdays until 1 Nov, then an early Sunday shift from 1 Nov (different skills per day would not matter).
      { type: 'AgentScheduleSet', data: { agentId: 'kl2', effectiveFrom: '2026-01-05', shifts: { ...none, sat: [{ start: '22:00', end: '06:00', breaks: [{ start: '02:00', end: '02:30' }] }] } } },
      { type: 'AgentScheduleSet', data: { agentId: 'kl2', effectiveFrom: '2026-11-01', shifts: { ...none, sun: [{ start: '04:00', end: '12:00', breaks: [] }] } } },
    ]);
    const model = createRosterModel();
    for (const e of events) evolveRoster(model, e);
    // Sat 31 Oct 22:00 to Sun 04:00 (+08) minus the 30 min break: 5.5 h; then 04:00–12:00: 8 h. Never 2 at once.
    const from = Date.UTC(2026, 9, 31, 12);
    const to = Date.UTC(2026, 10, 1, 6);
    const rows = rosterHours(model, from, to, {}, [1]);
    expect(rows.reduce((s, r) => s + r.productiveHours, 0)).toBe(13.5);
    expect(Math.max(...rows.map((r) => r.productiveHours))).toBe(1);
    expect(rounded(rows)).toEqual(rounded(directRosterHours(events, from, to, {}, [1])));
  });

  it('hand-worked: a New York 22:00–06:00 shift over the November change is 9 hours; ramp, certification expiry and departure apply', () => {
    const week = { ...none, sat: [{ start: '22:00', end: '06:00', breaks: [] }] };
    const events = logged([
      hired('ny1', 'ny', 'America/New_York', '2026-10-24', ['chat']),
      { type: 'AgentScheduleSet', data: { agentId: 'ny1', effectiveFrom: '2026-10-24', shifts: week } },
      { type: 'AgentCertified', data: { agentId: 'ny1', skill: 'kyc-us', certifiedOn: '2026-10-01', expiresOn: '2026-11-01' } },
      hired('kl1', 'kl', 'Asia/Kuala_Lumpur', '2026-01-05', ['email']),
      { type: 'AgentScheduleSet', data: { agentId: 'kl1', effectiveFrom: '2026-01-05', shifts: { ...none, mon: [{ start: '09:00', end: '18:00', breaks: [{ start: '13:00', end: '14:00' }] }] } } },
      { type: 'AgentAbsenceRecorded', data: { agentId: 'kl1', from: '2026-11-02T01:30:00Z', to: '2026-11-02T02:00:00Z', reasonCode: 'sick' } },
      { type: 'AgentDeparted', data: { agentId: 'ny1', departedOn: '2026-11-01', reasonCode: 'resigned' } },
    ]);
    const model = createRosterModel();
    for (const e of events) evolveRoster(model, e);
    const rows = rosterHours(model, Date.UTC(2026, 9, 31), Date.UTC(2026, 10, 10), {}, [0.5]);
    const total = (site: string) => rows.reduce((s, r) => s + (r.bySite[site] ?? 0), 0);
    // Sat 31 Oct 22:00 EDT (02:00Z) to Sun 1 Nov 06:00 EST (11:00Z): 9 h, in tenure week 2 (ramp done).
    // The next Saturday (7 Nov) is after the departure on 1 Nov.
    expect(total('ny')).toBe(9);
    expect(rows.find((r) => r.hour === '2026-11-01T10:00:00.000Z')!.bySite['ny']).toBe(1);
    expect(rows.find((r) => r.hour === '2026-11-01T11:00:00.000Z')!.bySite['ny']).toBeUndefined();
    // The certification expires on 1 Nov (exclusive) but the shift started on 31 Oct: it counts for kyc-us.
    expect(rows.reduce((s, r) => s + (r.bySkill['kyc-us'] ?? 0), 0)).toBe(9);
    // KL Mondays 2 and 9 Nov: 09:00–18:00 +08 minus a 1 h break = 8 h each, minus 30 min absent on the 2nd.
    expect(total('kl')).toBe(15.5);
    expect(rosterHours(model, Date.UTC(2026, 9, 31), Date.UTC(2026, 10, 10), { skill: 'email' }, [0.5]).reduce((s, r) => s + r.productiveHours, 0)).toBe(15.5);
    // A new hire in week 1 counts at the ramp's first value.
    const fresh = createRosterModel();
    for (const e of logged([hired('n1', 'kl', 'Asia/Kuala_Lumpur', '2026-11-02'), { type: 'AgentScheduleSet', data: { agentId: 'n1', effectiveFrom: '2026-11-02', shifts: { ...none, mon: [{ start: '09:00', end: '17:00', breaks: [] }] } } }])) evolveRoster(fresh, e);
    expect(rosterHours(fresh, Date.UTC(2026, 10, 2), Date.UTC(2026, 10, 17), {}, [0.25, 0.5]).reduce((s, r) => s + r.productiveHours, 0)).toBe(8 * 0.25 + 8 * 0.5 + 8);
  });
});
