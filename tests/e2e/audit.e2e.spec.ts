import fc from 'fast-check';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { asPlanner, asViewer, queueBody, ticketCreated, PLANNER_TOKEN, VIEWER_TOKEN } from '../support/fixtures.js';

const ADMIN = 'admin-token-0123456789';
const OTHER_PLANNER = 'other-planner-token-0123456789';
const asAdmin = { authorization: `Bearer ${ADMIN}` };

interface AuditPage {
  entries: { position: string; stream: string; revision: string; type: string; recordedAt: string; actor: string; correlationId: string }[];
  next: string | null;
}

describe('GET /v1/audit', () => {
  let t: TestApp;
  const from = new Date(Date.now() - 3_600_000).toISOString();
  const to = new Date(Date.now() + 3_600_000).toISOString();
  beforeAll(async () => {
    t = await startTestApp({ API_TOKENS: `planner:tester:${PLANNER_TOKEN},viewer:${VIEWER_TOKEN},admin:auditor:${ADMIN},planner:bob:${OTHER_PLANNER}` });
    expect((await t.request('POST', '/v1/queues', { body: queueBody('q-audit'), headers: { ...asPlanner, 'x-correlation-id': 'corr-1' } })).status).toBe(201);
    for (const id of ['A1', 'A2', 'A3']) {
      expect((await t.request('POST', '/v1/tickets/events', { body: ticketCreated(id), headers: { authorization: `Bearer ${OTHER_PLANNER}`, 'x-correlation-id': `corr-${id}` } })).status).toBe(201);
    }
  });
  afterAll(() => t.close());

  it('tells an admin who changed what and when, in log order', async () => {
    const res = await t.request('GET', `/v1/audit?from=${from}&to=${to}`, { headers: asAdmin });
    expect(res.status).toBe(200);
    const page = res.json<AuditPage>();
    expect(page.next).toBeNull();
    expect(page.entries.map((e) => [e.actor, e.stream, e.type, e.correlationId])).toEqual([
      ['tester', 'queue-q-audit', 'QueueDefined', 'corr-1'],
      ['bob', 'ticket-A1', 'TicketCreated', 'corr-A1'],
      ['bob', 'ticket-A2', 'TicketCreated', 'corr-A2'],
      ['bob', 'ticket-A3', 'TicketCreated', 'corr-A3'],
    ]);
    const positions = page.entries.map((e) => BigInt(e.position));
    expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions);
    for (const entry of page.entries) expect(Date.parse(entry.recordedAt)).toBeGreaterThanOrEqual(Date.parse(from));
  });

  it('filters by actor and pages with next', async () => {
    const first = (await t.request('GET', `/v1/audit?from=${from}&to=${to}&actor=bob&limit=2`, { headers: asAdmin })).json<AuditPage>();
    expect(first.entries.map((e) => e.stream)).toEqual(['ticket-A1', 'ticket-A2']);
    expect(first.next).toBe(first.entries[1]!.position);
    const second = (await t.request('GET', `/v1/audit?from=${from}&to=${to}&actor=bob&limit=2&after=${first.next}`, { headers: asAdmin })).json<AuditPage>();
    expect(second.entries.map((e) => e.stream)).toEqual(['ticket-A3']);
    expect(second.next).toBeNull();
  });

  it('leaves out events recorded outside the window', async () => {
    const past = (await t.request('GET', '/v1/audit?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z', { headers: asAdmin })).json<AuditPage>();
    expect(past.entries).toEqual([]);
  });

  it.each([
    ['', 'from'],
    [`from=${from}`, 'to'],
    ['from=2020-01-01T00:00:00Z&to=2022-01-01T00:00:00Z', 'to'],
    [`from=${to}&to=${from}`, 'to'],
    [`from=${from}&to=${to}&limit=0`, 'limit'],
    [`from=${from}&to=${to}&limit=100000`, 'limit'],
    [`from=${from}&to=${to}&after=-3`, 'after'],
    [`from=${from}&to=${to}&actor=a%20b`, 'actor'],
    [`from=${from}&to=${to}&what=1`, '(root)'],
  ])('rejects the query %p naming %s', async (query, field) => {
    const res = await t.request('GET', `/v1/audit?${query}`, { headers: asAdmin });
    expect(res.status).toBe(400);
    expect(res.json<{ issues: { path: string }[] }>().issues.map((i) => i.path)).toContain(field);
  });

  it('is for admins only', async () => {
    expect((await t.request('GET', `/v1/audit?from=${from}&to=${to}`)).status).toBe(401);
    expect((await t.request('GET', `/v1/audit?from=${from}&to=${to}`, { headers: asViewer })).status).toBe(403);
    expect((await t.request('GET', `/v1/audit?from=${from}&to=${to}`, { headers: asPlanner })).status).toBe(403);
  });

  it('pages through any limit to exactly the unpaged trail (property)', async () => {
    const whole = (await t.request('GET', `/v1/audit?from=${from}&to=${to}`, { headers: asAdmin })).json<AuditPage>().entries;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 5 }), fc.constantFrom(undefined, 'bob', 'tester', 'nobody'), async (limit, actor) => {
        const seen: AuditPage['entries'] = [];
        let after: string | null = null;
        for (let page = 0; page < 20; page += 1) {
          const query = `from=${from}&to=${to}&limit=${limit}${actor ? `&actor=${actor}` : ''}${after ? `&after=${after}` : ''}`;
          const body: AuditPage = (await t.request('GET', `/v1/audit?${query}`, { headers: asAdmin })).json<AuditPage>();
          expect(body.entries.length).toBeLessThanOrEqual(limit);
          seen.push(...body.entries);
          after = body.next;
          if (after === null) break;
        }
        expect(after).toBeNull();
        expect(seen).toEqual(whole.filter((e) => actor === undefined || e.actor === actor));
      }),
      { numRuns: 40 },
    );
  });
});
