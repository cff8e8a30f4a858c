import { ShiftRules, type ContractRules, type ShiftTemplate } from '@staffcast/events';
import type { RosterAgent } from '@staffcast/projections';
import { DateTime } from 'luxon';
import { expandInstance } from '../expand-instance.js';
import type { ScheduleInstance } from '../schedule-instance.js';

/** Small instances for the scheduling tests: one Kuala Lumpur site, one planning week from Monday 2026-06-01. */
export const WEEK_START = '2026-06-01';
export const ZONE = 'Asia/Kuala_Lumpur';
export const START_MS = DateTime.fromISO(WEEK_START, { zone: ZONE }).toMillis();

export function rosterAgent(agentId: string, skills: string[] = [], extra: Partial<RosterAgent> = {}): RosterAgent {
  return { agentId, siteId: 'kl', timeZone: ZONE, skills, startDate: '2025-01-01', departedOn: null, certifications: [], schedules: [], absences: [], ...extra };
}

export const OPEN_CONTRACT: ContractRules = { contractId: 'open', weeklyHours: { min: 0, max: 60 }, daysPerWeek: { min: 0, max: 7 }, restDays: 'any', minRestHours: 0, maxConsecutiveDays: 7 };

export function rules(templates: ShiftTemplate[], contracts: ContractRules[] = [OPEN_CONTRACT], weights?: Partial<ShiftRules['weights']>): ShiftRules {
  return ShiftRules.parse({ siteId: 'kl', timeZone: ZONE, templates, contracts, defaultContractId: contracts[0]!.contractId, ...(weights ? { weights: { underPerAgentHour: 100, overPerAgentHour: 1, perCostUnit: 0.01, perNewHire: 40, ...weights } } : {}) });
}

/** Requirement per UTC hour of the week from a function of (local day 0–6, local hour 0–23). */
export function hourly(f: (day: number, hour: number) => number): number[] {
  return Array.from({ length: 168 }, (_, h) => f(Math.floor(h / 24), h % 24));
}

export function instanceOf(r: ShiftRules, queues: { queueId: string; requiredSkills?: string[]; requiredPerHour: number[] }[], agents: RosterAgent[], cost = 10): ScheduleInstance {
  return expandInstance({
    rules: r,
    weekStart: WEEK_START,
    weeks: 1,
    queues: queues.map((q) => ({ queueId: q.queueId, requiredSkills: q.requiredSkills ?? [], requiredPerHour: q.requiredPerHour })),
    requirementFromMs: START_MS,
    agents: agents.map((roster) => ({ roster, hourlyCost: { amount: cost, currency: 'MYR' } })),
    ramp: [],
  });
}
