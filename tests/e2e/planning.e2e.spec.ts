import { startTestApp, type TestApp } from '../support/test-app.js';
import { asPlanner, asViewer, queueBody, ticketCreated, TOKENS_ENV } from '../support/fixtures.js';
import { seedDemo } from '../../apps/planner-api/src/demo/seed-demo.js';

const WEEKS = 6;
const START = '2026-05-04T00:00:00Z';
const END_MS = Date.parse(START) + WEEKS * 7 * 86_400_000;

describe('queue forecasts and staffing requirements over HTTP', () => {
  let t: TestApp;
  let midPosition: string;
  beforeAll(async () => {
    t = await startTestApp(TOKENS_ENV);
    await seedDemo(t.app, t.store, { weeks: WEEKS, start: START });
    midPosition = String((await t.store.headPosition())! / 2n);
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('forecasts a queue from its recorded history, with intervals and the backtest accuracy', async () => {
    const res = await t.request('POST', '/v1/forecasts', { body: { queueIds: ['us-payments-chat'], from: new Date(END_MS).toISOString(), horizonHours: 168 }, headers: asViewer });
    expect(res.status).toBe(200);
    const [queue] = res.json<{ queues: { queueId: string; method: string; backtest: { wape: number | null; baseline: { method: string; wape: number | null } | null }; volume: { mean: number[]; quantiles: Record<string, number[]> }; aht: { meanSeconds: number[] } }[] }>().queues;
    expect(queue!.queueId).toBe('us-payments-chat');
    expect(queue!.volume.mean).toHaveLength(168);
    expect(queue!.volume.mean.every((v) => v >= 0)).toBe(true);
    expect(queue!.volume.quantiles['0.1']!.every((lo, i) => lo <= queue!.volume.quantiles['0.9']![i]! + 1e-9)).toBe(true);
    expect(typeof queue!.backtest.wape).toBe('number');
    // The published forecast is never worse on its backtest than the best simple same-slot estimator.
    expect(queue!.backtest.baseline?.method).toMatch(/^same-slot-/);
    expect(queue!.backtest.wape!).toBeLessThanOrEqual(queue!.backtest.baseline!.wape! + 1e-12);
    expect(queue!.aht.meanSeconds.every((s) => s > 0)).toBe(true);

    // The week ahead should look like the last week recorded (no launch touches this queue then): within 25 %.
    const lastWeek = await t.request('GET', `/v1/queues/us-payments-chat/volume?from=${new Date(END_MS - 7 * 86_400_000).toISOString()}&to=${new Date(END_MS).toISOString()}`, { headers: asViewer });
    expect(lastWeek.status).toBe(200);
    const actual = lastWeek.json<{ hours: { arrivals: number }[] }>().hours.reduce((s, r) => s + r.arrivals, 0);
    const forecast = queue!.volume.mean.reduce((s, v) => s + v, 0);
    expect(actual).toBeGreaterThan(0);
    expect(Math.abs(forecast - actual) / actual).toBeLessThan(0.25);
  }, 60_000);

  it('staffs each hour: live queues need nobody while closed, skill sets pool their queues', async () => {
    const res = await t.request('POST', '/v1/staffing/requirements', {
      body: { queueIds: ['us-kyc-chat', 'us-fraud-phone'], from: new Date(END_MS).toISOString(), horizonHours: 48, shrinkage: 0.3 },
      headers: asViewer,
    });
    expect(res.status).toBe(200);
    const body = res.json<{ queues: { queueId: string; hours: { open: boolean; requiredAgents: number; scheduledAgents: number; rawAgents: number }[] }[]; skills: { skillSet: string; hours: { rawAgents: number }[] }[] }>();
    for (const q of body.queues) {
      expect(q.hours).toHaveLength(48);
      expect(q.hours.filter((h) => !h.open).every((h) => h.requiredAgents === 0)).toBe(true);
      expect(q.hours.filter((h) => h.open).some((h) => h.requiredAgents > 0)).toBe(true);
      expect(q.hours.every((h) => h.scheduledAgents >= Math.ceil(h.rawAgents / 0.7 - 1e-9))).toBe(true);
    }
    const kyc = body.skills.find((s) => s.skillSet === 'kyc-us')!;
    const kycQueue = body.queues.find((q) => q.queueId === 'us-kyc-chat')!;
    expect(kyc.hours.map((h) => h.rawAgents)).toEqual(kycQueue.hours.map((h) => h.rawAgents));
  }, 60_000);

  it('publishes a forecast as an event and scores it against the tickets that arrived', async () => {
    const from = END_MS - 7 * 86_400_000;
    const denied = await t.request('POST', '/v1/forecasts/publish', { body: { queueIds: ['us-payments-chat'], from: new Date(from).toISOString(), horizonHours: 168 }, headers: asViewer });
    expect(denied.status).toBe(403);
    const head = await t.store.headPosition();
    const published = await t.request('POST', '/v1/forecasts/publish', { body: { queueIds: ['us-payments-chat'], from: new Date(from).toISOString(), horizonHours: 168 }, headers: asPlanner });
    expect(published.status).toBe(201);
    const [publication] = published.json<{ publications: { queueId: string; computedAtPosition: string }[] }>().publications;
    expect(publication!.computedAtPosition).toBe(String(head));
    const stored = [];
    for await (const e of t.store.readStream('forecast-us-payments-chat')) stored.push(e);
    expect(stored).toHaveLength(1);
    const data = stored[0]!.data as { mean: number[]; quantiles: { level: number; values: number[] }[] };
    expect(stored[0]!.metadata.actor).toBe('tester');

    const to = END_MS;
    const res = await t.request('GET', `/v1/accuracy?queueId=us-payments-chat&from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}`, { headers: asViewer });
    expect(res.status).toBe(200);
    const body = res.json<{ publications: number; hoursCompared: number; overall: { wape: number; bias: number; coverage: number; actual: number }; byHorizon: { horizon: string; hours: number }[] }>();
    expect(body.publications).toBe(1);
    // The hours compared are those before the last recorded ticket's hour; score them independently.
    const n = body.hoursCompared;
    expect(n).toBeGreaterThan(160);
    const volume = await t.request('GET', `/v1/queues/us-payments-chat/volume?from=${new Date(from).toISOString()}&to=${new Date(from + n * 3_600_000).toISOString()}`, { headers: asViewer });
    const y = volume.json<{ hours: { arrivals: number }[] }>().hours.map((h) => h.arrivals);
    const f = data.mean.slice(0, n);
    const sumY = y.reduce((a, b) => a + b, 0);
    expect(body.overall.actual).toBe(sumY);
    expect(body.overall.wape).toBeCloseTo(y.reduce((a, v, i) => a + Math.abs(v - f[i]!), 0) / sumY, 9);
    expect(body.overall.bias).toBeCloseTo(f.reduce((a, v, i) => a + v - y[i]!, 0) / sumY, 9);
    const lo = data.quantiles.find((q) => q.level === 0.1)!.values;
    const hi = data.quantiles.find((q) => q.level === 0.9)!.values;
    expect(body.overall.coverage).toBeCloseTo(y.filter((v, i) => v >= lo[i]! && v <= hi[i]!).length / n, 9);
    expect(body.byHorizon.map((b) => b.hours).reduce((a, b) => a + b, 0)).toBe(n);

    const bad = await t.request('GET', '/v1/accuracy?queueId=us-payments-chat&from=2026-06-01&to=x', { headers: asViewer });
    expect(bad.status).toBe(400);
    expect(bad.json<{ issues: { path: string }[] }>().issues.map((i) => i.path).sort()).toEqual(['from', 'to']);
  }, 60_000);

  it('plans capacity hour by hour: requirement, rostered agents shared without double counting, gap and projected service', async () => {
    const body = { queueIds: ['us-kyc-chat', 'us-payments-chat', 'us-restrictions-email'], from: new Date(END_MS).toISOString(), horizonHours: 48 };
    const res = await t.request('POST', '/v1/plans', { body, headers: asViewer });
    expect(res.status).toBe(200);
    type Row = { queueId: string; hour: string; open: boolean; rawAgents: number; rosteredAgents: number; gap: number; serviceLevel: number | null; forecastMean: number; forecastPlanned: number; backlogEnd: number | null };
    const plan = res.json<{ rows: Row[]; summaries: { queueId: string; days: unknown[]; weeks: unknown[] }[]; worstHours: Row[] }>();
    expect(plan.rows).toHaveLength(3 * 48);
    for (const r of plan.rows) {
      expect(r.gap).toBeCloseTo(r.rosteredAgents - r.rawAgents, 9);
      expect(r.forecastPlanned).toBeGreaterThanOrEqual(r.forecastMean - 1e-9);
      if (r.queueId !== 'us-restrictions-email' && !r.open) expect(r.rawAgents).toBe(0);
      if (r.queueId === 'us-restrictions-email') expect(r.serviceLevel).toBeNull();
    }
    // Shared agents are never counted twice: per hour, what the queues get is at most what the roster has.
    const roster = await t.request('GET', `/v1/roster?from=${body.from}&to=${new Date(END_MS + 48 * 3_600_000).toISOString()}`, { headers: asViewer });
    const productive = roster.json<{ hours: { productiveHours: number }[] }>().hours.map((h) => h.productiveHours);
    for (let h = 0; h < 48; h++) {
      const given = plan.rows.filter((_, i) => i % 48 === h).reduce((s, r) => s + r.rosteredAgents, 0);
      expect(given).toBeLessThanOrEqual(productive[h]! + 1e-9);
    }
    expect(plan.summaries.map((q) => q.queueId)).toEqual(body.queueIds);
    expect(plan.worstHours.every((r) => r.gap < 0)).toBe(true);

    const csv = await t.request('POST', '/v1/plans?format=csv', { body, headers: asViewer });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe('queueId,hour,open,forecastMean,forecastPlanned,ahtSeconds,requiredAgents,rawAgents,scheduledAgents,rosteredAgents,gap,serviceLevel,abandonment,backlogEnd');
    expect(lines).toHaveLength(1 + 3 * 48);
    const bad = await t.request('POST', '/v1/plans?format=xml', { body: { ...body, scenarioId: 's1' }, headers: asViewer });
    expect(bad.status).toBe(400);
  }, 60_000);

  it('answers as of an earlier log position, and names bad fields', async () => {
    const early = await t.request('POST', '/v1/forecasts', { body: { queueIds: ['us-payments-chat'], from: new Date(END_MS).toISOString(), horizonHours: 24, asOf: midPosition }, headers: asViewer });
    const now = await t.request('POST', '/v1/forecasts', { body: { queueIds: ['us-payments-chat'], from: new Date(END_MS).toISOString(), horizonHours: 24 }, headers: asViewer });
    expect(early.status).toBe(200);
    const hist = (r: typeof now) => r.json<{ queues: { historyHours: number; volume: { mean: number[] } }[] }>().queues[0]!;
    expect(hist(early).volume.mean).not.toEqual(hist(now).volume.mean);

    const bad = await t.request('POST', '/v1/forecasts', { body: { from: '2026-06-01T10:30:00Z', horizonHours: 0 }, headers: asViewer });
    expect(bad.status).toBe(400);
    expect(bad.json<{ issues: { path: string }[] }>().issues.map((i) => i.path).sort()).toEqual(['from', 'horizonHours']);
    const unknown = await t.request('POST', '/v1/forecasts', { body: { queueIds: ['nope'], from: new Date(END_MS).toISOString(), horizonHours: 24 }, headers: asPlanner });
    expect(unknown.status).toBe(404);
    expect(unknown.json()).toMatchObject({ issues: [{ path: 'queueIds' }] });
  }, 60_000);
});

describe('a queue with tickets but none resolved', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(TOKENS_ENV);
    expect((await t.request('POST', '/v1/queues', { body: queueBody(), headers: asPlanner })).status).toBe(201);
    expect((await t.request('POST', '/v1/tickets/events', { body: ticketCreated(), headers: asPlanner })).status).toBe(201);
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers a plan or forecast with a 422 naming the queue, not a 500', async () => {
    for (const path of ['/v1/plans', '/v1/forecasts']) {
      const res = await t.request('POST', path, { body: { from: '2026-03-09T00:00:00Z', horizonHours: 24 }, headers: asViewer });
      expect(res.status).toBe(422);
      expect(res.json()).toMatchObject({ issues: [{ path: 'queueIds', message: expect.stringContaining('us-kyc-chat has no resolved tickets') }] });
    }
  });
});

describe('local-team build-out on forecast demand', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(TOKENS_ENV);
    await seedDemo(t.app, t.store, { weeks: WEEKS, start: START });
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('projects a US takeover from the recorded queues forecast, carried month by month', async () => {
    const { exampleLocalTeamPlan } = await import('@staffcast/local-team');
    const plan = {
      ...exampleLocalTeamPlan(),
      name: 'US regulated chat, New York',
      market: 'US',
      timeZone: 'America/New_York',
      startMonth: '2026-07',
      months: 9,
      takeover: [{ queueIds: ['us-kyc-chat'], fromMonth: '2026-10', share: 1 }],
      demand: { kind: 'forecast', monthlyGrowthPct: 1 },
      queues: undefined,
    };
    const drafted = await t.request('POST', '/v1/local-team/plans', { body: plan, headers: asPlanner });
    expect(drafted.status).toBe(201);
    const { planId } = drafted.json<{ planId: string }>();
    const res = await t.request('GET', `/v1/local-team/plans/${planId}/projection`, { headers: asViewer });
    expect(res.status).toBe(200);
    const months = res.json<{ months: { month: string; requiredFte: number }[] }>().months;
    expect(months.filter((m) => m.month < '2026-10').every((m) => m.requiredFte === 0)).toBe(true);
    const after = months.filter((m) => m.month >= '2026-10');
    expect(after.every((m) => m.requiredFte > 0)).toBe(true);
    // 1 % monthly growth on a flat pattern: no month falls by more than the 3 % that month lengths and weekday mix explain.
    for (let i = 1; i < after.length; i++) expect(after[i]!.requiredFte).toBeGreaterThanOrEqual(after[i - 1]!.requiredFte * 0.97);
  }, 120_000);
});
