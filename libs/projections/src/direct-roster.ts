import { DateTime } from 'luxon';
import { localMinutes, shiftMinutes, WEEKDAYS } from '@staffcast/events';
import type { ProjectedEvent } from './ticket-model.js';
import { rampFactor, skillsOn, type RosterAgent, type RosterFilter, type RosterHour } from './roster-model.js';
import { createRosterModel, evolveRoster } from './roster-model.js';

/**
 * Direct computation of productive roster hours, minute by minute on the wall clock: a minute is
 * worked when, read in the site's zone, it falls inside a shift (counted in wall-clock minutes from
 * the shift's local start on its start date or the day before) and outside that shift's breaks and
 * the agent's absences. Shares only the agent fold and the skill/ramp rules with `rosterHours`;
 * tests hold the two equal (away from wall times that a DST change skips or repeats, where "local
 * 01:30" is ambiguous). O(minutes · agents · shifts); for tests only.
 */
export function directRosterHours(events: readonly ProjectedEvent[], fromMs: number, toMs: number, filter: RosterFilter, ramp: readonly number[]): RosterHour[] {
  const model = createRosterModel();
  for (const e of events) evolveRoster(model, e);
  const rows: RosterHour[] = [];
  for (let h = fromMs; h < toMs; h += 3_600_000) rows.push({ hour: new Date(h).toISOString(), productiveHours: 0, bySkill: {}, bySite: {} });
  const agents = Object.values(model.agents).sort((a, b) => (a.agentId < b.agentId ? -1 : 1));
  for (let m = fromMs; m < toMs; m += 60_000) {
    const row = rows[Math.floor((m - fromMs) / 3_600_000)]!;
    for (const agent of agents) {
      if (filter.site !== undefined && agent.siteId !== filter.site) continue;
      if (agent.absences.some(([a, z]) => m >= a && m < z)) continue;
      const worked = workedShiftDate(agent, m);
      if (worked === undefined) continue;
      const skills = skillsOn(agent, worked);
      if (filter.skill !== undefined && !skills.includes(filter.skill)) continue;
      const value = rampFactor(agent, worked, ramp) / 60;
      row.productiveHours += value;
      for (const s of skills) if (filter.skill === undefined || s === filter.skill) row.bySkill[s] = (row.bySkill[s] ?? 0) + value;
      row.bySite[agent.siteId] = (row.bySite[agent.siteId] ?? 0) + value;
    }
  }
  return rows;
}

/**
 * The start date of the shift the agent is working (not on a break) at minute `m`, or undefined.
 * Today's shifts are looked at before yesterday's overnight ones: where a new weekly pattern's
 * shift starts during the old pattern's overnight shift, that overnight shift is over.
 */
function workedShiftDate(agent: RosterAgent, m: number): string | undefined {
  const local = DateTime.fromMillis(m, { zone: agent.timeZone });
  const clock = local.hour * 60 + local.minute;
  for (const back of [0, 1]) {
    const day = local.startOf('day').minus({ days: back });
    const date = day.toISODate()!;
    if (date < agent.startDate || (agent.departedOn !== null && date > agent.departedOn)) continue;
    const pattern = agent.schedules.filter((s) => s.effectiveFrom <= date).at(-1)?.shifts;
    if (!pattern) continue;
    const wall = back * 1440 + clock;
    for (const shift of pattern[WEEKDAYS[day.weekday - 1]!]) {
      const start = localMinutes(shift.start);
      if (wall < start || wall >= start + shiftMinutes(shift)) continue;
      const onBreak = shift.breaks.some((b) => {
        const bs = (localMinutes(b.start) - start + 1440) % 1440;
        let be = (localMinutes(b.end) - start + 1440) % 1440;
        if (be === 0) be = 1440;
        return wall - start >= bs && wall - start < be;
      });
      // One shift at a time: a shift of today's date that has started (even if over) has ended
      // yesterday's overnight shift, and the shift that started last holds the minute, break or not.
      if (back === 1 && startedToday(agent, local, clock)) return undefined;
      return onBreak ? undefined : date;
    }
  }
  return undefined;
}

/** Whether a shift of the local date of `local` (employed, by its pattern) starts at or before wall minute `clock`. */
function startedToday(agent: RosterAgent, local: DateTime, clock: number): boolean {
  const date = local.toISODate()!;
  if (date < agent.startDate || (agent.departedOn !== null && date > agent.departedOn)) return false;
  const pattern = agent.schedules.filter((s) => s.effectiveFrom <= date).at(-1)?.shifts;
  return (pattern?.[WEEKDAYS[local.weekday - 1]!] ?? []).some((shift) => localMinutes(shift.start) <= clock);
}
