import { ianaZone, localWallHours, wallHourDate } from '@staffcast/forecasting';
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
  // Site-local dates of the horizon's hours, once per zone (agents of a site share it).
  const datesByZone = new Map<string, string[]>();
  const datesIn = (zone: string) => {
    let dates = datesByZone.get(zone);
    if (!dates) datesByZone.set(zone, (dates = Array.from(localWallHours(fromMs, (toMs - fromMs) / HOUR_MS, ianaZone(zone)), wallHourDate)));
    return dates;
  };
  return Object.values(roster.agents).flatMap((agent) => agentSupplyOf(agent, roster.position, fromMs, toMs, ramp, datesIn(agent.timeZone)));
}

function agentSupplyOf(agent: RosterAgent, position: string | null, fromMs: number, toMs: number, ramp: readonly number[], dates: readonly string[]): AgentSupply[] {
  const single: RosterModel = { position, agents: { [agent.agentId]: agent } };
  const hours = rosterHours(single, fromMs, toMs, {}, ramp).map((h) => h.productiveHours);
  const bySkills = new Map<string, AgentSupply>();
  const skillsByDate = new Map<string, string[]>();
  hours.forEach((value, h) => {
    if (value <= 0) return;
    const date = dates[h]!;
    let skills = skillsByDate.get(date);
    if (!skills) skillsByDate.set(date, (skills = skillsOn(agent, date)));
    const key = skills.join('+');
    const entry = bySkills.get(key) ?? { agentId: agent.agentId, skills, hours: new Array<number>(hours.length).fill(0) };
    entry.hours[h] = value;
    bySkills.set(key, entry);
  });
  return [...bySkills.values()];
}
