import { StaffingInputError } from './staffing-input-error.js';
import { requireInteger, requireNonNegative, requirePositive, requireUpperFraction } from './validation.js';

/**
 * How response time is counted: `elapsed` wall-clock hours, or `open-hours`, which stop while the
 * queue is closed (a ticket sent on Saturday with a 4-hour target is due 4 open hours into Monday).
 */
export type ResponseClock = 'elapsed' | 'open-hours';

export interface AsyncQueueInput {
  /** Tickets arriving in each hour of the horizon, spread evenly over the hour. */
  arrivals: readonly number[];
  /** Agent time per ticket, seconds. */
  ahtSeconds: number;
  /** Every ticket must get its response within this many hours (on `responseClock`). */
  responseTargetHours: number;
  /** Whether agents work hour h. An array must also cover the hours after the horizon that answers may need. */
  open: readonly boolean[] | ((hour: number) => boolean);
  responseClock?: ResponseClock;
  /** Tickets already waiting when the horizon starts, counted as arriving at hour 0. */
  initialBacklog?: number;
  /** Fraction of an agent's hour spent on tickets, (0, 1]; default 1. */
  productiveFraction?: number;
  /** How many hours past the horizon answers may take before giving up; default two weeks. */
  maxExtraHours?: number;
}

export interface AsyncBacklogTrajectory {
  /** Hours covered: the horizon plus the hours after it in which its last tickets are answered. */
  hours: number;
  /** Agents per hour (0 while closed). */
  agents: number[];
  /** Tickets answered in each hour. */
  answered: number[];
  /** Tickets waiting at each hour boundary (hours + 1 values; the first is the initial backlog). */
  backlog: number[];
  /** Longest response of any ticket, in hours on the response clock. */
  maxResponseHours: number;
  /** Tickets still unanswered at the end of the covered hours (0 for a plan that meets the target). */
  unanswered: number;
}

/**
 * Least hourly staffing of an asynchronous queue (email) such that every ticket arriving in the
 * horizon is answered within the response target, inside the queue's opening hours.
 *
 * Fluid FIFO backlog model: tickets arrive at a constant rate within each hour; n agents answer
 * n·3600·productiveFraction/AHT tickets an hour, oldest first, whenever there is a backlog, and no
 * faster than tickets arrive; closed hours answer nothing and carry the backlog over. With A(τ) the
 * cumulative arrivals and D(s) the cumulative answers, a ticket arriving at τ is answered at
 * D⁻¹(A(τ)). On either clock, deadlines are non-decreasing in arrival time, so FIFO is also
 * earliest-deadline-first, and the target holds iff D(s) ≥ Due(s) for all s, where Due(s) counts the
 * tickets due by s.
 *
 * Plan: hour by hour, each open hour gets the fewest whole agents such that D ≥ Due holds through the
 * hour and up to the start of the next open hour (answers cannot happen while closed). Due is linear
 * between the hour's start, the point where the deadline crosses an hour boundary and the hour's end,
 * and D = min(D(h) + c·u, A(h + u)), so checking those points is exact. The result is minimal hour by
 * hour: removing one agent from any single hour makes some ticket late, whatever the later hours do.
 * The hours run past the horizon until its last ticket is answered.
 *
 * Throws a StaffingInputError naming `responseTargetHours` when no staffing can meet the target
 * (some ticket's response window holds no open time), and for bad inputs.
 * Units: tickets, hours; AHT in seconds. Complexity O(hours · log hours).
 *
 * @example
 * asyncStaffingPlan({ arrivals: [6, 6, 6], ahtSeconds: 600, responseTargetHours: 1, open: () => true })
 * // agents [0, 1, 1, 1]: each hour's tickets are answered, at the latest, one hour after they arrive
 */
export function asyncStaffingPlan(input: AsyncQueueInput): AsyncBacklogTrajectory {
  const q = prepare(input);
  const agents: number[] = [];
  const departures: Breakpoint[] = [{ t: 0, d: 0 }];
  let answeredSoFar = 0;
  const tol = 1e-9 * Math.max(1, q.total);
  for (let h = 0; answeredSoFar < q.total - tol; h++) {
    if (h >= q.horizon + q.maxExtraHours) {
      throw new StaffingInputError('maxExtraHours', `tickets are still unanswered ${q.maxExtraHours} hours after the horizon: the queue does not open often enough`);
    }
    // Clock values are built from whole open-hour counts so the breakpoints are hit exactly.
    const now = q.openPrefix(h);
    const target = q.responseTargetHours;
    if (answeredSoFar < q.dueAtClock(now - target) - tol) throw q.unreachable(answeredSoFar);
    let n = 0;
    if (q.isOpen(h)) {
      // Rate c such that D(h) + c·u ≥ Due(h + u) at the points where Due bends or jumps, at the
      // hour's end, and through the closed hours up to the next opening.
      let rate = Math.max(0, q.dueAtClock(q.openPrefix(q.nextOpenAfter(h)) - target) - answeredSoFar, q.dueAtClock(now + 1 - target) - answeredSoFar);
      const split = target - Math.floor(target);
      if (split > 0) {
        const v = now - Math.floor(target);
        rate = Math.max(rate, (q.dueBeforeClock(v) - answeredSoFar) / split, (q.dueAtClock(v) - answeredSoFar) / split);
      }
      n = Math.max(0, Math.ceil(rate / q.perAgent - 1e-9));
    }
    agents.push(n);
    answeredSoFar = advance(q, h, n, answeredSoFar, departures);
  }
  return trajectory(q, agents, departures);
}

/**
 * The backlog trajectory and longest response of a given hourly staffing plan, under the fluid FIFO
 * model of {@link asyncStaffingPlan}; hours past the plan have no agents. O(hours · log hours).
 *
 * @example asyncBacklogTrajectory({ arrivals: [6, 6], ahtSeconds: 600, responseTargetHours: 1, open: () => true }, [0, 1, 1]).maxResponseHours // 1
 */
export function asyncBacklogTrajectory(input: AsyncQueueInput, plan: readonly number[]): AsyncBacklogTrajectory {
  const q = prepare(input);
  plan.forEach((n, i) => requireInteger(`plan.${i}`, n, 0));
  const departures: Breakpoint[] = [{ t: 0, d: 0 }];
  let answeredSoFar = 0;
  const agents: number[] = [];
  for (let h = 0; h < plan.length; h++) {
    const n = q.isOpen(h) ? plan[h]! : 0;
    agents.push(n);
    answeredSoFar = advance(q, h, n, answeredSoFar, departures);
  }
  return trajectory(q, agents, departures);
}

interface Breakpoint {
  t: number;
  d: number;
}

interface PreparedQueue {
  horizon: number;
  total: number;
  perAgent: number;
  responseTargetHours: number;
  maxExtraHours: number;
  isOpen(h: number): boolean;
  /** Cumulative arrivals A(τ), right-continuous (A(0) includes the initial backlog). */
  arrived(t: number): number;
  /** Arrival time of the y-th ticket: inf{τ : A(τ) ≥ y}. */
  arrivalOf(y: number): number;
  /** Open time O(t) up to t, on the response clock. */
  clock(t: number): number;
  /** Tickets due once the response clock reads v + target (right-continuous), and just before. */
  dueAtClock(v: number): number;
  dueBeforeClock(v: number): number;
  /** O(h) for a whole hour h. */
  openPrefix(h: number): number;
  nextOpenAfter(h: number): number;
  unreachable(answered: number): StaffingInputError;
}

function prepare(input: AsyncQueueInput): PreparedQueue {
  if (!Array.isArray(input.arrivals)) throw new StaffingInputError('arrivals', 'must be an array of tickets per hour');
  const arrivals = input.arrivals.map((a, i) => requireNonNegative(`arrivals.${i}`, a));
  const aht = requirePositive('ahtSeconds', input.ahtSeconds);
  const target = requirePositive('responseTargetHours', input.responseTargetHours);
  const clockKind = input.responseClock ?? 'elapsed';
  if (clockKind !== 'elapsed' && clockKind !== 'open-hours') throw new StaffingInputError('responseClock', `must be 'elapsed' or 'open-hours', got ${String(clockKind)}`);
  const initial = requireNonNegative('initialBacklog', input.initialBacklog ?? 0);
  const productive = requireUpperFraction('productiveFraction', input.productiveFraction ?? 1);
  const maxExtraHours = requireInteger('maxExtraHours', input.maxExtraHours ?? 24 * 14, 0, 24 * 366);
  const horizon = arrivals.length;
  const open = input.open;
  if (typeof open !== 'function' && !Array.isArray(open)) throw new StaffingInputError('open', 'must be an array of booleans per hour or a function of the hour');
  const isOpen = (h: number): boolean => {
    if (typeof open === 'function') return open(h) === true;
    if (h >= open.length) throw new StaffingInputError('open', `covers ${open.length} hours, but answers for the horizon's tickets need hour ${h}; extend it past the horizon`);
    return open[h] === true;
  };

  const cumArrivals = [initial];
  for (const a of arrivals) cumArrivals.push(cumArrivals[cumArrivals.length - 1]! + a);
  const total = cumArrivals[horizon]!;
  const cumOpen = [0];
  const openPrefix = (k: number): number => {
    while (cumOpen.length <= k) {
      const h = cumOpen.length - 1;
      cumOpen.push(cumOpen[h]! + (clockKind === 'elapsed' || isOpen(h) ? 1 : 0));
    }
    return cumOpen[k]!;
  };
  const clock = (t: number): number => {
    const k = Math.floor(t);
    const base = openPrefix(k);
    return clockKind === 'elapsed' || isOpen(k) ? base + (t - k) : base;
  };
  /** Smallest whole hour k with O(k) > v (v ≥ 0). */
  const firstHourPast = (v: number): number => {
    let lo = 0; // O(lo) ≤ v
    let hi = Math.max(1, Math.ceil(v) + 1);
    while (openPrefix(hi) <= v) {
      lo = hi;
      hi *= 2;
    }
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (openPrefix(mid) <= v) lo = mid;
      else hi = mid;
    }
    return hi;
  };
  const arrived = (t: number): number => {
    if (t < 0) return 0;
    if (t >= horizon) return total;
    const k = Math.floor(t);
    return cumArrivals[k]! + (t - k) * arrivals[k]!;
  };
  const arrivalOf = (y: number): number => {
    if (y <= initial) return 0;
    let lo = 0;
    let hi = horizon;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (cumArrivals[mid]! < y) lo = mid;
      else hi = mid;
    }
    const rate = arrivals[lo]!;
    return rate > 0 ? lo + Math.min(1, (y - cumArrivals[lo]!) / rate) : hi;
  };
  /**
   * Tickets due once the clock reads v + target: those that arrived by sup{τ : O(τ) ≤ v}. That
   * supremum runs through any closed stretch after the last open moment, so tickets sent while closed
   * fall due together (right-continuous).
   */
  const dueAtClock = (v: number): number => {
    if (v < 0) return 0;
    if (clockKind === 'elapsed') return arrived(v);
    const k = firstHourPast(v) - 1; // O(k) ≤ v < O(k + 1): hour k is open
    return arrived(k + (v - openPrefix(k)));
  };
  /** The left limit of dueAtClock at v: at a whole v, only tickets up to the end of the open hour that brought O to v. */
  const dueBeforeClock = (v: number): number => {
    if (v <= 0) return 0;
    if (clockKind === 'elapsed' || !Number.isInteger(v)) return dueAtClock(v);
    return arrived(firstHourPast(v - 1));
  };
  const nextOpenAfter = (h: number): number => {
    for (let k = h + 1; k <= horizon + maxExtraHours; k++) if (isOpen(k)) return k;
    return horizon + maxExtraHours;
  };
  const unreachable = (answered: number): StaffingInputError => {
    const hour = Math.floor(arrivalOf(answered + 1e-9 * Math.max(1, total)));
    return new StaffingInputError(
      'responseTargetHours',
      `unreachable: tickets arriving in hour ${hour} cannot be answered within ${target} h (${clockKind} clock), because the queue is not open between their arrival and their deadline`,
    );
  };
  return { horizon, total, perAgent: (3600 * productive) / aht, responseTargetHours: target, maxExtraHours, isOpen, arrived, arrivalOf, clock, dueAtClock, dueBeforeClock, openPrefix, nextOpenAfter, unreachable };
}

/** Runs hour h with n agents from `answered`, appends D's breakpoints, returns D(h + 1). */
function advance(q: PreparedQueue, h: number, n: number, answered: number, departures: Breakpoint[]): number {
  const capacity = n * q.perAgent;
  const startArrived = q.arrived(h);
  const endArrived = q.arrived(h + 1);
  const rate = endArrived - startArrived;
  const end = Math.min(answered + capacity, endArrived);
  if (capacity > rate && answered < startArrived && answered + capacity > endArrived) {
    // The backlog empties inside the hour; from then on answers follow arrivals.
    const u = (startArrived - answered) / (capacity - rate);
    if (u > 0 && u < 1) departures.push({ t: h + u, d: answered + capacity * u });
  }
  departures.push({ t: h + 1, d: end });
  return end;
}

function trajectory(q: PreparedQueue, agents: number[], departures: Breakpoint[]): AsyncBacklogTrajectory {
  const hours = agents.length;
  const answered: number[] = [];
  const backlog: number[] = [q.arrived(0)];
  let previous = 0;
  for (let h = 0; h < hours; h++) {
    const d = departureAt(departures, h + 1);
    answered.push(d - previous);
    backlog.push(Math.max(0, q.arrived(h + 1) - d));
    previous = d;
  }
  const answeredTotal = previous;
  const tol = 1e-9 * Math.max(1, q.total);
  const unanswered = Math.max(0, q.total - answeredTotal);
  let maxResponse = 0;
  if (q.total > 0) {
    if (unanswered > tol) maxResponse = Number.POSITIVE_INFINITY;
    else {
      // Response of ticket y is O(D⁻¹(y)) − O(A⁻¹(y)), linear between the breakpoints of A and D;
      // its supremum is at the ends of those segments, probed just inside each end.
      const ys = new Set<number>([0, q.total]);
      for (let k = 0; k <= q.horizon; k++) ys.add(q.arrived(k));
      for (const b of departures) ys.add(Math.min(q.total, b.d));
      const sorted = [...ys].filter((y) => y >= 0 && y <= q.total).sort((a, b) => a - b);
      for (let i = 0; i + 1 < sorted.length; i++) {
        const lo = sorted[i]!;
        const hi = sorted[i + 1]!;
        if (hi - lo <= tol * 1e-3) continue;
        const eps = (hi - lo) * 1e-9;
        for (const y of [lo + eps, hi - eps]) {
          const response = q.clock(completionOf(departures, y)) - q.clock(q.arrivalOf(y));
          if (response > maxResponse) maxResponse = response;
        }
      }
    }
  }
  return { hours, agents, answered, backlog, maxResponseHours: maxResponse, unanswered };
}

function departureAt(departures: Breakpoint[], t: number): number {
  let lo = 0;
  let hi = departures.length - 1;
  if (t >= departures[hi]!.t) return departures[hi]!.d;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (departures[mid]!.t <= t) lo = mid;
    else hi = mid;
  }
  const a = departures[lo]!;
  const b = departures[hi]!;
  return a.d + ((t - a.t) / (b.t - a.t)) * (b.d - a.d);
}

/** inf{s : D(s) ≥ y}. */
function completionOf(departures: Breakpoint[], y: number): number {
  let lo = 0;
  let hi = departures.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (departures[mid]!.d < y) lo = mid;
    else hi = mid;
  }
  const a = departures[lo]!;
  const b = departures[hi]!;
  if (a.d >= y) return a.t;
  return b.d === a.d ? b.t : a.t + ((y - a.d) / (b.d - a.d)) * (b.t - a.t);
}
