import type { HourlyArrivals } from '../demand/volume-spread.js';

/** Staffing answers for one queue, from the staffing models (see queueStaffing). */
export interface QueueStaffing {
  /** Least whole agents meeting the queue's target (and the occupancy cap) at this arrival rate. */
  requiredAgents(arrivalsPerHour: number): number;
  /** Share of contacts answered within the target with `agents` agents (may be fractional). */
  serviceWithAgents(arrivalsPerHour: number, agents: number): number;
}

/** One queue's covered hours in one month with the whole agents each needs. */
export interface HourlyRequirement {
  hours: HourlyArrivals[];
  agents: number[];
  /** Σ agents × covered hours: agent-hours on queue (net of shrinkage). */
  netAgentHours: number;
  /** Σ arrivals: contacts in the month. */
  volume: number;
}

/**
 * The hourly requirement inside the coverage hours: for each covered clock hour of the week, the
 * whole agents the staffing model asks for at that hour's arrival rate, and the month's net
 * agent-hours Σ agents_k · minutes_k / 60. Whole agents per hour, because a roster staffs people,
 * not fractions of them. Rates repeat across a month, so each distinct rate is solved once.
 *
 * Units: agents, agent-hours, contacts. Complexity O(covered hours of the week) staffing solves.
 *
 * @example hourlyRequirement(arrivals, staffing).netAgentHours // 13 × 372 covered hours = 4836 in a 31-day month at 200 calls/h
 */
export function hourlyRequirement(hours: HourlyArrivals[], staffing: QueueStaffing): HourlyRequirement {
  const solved = new Map<number, number>();
  const agents = hours.map((h) => {
    let n = solved.get(h.arrivalsPerHour);
    if (n === undefined) {
      n = h.arrivalsPerHour > 0 ? staffing.requiredAgents(h.arrivalsPerHour) : 0;
      solved.set(h.arrivalsPerHour, n);
    }
    return n;
  });
  let netAgentHours = 0;
  let volume = 0;
  hours.forEach((h, i) => {
    netAgentHours += (agents[i]! * h.minutes) / 60;
    volume += (h.arrivalsPerHour * h.minutes) / 60;
  });
  return { hours, agents, netAgentHours, volume };
}
