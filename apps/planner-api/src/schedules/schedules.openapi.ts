import { DraftedAgentWeek, EntityId, ScheduleDraftedData, ScheduleTotals, ShiftRules } from '@staffcast/events';
import { z } from 'zod';
import { notFound, type RouteDoc, type RouteDocs } from '../http/openapi/route-doc.js';
import { RunScheduleRequest, ScheduleQuery } from './schedules.dto.js';

const SITE = 'kul';
const SCHEDULE_ID = 'kul-2026-w47';

const RULES_EXAMPLE = {
  siteId: SITE,
  timeZone: 'Asia/Kuala_Lumpur',
  templates: [
    {
      templateId: 'nine-hours',
      starts: ['06:00', '07:00', '08:00', '20:00', '21:00', '22:00'],
      lengthMinutes: 540,
      breaks: [
        { kind: 'break', minutes: 15, paid: true, earliestAfterMinutes: 120, latestAfterMinutes: 150 },
        { kind: 'lunch', minutes: 60, paid: false, earliestAfterMinutes: 240, latestAfterMinutes: 300 },
      ],
    },
  ],
  contracts: [{ contractId: 'full-time', weeklyHours: { min: 32, max: 40 }, daysPerWeek: { min: 4, max: 5 }, restDays: 'two-consecutive', minRestHours: 11, maxConsecutiveDays: 5 }],
  defaultContractId: 'full-time',
};

const TOTALS_EXAMPLE = {
  requiredAgentHours: 1204.5,
  coveredAgentHours: 1141.3,
  underAgentHours: 63.2,
  overAgentHours: 88.7,
  payrollCost: [{ currency: 'USD', amount: 17_640 }],
  objective: 8123.4,
  lowerBound: 7010.2,
  mipGap: 0.137,
  status: 'Time limit reached',
  seconds: 30.2,
  newHiresUsed: 0,
};

const AGENT_EXAMPLE = {
  agentId: 'kul-014',
  newHire: false,
  weekStart: '2026-11-16',
  shifts: { mon: [{ start: '20:00', end: '05:00', breaks: [{ start: '22:15', end: '22:30' }, { start: '00:00', end: '01:00' }] }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
  paidHours: 40,
};

const siteParams = { schema: z.strictObject({ siteId: EntityId.describe('The site, e.g. the Kuala Lumpur offshore site') }), example: { siteId: SITE } };
const scheduleParams = { schema: z.strictObject({ id: EntityId.describe('The schedule id') }), example: { id: SCHEDULE_ID } };
const noRules = notFound('siteId', `no shift rules for site ${SITE}`);
const noSchedule = notFound('id', `no schedule ${SCHEDULE_ID}`);

const RunAnswer = z
  .looseObject({ scheduleId: z.string(), draftedAt: z.string(), position: z.string(), rulesRevision: z.string(), request: z.looseObject({}), agents: z.array(DraftedAgentWeek), totals: ScheduleTotals })
  .describe('The draft (without its rules) and, on a new run, the report: coverage per queue and interval, projected service per hour, unmet requirement and why, contract shortfalls, new-hire lines, solver figures');

/** Shift rules, schedule runs (drafts) and their publication. */
export const scheduleRoutes: RouteDocs = (): RouteDoc[] => [
  {
    method: 'put',
    path: '/v1/schedule-rules/:siteId',
    tag: 'schedules',
    summary: "Define or revise a site's shift rules",
    description: 'Templates (local start times in 15-minute steps, lengths, a paid break and a lunch with placement windows), contracts (weekly hours, days per week, two consecutive rest days, minimum rest, consecutive days), per-agent overrides and the objective weights. The same rules again write nothing (200).',
    role: 'planner',
    params: siteParams,
    body: { schema: ShiftRules, example: RULES_EXAMPLE },
    responses: {
      200: { description: 'The rules were already these', schema: z.strictObject({ siteId: z.string(), revision: z.string() }), example: { siteId: SITE, revision: '0' } },
      201: { description: 'Defined or revised', schema: z.strictObject({ siteId: z.string(), revision: z.string() }), example: { siteId: SITE, revision: '1' } },
    },
  },
  {
    method: 'get',
    path: '/v1/schedule-rules/:siteId',
    tag: 'schedules',
    summary: "A site's shift rules",
    role: 'viewer',
    params: siteParams,
    responses: { 200: { description: 'The rules and their revision', schema: z.strictObject({ rules: ShiftRules, revision: z.string() }), example: { rules: { ...RULES_EXAMPLE, agents: [], weights: { underPerAgentHour: 100, overPerAgentHour: 1, perCostUnit: 0.01, perNewHire: 40 } }, revision: '0' } } },
    errors: { 404: noRules },
  },
  {
    method: 'post',
    path: '/v1/schedules/runs',
    tag: 'schedules',
    summary: "Draft a schedule for a site's agents (a MILP on HiGHS)",
    description: "Turns the capacity plan's requirement per queue and interval (also under a scenario) into shifts, breaks and days off within the site's rules, certified skills and recorded absences; records a ScheduleDrafted with its log position. Writes nothing into the agents' streams. A retry with the same `scheduleId` and request is a 200 with the recorded draft.",
    role: 'planner',
    body: { schema: RunScheduleRequest, example: { scheduleId: SCHEDULE_ID, siteId: SITE, weekStart: '2026-11-16', weeks: 1, timeLimitSeconds: 30 } },
    responses: {
      200: { description: 'The draft recorded before', schema: RunAnswer, example: { scheduleId: SCHEDULE_ID, draftedAt: '2026-11-13T09:00:00.000Z', position: '1523311', rulesRevision: '0', request: { siteId: SITE, weekStart: '2026-11-16', weeks: 1 }, agents: [AGENT_EXAMPLE], totals: TOTALS_EXAMPLE } },
      201: { description: 'The new draft and its report', schema: RunAnswer, example: { scheduleId: SCHEDULE_ID, draftedAt: '2026-11-13T09:00:00.000Z', position: '1523311', rulesRevision: '0', request: { siteId: SITE, weekStart: '2026-11-16', weeks: 1 }, agents: [AGENT_EXAMPLE], totals: TOTALS_EXAMPLE } },
    },
    errors: { 404: noRules, 409: { error: 'conflict', issues: [{ path: 'scheduleId', message: `schedule ${SCHEDULE_ID} was drafted with another request` }] } },
  },
  {
    method: 'get',
    path: '/v1/schedules/:id',
    tag: 'schedules',
    summary: 'A recorded schedule draft (`?format=csv`: one row per agent and day)',
    role: 'viewer',
    params: scheduleParams,
    query: { schema: ScheduleQuery, example: { format: 'json' } },
    responses: {
      200: {
        description: 'The draft, with whether it was published',
        schema: ScheduleDraftedData.extend({ published: z.boolean() }),
        example: { scheduleId: SCHEDULE_ID, draftedAt: '2026-11-13T09:00:00.000Z', position: '1523311', rulesRevision: '0', rules: { ...RULES_EXAMPLE, agents: [], weights: { underPerAgentHour: 100, overPerAgentHour: 1, perCostUnit: 0.01, perNewHire: 40 } }, request: { siteId: SITE, weekStart: '2026-11-16', weeks: 1, planQuantile: 0.8, shrinkage: 0.3, occupancyCap: 0.9, timeLimitSeconds: 30, mipRelGap: 0.01 }, agents: [AGENT_EXAMPLE], totals: TOTALS_EXAMPLE, published: false },
      },
    },
    errors: { 404: noSchedule },
  },
  {
    method: 'post',
    path: '/v1/schedules/:id/publication',
    tag: 'schedules',
    summary: "Publish a draft into the agents' schedules, all or none",
    description: 'One AgentScheduleSet per agent and week, with expected revisions, and SchedulePublished: one transaction on the embedded store; on EventStoreDB the ids derive from the schedule, agent and week, so a publication cut off half-way completes on retry without duplicates. Again is a 200 that writes nothing.',
    role: 'planner',
    params: scheduleParams,
    responses: {
      200: { description: 'Already published', schema: z.strictObject({ scheduleId: z.string(), published: z.boolean(), agentEvents: z.number().int() }), example: { scheduleId: SCHEDULE_ID, published: false, agentEvents: 0 } },
      201: { description: 'Published', schema: z.strictObject({ scheduleId: z.string(), published: z.boolean(), agentEvents: z.number().int() }), example: { scheduleId: SCHEDULE_ID, published: true, agentEvents: 50 } },
    },
    errors: { 404: noSchedule },
  },
];
