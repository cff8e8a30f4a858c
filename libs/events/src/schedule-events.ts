import { z } from 'zod';
import { LocalTime, localMinutes, OpeningHours, WeeklyShiftPattern } from './local-time.js';
import { EntityId, IanaTimeZone, IsoDate, IsoDateTime, SkillCode, uniqueList } from './primitives.js';

/**
 * Shift rules and schedules: `schedule-rules-<site>` (ShiftRulesDefined, ShiftRulesRevised) and
 * `schedule-<id>` (ScheduleDrafted, SchedulePublished). Like scenario events they have their own
 * union and parser ({@link parseScheduleEvent}); the shared catalogue names their streams.
 */

const QUARTER = 15;
const quarterMinutes = (max: number) =>
  z
    .number()
    .int()
    .min(0)
    .max(max)
    .refine((m) => m % QUARTER === 0, 'must be a multiple of 15 minutes');

/** A break or lunch of a shift template, placed by the optimiser inside its window (minutes after the shift starts). */
export const TemplateBreak = z
  .strictObject({
    kind: z.enum(['break', 'lunch']),
    minutes: quarterMinutes(120).refine((m) => m > 0, 'must be at least 15 minutes'),
    paid: z.boolean(),
    earliestAfterMinutes: quarterMinutes(1440),
    latestAfterMinutes: quarterMinutes(1440),
  })
  .superRefine((b, ctx) => {
    if (b.latestAfterMinutes < b.earliestAfterMinutes) ctx.addIssue({ code: 'custom', path: ['latestAfterMinutes'], message: 'must not be before earliestAfterMinutes' });
  });
export type TemplateBreak = z.infer<typeof TemplateBreak>;

/** A shift template: allowed local start times (15-minute steps, site time zone), one length, its breaks. */
export const ShiftTemplate = z
  .strictObject({
    templateId: EntityId,
    starts: uniqueList(LocalTime, 96)
      .min(1)
      .superRefine((starts, ctx) => {
        starts.forEach((s, i) => {
          if (localMinutes(s) % QUARTER !== 0) ctx.addIssue({ code: 'custom', path: [i], message: 'must be on a 15-minute step' });
        });
      }),
    lengthMinutes: quarterMinutes(14 * 60).refine((m) => m >= 60, 'must be at least 60 minutes'),
    breaks: z.array(TemplateBreak).max(4),
  })
  .superRefine((t, ctx) => {
    t.breaks.forEach((b, i) => {
      if (b.latestAfterMinutes + b.minutes > t.lengthMinutes) ctx.addIssue({ code: 'custom', path: ['breaks', i, 'latestAfterMinutes'], message: 'the break must end inside the shift' });
    });
    // Windows in order and apart, so that breaks placed anywhere in theirs never overlap.
    for (let i = 1; i < t.breaks.length; i++) {
      const prev = t.breaks[i - 1]!;
      if (t.breaks[i]!.earliestAfterMinutes < prev.latestAfterMinutes + prev.minutes) ctx.addIssue({ code: 'custom', path: ['breaks', i, 'earliestAfterMinutes'], message: `must be at or after the latest end of break ${i - 1}` });
    }
    const fixed = t.breaks.reduce((s, b) => s + b.minutes, 0);
    if (fixed >= t.lengthMinutes) ctx.addIssue({ code: 'custom', path: ['breaks'], message: 'breaks must be shorter than the shift' });
  });
export type ShiftTemplate = z.infer<typeof ShiftTemplate>;

const range = (max: number, field: string) =>
  z.strictObject({ min: z.number().min(0).max(max), max: z.number().min(0).max(max) }).superRefine((r, ctx) => {
    if (r.max < r.min) ctx.addIssue({ code: 'custom', path: ['max'], message: `must not be below ${field}.min` });
  });

/** Contract rules per planning week (Monday to Sunday, site-local). */
export const ContractRules = z.strictObject({
  contractId: EntityId,
  /** Templates an agent on this contract may work; all when omitted. */
  templateIds: uniqueList(EntityId, 50).min(1).optional(),
  /** Paid hours per week (unpaid lunches excluded). */
  weeklyHours: range(84, 'weeklyHours'),
  daysPerWeek: range(7, 'daysPerWeek'),
  /** Two rest days in a row each week (Sunday and the next Monday count as a pair), or no pattern. */
  restDays: z.enum(['two-consecutive', 'any']).default('two-consecutive'),
  /** Hours off between the end of one shift and the start of the next. */
  minRestHours: z.number().min(0).max(24).default(11),
  maxConsecutiveDays: z.number().int().min(1).max(14).default(5),
});
export type ContractRules = z.infer<typeof ContractRules>;

/** One agent's contract and, if restricted, the local hours they can work (a shift must lie inside one range). */
export const AgentRuleOverride = z.strictObject({ agentId: EntityId, contractId: EntityId.optional(), availability: OpeningHours.optional() });
export type AgentRuleOverride = z.infer<typeof AgentRuleOverride>;

/** Objective weights: under-staffing ≫ over-staffing + payroll. */
export const ScheduleWeights = z
  .strictObject({
    /** Per under-staffed agent-hour. */
    underPerAgentHour: z.number().gt(0).max(1e6).default(100),
    /** Per over-staffed (idle) agent-hour. */
    overPerAgentHour: z.number().min(0).max(1e6).default(1),
    /** Per unit of payroll cost (the agents' hourly cost, any currency). */
    perCostUnit: z.number().min(0).max(1e3).default(0.01),
    /** Per new-hire line used (openHeadcount). */
    perNewHire: z.number().min(0).max(1e6).default(40),
  })
  .superRefine((w, ctx) => {
    if (w.underPerAgentHour <= w.overPerAgentHour) ctx.addIssue({ code: 'custom', path: ['underPerAgentHour'], message: 'must exceed overPerAgentHour' });
  });
export type ScheduleWeights = z.infer<typeof ScheduleWeights>;

/** The shift rules of a site: templates, contracts, agent overrides, objective weights. */
export const ShiftRules = z
  .strictObject({
    siteId: EntityId,
    timeZone: IanaTimeZone.default('Asia/Kuala_Lumpur'),
    templates: z.array(ShiftTemplate).min(1).max(50),
    contracts: z.array(ContractRules).min(1).max(50),
    defaultContractId: EntityId,
    agents: z.array(AgentRuleOverride).max(2000).default([]),
    weights: ScheduleWeights.default({ underPerAgentHour: 100, overPerAgentHour: 1, perCostUnit: 0.01, perNewHire: 40 }),
  })
  .superRefine((r, ctx) => {
    const templateIds = new Set<string>();
    r.templates.forEach((t, i) => {
      if (templateIds.has(t.templateId)) ctx.addIssue({ code: 'custom', path: ['templates', i, 'templateId'], message: 'duplicate templateId' });
      templateIds.add(t.templateId);
    });
    const contractIds = new Set<string>();
    r.contracts.forEach((c, i) => {
      if (contractIds.has(c.contractId)) ctx.addIssue({ code: 'custom', path: ['contracts', i, 'contractId'], message: 'duplicate contractId' });
      contractIds.add(c.contractId);
      c.templateIds?.forEach((id, j) => {
        if (!templateIds.has(id)) ctx.addIssue({ code: 'custom', path: ['contracts', i, 'templateIds', j], message: `unknown template ${id}` });
      });
    });
    if (!contractIds.has(r.defaultContractId)) ctx.addIssue({ code: 'custom', path: ['defaultContractId'], message: 'must name one of the contracts' });
    const agentIds = new Set<string>();
    r.agents.forEach((a, i) => {
      if (agentIds.has(a.agentId)) ctx.addIssue({ code: 'custom', path: ['agents', i, 'agentId'], message: 'duplicate agentId' });
      agentIds.add(a.agentId);
      if (a.contractId !== undefined && !contractIds.has(a.contractId)) ctx.addIssue({ code: 'custom', path: ['agents', i, 'contractId'], message: `unknown contract ${a.contractId}` });
    });
  });
export type ShiftRules = z.infer<typeof ShiftRules>;

/** ShiftRulesDefined v1 / ShiftRulesRevised v1: the whole rule set, as of that revision. */
export const ShiftRulesData = z.strictObject({ siteId: EntityId, rules: ShiftRules });
export type ShiftRulesData = z.infer<typeof ShiftRulesData>;

/** One agent's drafted week: a pattern per weekday (the published AgentScheduleSet's shifts). */
export const DraftedAgentWeek = z.strictObject({
  agentId: EntityId,
  /** A new-hire line (openHeadcount): not an agent stream, never published. */
  newHire: z.boolean(),
  weekStart: IsoDate,
  shifts: WeeklyShiftPattern,
  paidHours: z.number().min(0).max(168),
});
export type DraftedAgentWeek = z.infer<typeof DraftedAgentWeek>;

const Num = z.number().finite();

/** Totals of a drafted schedule, as reported when it was drafted. */
export const ScheduleTotals = z.strictObject({
  requiredAgentHours: Num,
  coveredAgentHours: Num,
  underAgentHours: Num,
  overAgentHours: Num,
  payrollCost: z.array(z.strictObject({ currency: z.string().max(3), amount: Num })).max(20),
  objective: Num.nullable(),
  lowerBound: Num.nullable(),
  mipGap: Num.nullable(),
  status: z.string().max(40),
  seconds: Num,
  newHiresUsed: z.number().int().min(0),
});
export type ScheduleTotals = z.infer<typeof ScheduleTotals>;

/** The run request recorded with a draft (so that it reproduces). */
export const ScheduleRunSpec = z.strictObject({
  siteId: EntityId,
  weekStart: IsoDate,
  weeks: z.number().int().min(1).max(4),
  queueIds: uniqueList(EntityId, 50).min(1).optional(),
  scenarioId: EntityId.optional(),
  planQuantile: z.number().gt(0).lt(1),
  shrinkage: z.number().min(0).max(0.95),
  occupancyCap: z.number().gt(0).max(1),
  timeLimitSeconds: z.number().gt(0).max(600),
  mipRelGap: z.number().min(0).max(1),
  openHeadcount: z
    .strictObject({
      count: z.number().int().min(0).max(200),
      skills: uniqueList(SkillCode, 50),
      startDate: IsoDate.optional(),
      contractId: EntityId.optional(),
    })
    .optional(),
});
export type ScheduleRunSpec = z.infer<typeof ScheduleRunSpec>;

/** ScheduleDrafted v1: a run's schedule, with the log position its inputs were read at and the rules it used. */
export const ScheduleDraftedData = z.strictObject({
  scheduleId: EntityId,
  draftedAt: IsoDateTime,
  position: z.string().regex(/^\d{1,20}$/),
  rulesRevision: z.string().regex(/^\d{1,20}$/),
  rules: ShiftRules,
  request: ScheduleRunSpec,
  agents: z.array(DraftedAgentWeek).max(10_000),
  totals: ScheduleTotals,
});
export type ScheduleDraftedData = z.infer<typeof ScheduleDraftedData>;

/** SchedulePublished v1: the draft's agent weeks were written as AgentScheduleSet events. */
export const SchedulePublishedData = z.strictObject({ scheduleId: EntityId, publishedAt: IsoDateTime, agentCount: z.number().int().min(0) });
export type SchedulePublishedData = z.infer<typeof SchedulePublishedData>;

const event = <T extends string, D extends z.ZodType>(type: T, data: D) => z.strictObject({ type: z.literal(type), data });
export const ShiftRulesEvent = z.discriminatedUnion('type', [event('ShiftRulesDefined', ShiftRulesData), event('ShiftRulesRevised', ShiftRulesData)]);
export type ShiftRulesEvent = z.infer<typeof ShiftRulesEvent>;
export const ScheduleEvent = z.discriminatedUnion('type', [event('ScheduleDrafted', ScheduleDraftedData), event('SchedulePublished', SchedulePublishedData)]);
export type ScheduleEvent = z.infer<typeof ScheduleEvent>;

export const SCHEDULE_SCHEMA_VERSIONS = { ShiftRulesDefined: 1, ShiftRulesRevised: 1, ScheduleDrafted: 1, SchedulePublished: 1 } as const;
export type ScheduleEventType = keyof typeof SCHEDULE_SCHEMA_VERSIONS;

/** A stored schedule or shift-rules event that does not parse. */
export class ScheduleEventParseError extends Error {
  override readonly name = 'ScheduleEventParseError';
}

/**
 * Validates a stored `schedule-rules-<site>` or `schedule-<id>` event; only version 1 exists.
 * @throws ScheduleEventParseError for an unknown type, version or invalid data. O(size of the event).
 * @example parseScheduleEvent('ShiftRulesDefined', { siteId: 'kl', rules }).type // 'ShiftRulesDefined'
 */
export function parseScheduleEvent(type: string, data: unknown, schemaVersion = 1): ShiftRulesEvent | ScheduleEvent {
  if (!Object.hasOwn(SCHEDULE_SCHEMA_VERSIONS, type)) throw new ScheduleEventParseError(`unknown schedule event type "${type.slice(0, 80)}"`);
  if (schemaVersion !== 1) throw new ScheduleEventParseError(`${type} v${schemaVersion}: only v1 exists`);
  const schema = type === 'ShiftRulesDefined' || type === 'ShiftRulesRevised' ? ShiftRulesEvent : ScheduleEvent;
  const parsed = schema.safeParse({ type, data });
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ScheduleEventParseError(`${type}: ${first ? `${first.path.join('.')}: ${first.message}` : 'invalid'}`);
  }
  return parsed.data;
}
