import { startTestApp, type TestApp } from '../support/test-app.js';
import { asPlanner, asViewer, TOKENS_ENV } from '../support/fixtures.js';
import { seedDemo } from '../../apps/planner-api/src/demo/seed-demo.js';
import { KL_RULES } from '../support/schedule-fixtures.js';

const WEEKS = 4;
const START = '2026-05-04T00:00:00Z';
/** The Kuala Lumpur Monday after the history; its local midnight is 16:00 UTC the day before. */
const WEEK_START = '2026-06-01';
const WEEK_FROM = '2026-05-31T16:00:00.000Z';

async function agentEventCount(t: TestApp): Promise<number> {
  let n = 0;
  for await (const _ of t.store.readAll({ filter: { streamCategories: ['agent'] } })) n++;
  return n;
}

async function planShortHours(t: TestApp): Promise<number> {
  const res = await t.request('POST', '/v1/plans', { body: { from: WEEK_FROM, horizonHours: 168 }, headers: asViewer });
  expect(res.status).toBe(200);
  return res.json<{ summaries: { total: { shortAgentHours: number } }[] }>().summaries.reduce((s, q) => s + q.total.shortAgentHours, 0);
}

describe('schedule generation on the seeded demo', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(TOKENS_ENV);
    await seedDemo(t.app, t.store, { weeks: WEEKS, start: START });
  }, 180_000);
  afterAll(async () => {
    await t.close();
  });

  it('drafts a Kuala Lumpur week that lowers the under-staffed hours, writes no agent stream until published, then the plan shows it', async () => {
    expect((await t.request('PUT', '/v1/schedule-rules/kul', { body: KL_RULES, headers: asPlanner })).status).toBe(201);
    expect((await t.request('PUT', '/v1/schedule-rules/kul', { body: KL_RULES, headers: asPlanner })).status).toBe(200);
    const before = await planShortHours(t);
    const agentEvents = await agentEventCount(t);

    const run = await t.request('POST', '/v1/schedules/runs', { body: { scheduleId: 'kul-w23', siteId: 'kul', weekStart: WEEK_START, timeLimitSeconds: 30, mipRelGap: 0.02 }, headers: asPlanner });
    expect(run.status).toBe(201);
    const draft = run.json<{
      scheduleId: string;
      position: string;
      agents: { agentId: string; shifts: Record<string, unknown[]> }[];
      totals: { underAgentHours: number; mipGap: number | null; lowerBound: number | null; objective: number | null };
      baselineUnderAgentHours: number;
      ruleViolations: unknown[];
      unmet: { queueId: string; reason: string; agentHours: number }[];
      queues: { queueId: string; hours: { serviceLevel: number | null }[] }[];
    }>();
    expect(draft.ruleViolations).toEqual([]);
    expect(draft.agents.length).toBeGreaterThan(30);
    expect(draft.totals.objective).not.toBeNull();
    expect(draft.totals.lowerBound!).toBeLessThanOrEqual(draft.totals.objective! + 1e-6);
    expect(draft.queues.some((q) => q.hours.some((h) => h.serviceLevel !== null))).toBe(true);
    expect(draft.totals.underAgentHours).toBeLessThan(draft.baselineUnderAgentHours);
    // The draft wrote nothing to agent streams.
    expect(await agentEventCount(t)).toBe(agentEvents);

    // A retry of the same run answers with the recorded draft; the same id with another request is a conflict.
    const retry = await t.request('POST', '/v1/schedules/runs', { body: { scheduleId: 'kul-w23', siteId: 'kul', weekStart: WEEK_START, timeLimitSeconds: 30, mipRelGap: 0.02 }, headers: asPlanner });
    expect(retry.status).toBe(200);
    expect(retry.json<{ position: string }>().position).toBe(draft.position);

    const csv = await t.request('GET', '/v1/schedules/kul-w23?format=csv', { headers: asViewer });
    expect(csv.status).toBe(200);
    expect(csv.text.trim().split('\n')).toHaveLength(1 + 7 * draft.agents.length);

    const published = await t.request('POST', '/v1/schedules/kul-w23/publication', { headers: asPlanner });
    expect(published.status).toBe(201);
    expect(published.json<{ agentEvents: number }>().agentEvents).toBeGreaterThan(0);
    expect(await agentEventCount(t)).toBe(agentEvents + published.json<{ agentEvents: number }>().agentEvents);
    expect((await t.request('POST', '/v1/schedules/kul-w23/publication', { headers: asPlanner })).status).toBe(200);

    const after = await planShortHours(t);
    expect(after).toBeLessThan(before);
    const agent = await t.request('GET', `/v1/agents/${draft.agents[0]!.agentId}`, { headers: asViewer });
    expect(JSON.stringify(agent.json())).toContain(WEEK_START);
  }, 240_000);

  it('under a scenario, hires that give no shifts become new-hire lines the run may place, and it reports how many and on which patterns', async () => {
    const scenarioId = (await t.request('POST', '/v1/scenarios', { body: { name: 'hires to schedule' }, headers: asPlanner })).json<{ scenarioId: string }>().scenarioId;
    const hires = { kind: 'hires', count: 4, siteId: 'kul', timeZone: 'Asia/Kuala_Lumpur', skills: ['chat', 'kyc-us'], startDate: '2026-04-06', ramp: [], hourlyCost: { amount: 9, currency: 'USD' } };
    expect((await t.request('POST', `/v1/scenarios/${scenarioId}/assumptions`, { body: hires, headers: asPlanner })).status).toBe(201);
    const run = await t.request('POST', '/v1/schedules/runs', { body: { siteId: 'kul', weekStart: WEEK_START, scenarioId, timeLimitSeconds: 15, mipRelGap: 0.02 }, headers: asPlanner });
    expect(run.status).toBe(201);
    const body = run.json<{ request: { scenarioId: string }; newHires: { used: number; patterns: { pattern: string; agentDays: number }[] }; agents: { agentId: string; newHire: boolean }[]; ruleViolations: unknown[] }>();
    expect(body.request.scenarioId).toBe(scenarioId);
    expect(body.ruleViolations).toEqual([]);
    expect(body.newHires.used).toBeLessThanOrEqual(4);
    expect(body.agents.filter((a) => a.newHire)).toHaveLength(body.newHires.used);
    expect(body.newHires.patterns.reduce((s, p) => s + p.agentDays, 0) > 0).toBe(body.newHires.used > 0);
  }, 240_000);
});
