import { queueRequirements } from '@staffcast/planning';
import type { RecordedEvent } from '@staffcast/event-store';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { asPlanner, asViewer, TOKENS_ENV } from '../support/fixtures.js';
import { seedDemo } from '../../apps/planner-api/src/demo/seed-demo.js';
import { demoOperation } from '@staffcast/demo';

const WEEKS = 6;
const START = '2026-05-04T00:00:00Z';
const END_MS = Date.parse(START) + WEEKS * 7 * 86_400_000;
const HOUR_MS = 3_600_000;
const FROM = new Date(END_MS).toISOString();
const HORIZON = 7 * 24;
/** The launch window: days 2–4 of the horizon. */
const LAUNCH_START = END_MS + 24 * HOUR_MS;
const LAUNCH_END = LAUNCH_START + 3 * 24 * HOUR_MS;
const QUEUES = ['us-kyc-chat', 'us-payments-chat', 'au-kyc-chat', 'us-fraud-phone'];
const TOL = 1e-9;

type Row = { queueId: string; hour: string; open: boolean; forecastPlanned: number; forecastMean: number; ahtSeconds: number; rawAgents: number; scheduledAgents: number; rosteredAgents: number };
type CompareRow = Row & { baselineForecastPlanned: number; baselineRawAgents: number; baselineAhtSeconds: number; baselineScheduledAgents: number; baselineRosteredAgents: number; deltaRawAgents: number };
type Metrics = { volume: number; requiredAgentHours: number; requiredFte: number; rosteredAgentHours: number; gapAgentHours: number; serviceLevel: number | null };
type Summary = { queues: { queueId: string; baseline: Metrics; scenario: Metrics; delta: Metrics }[]; total: { baseline: Metrics; scenario: Metrics; delta: Metrics }; cost: { currency: string; baseline: number; scenario: number; delta: number }[]; warnings: string[] };
type Run = { runId: string; baselinePosition: string; summary: Summary; digest: string };
type RunView = Run & { reproduced: boolean; plan: { rows: (Row | CompareRow)[] } };

/** Every recorded event outside scenario streams, serialised whole: ids, positions, data and metadata. */
async function baselineLog(t: TestApp): Promise<string[]> {
  const out: string[] = [];
  for await (const e of t.store.readAll()) if (!e.stream.startsWith('scenario-')) out.push(serialise(e));
  return out;
}
function serialise(e: RecordedEvent): string {
  return JSON.stringify({ id: e.id, type: e.type, stream: e.stream, revision: String(e.revision), position: String(e.position), data: e.data, metadata: e.metadata });
}

describe('what-if scenarios over HTTP', () => {
  let t: TestApp;
  const queue = (id: string) => demoOperation({ weeks: WEEKS, start: START }).queues.find((q) => q.queueId === id)!;
  beforeAll(async () => {
    t = await startTestApp(TOKENS_ENV);
    await seedDemo(t.app, t.store, { weeks: WEEKS, start: START });
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  async function scenarioWith(name: string, assumptions: object[]): Promise<string> {
    const created = await t.request('POST', '/v1/scenarios', { body: { name }, headers: asPlanner });
    expect(created.status).toBe(201);
    const { scenarioId } = created.json<{ scenarioId: string }>();
    for (const a of assumptions) expect((await t.request('POST', `/v1/scenarios/${scenarioId}/assumptions`, { body: a, headers: asPlanner })).status).toBe(201);
    return scenarioId;
  }
  async function run(scenarioId: string, body: object = { queueIds: QUEUES, from: FROM, horizonHours: HORIZON }): Promise<Run> {
    const res = await t.request('POST', `/v1/scenarios/${scenarioId}/runs`, { body, headers: asPlanner });
    expect(res.status).toBe(201);
    return res.json<Run>();
  }
  async function view(scenarioId: string, runId: string): Promise<RunView> {
    const res = await t.request('GET', `/v1/scenarios/${scenarioId}/runs/${runId}?compare=baseline`, { headers: asViewer });
    expect(res.status).toBe(200);
    return res.json<RunView>();
  }

  it('a launch raises the affected queues requirement by the expected amount, leaves the others alone, and writes only the scenario stream', async () => {
    const before = await baselineLog(t);
    const scenarioId = await scenarioWith('KYC launch doubles US ID verification', [
      { kind: 'launch', name: 'Card launch', markets: ['US'], categories: ['kyc'], startsAt: new Date(LAUNCH_START).toISOString(), endsAt: new Date(LAUNCH_END).toISOString(), uplift: { kind: 'percent', percent: 100 } },
    ]);
    const recorded = await run(scenarioId);
    const rows = (await view(scenarioId, recorded.runId)).plan.rows as CompareRow[];
    expect(rows).toHaveLength(QUEUES.length * HORIZON);

    const inWindow = (r: Row) => Date.parse(r.hour) >= LAUNCH_START && Date.parse(r.hour) < LAUNCH_END;
    // us-kyc-chat routes only US kyc tickets: inside the window its planned volume doubles, and its
    // requirement is exactly the staffing of the doubled volume (computed here independently).
    const kyc = rows.filter((r) => r.queueId === 'us-kyc-chat');
    const expected = queueRequirements({ queue: queue('us-kyc-chat'), startMs: END_MS, arrivals: kyc.map((r) => (inWindow(r) ? 2 : 1) * r.baselineForecastPlanned), ahtSeconds: kyc.map((r) => r.baselineAhtSeconds), shrinkage: 0.3, occupancyCap: 0.9 });
    kyc.forEach((r, h) => {
      expect(Math.abs(r.forecastPlanned - (inWindow(r) ? 2 : 1) * r.baselineForecastPlanned)).toBeLessThan(TOL * Math.max(1, r.forecastPlanned));
      expect(r.rawAgents).toBeCloseTo(expected[h]!.rawAgents, 9);
    });
    expect(kyc.filter((r) => inWindow(r) && r.open).every((r) => r.rawAgents > r.baselineRawAgents)).toBe(true);
    expect(kyc.filter((r) => !inWindow(r)).every((r) => Math.abs(r.deltaRawAgents) < TOL)).toBe(true);
    // Queues the launch does not touch (other markets, other categories) need exactly what they needed.
    for (const r of rows.filter((r) => r.queueId !== 'us-kyc-chat')) {
      expect(r.forecastPlanned).toBe(r.baselineForecastPlanned);
      expect(r.rawAgents).toBe(r.baselineRawAgents);
    }
    const summary = recorded.summary.queues.find((q) => q.queueId === 'us-kyc-chat')!;
    expect(summary.delta.requiredFte).toBeGreaterThan(0);
    expect(recorded.summary.queues.filter((q) => q.queueId !== 'us-kyc-chat').every((q) => q.delta.requiredAgentHours === 0)).toBe(true);

    // The plan endpoint applies the same assumptions at the same position, recording nothing.
    const headBefore = await t.store.headPosition();
    const planned = await t.request('POST', '/v1/plans', { body: { queueIds: QUEUES, from: FROM, horizonHours: HORIZON, scenarioId, asOf: recorded.baselinePosition }, headers: asViewer });
    expect(planned.status).toBe(200);
    const plan = planned.json<{ baselinePosition: string; rows: Row[]; comparison: Summary }>();
    expect(plan.baselinePosition).toBe(recorded.baselinePosition);
    expect(plan.rows.map((r) => [r.forecastPlanned, r.rawAgents])).toEqual(rows.map((r) => [r.forecastPlanned, r.rawAgents]));
    expect(plan.comparison).toEqual(recorded.summary);
    expect(await t.store.headPosition()).toBe(headBefore);
    const timeBound = await t.request('POST', '/v1/plans', { body: { queueIds: QUEUES, from: FROM, horizonHours: 24, scenarioId, asOf: FROM }, headers: asViewer });
    expect(timeBound.status).toBe(400);
    expect(timeBound.json<{ issues: { path: string }[] }>().issues[0]!.path).toBe('asOf');

    // Baseline streams are byte-for-byte what they were; the scenario's own stream holds its facts.
    expect(await baselineLog(t)).toEqual(before);
    const own: string[] = [];
    for await (const e of t.store.readStream(`scenario-${scenarioId}`)) own.push(e.type);
    expect(own).toEqual(['ScenarioCreated', 'ScenarioAssumptionAdded', 'ScenarioRunRecorded']);
  }, 120_000);

  it('a run re-evaluated after new events reproduces its recorded result from its recorded position', async () => {
    const scenarioId = await scenarioWith('AHT +15 %', [{ kind: 'aht-change', percent: 15, queueIds: ['us-payments-chat'] }]);
    const first = await run(scenarioId);
    // New history arrives: a burst of US kyc tickets in the last recorded day changes the baseline forecast.
    const burst = Array.from({ length: 400 }, (_, i) => ({
      type: 'TicketCreated',
      data: { ticketId: `late-${i}`, createdAt: new Date(END_MS - 20 * HOUR_MS + i * 60_000).toISOString(), channel: 'chat', market: 'US', category: 'kyc', language: 'en', priority: 'normal' },
    }));
    expect((await t.request('POST', '/v1/tickets/events', { body: { events: burst }, headers: asPlanner })).status).toBe(201);

    const again = await view(scenarioId, first.runId);
    expect(again.reproduced).toBe(true);
    expect(again.baselinePosition).toBe(first.baselinePosition);
    expect(again.summary).toEqual(first.summary);
    // A new run of the same scenario sees the new tickets: a later position and a different result.
    const second = await run(scenarioId);
    expect(BigInt(second.baselinePosition)).toBeGreaterThan(BigInt(first.baselinePosition));
    expect(second.digest).not.toBe(first.digest);
    const kyc = (s: Summary) => s.queues.find((q) => q.queueId === 'us-kyc-chat')!.baseline.volume;
    expect(kyc(second.summary)).toBeGreaterThan(kyc(first.summary));
    // The AHT assumption lengthens us-payments-chat handle times by exactly 15 %, nothing else.
    const rows = again.plan.rows as CompareRow[];
    for (const r of rows) expect(r.ahtSeconds).toBeCloseTo(r.baselineAhtSeconds * (r.queueId === 'us-payments-chat' ? 1.15 : 1), 6);
  }, 120_000);

  it('hires add rostered hours and cost; attrition takes them away; shrinkage changes only what is scheduled', async () => {
    // A KYC agent's site and weekly pattern, for four more like them, hired a month before the horizon (ramped by then).
    const agent = demoOperation({ weeks: WEEKS, start: START }).agents.find((a) => a.commands.some((c) => c.type === 'CertifyAgent' && c.data.skill === 'kyc-us'))!;
    const hire = agent.commands.find((c) => c.type === 'HireAgent')!.data as { site: { siteId: string; timeZone: string }; hourlyCost: { currency: string } };
    const schedule = agent.commands.find((c) => c.type === 'SetAgentSchedule')!.data as { shifts: object };
    const currency = hire.hourlyCost.currency;
    const hires = { kind: 'hires', count: 4, siteId: hire.site.siteId, timeZone: hire.site.timeZone, skills: ['kyc-us'], startDate: new Date(END_MS - 30 * 86_400_000).toISOString().slice(0, 10), shifts: schedule.shifts, hourlyCost: { amount: 12, currency } };
    const hired = await run(await scenarioWith('hire 4 KYC agents', [hires]));
    const kycHired = hired.summary.queues.find((q) => q.queueId === 'us-kyc-chat')!;
    expect(kycHired.delta.rosteredAgentHours).toBeGreaterThan(0);
    expect(kycHired.delta.requiredAgentHours).toBe(0);
    const cost = hired.summary.cost.find((c) => c.currency === currency)!;
    // Four hires at 40 contracted hours a week for the whole horizon, at 12 an hour.
    expect(cost.delta).toBeCloseTo((4 * 40 * 12 * HORIZON) / 168, 6);

    const attrition = await run(await scenarioWith('5 % monthly attrition', [{ kind: 'attrition', monthlyRate: 0.05, from: FROM.slice(0, 10) }]));
    expect(attrition.summary.total.delta.rosteredAgentHours).toBeLessThan(0);
    expect(attrition.summary.total.delta.gapAgentHours).toBeGreaterThanOrEqual(0);
    expect(attrition.summary.cost.every((c) => c.delta < 0)).toBe(true);

    const shrinkage = await run(await scenarioWith('shrinkage 40 %', [{ kind: 'shrinkage', shrinkage: 0.4 }]));
    expect(shrinkage.summary.total.delta.requiredAgentHours).toBe(0);
    expect(shrinkage.summary.total.delta.requiredFte).toBeGreaterThan(0);
  }, 180_000);

  it('moving a queue to a local team takes its share of the work inside the team coverage hours', async () => {
    const weekday = [['09:00', '17:00']];
    const coverage = { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [], sun: [] };
    const month = FROM.slice(0, 7);
    const scenarioId = await scenarioWith('US team takes half of KYC', [{ kind: 'local-team-move', market: 'US', timeZone: 'America/New_York', coverage, takeover: [{ queueIds: ['us-kyc-chat'], fromMonth: month, share: 0.5 }] }]);
    const { runId } = await run(scenarioId);
    const rows = (await view(scenarioId, runId)).plan.rows as CompareRow[];
    for (const r of rows) {
      const local = new Date(Date.parse(r.hour) - 4 * HOUR_MS); // New York in June: UTC−4
      const covered = r.queueId === 'us-kyc-chat' && local.getUTCDay() >= 1 && local.getUTCDay() <= 5 && local.getUTCHours() >= 9 && local.getUTCHours() < 17;
      expect(r.forecastPlanned).toBeCloseTo(r.baselineForecastPlanned * (covered ? 0.5 : 1), 9);
    }
  }, 120_000);

  it('exports runs as CSV, removes assumptions, and answers bad input with 4xx naming the field', async () => {
    const scenarioId = await scenarioWith('volume ×1.3 on AU', [{ kind: 'volume-multiplier', factor: 1.3, from: FROM, to: new Date(END_MS + 48 * HOUR_MS).toISOString(), markets: ['AU'] }]);
    const { runId, summary } = await run(scenarioId);
    const au = summary.queues.find((q) => q.queueId === 'au-kyc-chat')!;
    expect(au.delta.volume).toBeGreaterThan(0);
    expect(summary.queues.find((q) => q.queueId === 'us-kyc-chat')!.delta.volume).toBe(0);

    const csv = await t.request('GET', `/v1/scenarios/${scenarioId}/runs/${runId}?compare=baseline&format=csv`, { headers: asViewer });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = csv.text.trim().split('\n');
    expect(lines[0]!.split(',')).toEqual(expect.arrayContaining(['queueId', 'hour', 'baselineRawAgents', 'rawAgents', 'deltaRawAgents']));
    expect(lines).toHaveLength(1 + QUEUES.length * HORIZON);
    const plain = await t.request('GET', `/v1/scenarios/${scenarioId}/runs/${runId}?format=csv`, { headers: asViewer });
    expect(plain.text.split('\n')[0]).toBe('queueId,hour,open,forecastMean,forecastPlanned,ahtSeconds,requiredAgents,rawAgents,scheduledAgents,rosteredAgents,gap,serviceLevel,abandonment,backlogEnd');

    const state = await t.request('GET', `/v1/scenarios/${scenarioId}`, { headers: asViewer });
    const [{ assumptionId }] = state.json<{ assumptions: { assumptionId: string }[] }>().assumptions as [{ assumptionId: string }];
    expect((await t.request('DELETE', `/v1/scenarios/${scenarioId}/assumptions/${assumptionId}`, { headers: asPlanner })).status).toBe(204);
    expect((await t.request('DELETE', `/v1/scenarios/${scenarioId}/assumptions/${assumptionId}`, { headers: asPlanner })).status).toBe(404);
    const empty = await run(scenarioId);
    expect(empty.summary.total.delta.volume).toBe(0);
    // The earlier run still reproduces with the assumption it used.
    expect((await view(scenarioId, runId)).reproduced).toBe(true);

    const bad = await t.request('POST', `/v1/scenarios/${scenarioId}/assumptions`, { body: { kind: 'volume-multiplier', factor: -1, from: FROM, to: FROM }, headers: asPlanner });
    expect(bad.status).toBe(400);
    expect(bad.json<{ issues: { path: string }[] }>().issues.map((i) => i.path).sort()).toEqual(['factor', 'to']);
    const wrongTarget = await scenarioWith('email SL', [{ kind: 'service-target', queueIds: ['us-kyc-chat'], target: { kind: 'response', hours: 4 } }]);
    const unfit = await t.request('POST', `/v1/scenarios/${wrongTarget}/runs`, { body: { queueIds: QUEUES, from: FROM, horizonHours: 24 }, headers: asPlanner });
    expect(unfit.status).toBe(422);
    expect(unfit.json<{ issues: { path: string }[] }>().issues[0]!.path).toMatch(/^assumptions\..+\.target$/);
    expect((await t.request('POST', '/v1/scenarios/nope/runs', { body: { from: FROM, horizonHours: 24 }, headers: asPlanner })).status).toBe(404);
    expect((await t.request('POST', `/v1/scenarios/${scenarioId}/runs`, { body: { from: '2026-06-15T10:30:00Z', horizonHours: 24 }, headers: asPlanner })).status).toBe(400);
    expect((await t.request('POST', '/v1/scenarios', { body: { name: 'x' }, headers: asViewer })).status).toBe(403);
  }, 180_000);

  it('a create or a run retried under its id is recorded once; the same id for something else is a 409', async () => {
    const create = { scenarioId: 'q3-review', name: 'Q3 review' };
    expect((await t.request('POST', '/v1/scenarios', { body: create, headers: asPlanner })).status).toBe(201);
    const createdHead = await t.store.headPosition();
    const retried = await t.request('POST', '/v1/scenarios', { body: create, headers: asPlanner });
    expect(retried.status).toBe(200);
    expect(retried.json()).toEqual({ scenarioId: 'q3-review' });
    const renamed = await t.request('POST', '/v1/scenarios', { body: { ...create, name: 'Q4 review' }, headers: asPlanner });
    expect(renamed.status).toBe(409);
    expect(renamed.json<{ issues: { path: string }[] }>().issues.map((i) => i.path)).toEqual(['scenarioId']);
    expect(await t.store.headPosition()).toBe(createdHead);

    const scenarioId = await scenarioWith('retried run', [{ kind: 'volume-multiplier', factor: 1.1, from: FROM, to: new Date(END_MS + 24 * HOUR_MS).toISOString() }]);
    const body = { runId: 'nightly-2026-06-15', queueIds: QUEUES, from: FROM, horizonHours: 24 };
    const first = await t.request('POST', `/v1/scenarios/${scenarioId}/runs`, { body, headers: asPlanner });
    expect(first.status).toBe(201);
    expect(first.json<Run>().runId).toBe('nightly-2026-06-15');
    const head = await t.store.headPosition();
    const again = await t.request('POST', `/v1/scenarios/${scenarioId}/runs`, { body, headers: asPlanner });
    expect(again.status).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(again.headers.get('location')).toBe(`/v1/scenarios/${scenarioId}/runs/nightly-2026-06-15`);
    const other = await t.request('POST', `/v1/scenarios/${scenarioId}/runs`, { body: { ...body, horizonHours: 48 }, headers: asPlanner });
    expect(other.status).toBe(409);
    expect(other.json<{ issues: { path: string }[] }>().issues.map((i) => i.path)).toEqual(['runId']);
    expect(await t.store.headPosition()).toBe(head);
    const state = await t.request('GET', `/v1/scenarios/${scenarioId}`, { headers: asViewer });
    expect(state.json<{ runs: { runId: string }[] }>().runs.map((r) => r.runId)).toEqual(['nightly-2026-06-15']);
    // Two copies of one request at once (a client retrying before the first answered): one run, one 201.
    const twin = { ...body, runId: 'twin-run' };
    const both = await Promise.all([0, 1].map(() => t.request('POST', `/v1/scenarios/${scenarioId}/runs`, { body: twin, headers: asPlanner })));
    expect(both.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(both[0]!.json()).toEqual(both[1]!.json());
    const twins = await Promise.all([0, 1].map(() => t.request('POST', '/v1/scenarios', { body: { scenarioId: 'twin-scenario', name: 'twins' }, headers: asPlanner })));
    expect(twins.map((r) => r.status).sort()).toEqual([200, 201]);
    const after = await t.request('GET', `/v1/scenarios/${scenarioId}`, { headers: asViewer });
    expect(after.json<{ runs: { runId: string }[] }>().runs.map((r) => r.runId)).toEqual(['nightly-2026-06-15', 'twin-run']);

    const bad = await t.request('POST', `/v1/scenarios/${scenarioId}/runs`, { body: { ...body, runId: 'no spaces allowed' }, headers: asPlanner });
    expect(bad.status).toBe(400);
    expect(bad.json<{ issues: { path: string }[] }>().issues.map((i) => i.path)).toEqual(['runId']);
  }, 120_000);
});
