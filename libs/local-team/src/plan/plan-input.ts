import { z } from 'zod';
import {
  Channel,
  CurrencyCode,
  DisplayName,
  EntityId,
  IanaTimeZone,
  LocalEndTime,
  LocalTime,
  MarketCode,
  ServiceTarget,
  WEEKDAYS,
  isLiveChannel,
  localMinutes,
  serviceTargetKindFor,
  uniqueList,
} from '@staffcast/events';
import { PlanMonth, monthIndex } from './plan-month.js';

/**
 * The inputs of a local-team plan: what `POST /v1/local-team/plans` accepts and what the plan's
 * events record. Field names are fixed by the API contract; optional extras are marked as such.
 * Every rule that spans fields (months inside the plan, costs for every fixed role, a handle time
 * for every queue whose volume is given) is checked here, so a stored plan is always computable.
 */

/** Longest plan: five years of months keeps a projection (with its sensitivity runs) interactive. */
export const MAX_PLAN_MONTHS = 60;
/** Most queues a plan may move; each is staffed hour by hour. */
export const MAX_PLAN_QUEUES = 20;

const money = (max: number) => z.number().finite().min(0).max(max);

/** A covered range of local time `[from, to]`, e.g. `["08:00", "20:00"]`; `to` may be `24:00`; it never crosses midnight. */
export const CoverageRange = z
  .tuple([LocalTime, LocalEndTime])
  .superRefine(([from, to], ctx) => {
    if (localMinutes(to) <= localMinutes(from)) {
      ctx.addIssue({ code: 'custom', path: [1], message: 'must end after it starts (split a range that crosses midnight at 24:00)' });
    }
  });
export type CoverageRange = z.infer<typeof CoverageRange>;

const coverageDay = z
  .array(CoverageRange)
  .max(12)
  .superRefine((ranges, ctx) => {
    const sorted = ranges.map((r, index) => ({ index, from: localMinutes(r[0]), to: localMinutes(r[1]) })).sort((a, b) => a.from - b.from);
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i]!.from < sorted[i - 1]!.to) ctx.addIssue({ code: 'custom', path: [sorted[i]!.index], message: `overlaps range ${sorted[i - 1]!.index}` });
    }
  });

/** Hours the local team works, per weekday, in the plan's time zone; every weekday is listed and `[]` means closed. */
export const Coverage = z
  .strictObject({ mon: coverageDay, tue: coverageDay, wed: coverageDay, thu: coverageDay, fri: coverageDay, sat: coverageDay, sun: coverageDay })
  .describe('Coverage hours per weekday, local time: [["08:00","20:00"]]; [] = closed');
export type Coverage = z.infer<typeof Coverage>;

/** One phase of the takeover: from `fromMonth` on, the local team takes `share` (a fraction, 0.25 = 25%) of each listed queue's work. */
export const TakeoverPhase = z.strictObject({
  queueIds: uniqueList(EntityId, MAX_PLAN_QUEUES).min(1),
  fromMonth: PlanMonth,
  share: z.number().gt(0, 'must be a fraction in (0, 1], e.g. 0.25 for 25%').max(1, 'must be a fraction in (0, 1], e.g. 0.25 for 25%'),
});
export type TakeoverPhase = z.infer<typeof TakeoverPhase>;

/**
 * Optional intraday and weekly shape used to spread an explicit monthly volume over the covered
 * hours: the weight of a covered local hour is `hourWeights[hour] × weekdayWeights[weekday]`. Both
 * default to all ones (volume spread evenly over every covered minute).
 */
export const VolumeProfile = z.strictObject({
  hourWeights: z.array(z.number().finite().min(0).max(1000)).length(24).optional(),
  weekdayWeights: z.array(z.number().finite().min(0).max(1000)).length(7).optional(),
});
export type VolumeProfile = z.infer<typeof VolumeProfile>;

export const ForecastDemand = z.strictObject({
  kind: z.literal('forecast'),
  /** Growth per month applied beyond the forecast horizon, percent (2 = +2% a month). */
  monthlyGrowthPct: z.number().finite().min(-50).max(100),
});
export const ExplicitVolumeDemand = z.strictObject({
  kind: z.literal('explicit-volume'),
  /** Contacts per queue and month arriving inside the coverage hours, before the takeover share. */
  monthly: z
    .array(z.strictObject({ queueId: EntityId, month: PlanMonth, volume: z.number().finite().min(0).max(100_000_000) }))
    .min(1)
    .max(MAX_PLAN_MONTHS * MAX_PLAN_QUEUES),
  profile: VolumeProfile.optional(),
});
export const ExplicitFteDemand = z.strictObject({
  kind: z.literal('explicit-fte'),
  /** Productive FTE the local team needs each month (months not listed need none). */
  monthly: z
    .array(z.strictObject({ month: PlanMonth, requiredFte: z.number().finite().min(0).max(100_000) }))
    .min(1)
    .max(MAX_PLAN_MONTHS),
});
export const Demand = z.discriminatedUnion('kind', [ForecastDemand, ExplicitVolumeDemand, ExplicitFteDemand]).describe('Demand: forecast | explicit-volume | explicit-fte');
export type Demand = z.infer<typeof Demand>;

export const Workload = z.strictObject({
  /** Fraction of paid time not available for work (leave, training, meetings), in [0, 1). */
  shrinkage: z.number().min(0).lt(1),
  /** Highest occupancy an agent is planned at on live channels, in (0, 1]. */
  occupancyCap: z.number().gt(0).max(1),
  /** Contracted hours of one FTE per week. */
  hoursPerFtePerWeek: z.number().gt(0).max(80),
});
export type Workload = z.infer<typeof Workload>;

export const Hiring = z.strictObject({
  /** Weeks from opening a requisition to the hire's first day. */
  leadTimeWeeks: z.number().min(0).max(104),
  /** Weeks of classroom training, with no productive work. */
  trainingWeeks: z.number().min(0).max(52),
  /** Largest class: hires who start training together. */
  classSize: z.number().int().min(1).max(500),
  maxClassesPerMonth: z.number().int().min(1).max(50),
  /** Fraction of a class who complete training, in (0, 1]. */
  trainingYield: z.number().gt(0).max(1),
  /** `rampProductivity[i]` is the productivity in week i after training, in [0, 1]; 1 afterwards. */
  rampProductivity: z.array(z.number().min(0).max(1)).max(52),
});
export type Hiring = z.infer<typeof Hiring>;

export const Attrition = z.strictObject({
  /** Probability that an agent who finished training leaves within a year, in [0, 1). */
  annualRate: z.number().min(0).lt(1),
});

/** Roles whose costs the model always needs; fixed roles are anything else (manager, WFM analyst…). */
export const CORE_ROLES = ['agent', 'teamLead', 'qa', 'trainer'] as const;
const RoleName = z
  .string()
  .min(1)
  .max(48)
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'must be a role name of letters, digits, "_" or "-", starting with a letter');

export const Structure = z.strictObject({
  agentsPerTeamLead: z.number().int().min(1).max(1000),
  agentsPerQa: z.number().int().min(1).max(1000),
  trainersPerClass: z.number().int().min(0).max(20),
  /** Roles on the payroll from the first month whatever the team's size, e.g. `{ manager: 1, wfmAnalyst: 1 }`. */
  fixedRoles: z.record(RoleName, z.number().int().min(0).max(1000)),
});
export type Structure = z.infer<typeof Structure>;

export const Costs = z.strictObject({
  currency: CurrencyCode,
  /** Annual loaded cost (salary, benefits, taxes, equipment) per person, per role. */
  annualLoaded: z
    .object({ agent: money(10_000_000), teamLead: money(10_000_000), qa: money(10_000_000), trainer: money(10_000_000) })
    .catchall(money(10_000_000)),
  /** Recruiting cost per hire, charged in the hire's start month. */
  perHire: money(1_000_000),
  /** Training cost per hire (material, venue), charged in the hire's start month. */
  trainingPerHire: money(1_000_000),
  /** What the offshore team costs per productive (on-queue) hour for the work moved. */
  offshorePerProductiveHour: money(100_000),
});
export type Costs = z.infer<typeof Costs>;

/**
 * Optional per-queue facts for volume-based demand. Each field overrides what the recorded queue
 * definition says (`channel`, `serviceTarget`, `patienceSeconds`, `chatConcurrency`); the handle
 * time has no recorded source without ticket history, so explicit volumes need `ahtSeconds` here.
 */
export const QueueProfile = z.strictObject({
  queueId: EntityId,
  channel: Channel.optional(),
  ahtSeconds: z.number().gt(0).max(86_400).optional(),
  serviceTarget: ServiceTarget.optional(),
  /** Mean caller patience for Erlang A (live channels). */
  patienceSeconds: z.number().gt(0).max(3600).optional(),
  chatConcurrency: z.number().int().min(1).max(10).optional(),
});
export type QueueProfile = z.infer<typeof QueueProfile>;

/** Every field of a plan, without the rules that span fields (see {@link LocalTeamPlanInput}). */
export const planFields = z.strictObject({
  name: DisplayName,
  market: MarketCode,
  timeZone: IanaTimeZone,
  startMonth: PlanMonth,
  months: z.number().int().min(1).max(MAX_PLAN_MONTHS),
  coverage: Coverage,
  takeover: z.array(TakeoverPhase).max(50),
  demand: Demand,
  workload: Workload,
  hiring: Hiring,
  attrition: Attrition,
  structure: Structure,
  costs: Costs,
  queues: z.array(QueueProfile).max(MAX_PLAN_QUEUES).optional(),
});

type PlanFields = z.infer<typeof planFields>;
type Issue = { path: (string | number)[]; message: string };

/** Rules that span fields; each names the field to fix. O(size of the plan). */
export function crossFieldIssues(plan: PlanFields): Issue[] {
  const issues: Issue[] = [];
  const inPlan = (month: string) => {
    const i = monthIndex(plan.startMonth, month);
    return i >= 0 && i < plan.months;
  };
  const outside = `must lie inside the plan (${plan.startMonth} and the ${plan.months - 1} months after it)`;

  const taken = new Set<string>();
  const phaseKeys = new Set<string>();
  plan.takeover.forEach((phase, i) => {
    if (!inPlan(phase.fromMonth)) issues.push({ path: ['takeover', i, 'fromMonth'], message: outside });
    phase.queueIds.forEach((queueId, j) => {
      const key = `${queueId}@${phase.fromMonth}`;
      if (phaseKeys.has(key)) issues.push({ path: ['takeover', i, 'queueIds', j], message: `queue ${queueId} already has a phase starting ${phase.fromMonth}` });
      phaseKeys.add(key);
      taken.add(queueId);
    });
  });
  if (taken.size > MAX_PLAN_QUEUES) issues.push({ path: ['takeover'], message: `a plan may move at most ${MAX_PLAN_QUEUES} queues` });

  const profiles = new Map<string, QueueProfile>();
  (plan.queues ?? []).forEach((profile, i) => {
    if (profiles.has(profile.queueId)) issues.push({ path: ['queues', i, 'queueId'], message: `queue ${profile.queueId} is listed twice` });
    if (!taken.has(profile.queueId)) issues.push({ path: ['queues', i, 'queueId'], message: `queue ${profile.queueId} is in no takeover phase` });
    if (profile.channel !== undefined && profile.serviceTarget !== undefined && profile.serviceTarget.kind !== serviceTargetKindFor(profile.channel)) {
      issues.push({ path: ['queues', i, 'serviceTarget', 'kind'], message: `a ${profile.channel} queue needs a "${serviceTargetKindFor(profile.channel)}" target` });
    }
    if (profile.channel !== undefined && profile.chatConcurrency !== undefined && profile.channel !== 'chat' && profile.chatConcurrency !== 1) {
      issues.push({ path: ['queues', i, 'chatConcurrency'], message: 'only chat queues handle more than one contact at once' });
    }
    if (profile.channel !== undefined && profile.patienceSeconds !== undefined && !isLiveChannel(profile.channel)) {
      issues.push({ path: ['queues', i, 'patienceSeconds'], message: `patience applies to live channels only, not ${profile.channel}` });
    }
    profiles.set(profile.queueId, profile);
  });

  const demand = plan.demand;
  if (demand.kind !== 'explicit-fte') {
    if (plan.takeover.length === 0) issues.push({ path: ['takeover'], message: `${demand.kind} demand needs at least one takeover phase` });
    if (WEEKDAYS.every((day) => plan.coverage[day].length === 0)) issues.push({ path: ['coverage'], message: 'the team covers no hours: add a range to at least one weekday' });
  }
  if (demand.kind === 'explicit-volume') {
    const seen = new Set<string>();
    demand.monthly.forEach((row, i) => {
      if (!inPlan(row.month)) issues.push({ path: ['demand', 'monthly', i, 'month'], message: outside });
      const key = `${row.queueId}@${row.month}`;
      if (seen.has(key)) issues.push({ path: ['demand', 'monthly', i], message: `queue ${row.queueId} has two volumes for ${row.month}` });
      seen.add(key);
      if (!taken.has(row.queueId)) issues.push({ path: ['demand', 'monthly', i, 'queueId'], message: `queue ${row.queueId} is in no takeover phase, so none of its volume moves` });
    });
    for (const queueId of taken) {
      if (profiles.get(queueId)?.ahtSeconds === undefined) {
        issues.push({ path: ['queues'], message: `explicit volumes need a handle time: add { "queueId": "${queueId}", "ahtSeconds": … } to queues` });
      }
    }
    const profile = demand.profile;
    if (profile?.hourWeights !== undefined && profile.hourWeights.every((w) => w === 0)) {
      issues.push({ path: ['demand', 'profile', 'hourWeights'], message: 'at least one hour must have a positive weight' });
    }
    if (profile?.weekdayWeights !== undefined && profile.weekdayWeights.every((w) => w === 0)) {
      issues.push({ path: ['demand', 'profile', 'weekdayWeights'], message: 'at least one weekday must have a positive weight' });
    }
  }
  if (demand.kind === 'explicit-fte') {
    const seen = new Set<string>();
    demand.monthly.forEach((row, i) => {
      if (!inPlan(row.month)) issues.push({ path: ['demand', 'monthly', i, 'month'], message: outside });
      if (seen.has(row.month)) issues.push({ path: ['demand', 'monthly', i, 'month'], message: `${row.month} is listed twice` });
      seen.add(row.month);
    });
  }

  for (const role of Object.keys(plan.structure.fixedRoles)) {
    if ((CORE_ROLES as readonly string[]).includes(role)) {
      issues.push({ path: ['structure', 'fixedRoles', role], message: `${role} is sized by the model; list only other roles (manager, wfmAnalyst…)` });
    } else if (plan.costs.annualLoaded[role] === undefined) {
      issues.push({ path: ['costs', 'annualLoaded', role], message: `fixed role ${role} needs an annual loaded cost` });
    }
  }
  if (Object.keys(plan.structure.fixedRoles).length > 20) issues.push({ path: ['structure', 'fixedRoles'], message: 'at most 20 fixed roles' });
  for (const role of Object.keys(plan.costs.annualLoaded)) {
    if (!RoleName.safeParse(role).success) issues.push({ path: ['costs', 'annualLoaded', role], message: 'must be a role name of letters, digits, "_" or "-", starting with a letter' });
  }
  if (Object.keys(plan.costs.annualLoaded).length > 24) issues.push({ path: ['costs', 'annualLoaded'], message: 'at most 24 roles' });
  return issues;
}

/**
 * A complete, consistent local-team plan. The request body of `POST /v1/local-team/plans` and the
 * `plan` of the LocalTeamPlanDrafted/Revised events.
 */
export const LocalTeamPlanInput = planFields
  .superRefine((plan, ctx) => {
    // zod still refines an object whose fields failed softer checks (a pattern); cross-field rules
    // assume well-formed fields, so they wait until the fields are fixed.
    if (ctx.issues.length > 0) return;
    for (const issue of crossFieldIssues(plan)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  })
  .describe('Local-team plan inputs');
export type LocalTeamPlanInput = z.infer<typeof LocalTeamPlanInput>;

/**
 * A revision: any subset of the plan's top-level fields. Each field given replaces the recorded
 * one whole (no deep merge: `hiring` replaces all of `hiring`), so a revision reads the same as the
 * plan it produces; the merged plan must pass {@link LocalTeamPlanInput}. `expectedRevision`
 * (optional, the stream revision the planner last saw, as a string) turns a stale edit into a 409.
 */
export const LocalTeamPlanRevisionInput = planFields
  .partial()
  .extend({ expectedRevision: z.string().regex(/^\d{1,19}$/, 'must be a stream revision: a whole number as a string').optional() })
  .superRefine((revision, ctx) => {
    const changed = Object.keys(revision).filter((key) => key !== 'expectedRevision');
    if (changed.length === 0) ctx.addIssue({ code: 'custom', path: [], message: 'a revision must change at least one field of the plan' });
  })
  .describe('Local-team plan revision: top-level fields to replace');
export type LocalTeamPlanRevisionInput = z.infer<typeof LocalTeamPlanRevisionInput>;

/** The top-level fields a revision changes, in the plan's field order. O(fields). */
export function revisedFields(revision: LocalTeamPlanRevisionInput): (keyof LocalTeamPlanInput)[] {
  return (Object.keys(planFields.shape) as (keyof LocalTeamPlanInput)[]).filter((key) => revision[key] !== undefined);
}

/** The plan a revision produces (not yet validated as a whole). O(fields). */
export function mergeRevision(plan: LocalTeamPlanInput, revision: LocalTeamPlanRevisionInput): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...plan };
  for (const key of revisedFields(revision)) merged[key] = revision[key];
  return merged;
}
