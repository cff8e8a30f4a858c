import { EntityId } from '@staffcast/events';
import { Assumption, RunRequest, ScenarioRunRecordedData, type RunMetrics } from '@staffcast/scenarios';
import { z } from 'zod';
import { notFound, type RouteDoc, type RouteDocs } from '../http/openapi/route-doc.js';
import { PlanParts, PLAN_EXAMPLE, ROW_EXAMPLE } from '../planning/planning.openapi.js';
import { AssumptionEnvelope, CreateScenarioRequest, RunEnvelope, RunQuery } from './scenarios.controller.js';

const SCENARIO_ID = '0193a3c2-4f00-7b4e-9d2a-5c1f0e6b7a10';
const RUN_ID = '0193a3c9-1a20-7c3d-8e4f-a0b1c2d3e4f5';
const ASSUMPTION = { kind: 'volume-multiplier', factor: 2, from: '2026-11-17T00:00:00Z', to: '2026-11-20T00:00:00Z', queueIds: [], markets: ['US'], categories: ['kyc'] } as const;
const RUN_REQUEST = { queueIds: ['us-kyc-chat'], from: '2026-11-16T00:00:00Z', horizonHours: 168, planQuantile: 0.8, shrinkage: 0.3, occupancyCap: 0.9, hoursPerFte: 40 };

const metrics = (volume: number, gap: number, sl: number): RunMetrics => ({ volume, requiredAgentHours: volume / 6, scheduledAgentHours: volume / 4.2, requiredFte: volume / 168, rosteredAgentHours: 398.5, gapAgentHours: gap, hoursShort: Math.round(gap / 2), serviceLevel: sl, abandonment: 1 - sl - 0.15 });
const baseline = metrics(2400, 31.5, 0.77);
const scenario = metrics(3120, 96, 0.58);
const delta: RunMetrics = { volume: 720, requiredAgentHours: 120, scheduledAgentHours: 171.43, requiredFte: 4.29, rosteredAgentHours: 0, gapAgentHours: 64.5, hoursShort: 32, serviceLevel: -0.19, abandonment: 0.19 };
const RUN = {
  scenarioId: SCENARIO_ID,
  runId: RUN_ID,
  ranAt: '2026-11-10T09:12:00.000Z',
  baselinePosition: '1523311',
  request: RUN_REQUEST,
  assumptions: [{ assumptionId: '0193a3c5-0000-7000-8000-000000000001', assumption: ASSUMPTION }],
  summary: { queues: [{ queueId: 'us-kyc-chat', baseline, scenario, delta }], total: { baseline, scenario, delta }, cost: [{ currency: 'USD', baseline: 3785.75, scenario: 3785.75, delta: 0 }], unpricedAgents: { baseline: 0, scenario: 0 }, warnings: [] },
  digest: '9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c0b2d4f6e8a1c3e5b7d9f0a2c4e6b8d0f',
};

const ScenarioBody = z.strictObject({
  scenarioId: z.string(),
  name: z.string(),
  description: z.string().optional(),
  assumptions: z.array(z.strictObject({ assumptionId: z.string(), assumption: Assumption })),
  runs: z.array(z.strictObject({ runId: z.string(), ranAt: z.string(), baselinePosition: z.string(), request: RunRequest, total: ScenarioRunRecordedData.shape.summary.shape.total })),
});

const RunBody = ScenarioRunRecordedData.omit({ scenarioId: true }).extend({
  scenarioId: z.string(),
  reproduced: z.boolean().describe('The re-evaluation hashes to the recorded digest and equals the recorded summary'),
  plan: z.strictObject({ ...PlanParts, rows: z.array(z.looseObject({ queueId: z.string(), hour: z.string() })).describe('Plan rows; with `?compare=baseline` each row beside the baseline\'s') }),
  baselinePlan: z.strictObject({ summaries: PlanParts.summaries, worstHours: PlanParts.worstHours, idleAgentHours: PlanParts.idleAgentHours }).optional(),
});

const scenarioParams = { schema: z.strictObject({ id: EntityId.describe('The scenario id') }), example: { id: SCENARIO_ID } };
const missing = notFound('id', `no scenario ${SCENARIO_ID}`);

/** What-if scenarios: create, add and remove assumptions, run against the baseline, read a run. */
export const scenarioRoutes: RouteDocs = (): RouteDoc[] => [
  {
    method: 'post',
    path: '/v1/scenarios',
    tag: 'scenarios',
    summary: 'Create a scenario',
    description: 'An optional `scenarioId` makes a retried create idempotent: 200 when it was already created with the same name and description, 409 with others.',
    role: 'planner',
    body: { schema: CreateScenarioRequest, example: { name: 'KYC surge after the staking launch', description: 'Launch doubles US KYC chats for three days' } },
    responses: { 201: { description: 'Created; `Location` names it', schema: z.strictObject({ scenarioId: z.string() }), example: { scenarioId: SCENARIO_ID } }, 200: { description: 'Already created (a retry)', schema: z.strictObject({ scenarioId: z.string() }), example: { scenarioId: SCENARIO_ID } } },
    errors: { 409: { error: 'SCENARIO_EXISTS', issues: [{ path: 'scenarioId', message: `scenario ${SCENARIO_ID} already exists` }] } },
  },
  {
    method: 'get',
    path: '/v1/scenarios/:id',
    tag: 'scenarios',
    summary: 'Read a scenario: its assumptions and runs',
    role: 'viewer',
    params: scenarioParams,
    responses: { 200: { description: 'The scenario', schema: ScenarioBody, example: { scenarioId: SCENARIO_ID, name: 'KYC surge after the staking launch', assumptions: RUN.assumptions, runs: [{ runId: RUN_ID, ranAt: RUN.ranAt, baselinePosition: RUN.baselinePosition, request: RUN_REQUEST, total: RUN.summary.total }] } } },
    errors: { 404: missing },
  },
  {
    method: 'post',
    path: '/v1/scenarios/:id/assumptions',
    tag: 'scenarios',
    summary: 'Add an assumption',
    description: 'The body is the assumption, one of eight kinds: launch, volume-multiplier, aht-change, service-target, shrinkage, hires, attrition, local-team-move. An optional `assumptionId` makes a retried add idempotent.',
    role: 'planner',
    params: scenarioParams,
    body: { schema: z.intersection(AssumptionEnvelope, Assumption), validator: Assumption, example: ASSUMPTION },
    responses: { 201: { description: 'Added', schema: z.strictObject({ assumptionId: z.string() }), example: { assumptionId: '0193a3c5-0000-7000-8000-000000000001' } }, 200: { description: 'Already added (a retry)', schema: z.strictObject({ assumptionId: z.string() }), example: { assumptionId: '0193a3c5-0000-7000-8000-000000000001' } } },
    errors: { 404: missing, 409: { error: 'ASSUMPTION_ID_REUSED', issues: [{ path: 'assumptionId', message: 'assumption id 0193a3c5-0000-7000-8000-000000000001 is already used in this scenario' }] } },
  },
  {
    method: 'delete',
    path: '/v1/scenarios/:id/assumptions/:assumptionId',
    tag: 'scenarios',
    summary: 'Remove an assumption',
    role: 'planner',
    params: { schema: z.strictObject({ id: EntityId, assumptionId: EntityId }), example: { id: SCENARIO_ID, assumptionId: '0193a3c5-0000-7000-8000-000000000001' } },
    responses: { 204: { description: 'Removed' } },
    errors: { 404: { error: 'ASSUMPTION_NOT_FOUND', issues: [{ path: 'assumptionId', message: `scenario ${SCENARIO_ID} has no assumption 0193a3c5-0000-7000-8000-000000000001` }] } },
  },
  {
    method: 'post',
    path: '/v1/scenarios/:id/runs',
    tag: 'scenarios',
    summary: 'Run a scenario against the baseline',
    description: "Evaluates the capacity plan at the log head now with and without the scenario's assumptions, and records the position used, the assumptions and the comparison (only into the scenario's own stream). An optional `runId` makes a retry idempotent.",
    role: 'planner',
    params: scenarioParams,
    body: { schema: z.intersection(RunEnvelope, RunRequest), validator: RunRequest, example: RUN_REQUEST },
    responses: { 201: { description: 'The run recorded; `Location` names it', schema: ScenarioRunRecordedData, example: RUN }, 200: { description: 'The run already recorded under this `runId`', schema: ScenarioRunRecordedData, example: RUN } },
    errors: {
      404: missing,
      409: { error: 'RUN_EXISTS', issues: [{ path: 'runId', message: `run ${RUN_ID} is already recorded with another request` }] },
      422: { error: 'scenario cannot be evaluated', issues: [{ path: 'assumptions.0193a3c5-0000-7000-8000-000000000001.target', message: 'queue us-kyc-email is email: it needs a response target' }] },
    },
  },
  {
    method: 'get',
    path: '/v1/scenarios/:id/runs/:runId',
    tag: 'scenarios',
    summary: 'A recorded run, re-evaluated from its recorded position',
    description: 'New events since the run do not change it; `reproduced` says so. `?compare=baseline` puts each row beside the baseline\'s; `?format=csv` answers the rows as CSV.',
    role: 'viewer',
    params: { schema: z.strictObject({ id: EntityId, runId: EntityId }), example: { id: SCENARIO_ID, runId: RUN_ID } },
    query: { schema: RunQuery, example: { compare: 'baseline', format: 'json' } },
    responses: { 200: { description: 'The run with its plan', schema: RunBody, example: { ...RUN, reproduced: true, plan: PLAN_EXAMPLE, baselinePlan: { summaries: PLAN_EXAMPLE.summaries, worstHours: [ROW_EXAMPLE], idleAgentHours: 12.5 } } } },
    errors: { 404: notFound('runId', `scenario ${SCENARIO_ID} has no run ${RUN_ID}`) },
  },
];
