import { startTestApp, type TestApp } from '../support/test-app.js';
import { agentBody, asPlanner, asViewer, launchBody, queueBody, scheduleBody, ticketCreated, TOKENS_ENV } from '../support/fixtures.js';

describe('recording API', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp(TOKENS_ENV);
  });
  afterEach(async () => {
    await t.close();
  });

  it('defines a queue once, records the actor and correlation id, and reads it back', async () => {
    const created = await t.request('POST', '/v1/queues', { body: queueBody(), headers: { ...asPlanner, 'x-correlation-id': 'plan-7' } });
    expect(created.text).toContain('queue-us-kyc-chat');
    expect(created.status).toBe(201);
    expect(created.json()).toMatchObject({ stream: 'queue-us-kyc-chat', revision: '0', written: 1 });
    const again = await t.request('POST', '/v1/queues', { body: queueBody(), headers: asPlanner });
    expect(again.status).toBe(200);
    expect(again.json()).toMatchObject({ written: 0 });
    const other = await t.request('POST', '/v1/queues', { body: { ...queueBody(), name: 'Renamed' }, headers: asPlanner });
    expect(other.status).toBe(409);

    const events = [];
    for await (const e of t.store.readStream('queue-us-kyc-chat')) events.push(e);
    expect(events).toHaveLength(1);
    expect(events[0]!.metadata).toMatchObject({ actor: 'tester', correlationId: 'plan-7', schemaVersion: 1 });

    const read = await t.request('GET', '/v1/queues/us-kyc-chat', { headers: asViewer });
    expect(read.status).toBe(200);
    expect(read.json()).toMatchObject({ revision: '0' });
    expect((await t.request('GET', '/v1/queues/nope', { headers: asViewer })).status).toBe(404);
  });

  it('needs the planner role to write', async () => {
    const res = await t.request('POST', '/v1/queues', { body: queueBody(), headers: asViewer });
    expect(res.status).toBe(403);
    expect(await t.store.headPosition()).toBeUndefined();
  });

  it('answers 409 with expected and actual revision when If-Match is stale', async () => {
    await t.request('POST', '/v1/queues', { body: queueBody(), headers: asPlanner });
    const routing = { routing: { markets: ['US'], categories: ['kyc', 'aml'], languages: ['en'], channels: ['chat'] } };
    const stale = await t.request('PUT', '/v1/queues/us-kyc-chat/routing', { body: routing, headers: { ...asPlanner, 'if-match': '"5"' } });
    expect(stale.status).toBe(409);
    expect(stale.json()).toMatchObject({ expectedRevision: '5', actualRevision: '0' });
    const fresh = await t.request('PUT', '/v1/queues/us-kyc-chat/routing', { body: routing, headers: { ...asPlanner, 'if-match': '"0"' } });
    expect(fresh.status).toBe(201);
    expect(fresh.json()).toMatchObject({ revision: '1' });
  });

  it('records a ticket lifecycle and enforces its invariants', async () => {
    expect((await t.request('POST', '/v1/tickets/events', { body: ticketCreated(), headers: asPlanner })).status).toBe(201);
    const resolve = { type: 'TicketResolved', data: { ticketId: 'T1', resolvedAt: '2026-03-02T15:00:00Z', handleSeconds: 420 } };
    expect((await t.request('POST', '/v1/tickets/events', { body: resolve, headers: asPlanner })).status).toBe(201);
    const twice = await t.request('POST', '/v1/tickets/events', { body: { ...resolve, data: { ...resolve.data, resolvedAt: '2026-03-02T16:00:00Z' } }, headers: asPlanner });
    expect(twice.status).toBe(409);
    expect(twice.json()).toMatchObject({ issues: [{ path: 'data.resolvedAt' }] });
    const early = await t.request('POST', '/v1/tickets/events', { body: { type: 'TicketFirstResponded', data: { ticketId: 'T1', respondedAt: '2026-03-01T00:00:00Z' } }, headers: asPlanner });
    expect(early.status).toBe(400);
    const unknown = await t.request('POST', '/v1/tickets/events', { body: { type: 'TicketReopened', data: { ticketId: 'T9', reopenedAt: '2026-03-03T00:00:00Z' } }, headers: asPlanner });
    expect(unknown.status).toBe(404);
  });

  it('records escalations of one ticket to two teams at the same instant as two facts', async () => {
    expect((await t.request('POST', '/v1/tickets/events', { body: ticketCreated('E1'), headers: asPlanner })).status).toBe(201);
    const escalate = (target: string) => ({ type: 'TicketEscalated', data: { ticketId: 'E1', escalatedAt: '2026-03-02T15:00:00Z', target, reasonCode: 'policy' } });
    const both = await t.request('POST', '/v1/tickets/events', { body: { events: [escalate('fraud'), escalate('compliance')] }, headers: asPlanner });
    expect(both.status).toBe(201);
    expect(both.json()).toMatchObject({ eventsWritten: 2 });
  });

  it('writes a ticket batch all or nothing', async () => {
    const good = [ticketCreated('B1'), ticketCreated('B2'), { type: 'TicketResolved', data: { ticketId: 'B1', resolvedAt: '2026-03-02T15:00:00Z', handleSeconds: 60 } }];
    const bad = [...good, { type: 'TicketCsatRated', data: { ticketId: 'B2', ratedAt: '2026-03-02T16:00:00Z', score: 5 } }];
    const rejected = await t.request('POST', '/v1/tickets/events', { body: { events: bad }, headers: asPlanner });
    expect(rejected.status).toBe(409);
    expect(rejected.json()).toMatchObject({ issues: [{ path: 'events.3.data.ticketId' }] });
    expect(await t.store.headPosition()).toBeUndefined();

    const accepted = await t.request('POST', '/v1/tickets/events', { body: { events: good }, headers: asPlanner });
    expect(accepted.status).toBe(201);
    expect(accepted.json()).toMatchObject({ eventsWritten: 3, duplicatesSkipped: 0 });
    const retried = await t.request('POST', '/v1/tickets/events', { body: { events: good }, headers: asPlanner });
    expect(retried.json()).toMatchObject({ eventsWritten: 0, duplicatesSkipped: 3 });
    const tooMany = await t.request('POST', '/v1/tickets/events', { body: { events: Array.from({ length: 5001 }, (_, i) => ticketCreated(`X${i}`)) }, headers: asPlanner });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json()).toMatchObject({ issues: [{ path: 'events' }] });
  });

  it('records launches, holidays, agents, schedules, absences and departures', async () => {
    const h = { headers: asPlanner };
    expect((await t.request('POST', '/v1/launches', { body: launchBody(), ...h })).status).toBe(201);
    expect((await t.request('PUT', '/v1/launches/L1/uplift', { body: { uplift: { kind: 'extra-tickets', tickets: 500 }, profile: 'flat' }, ...h })).status).toBe(201);
    expect((await t.request('POST', '/v1/launches/L1/cancellation', { body: { cancelledAt: '2026-03-20T00:00:00Z' }, ...h })).status).toBe(201);
    expect((await t.request('PUT', '/v1/launches/L1/window', { body: { startsAt: '2026-05-01T00:00:00Z', endsAt: '2026-05-02T00:00:00Z' }, ...h })).status).toBe(409);

    expect((await t.request('POST', '/v1/calendars/US/holidays', { body: { date: '2026-07-03', name: 'Independence Day (observed)' }, ...h })).status).toBe(201);
    const holidays = await t.request('GET', '/v1/calendars/US/holidays', { headers: asViewer });
    expect(holidays.json()).toMatchObject({ market: 'US', holidays: { '2026-07-03': 'Independence Day (observed)' } });

    expect((await t.request('POST', '/v1/agents', { body: agentBody(), ...h })).status).toBe(201);
    expect((await t.request('POST', '/v1/agents/A1/certifications', { body: { skill: 'fraud-us', certifiedOn: '2026-02-01', expiresOn: '2027-02-01' }, ...h })).status).toBe(201);
    expect((await t.request('PUT', '/v1/agents/A1/schedule', { body: scheduleBody(), ...h })).status).toBe(201);
    expect((await t.request('POST', '/v1/agents/A1/absences', { body: { from: '2026-03-02T13:00:00Z', to: '2026-03-03T13:00:00Z', reasonCode: 'sick' }, ...h })).status).toBe(201);
    expect((await t.request('POST', '/v1/agents/A1/departure', { body: { departedOn: '2026-06-30', reasonCode: 'resigned' }, ...h })).status).toBe(201);
    const late = await t.request('POST', '/v1/agents/A1/departure', { body: { departedOn: '2026-07-30', reasonCode: 'resigned' }, ...h });
    expect(late.status).toBe(409);
    const mismatch = await t.request('POST', '/v1/agents/A1/absences', { body: { agentId: 'A2', from: '2026-03-02T13:00:00Z', to: '2026-03-03T13:00:00Z', reasonCode: 'sick' }, ...h });
    expect(mismatch.status).toBe(400);
    expect(mismatch.json()).toMatchObject({ issues: [{ path: 'agentId' }] });
  });

  it('answers 413 for a body over the limit and 400 for malformed JSON, writing nothing', async () => {
    const small = await startTestApp({ ...TOKENS_ENV, BODY_LIMIT_BYTES: '2048' });
    try {
      const big = await small.request('POST', '/v1/queues', { body: { ...queueBody(), pad: 'x'.repeat(4096) }, headers: asPlanner });
      expect(big.status).toBe(413);
      const broken = await small.request('POST', '/v1/queues', { rawBody: '{"queueId": ', headers: { ...asPlanner, 'content-type': 'application/json' } });
      expect(broken.status).toBe(400);
      expect(await small.store.headPosition()).toBeUndefined();
    } finally {
      await small.close();
    }
  });
});
