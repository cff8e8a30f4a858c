import { DateTime } from 'luxon';
import { DEFAULT_NEW_HIRE_RAMP, rosterHours, skillsOn, type RosterAgent, type RosterModel } from '@staffcast/projections';

const HOUR_MS = 3_600_000;

/** One agent's productive hours per hour of a horizon while holding one set of skills. */
export interface AgentSupply {
  agentId: string;
  skills: string[];
  /** Productive agent-hours in each hour of the horizon (ramp-weighted). */
  hours: number[];
}

/**
 * Each agent's productive hours per UTC hour of [fromMs, toMs), from the roster read model, split
 * by the skills held: an agent whose certifications start or expire inside the horizon appears once
 * per skill set, with the hours of the days it held that set (so allocation never counts it twice).
 *
 * Units: agent-hours per hour. Complexity: O(agents · (days · shifts + hours)).
 *
 * @example agentSupply(roster, Date.UTC(2026, 2, 2), Date.UTC(2026, 2, 9)) // [{ agentId: 'a1', skills: ['kyc-us'], hours: [0, 0, …, 0.875, …] }]
 */
export function agentSupply(roster: RosterModel, fromMs: number, toMs: number, ramp: readonly number[] = DEFAULT_NEW_HIRE_RAMP): AgentSupply[] {
  return Object.values(roster.agents).flatMap((agent) => agentSupplyOf(agent, roster.position, fromMs, toMs, ramp));
}

function agentSupplyOf(agent: RosterAgent, position: string | null, fromMs: number, toMs: number, ramp: readonly number[]): AgentSupply[] {
  const single: RosterModel = { position, agents: { [agent.agentId]: agent } };
  const hours = rosterHours(single, fromMs, toMs, {}, ramp).map((h) => h.productiveHours);
  const bySkills = new Map<string, AgentSupply>();
  hours.forEach((value, h) => {
    if (value <= 0) return;
    const skills = skillsOn(agent, DateTime.fromMillis(fromMs + h * HOUR_MS, { zone: agent.timeZone }).toISODate()!);
    const key = skills.join('+');
    const entry = bySkills.get(key) ?? { agentId: agent.agentId, skills, hours: new Array<number>(hours.length).fill(0) };
    entry.hours[h] = value;
    bySkills.set(key, entry);
  });
  return [...bySkills.values()];
}
