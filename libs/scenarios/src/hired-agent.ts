import type { RosterAgent } from '@staffcast/projections';
import type { HiresAssumption } from './assumptions.js';
import type { z } from 'zod';

/**
 * The roster agent a hires assumption stands for: one agent with the hires' site, skills, start
 * date and weekly pattern (from the start date; none when the hires give no shifts, so they work no
 * hours until a schedule run places them), no certifications to expire and no absences.
 * A group of `count` hires is this agent's hours × count. O(1).
 *
 * @example hiredAgent(hires, 'scenario-hire-a1').startDate // hires.startDate
 */
export function hiredAgent(hires: z.output<typeof HiresAssumption>, agentId: string): RosterAgent {
  return {
    agentId,
    siteId: hires.siteId,
    timeZone: hires.timeZone,
    skills: [...hires.skills].sort(),
    startDate: hires.startDate,
    departedOn: null,
    certifications: [],
    schedules: hires.shifts ? [{ effectiveFrom: hires.startDate, shifts: hires.shifts }] : [],
    absences: [],
  };
}
