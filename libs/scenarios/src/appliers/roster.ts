import { DateTime } from 'luxon';
import { agentSupply } from '@staffcast/planning';
import type { RosterModel } from '@staffcast/projections';
import { attritionSurvival } from '../attrition-survival.js';
import { hiredAgent } from '../hired-agent.js';
import type { NamedOf, ScenarioWork } from './scenario-work.js';

/** Hires join the roster with its ramp from their start date, and the payroll from then. */
export function applyHires(work: ScenarioWork, a: NamedOf<'hires'>): void {
  const hires = a.assumption;
  const agentId = `scenario-hire-${a.assumptionId}`;
  const roster: RosterModel = { position: null, agents: { [agentId]: hiredAgent(hires, agentId) } };
  const toMs = work.hourMs(work.horizonHours);
  for (const supply of agentSupply(roster, work.fromMs, toMs, hires.ramp)) work.agents.push({ ...supply, hours: supply.hours.map((v) => v * hires.count) });
  const startMs = DateTime.fromISO(hires.startDate, { zone: hires.timeZone }).toMillis();
  if (startMs >= toMs) work.warnings.push(`assumption ${a.assumptionId} (hires): they start after this run's horizon`);
  work.payroll.push({
    agentId,
    siteId: hires.siteId,
    count: hires.count,
    contractedHoursPerWeek: hires.contractedHoursPerWeek,
    hourlyCost: hires.hourlyCost ?? null,
    employed: Array.from({ length: work.horizonHours }, (_, h) => (work.hourMs(h) >= startMs ? 1 : 0)),
  });
  work.agentInfo.set(agentId, { siteId: hires.siteId, timeZone: hires.timeZone, startDate: hires.startDate });
}

/** Monthly attrition from a date, on the named sites' agents (all when none are named) and their payroll. */
export function applyAttrition(work: ScenarioWork, a: NamedOf<'attrition'>): void {
  const r = a.assumption;
  const survivalOf = (agentId: string) => {
    const info = work.agentInfo.get(agentId);
    if (!info || (r.siteIds.length > 0 && !r.siteIds.includes(info.siteId))) return undefined;
    const from = DateTime.fromISO(r.from > info.startDate ? r.from : info.startDate, { zone: info.timeZone }).toMillis();
    return (h: number) => attritionSurvival(r.monthlyRate, from, work.hourMs(h));
  };
  for (const agent of work.agents) {
    const survival = survivalOf(agent.agentId);
    if (survival) agent.hours = agent.hours.map((v, h) => v * survival(h));
  }
  for (const line of work.payroll) {
    const survival = survivalOf(line.agentId);
    if (survival) line.employed = line.employed.map((v, h) => v * survival(h));
  }
}
