import { DateTime } from 'luxon';
import { instantMs, localMinutes, shiftMinutes, type AgentEvent, type AgentHiredData, type AgentScheduleSetData } from '@staffcast/events';

/** What the roster needs of one agent, folded from its stream. */
export interface AgentRoster {
  hired: AgentHiredData;
  /** First instant after the departure day (site-local), epoch ms; undefined while employed. */
  endMs?: number;
  certifications: { skill: string; from: string; until?: string }[];
  absences: { fromMs: number; toMs: number }[];
  /** Weekly patterns by effective date, ascending. */
  schedules: { effectiveFrom: string; shifts: AgentScheduleSetData['shifts'] }[];
}

/** Folds an agent's events into its roster facts; undefined before the hire. O(events). */
export function agentRoster(events: readonly AgentEvent[]): AgentRoster | undefined {
  let roster: AgentRoster | undefined;
  for (const event of events) {
    if (event.type === 'AgentHired') {
      roster = { hired: event.data, certifications: [], absences: [], schedules: [] };
      continue;
    }
    if (!roster) continue;
    switch (event.type) {
      case 'AgentCertified': {
        const c: AgentRoster['certifications'][number] = { skill: event.data.skill, from: event.data.certifiedOn };
        if (event.data.expiresOn) c.until = event.data.expiresOn;
        roster.certifications.push(c);
        break;
      }
      case 'AgentScheduleSet':
        roster.schedules = [...roster.schedules.filter((s) => s.effectiveFrom !== event.data.effectiveFrom), { effectiveFrom: event.data.effectiveFrom, shifts: event.data.shifts }].sort((a, b) =>
          a.effectiveFrom < b.effectiveFrom ? -1 : 1,
        );
        break;
      case 'AgentAbsenceRecorded':
        roster.absences.push({ fromMs: instantMs(event.data.from), toMs: instantMs(event.data.to) });
        break;
      case 'AgentDeparted':
        roster.endMs = DateTime.fromISO(event.data.departedOn, { zone: roster.hired.site.timeZone }).plus({ days: 1 }).startOf('day').toMillis();
        break;
    }
  }
  return roster;
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const HOUR_MS = 3_600_000;
const WEEK_MS = 7 * 24 * HOUR_MS;

/**
 * Working intervals of an agent in [fromMs, toMs): each local day's shifts from the pattern in
 * effect that day, expanded in the site's time zone (so a DST change moves them in UTC), less
 * breaks and recorded absences, inside employment (start date to the end of the departure day).
 * A shift whose end is not after its start runs past midnight; a break before the shift's start
 * time is on the next day. Units: epoch ms. Complexity: O(days · shifts + absences).
 */
export function workIntervals(roster: AgentRoster, fromMs: number, toMs: number): [number, number][] {
  const zone = roster.hired.site.timeZone;
  const employedFrom = DateTime.fromISO(roster.hired.startDate, { zone }).toMillis();
  const lo = Math.max(fromMs, employedFrom);
  const hi = Math.min(toMs, roster.endMs ?? Number.POSITIVE_INFINITY);
  if (!(hi > lo) || roster.schedules.length === 0) return [];
  const out: [number, number][] = [];
  // Start a day early: yesterday's overnight shift reaches into today.
  let day = DateTime.fromMillis(lo, { zone }).startOf('day').minus({ days: 1 });
  while (day.toMillis() < hi) {
    const date = day.toISODate()!;
    const pattern = [...roster.schedules].reverse().find((s) => s.effectiveFrom <= date);
    for (const shift of pattern?.shifts[WEEKDAYS[day.weekday - 1]!] ?? []) {
      const start = at(day, shift.start);
      const end = start + shiftMinutes(shift) * 60_000;
      let pieces: [number, number][] = [[start, end]];
      for (const b of shift.breaks) {
        const bDay = localMinutes(b.start) < localMinutes(shift.start) ? day.plus({ days: 1 }) : day;
        const bStart = at(bDay, b.start);
        const bEnd = bStart + shiftMinutes(b) * 60_000;
        pieces = subtract(pieces, bStart, bEnd);
      }
      for (const a of roster.absences) pieces = subtract(pieces, a.fromMs, a.toMs);
      for (const [s, e] of pieces) {
        const cs = Math.max(s, lo);
        const ce = Math.min(e, hi);
        if (ce > cs) out.push([cs, ce]);
      }
    }
    day = day.plus({ days: 1 });
  }
  return out.sort((a, b) => a[0] - b[0]);
}

function at(day: DateTime, time: string): number {
  const minutes = localMinutes(time);
  return day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toMillis();
}

function subtract(pieces: [number, number][], from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  for (const [s, e] of pieces) {
    if (to <= s || from >= e) out.push([s, e]);
    else {
      if (from > s) out.push([s, from]);
      if (to < e) out.push([to, e]);
    }
  }
  return out;
}

/** Skills an agent holds on a site-local date: hired skills plus certifications valid that day. O(certifications). */
export function skillsOn(roster: AgentRoster, date: string): string[] {
  const skills = new Set(roster.hired.skills);
  for (const c of roster.certifications) if (c.from <= date && (c.until === undefined || date < c.until)) skills.add(c.skill);
  return [...skills].sort();
}

/**
 * Productivity of a new hire by week of tenure: `ramp[w]` in week w after the start date, 1 from
 * the end of the ramp on. Example: ramp [0.5, 0.75] → 0.5 in the first week, 0.75 in the second, then 1.
 */
export function rampFactor(ramp: readonly number[], startMs: number, atMs: number): number {
  const week = Math.floor((atMs - startMs) / WEEK_MS);
  return week < 0 ? 0 : (ramp[week] ?? 1);
}

export interface RosterHour {
  /** Start of the UTC hour, epoch ms. */
  hourMs: number;
  /** Productive agent-hours in the hour (ramp-weighted). */
  productiveHours: number;
  bySkill: Record<string, number>;
  bySite: Record<string, number>;
}

/**
 * Productive agent-hours per UTC hour in [fromMs, toMs), in total, per skill held at the time and
 * per site. An agent counts in full under every skill it holds: sharing an agent among queues is
 * the capacity plan's job, not the roster's. Units: agent-hours per hour (= agents on shift).
 * Complexity: O(agents · (days · shifts + hours)).
 *
 * @example productiveRoster([agent], Date.UTC(2026, 0, 5, 12), Date.UTC(2026, 0, 5, 14), []) // 2 rows; 1 agent-hour each while on shift
 */
export function productiveRoster(rosters: readonly AgentRoster[], fromMs: number, toMs: number, ramp: readonly number[]): RosterHour[] {
  const hours = Math.max(0, Math.ceil((toMs - fromMs) / HOUR_MS));
  const rows: RosterHour[] = Array.from({ length: hours }, (_, h) => ({ hourMs: fromMs + h * HOUR_MS, productiveHours: 0, bySkill: {}, bySite: {} }));
  for (const roster of rosters) {
    const zone = roster.hired.site.timeZone;
    const startMs = DateTime.fromISO(roster.hired.startDate, { zone }).toMillis();
    for (const [s, e] of workIntervals(roster, fromMs, toMs)) {
      for (let h = Math.floor((s - fromMs) / HOUR_MS); h < hours && fromMs + h * HOUR_MS < e; h++) {
        const hourStart = fromMs + h * HOUR_MS;
        const overlap = Math.min(e, hourStart + HOUR_MS) - Math.max(s, hourStart);
        if (overlap <= 0) continue;
        const value = (overlap / HOUR_MS) * rampFactor(ramp, startMs, Math.max(s, hourStart));
        const row = rows[h]!;
        row.productiveHours += value;
        row.bySite[roster.hired.site.siteId] = (row.bySite[roster.hired.site.siteId] ?? 0) + value;
        for (const skill of skillsOn(roster, DateTime.fromMillis(hourStart, { zone }).toISODate()!)) row.bySkill[skill] = (row.bySkill[skill] ?? 0) + value;
      }
    }
  }
  return rows;
}
