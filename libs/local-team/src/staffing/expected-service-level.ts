import type { HourlyRequirement, QueueStaffing } from './hourly-requirement.js';

/**
 * Contacts of one live queue in one month answered within its target when the roster is the
 * requirement scaled by `coverage` = productive FTE / required FTE (a roster shaped like the
 * requirement): Σ_k λ_k·m_k/60 · s(λ_k, agents_k · coverage) over the covered hours k, with s the
 * staffing model's share answered in time. Returns the contacts and those answered in time; the
 * month's service level is their ratio (summed over queues first).
 *
 * Units: contacts. Complexity O(covered hours of the week) staffing evaluations.
 *
 * @example liveAnsweredInTime(julyRequirement, staffing, 39.8 / 39) // worked example, July: { volume: 74400, onTime: ≈ 65,000 } → SL ≈ 0.874
 */
export function liveAnsweredInTime(requirement: HourlyRequirement, staffing: QueueStaffing, coverage: number): { volume: number; onTime: number } {
  let volume = 0;
  let onTime = 0;
  const memo = new Map<string, number>();
  requirement.hours.forEach((h, i) => {
    if (h.arrivalsPerHour <= 0) return;
    const agents = requirement.agents[i]! * coverage;
    const key = `${h.arrivalsPerHour}|${agents}`;
    let s = memo.get(key);
    if (s === undefined) {
      s = staffing.serviceWithAgents(h.arrivalsPerHour, agents);
      memo.set(key, s);
    }
    const contacts = (h.arrivalsPerHour * h.minutes) / 60;
    volume += contacts;
    onTime += contacts * s;
  });
  return { volume, onTime };
}
