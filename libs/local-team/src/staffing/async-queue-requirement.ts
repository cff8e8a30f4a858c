import { DateTime, IANAZone } from 'luxon';
import { WEEKDAYS, localMinutes } from '@staffcast/events';
import { asyncBacklogTrajectory, asyncStaffingPlan, StaffingInputError, type AsyncQueueInput } from '@staffcast/staffing';
import { localFields } from '../demand/local-calendar.js';
import { LocalTeamInputError } from '../plan/local-team-input-error.js';
import type { Coverage, LocalTeamPlanInput } from '../plan/plan-input.js';
import { absoluteMonth } from '../plan/plan-month.js';
import type { HourlyArrivals } from '../demand/volume-spread.js';

/** The plan's horizon as consecutive real hours, for the backlog model of async queues. */
export interface AsyncTimeline {
  /** Hours from local midnight of the plan's first day to local midnight after its last. */
  hours: number;
  /** Tickets arriving in each hour. */
  arrivals: number[];
  /** Plan month index of each hour. */
  monthOfHour: number[];
  /** Whether the team works hour h (any covered minute in it); defined past the horizon too. */
  isOpen(hour: number): boolean;
}

/**
 * Lays a queue's monthly hourly arrival rates (see queueArrivals) on the plan's real-hour timeline:
 * hour h starts h hours after local midnight of the plan's first day, its local clock reading comes
 * from the zone's UTC offset at that instant (so DST needs no special case: a skipped local hour
 * never appears, a repeated one appears twice), and its tickets are the covered minutes of each local
 * clock hour it overlaps times that hour's rate in its month. The timeline's tickets add up to the
 * months' volumes. Units: tickets per hour. Complexity O(hours × coverage ranges).
 *
 * @example asyncTimeline(plan, arrivals).arrivals.slice(8, 10) // tickets in the first day's 08:00 and 09:00 hours
 */
export function asyncTimeline(plan: Pick<LocalTeamPlanInput, 'startMonth' | 'months' | 'timeZone' | 'coverage'>, arrivalsByMonth: readonly (readonly HourlyArrivals[])[]): AsyncTimeline {
  const zone = IANAZone.create(plan.timeZone);
  const first = absoluteMonth(plan.startMonth);
  const startOf = (m: number) => DateTime.fromObject({ year: Math.floor(m / 12), month: (m % 12) + 1, day: 1 }, { zone: plan.timeZone }).toMillis();
  const startMs = startOf(first);
  const hours = Math.round((startOf(first + plan.months) - startMs) / 3_600_000);
  const rates = arrivalsByMonth.map((month) => {
    const byKey = new Float64Array(168);
    for (const h of month) byKey[h.weekday * 24 + h.hour] = h.arrivalsPerHour;
    return byKey;
  });
  // Asking the zone for its offset is slow (ICU); offsets change a few times a year, so ask once a
  // day and hour by hour only on days whose offset differs at their two ends.
  const offsets = new Map<number, number | undefined>();
  const offsetAt = (ms: number): number => {
    const day = Math.floor(ms / 86_400_000);
    let known = offsets.get(day);
    if (!offsets.has(day)) {
      const a = zone.offset(day * 86_400_000);
      known = a === zone.offset((day + 1) * 86_400_000) ? a : undefined;
      offsets.set(day, known);
    }
    return known ?? zone.offset(ms);
  };
  const localAt = (h: number) => {
    const at = startMs + h * 3_600_000;
    return localFields(at + offsetAt(at) * 60_000);
  };
  const ranges = coverageMinutes(plan.coverage);
  const pieces = (h: number) => coveredPieces(ranges, localAt(h));
  const arrivals: number[] = [];
  const monthOfHour: number[] = [];
  for (let h = 0; h < hours; h++) {
    const local = localAt(h);
    const month = Math.min(plan.months - 1, Math.max(0, local.year * 12 + local.month - 1 - first));
    monthOfHour.push(month);
    let tickets = 0;
    for (const piece of coveredPieces(ranges, local)) tickets += (rates[month]![piece.weekday * 24 + piece.hour]! * piece.minutes) / 60;
    arrivals.push(tickets);
  }
  // The backlog model asks about the same hours many times, and past the horizon by up to two weeks.
  const open = Array.from({ length: hours + 24 * 21 }, (_, h) => pieces(h).length > 0);
  return { hours, arrivals, monthOfHour, isOpen: (h) => (h < open.length ? open[h]! : pieces(h).length > 0) };
}

/** Coverage ranges in minutes after local midnight, Monday first. */
function coverageMinutes(coverage: Coverage): [number, number][][] {
  return WEEKDAYS.map((day) => coverage[day].map(([a, b]) => [localMinutes(a), localMinutes(b)] as [number, number]));
}

/** Covered minutes of the hour starting at `local`, split by local clock hour (and day, past midnight). */
function coveredPieces(coverage: readonly (readonly [number, number])[][], local: { weekday: number; minuteOfDay: number }): { weekday: number; hour: number; minutes: number }[] {
  const out: { weekday: number; hour: number; minutes: number }[] = [];
  let weekday = local.weekday;
  let from = local.minuteOfDay;
  let left = 60;
  while (left > 0) {
    const hourEnd = (Math.floor(from / 60) + 1) * 60;
    const to = Math.min(hourEnd, from + left);
    let minutes = 0;
    for (const [a, b] of coverage[weekday]!) minutes += Math.max(0, Math.min(to, b) - Math.max(from, a));
    if (minutes > 0) out.push({ weekday, hour: Math.floor(from / 60), minutes });
    left -= to - from;
    from = to;
    if (from >= 1440) {
      from = 0;
      weekday = (weekday + 1) % 7;
    }
  }
  return out;
}

export interface AsyncQueueModel {
  input: AsyncQueueInput;
  timeline: AsyncTimeline;
  /** Whole agents per hour from the backlog model (the horizon plus the hours its last tickets need). */
  agents: number[];
  /** Agent-hours per plan month (hours past the horizon count in its last month). */
  netAgentHours: number[];
}

/**
 * Staffs an async queue's moved tickets with the backlog model of @staffcast/staffing
 * (asyncStaffingPlan): the fewest whole agents each hour such that every ticket is answered within
 * the queue's response target, counted in open hours (the clock stops outside the coverage hours),
 * with agents spending at most the plan's occupancy cap of their time on tickets. Returns the hourly
 * plan and its agent-hours per month. Errors the model raises (a target that cannot be met inside the
 * coverage hours) are reported against the plan's `queues`, naming the queue.
 *
 * Units: agents, agent-hours. Complexity O(hours · log hours).
 *
 * @example asyncQueueModel(timeline, 'support-email', 240, 24, 0.85).netAgentHours // agent-hours per month
 */
export function asyncQueueModel(timeline: AsyncTimeline, queueId: string, ahtSeconds: number, responseTargetHours: number, occupancyCap: number, months: number): AsyncQueueModel {
  const input: AsyncQueueInput = {
    arrivals: timeline.arrivals,
    ahtSeconds,
    responseTargetHours,
    open: timeline.isOpen,
    responseClock: 'open-hours',
    productiveFraction: occupancyCap,
  };
  let agents: number[];
  try {
    agents = asyncStaffingPlan(input).agents;
  } catch (error) {
    if (error instanceof StaffingInputError) throw new LocalTeamInputError('queues', `queue ${queueId}: ${error.field} ${error.reason}`);
    throw error;
  }
  const netAgentHours = new Array<number>(months).fill(0);
  agents.forEach((n, h) => (netAgentHours[h < timeline.hours ? timeline.monthOfHour[h]! : months - 1]! += n));
  return { input, timeline, agents, netAgentHours };
}

/** Ticket positions sampled per hour when reading who was answered in time. */
const SAMPLES_PER_HOUR = 8;

/**
 * Tickets answered within the response target, per plan month, when each hour's agents are the
 * backlog model's scaled by that month's coverage (productive FTE / required FTE) and rounded to whole
 * agents on their running total (so the agent-hours scale too): the backlog is replayed with asyncBacklogTrajectory and read first in, first out. The
 * trajectory is hourly, so answers are taken as spread evenly within each hour; each hour's tickets
 * are sampled at 8 evenly spaced positions and a sample is on time when its answer comes within the
 * target on the open-hours clock. An hour-resolution estimate, exact when every hour is either fully
 * on time or fully late.
 *
 * Units: tickets. Complexity O(hours · log hours).
 *
 * @example asyncAnsweredInTime(model, [0, 0, 1, 1]) // { volume: [...], onTime: [...] } per month
 */
export function asyncAnsweredInTime(model: AsyncQueueModel, coverageByMonth: readonly number[]): { volume: number[]; onTime: number[] } {
  const { timeline, input } = model;
  const months = coverageByMonth.length;
  const monthOf = (h: number) => (h < timeline.hours ? timeline.monthOfHour[h]! : months - 1);
  // Scaled agents are rounded on their running total, so a month at half cover gets half the
  // agent-hours even where the plan has one agent an hour (rounding each hour would keep every 1).
  let exact = 0;
  let assigned = 0;
  const scaled = model.agents.map((n, h) => {
    exact += n * Math.max(0, coverageByMonth[monthOf(h)] ?? 0);
    const next = Math.round(exact) - assigned;
    assigned += next;
    return next;
  });
  const answered = asyncBacklogTrajectory(input, scaled).answered;
  const done = [0];
  for (const a of answered) done.push(done[done.length - 1]! + a);
  const openBefore = [0];
  const clock = (t: number): number => {
    const k = Math.floor(t);
    while (openBefore.length <= k + 1) openBefore.push(openBefore[openBefore.length - 1]! + (timeline.isOpen(openBefore.length - 1) ? 1 : 0));
    return openBefore[k]! + (timeline.isOpen(k) ? t - k : 0);
  };
  const completion = (y: number): number => {
    let lo = 0;
    let hi = done.length - 1;
    if (y > done[hi]! + 1e-9) return Number.POSITIVE_INFINITY;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (done[mid]! < y) lo = mid;
      else hi = mid;
    }
    const a = answered[lo]!;
    return a > 0 ? lo + Math.min(1, Math.max(0, (y - done[lo]!) / a)) : hi;
  };
  const volume = new Array<number>(months).fill(0);
  const onTime = new Array<number>(months).fill(0);
  let arrived = 0;
  timeline.arrivals.forEach((a, h) => {
    if (a > 0) {
      let inTime = 0;
      for (let j = 0; j < SAMPLES_PER_HOUR; j++) {
        const q = (j + 0.5) / SAMPLES_PER_HOUR;
        const answeredAt = completion(arrived + a * q);
        if (Number.isFinite(answeredAt) && clock(answeredAt) - clock(h + q) <= input.responseTargetHours + 1e-9) inTime += 1;
      }
      volume[monthOf(h)]! += a;
      onTime[monthOf(h)]! += (a * inTime) / SAMPLES_PER_HOUR;
    }
    arrived += a;
  });
  return { volume, onTime };
}
