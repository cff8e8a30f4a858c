import { EntityId } from '@staffcast/events';
import { exampleLocalTeamPlan, LocalTeamPlanInput, LocalTeamPlanRevisionInput, projectLocalTeamPlan, projectionCsv, type LocalTeamProjection } from '@staffcast/local-team';
import { z } from 'zod';
import { notFound, type RouteDoc, type RouteDocs } from '../http/openapi/route-doc.js';
import { PlanIfMatchHeader, ProjectionQuery } from './local-team.controller.js';

const PLAN_ID = '0193a3d0-2b00-7a1e-8c3d-4e5f60718293';

const MonthBody: z.ZodType<LocalTeamProjection['months'][number]> = z.strictObject({
  month: z.string().describe('YYYY-MM'),
  requiredFte: z.number(),
  hires: z.number().int(),
  graduates: z.number(),
  inTraining: z.number(),
  attritionLosses: z.number(),
  agentHeadcount: z.number(),
  productiveFte: z.number(),
  supportHeadcount: z.number(),
  costLocal: z.number(),
  costOffshoreEquivalent: z.number(),
  serviceLevel: z.number().nullable(),
  shortfallFte: z.number(),
});

const ProjectionBody = z.strictObject({
  planId: z.string(),
  months: z.array(MonthBody),
  summary: z.strictObject({ peakAgentHeadcount: z.number(), totalHires: z.number().int(), firstMonthMeetingRequirement: z.string().nullable(), breakEvenMonth: z.string().nullable(), totalCostLocal: z.number(), totalCostOffshoreEquivalent: z.number() }),
  sensitivity: z.array(z.strictObject({ assumption: z.string(), change: z.number(), peakAgentHeadcountDelta: z.number(), totalCostLocalDelta: z.number() })),
});

/** The example plan's real projection, cut to its first three months to stay readable. */
function projectionExample(): { json: unknown; csv: string } {
  const { months, summary, sensitivity } = projectLocalTeamPlan(exampleLocalTeamPlan());
  const short = { months: months.slice(0, 3), summary, sensitivity: sensitivity.slice(0, 4) };
  return { json: { planId: PLAN_ID, ...short }, csv: projectionCsv(short) };
}

/** Local-team build-out plans: draft, revise, project. */
export const localTeamRoutes: RouteDocs = (): RouteDoc[] => {
  const example = projectionExample();
  const params = { schema: z.strictObject({ id: EntityId.describe('The plan id') }), example: { id: PLAN_ID } };
  const missing = notFound('id', `no local-team plan ${PLAN_ID}`);
  return [
    {
      method: 'post',
      path: '/v1/local-team/plans',
      tag: 'local-team',
      summary: 'Record a local-team plan',
      description: 'Market, coverage hours, the queues taken over in phases, demand, hiring constraints, training and nesting ramp, attrition, team structure and costs. `Location` names the plan and `ETag` is its revision.',
      role: 'planner',
      body: { schema: LocalTeamPlanInput, example: exampleLocalTeamPlan() },
      responses: { 201: { description: 'Recorded', schema: z.strictObject({ planId: z.string() }), example: { planId: PLAN_ID } } },
    },
    {
      method: 'post',
      path: '/v1/local-team/plans/:id/revisions',
      tag: 'local-team',
      summary: 'Revise a plan',
      description: 'The body holds the top-level fields to replace, each replaced whole; the merged plan must be valid. A stale edit is refused with 409 when `expectedRevision` or `If-Match` names an older revision. 201 when something changed, 200 when nothing did.',
      role: 'planner',
      params,
      headers: { schema: z.object({ 'if-match': PlanIfMatchHeader.optional() }), example: { 'if-match': '"0"' } },
      body: { schema: LocalTeamPlanRevisionInput, example: { expectedRevision: '0', attrition: { annualRate: 0.3 } } },
      responses: {
        201: { description: 'Revised', schema: z.strictObject({ planId: z.string(), revision: z.string(), changedFields: z.array(z.string()) }), example: { planId: PLAN_ID, revision: '1', changedFields: ['attrition'] } },
        200: { description: 'Nothing changed', schema: z.strictObject({ planId: z.string(), revision: z.string(), changedFields: z.array(z.string()) }), example: { planId: PLAN_ID, revision: '0', changedFields: [] } },
      },
      errors: { 404: missing, 409: { error: 'LOCAL_TEAM_PLAN_STALE', issues: [{ path: 'expectedRevision', message: 'the plan is at revision 1, not 0: reload it and revise again' }] } },
    },
    {
      method: 'get',
      path: '/v1/local-team/plans/:id/projection',
      tag: 'local-team',
      summary: "A plan's month-by-month projection",
      description: 'Hires, headcount, productive FTE against requirement, cost against offshore, service level, break-even and the sensitivity of the results to each assumption. `?asOf=` projects the plan as the log had it then; `?format=csv` answers one row per month. The ETag is the plan revision used.',
      role: 'viewer',
      params,
      query: { schema: ProjectionQuery, example: { format: 'json', asOf: '1523311' } },
      responses: { 200: { description: 'The projection', schema: ProjectionBody, example: example.json, csvExample: example.csv } },
      errors: { 404: missing, 422: { error: 'plan cannot be projected', issues: [{ path: 'takeover.0.queueIds', message: 'queue us-kyc-chat has no recorded history to forecast from' }] } },
    },
  ];
};
