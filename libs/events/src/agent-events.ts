import { z } from 'zod';
import { WeeklyShiftPattern } from './local-time.js';
import { EntityId, IanaTimeZone, IsoDate, IsoDateTime, LanguageTag, MarketCode, Money, ReasonCode, SkillCode, instantMs, uniqueList } from './primitives.js';

/**
 * The roster: agents, their certifications, weekly schedules, absences and departures.
 */

/** Where an agent works; its time zone is the one their shifts are written in. */
export const Site = z.strictObject({ siteId: EntityId, timeZone: IanaTimeZone }).describe('Site with its IANA time zone');
export type Site = z.infer<typeof Site>;

/** AgentHired v1. `startDate` is the first working day, local to the site. */
export const AgentHiredData = z.strictObject({
  agentId: EntityId,
  site: Site,
  markets: uniqueList(MarketCode, 50).min(1),
  languages: uniqueList(LanguageTag, 20).min(1),
  skills: uniqueList(SkillCode, 50),
  startDate: IsoDate,
  contractedHoursPerWeek: z.number().gt(0).max(60),
  hourlyCost: Money,
});
export type AgentHiredData = z.infer<typeof AgentHiredData>;

/** AgentCertified v1: certified for a skill on `certifiedOn`, valid until `expiresOn` (exclusive) when given. */
export const AgentCertifiedData = z
  .strictObject({ agentId: EntityId, skill: SkillCode, certifiedOn: IsoDate, expiresOn: IsoDate.optional() })
  .superRefine((c, ctx) => {
    // ISO dates compare correctly as strings.
    if (c.expiresOn !== undefined && c.expiresOn <= c.certifiedOn) ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: 'must be after certifiedOn' });
  });
export type AgentCertifiedData = z.infer<typeof AgentCertifiedData>;

/** AgentScheduleSet v1: the weekly shift pattern from `effectiveFrom` (site-local date) until the next one. */
export const AgentScheduleSetData = z.strictObject({ agentId: EntityId, effectiveFrom: IsoDate, shifts: WeeklyShiftPattern });
export type AgentScheduleSetData = z.infer<typeof AgentScheduleSetData>;

/** Longest single absence record; longer leave is recorded in several pieces or as a departure. */
export const MAX_ABSENCE_DAYS = 366;

/** Why an absence window `[from, to)` is invalid, or undefined. */
export function absenceWindowIssue(from: string, to: string): string | undefined {
  const start = instantMs(from);
  const end = instantMs(to);
  if (!(end > start)) return 'must be after from';
  if (end - start > MAX_ABSENCE_DAYS * 86_400_000) return `an absence may last at most ${MAX_ABSENCE_DAYS} days`;
  return undefined;
}

/** AgentAbsenceRecorded v1: away over `[from, to)` for a reason code (`sick`, `annual-leave`, `training`). */
export const AgentAbsenceRecordedData = z
  .strictObject({ agentId: EntityId, from: IsoDateTime, to: IsoDateTime, reasonCode: ReasonCode })
  .superRefine((a, ctx) => {
    const issue = absenceWindowIssue(a.from, a.to);
    if (issue) ctx.addIssue({ code: 'custom', path: ['to'], message: issue });
  });
export type AgentAbsenceRecordedData = z.infer<typeof AgentAbsenceRecordedData>;

/** AgentDeparted v1: `departedOn` is the last day employed (site-local). */
export const AgentDepartedData = z.strictObject({ agentId: EntityId, departedOn: IsoDate, reasonCode: ReasonCode });
export type AgentDepartedData = z.infer<typeof AgentDepartedData>;
