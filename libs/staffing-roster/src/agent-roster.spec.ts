import type { AgentEvent } from '@staffcast/events';
import { agentRoster, productiveRoster, rampFactor, skillsOn, workIntervals } from './agent-roster.js';

const H = 3_600_000;
const day = (shifts: { start: string; end: string; breaks: { start: string; end: string }[] }[]) => shifts;
const weekOf = (mon: ReturnType<typeof day>) => ({ mon, tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] });

function kulAgent(extra: AgentEvent[] = []): AgentEvent[] {
  return [
    {
      type: 'AgentHired',
      data: { agentId: 'a1', site: { siteId: 'kul', timeZone: 'Asia/Kuala_Lumpur' }, markets: ['US'], languages: ['en'], skills: ['chat'], startDate: '2025-06-02', contractedHoursPerWeek: 40, hourlyCost: { amount: 9, currency: 'USD' } },
    },
    { type: 'AgentScheduleSet', data: { agentId: 'a1', effectiveFrom: '2025-06-02', shifts: weekOf(day([{ start: '20:00', end: '05:00', breaks: [{ start: '00:00', end: '01:00' }] }])) } },
    ...extra,
  ];
}

describe('roster', () => {
  it('expands an overnight Kuala Lumpur shift into UTC hours, less its break', () => {
    const roster = agentRoster(kulAgent())!;
    // Monday 2026-01-05 20:00 in Kuala Lumpur (UTC+8) is 12:00 UTC; the break 00:00–01:00 is 16:00–17:00 UTC.
    const intervals = workIntervals(roster, Date.UTC(2026, 0, 5), Date.UTC(2026, 0, 6, 12));
    expect(intervals).toEqual([
      [Date.UTC(2026, 0, 5, 12), Date.UTC(2026, 0, 5, 16)],
      [Date.UTC(2026, 0, 5, 17), Date.UTC(2026, 0, 5, 21)],
    ]);
    const rows = productiveRoster([roster], Date.UTC(2026, 0, 5, 10), Date.UTC(2026, 0, 5, 22), []);
    expect(rows.map((r) => r.productiveHours)).toEqual([0, 0, 1, 1, 1, 1, 0, 1, 1, 1, 1, 0]);
    expect(rows[2]!.bySkill).toEqual({ chat: 1 });
    expect(rows[2]!.bySite).toEqual({ kul: 1 });
  });

  it('keeps a New York shift at 09:00 local across the November DST change', () => {
    const events: AgentEvent[] = [
      { type: 'AgentHired', data: { agentId: 'n1', site: { siteId: 'nyc', timeZone: 'America/New_York' }, markets: ['US'], languages: ['en'], skills: ['phone'], startDate: '2026-01-05', contractedHoursPerWeek: 40, hourlyCost: { amount: 30, currency: 'USD' } } },
      { type: 'AgentScheduleSet', data: { agentId: 'n1', effectiveFrom: '2026-01-05', shifts: weekOf(day([{ start: '09:00', end: '17:00', breaks: [] }])) } },
    ];
    const roster = agentRoster(events)!;
    expect(workIntervals(roster, Date.UTC(2026, 9, 26), Date.UTC(2026, 9, 27))).toEqual([[Date.UTC(2026, 9, 26, 13), Date.UTC(2026, 9, 26, 21)]]);
    expect(workIntervals(roster, Date.UTC(2026, 10, 2), Date.UTC(2026, 10, 3))).toEqual([[Date.UTC(2026, 10, 2, 14), Date.UTC(2026, 10, 2, 22)]]);
  });

  it('removes absences, ends at the departure day and weights new hires by the ramp', () => {
    const roster = agentRoster(
      kulAgent([
        { type: 'AgentAbsenceRecorded', data: { agentId: 'a1', from: '2026-01-05T14:00:00Z', to: '2026-01-05T15:30:00Z', reasonCode: 'sick' } },
        { type: 'AgentDeparted', data: { agentId: 'a1', departedOn: '2026-01-11', reasonCode: 'resigned' } },
      ]),
    )!;
    const monday = productiveRoster([roster], Date.UTC(2026, 0, 5, 12), Date.UTC(2026, 0, 5, 21), []);
    expect(monday.reduce((s, r) => s + r.productiveHours, 0)).toBeCloseTo(8 - 1.5, 12);
    // The next Monday is after the departure: nothing.
    expect(workIntervals(roster, Date.UTC(2026, 0, 12), Date.UTC(2026, 0, 13))).toEqual([]);
    // Started 2025-06-02: the first week at 0.5, the second at 0.8, then 1.
    const start = Date.UTC(2025, 5, 1, 16);
    expect(rampFactor([0.5, 0.8], start, start + 2 * H)).toBe(0.5);
    expect(rampFactor([0.5, 0.8], start, start + 8 * 24 * H)).toBe(0.8);
    expect(rampFactor([0.5, 0.8], start, start + 15 * 24 * H)).toBe(1);
    const firstShift = productiveRoster([roster], Date.UTC(2025, 5, 2, 12), Date.UTC(2025, 5, 2, 13), [0.5, 0.8]);
    expect(firstShift[0]!.productiveHours).toBeCloseTo(0.5, 12);
  });

  it('counts certified skills only while the certification is valid', () => {
    const roster = agentRoster(kulAgent([{ type: 'AgentCertified', data: { agentId: 'a1', skill: 'kyc-us', certifiedOn: '2025-07-01', expiresOn: '2026-07-01' } }]))!;
    expect(skillsOn(roster, '2025-06-30')).toEqual(['chat']);
    expect(skillsOn(roster, '2025-07-01')).toEqual(['chat', 'kyc-us']);
    expect(skillsOn(roster, '2026-07-01')).toEqual(['chat']);
  });
});
