import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { exampleLocalTeamPlan, projectLocalTeamPlan, type LocalTeamPlanInput } from '@staffcast/local-team';
import { startTestApp, type TestApp } from '../support/test-app.js';

const VIEWER = 'viewer-token-local-team-0123';
const PLANNER = 'planner-token-local-team-0123';
const asPlanner = { authorization: `Bearer ${PLANNER}` };
const asViewer = { authorization: `Bearer ${VIEWER}` };

const MONTH_FIELDS = [
  'month',
  'requiredFte',
  'hires',
  'graduates',
  'inTraining',
  'attritionLosses',
  'agentHeadcount',
  'productiveFte',
  'supportHeadcount',
  'costLocal',
  'costOffshoreEquivalent',
  'serviceLevel',
  'shortfallFte',
];
const SUMMARY_FIELDS = ['peakAgentHeadcount', 'totalHires', 'firstMonthMeetingRequirement', 'breakEvenMonth', 'totalCostLocal', 'totalCostOffshoreEquivalent'];

interface Issue {
  path: string;
  message: string;
}
interface Projection {
  planId: string;
  months: Record<string, unknown>[];
  summary: Record<string, unknown>;
  sensitivity: Record<string, unknown>[];
}

describe('local-team plans over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ API_TOKENS: `viewer:${VIEWER},planner:priya:${PLANNER}` });
  });
  afterAll(async () => {
    await t.close();
  });

  async function draft(plan: unknown, headers: Record<string, string> = {}): Promise<string> {
    const res = await t.request('POST', '/v1/local-team/plans', { body: plan, headers: { ...asPlanner, ...headers } });
    expect(res.status).toBe(201);
    return res.json<{ planId: string }>().planId;
  }
  const project = (planId: string, query = '') => t.request('GET', `/v1/local-team/plans/${planId}/projection${query}`, { headers: asViewer });
  const revise = (planId: string, body: unknown, headers: Record<string, string> = {}) =>
    t.request('POST', `/v1/local-team/plans/${planId}/revisions`, { body, headers: { ...asPlanner, ...headers } });

  it('records a plan: 201 { planId } with a UUIDv7 id, its stream, and the actor and correlation id in the metadata', async () => {
    const res = await t.request('POST', '/v1/local-team/plans', { body: exampleLocalTeamPlan(), headers: { ...asPlanner, 'x-correlation-id': 'plan-req-1' } });
    expect(res.status).toBe(201);
    const body = res.json<{ planId: string }>();
    expect(Object.keys(body)).toEqual(['planId']);
    expect(body.planId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(res.headers.get('location')).toBe(`/v1/local-team/plans/${body.planId}`);
    const events = [];
    for await (const e of t.store.readStream(`local-team-plan-${body.planId}`)) events.push(e);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'LocalTeamPlanDrafted', data: { planId: body.planId, plan: exampleLocalTeamPlan() }, metadata: { actor: 'priya', correlationId: 'plan-req-1', schemaVersion: 1 } });
  });

  it('needs the planner role to record and the viewer role to read', async () => {
    expect((await t.request('POST', '/v1/local-team/plans', { body: exampleLocalTeamPlan(), headers: asViewer })).status).toBe(403);
    expect((await t.request('POST', '/v1/local-team/plans', { body: exampleLocalTeamPlan() })).status).toBe(401);
    const planId = await draft(exampleLocalTeamPlan());
    expect((await t.request('GET', `/v1/local-team/plans/${planId}/projection`)).status).toBe(401);
    expect((await revise(planId, { months: 12 }, asViewer)).status).toBe(403);
  });

  it('projects the plan with exactly the documented shape and the model’s numbers', async () => {
    const planId = await draft(exampleLocalTeamPlan());
    const res = await project(planId);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"0"');
    const body = res.json<Projection>();
    expect(Object.keys(body)).toEqual(['planId', 'months', 'summary', 'sensitivity']);
    expect(body.planId).toBe(planId);
    expect(body.months).toHaveLength(12);
    for (const month of body.months) expect(Object.keys(month)).toEqual(MONTH_FIELDS);
    expect(Object.keys(body.summary)).toEqual(SUMMARY_FIELDS);
    for (const row of body.sensitivity) expect(Object.keys(row)).toEqual(['assumption', 'change', 'peakAgentHeadcountDelta', 'totalCostLocalDelta']);
    const expected = projectLocalTeamPlan(exampleLocalTeamPlan());
    expect(body.months).toEqual(expected.months);
    expect(body.summary).toEqual(expected.summary);
    expect(body.sensitivity).toEqual(expected.sensitivity);
    expect(body.months.map((m) => m.hires)).toEqual([0, 0, 16, 30, 1, 0, 1, 1, 1, 1, 0, 0]);
    expect(body.summary.breakEvenMonth).toBe('2025-11');
  });

  it('exports one CSV row per month', async () => {
    const planId = await draft(exampleLocalTeamPlan());
    const res = await project(planId, '?format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = res.text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(13);
    expect(lines[0]).toBe(MONTH_FIELDS.join(','));
    expect(lines[1]!.split(',')).toEqual(['2025-01', '0', '0', '0', '0', '0', '0', '0', '1', '10000', '0', '', '0']);
    expect(lines[3]!.split(',').slice(0, 3)).toEqual(['2025-03', '0', '16']);
  });

  it('revises a plan partially, keeps the history, and projects as of any point in the log', async () => {
    const planId = await draft(exampleLocalTeamPlan());
    const drafted = (await t.store.headPosition())!;
    const before = await project(planId);

    const res = await revise(planId, { attrition: { annualRate: 0.45 } }, { 'x-correlation-id': 'rev-1' });
    expect(res.status).toBe(201);
    expect(res.json()).toEqual({ planId, revision: '1', changedFields: ['attrition'] });
    const after = await project(planId);
    expect(after.headers.get('etag')).toBe('"1"');
    const revisedPlan: LocalTeamPlanInput = { ...exampleLocalTeamPlan(), attrition: { annualRate: 0.45 } };
    expect(after.json<Projection>().summary).toEqual(projectLocalTeamPlan(revisedPlan).summary);
    expect(after.json<Projection>().summary.totalHires).not.toEqual(before.json<Projection>().summary.totalHires);

    // As of the draft's position: the plan as first recorded.
    const asOfDraft = await project(planId, `?asOf=${drafted}`);
    expect(asOfDraft.status).toBe(200);
    expect(asOfDraft.headers.get('etag')).toBe('"0"');
    expect(asOfDraft.json()).toEqual(before.json());
    // As of a time before the plan existed: not found; as of a time after everything: the revised plan.
    expect((await project(planId, '?asOf=2001-01-01T00:00:00Z')).status).toBe(404);
    const later = await project(planId, '?asOf=2199-01-01T00:00:00%2B10:00');
    expect(later.json()).toEqual(after.json());
  });

  it('records nothing for a revision that changes nothing', async () => {
    const planId = await draft(exampleLocalTeamPlan());
    const head = await t.store.headPosition();
    const res = await revise(planId, { months: 12, hiring: exampleLocalTeamPlan().hiring });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ planId, revision: '0', changedFields: [] });
    expect(await t.store.headPosition()).toBe(head);
  });

  it('refuses a stale revision with 409, by expectedRevision or If-Match', async () => {
    const planId = await draft(exampleLocalTeamPlan());
    expect((await revise(planId, { months: 18, expectedRevision: '0' })).status).toBe(201);
    const stale = await revise(planId, { months: 24, expectedRevision: '0' });
    expect(stale.status).toBe(409);
    expect(stale.json()).toMatchObject({ issues: [{ path: 'expectedRevision' }] });
    expect((await revise(planId, { months: 24 }, { 'if-match': '"0"' })).status).toBe(409);
    expect((await revise(planId, { months: 24 }, { 'if-match': '"1"' })).status).toBe(201);
    expect((await revise(planId, { months: 30 }, { 'if-match': 'soon' })).json()).toMatchObject({ issues: [{ path: 'if-match' }] });
  });

  it('refuses a revision that breaks the plan, naming every field, and writes nothing', async () => {
    const planId = await draft(exampleLocalTeamPlan());
    const head = await t.store.headPosition();
    const res = await revise(planId, { months: 3 });
    expect(res.status).toBe(400);
    const paths = res.json<{ issues: Issue[] }>().issues.map((i) => i.path);
    expect(paths).toContain('takeover.0.fromMonth');
    expect(paths).toContain('demand.monthly.3.month');
    expect((await revise(planId, {})).json()).toMatchObject({ issues: [{ path: '(root)' }] });
    expect(await t.store.headPosition()).toBe(head);
  });

  it('answers 404 for an unknown plan and 400 for a malformed id or query', async () => {
    const unknown = '0192f4a8-1c00-7000-8000-00000000dead';
    expect((await project(unknown)).status).toBe(404);
    expect((await revise(unknown, { months: 12 })).status).toBe(404);
    expect((await t.request('GET', '/v1/local-team/plans/bad.id/projection', { headers: asViewer })).json()).toMatchObject({ issues: [{ path: 'id' }] });
    const planId = await draft(exampleLocalTeamPlan());
    expect((await project(planId, '?asOf=yesterday')).json()).toMatchObject({ issues: [{ path: 'asOf' }] });
    expect((await project(planId, '?format=xlsx')).json()).toMatchObject({ issues: [{ path: 'format' }] });
    expect((await project(planId, '?limit=3')).status).toBe(400);
  });

  it('accepts forecast demand but refuses to project it without recorded ticket history (422), rather than inventing numbers', async () => {
    const planId = await draft({ ...exampleLocalTeamPlan(), demand: { kind: 'forecast', monthlyGrowthPct: 2 }, queues: undefined });
    const res = await project(planId);
    expect(res.status).toBe(422);
    const issue = res.json<{ issues: Issue[] }>().issues[0]!;
    expect(issue.path).toBe('demand.kind');
    expect(issue.message).toMatch(/^forecast demand needs recorded ticket history for the queues au-kyc-phone/);
  });

  it('projects explicit FTE with no takeover and no service level', async () => {
    const plan = { ...exampleLocalTeamPlan(), takeover: [], queues: undefined, demand: { kind: 'explicit-fte', monthly: [{ month: '2025-06', requiredFte: 12 }, { month: '2025-07', requiredFte: 12 }] } };
    const planId = await draft(plan);
    const body = (await project(planId)).json<Projection>();
    expect(body.months.map((m) => m.requiredFte)).toEqual([0, 0, 0, 0, 0, 12, 12, 0, 0, 0, 0, 0]);
    expect(body.months.every((m) => m.serviceLevel === null)).toBe(true);
    expect(body.months[5]!.shortfallFte).toBe(0);
    expect(body.sensitivity[0]!.assumption).toBe('demand.requiredFte');
  });

  it('inherits channel and service target from the recorded queue, and says which field is missing when there is none', async () => {
    const queueId = `kyc-${randomUUID().slice(0, 8)}`;
    const plan = {
      ...exampleLocalTeamPlan(),
      takeover: [{ queueIds: [queueId], fromMonth: '2025-06', share: 1 }],
      demand: { kind: 'explicit-volume', monthly: exampleLocalTeamPlan().demand.kind === 'explicit-volume' ? (exampleLocalTeamPlan().demand as { monthly: { month: string; volume: number }[] }).monthly.map((m) => ({ ...m, queueId })) : [] },
      queues: [{ queueId, ahtSeconds: 180 }],
    };
    const missing = await draft(plan);
    const refused = await project(missing);
    expect(refused.status).toBe(422);
    expect(refused.json()).toMatchObject({ issues: [{ path: 'queues.0.channel' }] });

    await t.store.append(`queue-${queueId}`, [
      {
        id: randomUUID(),
        type: 'QueueDefined',
        data: {
          queueId,
          name: 'AU KYC phone',
          channel: 'phone',
          routing: { markets: ['AU'], categories: ['kyc'], languages: [], channels: ['phone'] },
          timeZone: 'Australia/Brisbane',
          openingHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
          serviceTarget: { kind: 'sl', percent: 80, seconds: 20 },
          requiredSkills: ['kyc-au'],
          chatConcurrency: 1,
          callerPatienceSeconds: 300,
          regulatory: true,
        },
        metadata: { actor: 'test', correlationId: 'c', schemaVersion: 1 },
      },
    ]);
    const inherited = await project(missing);
    expect(inherited.status).toBe(200);
    // Same queue facts as the worked example, now read from the queue's stream.
    expect(inherited.json<Projection>().summary).toEqual(projectLocalTeamPlan(exampleLocalTeamPlan()).summary);
  });

  it('answers 4xx to malformed bodies without writing anything', async () => {
    const head = await t.store.headPosition();
    const poisoned = await t.request('POST', '/v1/local-team/plans', { rawBody: '{"__proto__": {"polluted": 1}}', headers: { ...asPlanner, 'content-type': 'application/json' } });
    expect(poisoned.status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const raw = await t.request('POST', '/v1/local-team/plans', { rawBody: '{"name": ', headers: { ...asPlanner, 'content-type': 'application/json' } });
    expect(raw.status).toBe(400);
    const text = await t.request('POST', '/v1/local-team/plans', { rawBody: 'name=x', headers: { ...asPlanner, 'content-type': 'text/plain' } });
    expect(text.status).toBeGreaterThanOrEqual(400);
    expect(text.status).toBeLessThan(500);
    const array = await t.request('POST', '/v1/local-team/plans', { body: [exampleLocalTeamPlan()], headers: asPlanner });
    expect(array.json()).toMatchObject({ issues: [{ path: '(root)' }] });
    expect(await t.store.headPosition()).toBe(head);
  });

  describe('hostile bodies (fast-check)', () => {
    type Path = (string | number)[];
    /** Every path to a value in the plan (leaves and containers), except the root. */
    function paths(value: unknown, prefix: Path = []): Path[] {
      if (value === null || typeof value !== 'object') return [];
      const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
      return entries.flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])]);
    }
    function setAt(root: unknown, path: Path, mutate: (parent: Record<string | number, unknown>, key: string | number) => void): unknown {
      const copy = structuredClone(root) as Record<string | number, unknown>;
      let node: Record<string | number, unknown> = copy;
      for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
      mutate(node, path.at(-1)!);
      return copy;
    }
    // Invalid wherever they are put: the plan has no nullable or boolean field, every number is
    // bounded, and every string is patterned or length-limited.
    const hostile = fc.constantFrom<unknown>(null, true, '\u0000\u202e<script>', 1e308, -1e308, 'x'.repeat(5000), { zz: -1 }, ['\u0007']);
    const base = exampleLocalTeamPlan() as unknown as Record<string, unknown>;
    const allPaths = paths(base);
    // Keys whose removal leaves a valid plan (optional fields) are not deleted.
    const optional = (p: Path) => (p[0] === 'queues' && p.length === 3 && p[2] !== 'queueId' && p[2] !== 'ahtSeconds') || (p[1] === 'fixedRoles' && p.length === 3);
    const required = allPaths.filter((p) => !optional(p) && typeof p.at(-1) === 'string');
    const objects = [[], ...allPaths].filter((p) => {
      let node: unknown = base;
      for (const key of p) node = (node as Record<string | number, unknown>)[key];
      return node !== null && typeof node === 'object' && !Array.isArray(node);
    });

    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('replace' as const), path: fc.constantFrom(...allPaths), value: hostile }),
      fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom(...required), value: fc.constant(undefined) }),
      fc.record({ kind: fc.constant('add' as const), path: fc.constantFrom(...objects).map((p) => [...p, 'zz_unexpected']), value: hostile }),
    );

    const apply = (m: { kind: 'replace' | 'delete' | 'add'; path: Path; value: unknown }) =>
      setAt(base, m.path, (parent, key) => {
        if (m.kind === 'delete') delete parent[key];
        else parent[key] = m.value;
      });

    /** An issue at the mutated field, inside it, or at its parent (unknown keys are reported there, naming the key). */
    const names = (issues: Issue[], path: Path) => {
      const p = path.join('.');
      const key = String(path.at(-1));
      return issues.some((i) => i.path === p || i.path.startsWith(`${p}.`) || p.startsWith(`${i.path}.`) || (i.path === '(root)' && path.length === 1 && i.message.includes(key)));
    };

    it('always answers 4xx naming the field, never 5xx, and never moves the log', async () => {
      const planId = await draft(exampleLocalTeamPlan());
      await fc.assert(
        fc.asyncProperty(mutation, fc.boolean(), async (m, asRevision) => {
          const head = await t.store.headPosition();
          const body = apply(m) as Record<string, unknown>;
          const res = asRevision
            ? await revise(planId, { [String(m.path[0])]: body[String(m.path[0])] ?? null })
            : await t.request('POST', '/v1/local-team/plans', { body, headers: asPlanner });
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
          const issues = res.json<{ error: string; issues: Issue[] }>().issues;
          expect(issues.length).toBeGreaterThan(0);
          expect(names(issues, m.path)).toBe(true);
          expect(await t.store.headPosition()).toBe(head);
        }),
        { numRuns: 250 },
      );
    });
  });
});
