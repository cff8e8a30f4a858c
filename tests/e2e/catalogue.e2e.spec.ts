import fc from 'fast-check';
import { exampleLocalTeamPlan } from '@staffcast/local-team';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { asPlanner, asViewer, launchBody, queueBody, ticketCreated, TOKENS_ENV } from '../support/fixtures.js';

interface Issue {
  path: string;
  message: string;
}

const LISTS = ['/v1/queues', '/v1/launches', '/v1/scenarios', '/v1/local-team/plans'];

describe('list reads behind the dashboard: queues, launches, scenarios, local-team plans', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(TOKENS_ENV);
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers empty lists on an empty log', async () => {
    for (const path of LISTS) {
      const res = await t.request('GET', path, { headers: asViewer });
      expect(res.status).toBe(200);
      expect(Object.values(res.json<Record<string, unknown[]>>())).toEqual([[]]);
    }
  });

  it('lists what was recorded, with current state folded from each stream', async () => {
    expect((await t.request('POST', '/v1/queues', { body: queueBody('us-kyc-chat'), headers: asPlanner })).status).toBe(201);
    expect((await t.request('POST', '/v1/queues', { body: { ...queueBody('au-kyc-chat'), timeZone: 'Australia/Sydney', routing: { ...queueBody().routing, markets: ['AU'] } }, headers: asPlanner })).status).toBe(201);
    expect((await t.request('POST', '/v1/queues/au-kyc-chat/retirement', { body: { retiredAt: '2026-05-01T00:00:00Z' }, headers: asPlanner })).status).toBe(201);
    expect((await t.request('POST', '/v1/launches', { body: launchBody('L2'), headers: asPlanner })).status).toBe(201);
    expect((await t.request('POST', '/v1/launches', { body: { ...launchBody('L1'), startsAt: '2026-03-01T13:00:00Z', endsAt: '2026-03-03T13:00:00Z' }, headers: asPlanner })).status).toBe(201);
    expect((await t.request('POST', '/v1/launches/L1/cancellation', { body: { cancelledAt: '2026-02-01T00:00:00Z' }, headers: asPlanner })).status).toBe(201);
    const first = (await t.request('POST', '/v1/scenarios', { body: { scenarioId: 's-first', name: 'First' }, headers: asPlanner })).json<{ scenarioId: string }>();
    await t.request('POST', '/v1/scenarios', { body: { scenarioId: 's-second', name: 'Second', description: 'AHT up' }, headers: asPlanner });
    expect((await t.request('POST', `/v1/scenarios/s-second/assumptions`, { body: { kind: 'aht-change', percent: 15 }, headers: asPlanner })).status).toBe(201);
    const plan = (await t.request('POST', '/v1/local-team/plans', { body: exampleLocalTeamPlan(), headers: asPlanner })).json<{ planId: string }>();

    const queues = (await t.request('GET', '/v1/queues', { headers: asViewer })).json<{ queues: { queueId: string; timeZone: string; name: string; retired: boolean }[] }>().queues;
    expect(queues.map((q) => [q.queueId, q.timeZone, q.retired])).toEqual([
      ['au-kyc-chat', 'Australia/Sydney', true],
      ['us-kyc-chat', 'America/New_York', false],
    ]);
    const launches = (await t.request('GET', '/v1/launches', { headers: asViewer })).json<{ launches: { launchId: string; cancelled: boolean; startsAt: string }[] }>().launches;
    expect(launches.map((l) => [l.launchId, l.cancelled, l.startsAt])).toEqual([
      ['L1', true, '2026-03-01T13:00:00Z'],
      ['L2', false, '2026-04-01T13:00:00Z'],
    ]);
    const scenarios = (await t.request('GET', '/v1/scenarios', { headers: asViewer })).json<{ scenarios: { scenarioId: string; name: string; assumptions: number; runs: number; description?: string }[] }>().scenarios;
    expect(scenarios).toEqual([
      { scenarioId: 's-second', name: 'Second', description: 'AHT up', assumptions: 1, runs: 0 },
      { scenarioId: first.scenarioId, name: 'First', assumptions: 0, runs: 0 },
    ]);
    const plans = (await t.request('GET', '/v1/local-team/plans', { headers: asViewer })).json<{ plans: Record<string, unknown>[] }>().plans;
    const example = exampleLocalTeamPlan();
    expect(plans).toEqual([{ planId: plan.planId, name: example.name, market: example.market, timeZone: example.timeZone, startMonth: example.startMonth, months: example.months, revision: '0' }]);
  });

  it('gives the span of ticket history in the projection status, so a client can default its dates', async () => {
    const status = async () => (await t.request('GET', '/v1/projections/status', { headers: asViewer })).json<{ projections: { tickets: unknown }[] }>().projections[0]!.tickets;
    expect(await status()).toBeNull();
    const batch = { events: [ticketCreated('T2', '2026-03-04T09:00:00Z'), ticketCreated('T1', '2026-03-02T14:05:00Z')] };
    expect((await t.request('POST', '/v1/tickets/events', { body: batch, headers: asPlanner })).status).toBe(201);
    expect(await status()).toEqual({ first: '2026-03-02T14:05:00.000Z', last: '2026-03-04T09:00:00.000Z' });
  });

  it('needs a token', async () => {
    for (const path of LISTS) expect((await t.request('GET', path)).status).toBe(401);
  });

  it('refuses any query parameter with a 400 naming it, and writes nothing', async () => {
    const head = await t.store.headPosition();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...LISTS), fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,15}$/), fc.string({ maxLength: 20 }), async (path, name, value) => {
        const res = await t.request('GET', `${path}?${encodeURIComponent(name)}=${encodeURIComponent(value)}`, { headers: asViewer });
        expect(res.status).toBe(400);
        const issues = res.json<{ issues: Issue[] }>().issues;
        expect(issues.some((i) => i.path.includes(name) || i.message.includes(name))).toBe(true);
      }),
      { numRuns: 40 },
    );
    expect(await t.store.headPosition()).toBe(head);
  });
});
