import type { HourlyRequirement, QueueStaffing } from './hourly-requirement.js';

/**
 * The service level the local team is expected to deliver in a month with its productive FTE:
 * the roster is assumed shaped like the requirement, so every covered hour gets its required agents
 * scaled by coverage = productiveFte / requiredFte, and the month's service level is the
 * volume-weighted mean, over queues and covered hours, of the share of contacts answered within the
 * queue's target (service level for live queues, response within target for async ones):
 *   SL = Σ_q Σ_k λ_k·m_k·s_q(λ_k, agents_k · coverage) / Σ_q Σ_k λ_k·m_k.
 * null when no work moves this month. Units: fraction in [0, 1].
 * Complexity O(queues × covered hours) staffing evaluations.
 *
 * @example expectedServiceLevel([{ requirement, staffing }], 40.2, 39) // ≥ the target when productive ≥ required
 */
export function expectedServiceLevel(queues: readonly { requirement: HourlyRequirement; staffing: QueueStaffing }[], productiveFte: number, requiredFte: number): number | null {
  let weight = 0;
  let answered = 0;
  const coverage = requiredFte > 0 ? productiveFte / requiredFte : 0;
  for (const { requirement, staffing } of queues) {
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
      weight += contacts;
      answered += contacts * s;
    });
  }
  return weight > 0 ? answered / weight : null;
}
