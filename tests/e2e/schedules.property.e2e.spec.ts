import fc from 'fast-check';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { asPlanner, TOKENS_ENV } from '../support/fixtures.js';
import { hostileString, hostileValue, mutated } from '../support/hostile-input.js';
import { KL_RULES } from '../support/schedule-fixtures.js';

/**
 * Hostile input at the schedule routes: a 4xx whose issues name a field (never a 5xx), and the
 * log does not move. Nested fields of the rules (templates, breaks, contracts) are mutated too.
 */
const RUN = { siteId: 'kul', weekStart: '2026-06-01', weeks: 1, timeLimitSeconds: 5 };
const template = KL_RULES.templates[0]!;
const contract = KL_RULES.contracts[0]!;

const rulesBody = fc.oneof(
  mutated(KL_RULES),
  mutated(template).map((t) => ({ ...KL_RULES, templates: [t] })),
  mutated(template.breaks[1]!).map((b) => ({ ...KL_RULES, templates: [{ ...template, breaks: [template.breaks[0], b] }] })),
  mutated(contract).map((c) => ({ ...KL_RULES, contracts: [c] })),
  fc.record({ agentId: hostileString, contractId: hostileValue }).map((a) => ({ ...KL_RULES, agents: [a] })),
);
const runBody = fc.oneof(mutated(RUN), mutated({ count: 2, skills: ['chat'] }).map((h) => ({ ...RUN, openHeadcount: h })));

describe('schedule routes under hostile input (property)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(TOKENS_ENV);
  });
  afterAll(async () => {
    await t.close();
  });

  const rejects = async (method: string, path: string, body: unknown) => {
    const before = await t.store.headPosition();
    const res = await t.request(method, path, { body, headers: asPlanner });
    if (res.status < 300) return;
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const payload = res.json<{ error: string; issues?: { path: string; message: string }[] }>();
    expect(payload.issues?.length).toBeGreaterThan(0);
    expect(payload.issues!.every((i) => i.path.length > 0 && i.message.length > 0)).toBe(true);
    expect(await t.store.headPosition()).toBe(before);
  };

  it('PUT /v1/schedule-rules/:siteId answers 4xx naming a field and writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(rulesBody, fc.oneof({ weight: 4, arbitrary: fc.constant('site-a') }, { weight: 1, arbitrary: hostileString }), async (body, site) => rejects('PUT', `/v1/schedule-rules/${encodeURIComponent(site)}`, body)),
      { numRuns: 250 },
    );
  });

  it('POST /v1/schedules/runs and publication answer 4xx naming a field and write nothing', async () => {
    await fc.assert(fc.asyncProperty(runBody, async (body) => rejects('POST', '/v1/schedules/runs', body)), { numRuns: 150 });
    await fc.assert(fc.asyncProperty(hostileString, async (id) => rejects('POST', `/v1/schedules/${encodeURIComponent(id)}/publication`, undefined)), { numRuns: 50 });
  });

  it('names the field: a break window outside its shift, an unknown contract, a week start that is not a Monday', async () => {
    const bad = { ...KL_RULES, templates: [{ ...template, breaks: [{ ...template.breaks[0]!, latestAfterMinutes: 600 }] }] };
    const res = await t.request('PUT', '/v1/schedule-rules/site-b', { body: bad, headers: asPlanner });
    expect(res.status).toBe(400);
    expect(res.json<{ issues: { path: string }[] }>().issues.map((i) => i.path)).toContain('templates.0.breaks.0.latestAfterMinutes');
    const unknown = await t.request('PUT', '/v1/schedule-rules/site-b', { body: { ...KL_RULES, defaultContractId: 'nope' }, headers: asPlanner });
    expect(unknown.json<{ issues: { path: string }[] }>().issues.map((i) => i.path)).toContain('defaultContractId');
    expect((await t.request('PUT', '/v1/schedule-rules/site-b', { body: KL_RULES, headers: asPlanner })).status).toBe(201);
    await t.request('POST', '/v1/agents', { body: { agentId: 'b1', site: { siteId: 'site-b', timeZone: 'Asia/Kuala_Lumpur' }, markets: ['US'], languages: ['en'], skills: ['chat'], startDate: '2026-01-01', contractedHoursPerWeek: 40, hourlyCost: { amount: 9, currency: 'USD' } }, headers: asPlanner });
    const tuesday = await t.request('POST', '/v1/schedules/runs', { body: { ...RUN, siteId: 'site-b', weekStart: '2026-06-02' }, headers: asPlanner });
    expect(tuesday.status).toBe(400);
    expect(tuesday.json<{ issues: { path: string }[] }>().issues.map((i) => i.path)).toEqual(['weekStart']);
  });
});
