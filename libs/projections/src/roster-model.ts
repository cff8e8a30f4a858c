import { DateTime } from 'luxon';
import { instantMs, WEEKDAYS, type AgentHiredData, type WeeklyShiftPattern } from '@staffcast/events';
import type { ProjectedEvent } from './ticket-model.js';

const HOUR_MS = 3_600_000;

/** One agent as the roster projection knows it. Dates are site-local `YYYY-MM-DD`. */
export interface RosterAgent {
  agentId: string;
  siteId: string;
  timeZone: string;
  /** Skills from the hire record (held without a certification). */
  skills: string[];
  startDate: string;
  /** Last day employed, or null. */
  departedOn: string | null;
  certifications: { skill: string; certifiedOn: string; expiresOn: string | null }[];
  /** Weekly patterns by effectiveFrom, ascending; each holds until the next. */
  schedules: { effectiveFrom: string; shifts: WeeklyShiftPattern }[];
  /** Absence windows [fromMs, toMs). */
  absences: [number, number][];
}

/**
 * The roster read model: every agent with the facts that decide their productive hours. Plain
 * JSON-serialisable data (a few KiB per agent), so it is stored or rebuilt whole. `evolveRoster`
 * mutates in place, ignores events at or before `position`, and is deterministic.
 */
export interface RosterModel {
  position: string | null;
  agents: Record<string, RosterAgent>;
}

export const ROSTER_EVENT_TYPES = ['AgentHired', 'AgentCertified', 'AgentScheduleSet', 'AgentAbsenceRecorded', 'AgentDeparted'] as const;

export function createRosterModel(): RosterModel {
  return { position: null, agents: {} };
}

/** Applies one event to the roster (in place) and returns it. O(schedules of the agent) for AgentScheduleSet, else O(1). */
export function evolveRoster(model: RosterModel, event: ProjectedEvent): RosterModel {
  if (model.position !== null && event.position <= BigInt(model.position)) return model;
  model.position = event.position.toString();
  const d = event.data as Record<string, unknown>;
  const agent = model.agents[d['agentId'] as string];
  switch (event.type) {
    case 'AgentHired': {
      const h = d as unknown as AgentHiredData;
      model.agents[h.agentId] ??= { agentId: h.agentId, siteId: h.site.siteId, timeZone: h.site.timeZone, skills: [...h.skills], startDate: h.startDate, departedOn: null, certifications: [], schedules: [], absences: [] };
      return model;
    }
    case 'AgentCertified':
      agent?.certifications.push({ skill: d['skill'] as string, certifiedOn: d['certifiedOn'] as string, expiresOn: (d['expiresOn'] as string | undefined) ?? null });
      return model;
    case 'AgentScheduleSet':
      if (agent) {
        const from = d['effectiveFrom'] as string;
        agent.schedules = agent.schedules.filter((s) => s.effectiveFrom !== from);
        agent.schedules.push({ effectiveFrom: from, shifts: d['shifts'] as WeeklyShiftPattern });
        agent.schedules.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
      }
      return model;
    case 'AgentAbsenceRecorded':
      agent?.absences.push([instantMs(d['from'] as string), instantMs(d['to'] as string)]);
      return model;
    case 'AgentDeparted':
      if (agent) agent.departedOn = d['departedOn'] as string;
      return model;
    default:
      return model;
  }
}

/** New-hire ramp: productivity (0–1) in tenure weeks 1, 2, … (week 1 starts on startDate); 1 after the list. */
export const DEFAULT_NEW_HIRE_RAMP: readonly number[] = [0.25, 0.5, 0.75];

export interface RosterHour {
  hour: string;
  /** Productive agent-hours in the hour (ramp-weighted), for the agents selected. */
  productiveHours: number;
  /** The same by skill; an agent with several skills counts in each, so these overlap. */
  bySkill: Record<string, number>;
  bySite: Record<string, number>;
}

export interface RosterFilter {
  skill?: string;
  site?: string;
}

/** Skills an agent holds on a site-local date: hire skills plus certifications valid that day (certifiedOn ≤ date < expiresOn). */
export function skillsOn(agent: RosterAgent, date: string): string[] {
  const out = new Set(agent.skills);
  for (const c of agent.certifications) if (c.certifiedOn <= date && (c.expiresOn === null || date < c.expiresOn)) out.add(c.skill);
  return [...out].sort();
}

/** Productivity factor for a shift starting on `date`: the ramp entry for its tenure week, 1 after the ramp. */
export function rampFactor(agent: RosterAgent, date: string, ramp: readonly number[]): number {
  const week = Math.floor((dayNumber(date) - dayNumber(agent.startDate)) / 7);
  return week < ramp.length ? ramp[week]! : 1;
}

/**
 * Productive agent-hours per UTC hour in [fromMs, toMs) (whole hours). Each agent's weekly pattern
 * is expanded day by day in the site's time zone (luxon; a shift's local start and end become
 * instants, so a shift across a DST change lasts its real elapsed time), from startDate to
 * departedOn; breaks and absences are cut out; the remaining time is spread over the UTC hours it
 * overlaps and weighted by the new-hire ramp of the shift's start date. A shift counts for the
 * skills held on its start date. A local time the clock skips is read as luxon does (moved
 * forward); one it repeats (e.g. 01:30 on a US autumn change) as its first occurrence. An agent
 * works one shift at a time: when a new weekly pattern's shift starts while the old pattern's
 * overnight shift is still running, the old one ends there.
 * O(agents · days · shifts + hours).
 */
export function rosterHours(model: RosterModel, fromMs: number, toMs: number, filter: RosterFilter = {}, ramp: readonly number[] = DEFAULT_NEW_HIRE_RAMP): RosterHour[] {
  if (fromMs % HOUR_MS !== 0 || toMs % HOUR_MS !== 0 || toMs < fromMs) throw new RangeError('from and to must be whole UTC hours, from ≤ to');
  const hours = (toMs - fromMs) / HOUR_MS;
  const labels = hourLabels(fromMs, hours);
  const rows: RosterHour[] = new Array<RosterHour>(hours);
  for (let h = 0; h < hours; h++) rows[h] = { hour: labels[h]!, productiveHours: 0, bySkill: {}, bySite: {} };
  const days = (zone: string) => localDays(zone, fromMs, toMs);
  for (const agent of Object.values(model.agents).sort((a, b) => (a.agentId < b.agentId ? -1 : 1))) {
    if (filter.site !== undefined && agent.siteId !== filter.site) continue;
    const zone = agent.timeZone;
    const shifts: WorkedShift[] = [];
    for (const { iso, weekday, next } of days(zone)) {
      if (iso < agent.startDate || (agent.departedOn !== null && iso > agent.departedOn)) continue;
      const pattern = [...agent.schedules].reverse().find((s) => s.effectiveFrom <= iso)?.shifts;
      if (!pattern) continue;
      const skills = skillsOn(agent, iso);
      const counted = filter.skill === undefined || skills.includes(filter.skill);
      const factor = rampFactor(agent, iso, ramp);
      for (const shift of pattern[WEEKDAYS[weekday - 1]!]) {
        const start = localInstant(iso, shift.start, zone);
        let end = localInstant(iso, shift.end, zone);
        if (end <= start) end = localInstant(next, shift.end, zone);
        let pieces: [number, number][] = [[start, end]];
        for (const b of shift.breaks) {
          let bs = localInstant(iso, b.start, zone);
          if (bs < start) bs = localInstant(next, b.start, zone);
          let be = localInstant(iso, b.end, zone);
          while (be <= bs) be = localInstant(next, b.end, zone);
          pieces = cut(pieces, bs, be);
        }
        shifts.push({ start, end, pieces, counted, factor, skills });
      }
    }
    // One shift at a time: where a new weekly pattern's first shift starts before the old
    // pattern's overnight shift has ended, the earlier shift ends there (within one pattern the
    // decider allows no overlap).
    shifts.sort((a, b) => a.start - b.start);
    for (let i = 0; i + 1 < shifts.length; i++) {
      const shift = shifts[i]!;
      const following = shifts[i + 1]!;
      if (following.start < shift.end) shift.pieces = cut(shift.pieces, following.start, shift.end);
    }
    for (const shift of shifts) {
      if (!shift.counted) continue;
      let pieces = shift.pieces;
      for (const [a, z] of agent.absences) pieces = cut(pieces, a, z);
      for (const [a, z] of pieces) spread(rows, fromMs, toMs, a, z, shift.factor, shift.skills, filter.skill, agent.siteId);
    }
  }
  return rows;
}

/** One shift of an agent as worked: its span, what of it is not on a break, and how it counts. */
interface WorkedShift {
  start: number;
  end: number;
  pieces: [number, number][];
  /** Whether the shift's date holds the skill a read is filtered on. */
  counted: boolean;
  factor: number;
  skills: string[];
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (calendar arithmetic, no zone). */
function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

/**
 * Pure luxon conversions, memoised for the process: agents of a site share zones, dates and shift
 * times, and callers that read one agent at a time (a plan's supply per agent) ask for the same
 * ones again. Bounded: a memo that fills up is cleared.
 */
const LOCAL_INSTANTS = new Map<string, number>();
const LOCAL_DAYS = new Map<string, readonly LocalDay[]>();
const HOUR_LABELS = new Map<string, readonly string[]>();
const MAX_LOCAL_INSTANTS = 200_000;
const MAX_LOCAL_DAY_LISTS = 256;

interface LocalDay {
  iso: string;
  weekday: number;
  next: string;
}

/** ISO text of `hours` consecutive UTC hours from `fromMs`, shared by reads of the same range (one read per agent asks for the same labels). */
function hourLabels(fromMs: number, hours: number): readonly string[] {
  const key = `${fromMs}|${hours}`;
  let labels = HOUR_LABELS.get(key);
  if (!labels) {
    const list: string[] = new Array<string>(hours);
    for (let h = 0; h < hours; h++) list[h] = new Date(fromMs + h * HOUR_MS).toISOString();
    if (HOUR_LABELS.size >= MAX_LOCAL_DAY_LISTS) HOUR_LABELS.clear();
    HOUR_LABELS.set(key, (labels = list));
  }
  return labels;
}

/** Local date + time in a zone → epoch ms (luxon; a skipped time moves forward, a repeated one is its first occurrence). */
function localInstant(date: string, time: string, zone: string): number {
  const key = `${zone}|${date}|${time}`;
  let ms = LOCAL_INSTANTS.get(key);
  if (ms === undefined) {
    if (LOCAL_INSTANTS.size >= MAX_LOCAL_INSTANTS) LOCAL_INSTANTS.clear();
    LOCAL_INSTANTS.set(key, (ms = DateTime.fromISO(`${date}T${time}`, { zone }).toMillis()));
  }
  return ms;
}

/** Local dates whose shifts can reach [fromMs, toMs) (a shift lasts under 24 h and starts on its date): the day before the range's first through its last. */
function localDays(zone: string, fromMs: number, toMs: number): readonly LocalDay[] {
  const key = `${zone}|${fromMs}|${toMs}`;
  let list = LOCAL_DAYS.get(key);
  if (!list) {
    const days: LocalDay[] = [];
    const last = DateTime.fromMillis(toMs, { zone }).startOf('day');
    for (let d = DateTime.fromMillis(fromMs, { zone }).startOf('day').minus({ days: 1 }); d <= last; d = d.plus({ days: 1 })) {
      days.push({ iso: d.toISODate()!, weekday: d.weekday, next: d.plus({ days: 1 }).toISODate()! });
    }
    if (LOCAL_DAYS.size >= MAX_LOCAL_DAY_LISTS) LOCAL_DAYS.clear();
    LOCAL_DAYS.set(key, (list = days));
  }
  return list;
}

/** Removes [a, z) from each interval. */
function cut(pieces: [number, number][], a: number, z: number): [number, number][] {
  const out: [number, number][] = [];
  for (const [s, e] of pieces) {
    if (z <= s || a >= e) out.push([s, e]);
    else {
      if (a > s) out.push([s, a]);
      if (z < e) out.push([z, e]);
    }
  }
  return out;
}

function spread(rows: RosterHour[], fromMs: number, toMs: number, a: number, z: number, factor: number, skills: string[], onlySkill: string | undefined, site: string): void {
  const lo = Math.max(a, fromMs);
  const hi = Math.min(z, toMs);
  for (let h = Math.floor((lo - fromMs) / HOUR_MS); h >= 0 && fromMs + h * HOUR_MS < hi; h++) {
    const hs = fromMs + h * HOUR_MS;
    const overlap = Math.min(hi, hs + HOUR_MS) - Math.max(lo, hs);
    if (overlap <= 0) continue;
    const value = (overlap / HOUR_MS) * factor;
    const row = rows[h]!;
    row.productiveHours += value;
    for (const s of skills) if (onlySkill === undefined || s === onlySkill) row.bySkill[s] = (row.bySkill[s] ?? 0) + value;
    row.bySite[site] = (row.bySite[site] ?? 0) + value;
  }
}
