import { startTestApp, type TestApp } from '../support/test-app.js';
import { agentBody, asPlanner, asViewer, queueBody, scheduleBody, ticketCreated, TOKENS_ENV } from '../support/fixtures.js';

interface Hour {
  hour: string;
  arrivals: number;
  handled: number;
  ahtSeconds: number | null;
  backlogEnd: number;
  escalations: number;
  meanFirstResponseSeconds: number | null;
}

describe('projection reads (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ ...TOKENS_ENV, MAX_QUERY_RANGE_DAYS: '31' });
    const write = async (path: string, body: unknown, method = 'POST') => {
      const res = await t.request(method, path, { body, headers: asPlanner });
      if (res.status >= 300) throw new Error(`${path}: ${res.status} ${res.text}`);
    };
    await write('/v1/queues', queueBody());
    await write('/v1/agents', agentBody('A1'));
    await write('/v1/agents/A1/schedule', scheduleBody(), 'PUT');
    await write('/v1/tickets/events', {
      events: [
        ticketCreated('T1', '2026-03-02T14:05:00Z'),
        { type: 'TicketFirstResponded', data: { ticketId: 'T1', respondedAt: '2026-03-02T14:06:00Z' } },
        { type: 'TicketResolved', data: { ticketId: 'T1', resolvedAt: '2026-03-02T14:35:00Z', handleSeconds: 300 } },
        { type: 'TicketCsatRated', data: { ticketId: 'T1', ratedAt: '2026-03-02T14:40:00Z', score: 5 } },
        { ...ticketCreated('T2', '2026-03-02T14:20:00Z'), data: { ...ticketCreated('T2', '2026-03-02T14:20:00Z').data, language: 'es' } },
        ticketCreated('T3', '2026-03-02T15:10:00Z'),
        { type: 'TicketEscalated', data: { ticketId: 'T3', escalatedAt: '2026-03-02T15:30:00Z', target: 'compliance', reasonCode: 'policy' } },
      ],
    });
  });
  afterAll(() => t.close());

  const get = (path: string, headers: Record<string, string> = asViewer) => t.request('GET', path, { headers });
  const volume = async (queue: string, extra = '') => {
    const res = await get(`/v1/queues/${queue}/volume?from=2026-03-02T14:00:00Z&to=2026-03-02T16:00:00Z${extra}`);
    expect(res.status).toBe(200);
    return res.json<{ asOfPosition: string; timeZone: string; hours: Hour[] }>();
  };

  it('answers hourly volume per queue and an unrouted bucket; a routing change re-routes history, asOf reproduces the earlier answer', async () => {
    const before = await volume('us-kyc-chat');
    expect(before.timeZone).toBe('America/New_York');
    expect(before.hours).toEqual([
      { hour: '2026-03-02T14:00:00.000Z', arrivals: 1, handled: 1, ahtSeconds: 300, backlogEnd: 0, escalations: 0, firstResponses: 1, meanFirstResponseSeconds: 60 },
      { hour: '2026-03-02T15:00:00.000Z', arrivals: 1, handled: 0, ahtSeconds: null, backlogEnd: 1, escalations: 1, firstResponses: 0, meanFirstResponseSeconds: null },
    ]);
    expect((await volume('_unrouted')).hours.map((h) => h.arrivals)).toEqual([1, 0]);

    const change = await t.request('PUT', '/v1/queues/us-kyc-chat/routing', { body: { routing: { markets: ['US'], categories: ['kyc'], languages: [], channels: ['chat'] } }, headers: asPlanner });
    expect(change.status).toBe(201);
    const after = await volume('us-kyc-chat');
    expect(after.hours.map((h) => h.arrivals)).toEqual([2, 1]);
    expect((await volume('_unrouted')).hours.map((h) => h.arrivals)).toEqual([0, 0]);

    const then = await volume('us-kyc-chat', `&asOf=${before.asOfPosition}`);
    expect(then.hours).toEqual(before.hours);
    expect(then.asOfPosition).toBe(before.asOfPosition);
    // A time bound after everything reads the whole log; one before it knew no queue at all.
    expect((await volume('us-kyc-chat', '&asOf=2100-01-01T00:00:00Z')).hours).toEqual(after.hours);
    const early = await get('/v1/queues/us-kyc-chat/volume?from=2026-03-02T14:00:00Z&to=2026-03-02T16:00:00Z&asOf=2000-01-01T00:00:00Z');
    expect(early.status).toBe(404);
  });

  it('answers KPIs per local day and ISO week', async () => {
    const res = await get('/v1/kpis?queueId=us-kyc-chat&from=2026-03-02&to=2026-03-03&granularity=day');
    expect(res.status).toBe(200);
    const body = res.json<{ timeZone: string; periods: unknown[] }>();
    expect(body.timeZone).toBe('America/New_York');
    expect(body.periods).toEqual([
      expect.objectContaining({
        period: '2026-03-02',
        start: '2026-03-02T00:00:00-05:00',
        arrivals: expect.any(Number),
        resolutions: 1,
        resolutionSeconds: { median: 1800, p90: 1800 },
        csat: { rated: 1, satisfied: 1, share: 1 },
        escalations: expect.objectContaining({ total: 1, byTarget: expect.objectContaining({ compliance: 1 }) }),
        reopens: 0,
        reopenRate: 0,
      }),
    ]);
    const weeks = await get('/v1/kpis?queueId=us-kyc-chat&from=2026-03-02&to=2026-03-10&granularity=week');
    expect(weeks.json<{ periods: { period: string }[] }>().periods.map((p) => p.period)).toEqual(['2026-W10', '2026-W11']);
  });

  it('answers contact drivers with week-over-week change', async () => {
    const res = await get('/v1/drivers?from=2026-03-02&to=2026-03-09');
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ weeks: [{ week: '2026-W10', rows: [{ category: 'kyc', market: 'US', arrivals: 3, escalations: 1, previousArrivals: 0, arrivalsChange: null }] }] });
  });

  it('answers the roster: productive agent-hours per UTC hour, by skill and site', async () => {
    // A1 works 21:00–06:00 in Kuala Lumpur (+08) on weekdays with a 01:00–02:00 break: Monday 2 March
    // is 13:00Z–22:00Z without 17:00Z, 8 hours, long past the new-hire ramp.
    const res = await get('/v1/roster?from=2026-03-02T12:00:00Z&to=2026-03-02T23:00:00Z');
    expect(res.status).toBe(200);
    const hours = res.json<{ hours: { hour: string; productiveHours: number; bySkill: Record<string, number>; bySite: Record<string, number> }[] }>().hours;
    expect(hours.map((h) => h.productiveHours)).toEqual([0, 1, 1, 1, 1, 0, 1, 1, 1, 1, 0]);
    expect(hours[1]).toEqual({ hour: '2026-03-02T13:00:00.000Z', productiveHours: 1, bySkill: { chat: 1, 'kyc-us': 1 }, bySite: { kul: 1 } });
    const other = await get('/v1/roster?from=2026-03-02T12:00:00Z&to=2026-03-02T23:00:00Z&site=elsewhere');
    expect(other.json<{ hours: { productiveHours: number }[] }>().hours.every((h) => h.productiveHours === 0)).toBe(true);
    const ramped = await get('/v1/roster?from=2026-03-02T12:00:00Z&to=2026-03-02T23:00:00Z&skill=kyc-us&ramp=0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5');
    expect(ramped.json<{ hours: { productiveHours: number }[] }>().hours[1]!.productiveHours).toBe(0.5);
    expect(((await get('/v1/roster?from=2026-03-02T12:00:00Z&to=2026-03-02T23:00:00Z&ramp=2')).json() as { issues: { path: string }[] }).issues[0]!.path).toBe('ramp');
  });

  it('reports the projection status and lag', async () => {
    const res = await get('/v1/projections/status');
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ projections: [{ name: 'projection:tickets', running: true, durable: false, lag: '0' }] });
  });

  it.each([
    ['/v1/queues/us-kyc-chat/volume?to=2026-03-02T16:00:00Z', 'from'],
    ['/v1/queues/us-kyc-chat/volume?from=2026-03-02T14:30:00Z&to=2026-03-02T16:00:00Z', 'from'],
    ['/v1/queues/us-kyc-chat/volume?from=2026-03-02T14:00:00Z&to=2026-05-02T16:00:00Z', 'to'],
    ['/v1/queues/us-kyc-chat/volume?from=2026-03-02T14:00:00Z&to=2026-03-02T13:00:00Z', 'to'],
    ['/v1/queues/us-kyc-chat/volume?from=2026-03-02T14:00:00Z&to=2026-03-02T16:00:00Z&asOf=yesterday', 'asOf'],
    ['/v1/queues/bad%20id/volume?from=2026-03-02T14:00:00Z&to=2026-03-02T16:00:00Z', 'id'],
    ['/v1/kpis?queueId=us-kyc-chat&from=2026-03-02&to=2026-03-03&granularity=month', 'granularity'],
    ['/v1/kpis?from=2026-03-02&to=2026-03-03', 'queueId'],
    ['/v1/kpis?queueId=us-kyc-chat&from=2026-02-30&to=2026-03-03', 'from'],
    ['/v1/drivers?from=2026-03-02&to=2026-06-03', 'to'],
    ['/v1/drivers?from=2026-03-02&to=2026-03-09&extra=1', 'extra'],
  ])('GET %s is a 400 naming %s', async (path, param) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    // An unknown parameter is reported on the query itself, its name in the message.
    expect(res.json<{ issues: { path: string; message: string }[] }>().issues.some((i) => i.path === param || (i.path === '(root)' && i.message.includes(`"${param}"`)))).toBe(true);
  });

  it('404s an unknown queue and needs a token', async () => {
    expect((await get('/v1/queues/nope/volume?from=2026-03-02T14:00:00Z&to=2026-03-02T16:00:00Z')).status).toBe(404);
    expect((await get('/v1/kpis?queueId=nope&from=2026-03-02&to=2026-03-03')).status).toBe(404);
    expect((await get('/v1/drivers?from=2026-03-02&to=2026-03-09', {})).status).toBe(401);
  });
});
