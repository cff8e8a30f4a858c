import fc from 'fast-check';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { agentBody, asPlanner, launchBody, queueBody, scheduleBody, ticketCreated, TOKENS_ENV } from '../support/fixtures.js';

/**
 * Hostile input at every write endpoint: whatever arrives, the answer is a 4xx whose issues name
 * a field, never a 5xx, and the log does not move.
 */
interface Endpoint {
  method: string;
  path: (id: string) => string;
  valid: Record<string, unknown>;
}

const ENDPOINTS: Endpoint[] = [
  { method: 'POST', path: () => '/v1/queues', valid: queueBody('q-prop') },
  { method: 'PUT', path: (id) => `/v1/queues/${id}/routing`, valid: { routing: queueBody().routing } },
  { method: 'PUT', path: (id) => `/v1/queues/${id}/service-target`, valid: { serviceTarget: { kind: 'sl', percent: 90, seconds: 30 } } },
  { method: 'POST', path: (id) => `/v1/queues/${id}/retirement`, valid: { retiredAt: '2026-05-01T00:00:00Z' } },
  { method: 'POST', path: () => '/v1/tickets/events', valid: ticketCreated('P1') },
  { method: 'POST', path: () => '/v1/tickets/events', valid: { events: [ticketCreated('P2'), ticketCreated('P3')] } },
  { method: 'POST', path: () => '/v1/launches', valid: launchBody('L-prop') },
  { method: 'PUT', path: (id) => `/v1/launches/${id}/window`, valid: { startsAt: '2026-05-01T00:00:00Z', endsAt: '2026-05-02T00:00:00Z' } },
  { method: 'PUT', path: (id) => `/v1/launches/${id}/uplift`, valid: { uplift: { kind: 'percent', percent: 20 }, profile: 'flat' } },
  { method: 'POST', path: (id) => `/v1/launches/${id}/cancellation`, valid: { cancelledAt: '2026-05-01T00:00:00Z' } },
  { method: 'POST', path: () => '/v1/calendars/US/holidays', valid: { date: '2026-12-25', name: 'Christmas Day' } },
  { method: 'POST', path: () => '/v1/agents', valid: agentBody('A-prop') },
  { method: 'POST', path: (id) => `/v1/agents/${id}/certifications`, valid: { skill: 'kyc-us', certifiedOn: '2026-02-01' } },
  { method: 'PUT', path: (id) => `/v1/agents/${id}/schedule`, valid: scheduleBody() },
  { method: 'POST', path: (id) => `/v1/agents/${id}/absences`, valid: { from: '2026-03-02T13:00:00Z', to: '2026-03-03T13:00:00Z', reasonCode: 'sick' } },
  { method: 'POST', path: (id) => `/v1/agents/${id}/departure`, valid: { departedOn: '2026-06-30', reasonCode: 'resigned' } },
  { method: 'POST', path: () => '/v1/scenarios', valid: { name: 'KYC launch', description: 'what if' } },
  { method: 'POST', path: (id) => `/v1/scenarios/${id}/assumptions`, valid: { kind: 'launch', name: 'Card launch', markets: ['US'], categories: ['kyc'], startsAt: '2026-05-01T00:00:00Z', endsAt: '2026-05-04T00:00:00Z', uplift: { kind: 'percent', percent: 100 }, profile: 'spike-decay' } },
  { method: 'POST', path: (id) => `/v1/scenarios/${id}/assumptions`, valid: { kind: 'volume-multiplier', factor: 1.5, from: '2026-05-01T00:00:00Z', to: '2026-05-08T00:00:00Z', queueIds: ['q1'], categories: ['kyc'] } },
  { method: 'POST', path: (id) => `/v1/scenarios/${id}/assumptions`, valid: { kind: 'hires', count: 12, siteId: 'kul', timeZone: 'Asia/Kuala_Lumpur', skills: ['kyc-us'], startDate: '2027-03-01', shifts: scheduleBody().shifts, hourlyCost: { amount: 9, currency: 'USD' } } },
  { method: 'POST', path: (id) => `/v1/scenarios/${id}/assumptions`, valid: { kind: 'local-team-move', timeZone: 'America/New_York', coverage: { mon: [['08:00', '20:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, takeover: [{ queueIds: ['q1'], fromMonth: '2026-06', share: 0.25 }] } },
  { method: 'POST', path: (id) => `/v1/scenarios/${id}/runs`, valid: { from: '2026-05-01T00:00:00Z', horizonHours: 24, queueIds: ['q1'] } },
];

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', ' ', '../../etc/passwd', '$all', '\u0000', '\u202Eevil', 'x'.repeat(5000), '2026-02-30T25:61:00Z', 'NaN', '__proto__', '<script>'),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(null, true, false, 0, -1, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 0.5, [], {}),
  fc.double(),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
);

/** A valid body with one field removed, retyped or replaced, possibly nested, or something else entirely. */
function mutated(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid);
  return fc.oneof(
    fc.record({ key: fc.constantFrom(...keys) }).map(({ key }) => {
      const copy = { ...valid };
      delete copy[key];
      return copy;
    }),
    fc.record({ key: fc.constantFrom(...keys), value: hostileValue }).map(({ key, value }) => ({ ...valid, [key]: value })),
    fc.record({ key: hostileString, value: hostileValue }).filter(({ key }) => !keys.includes(key)).map(({ key, value }) => ({ ...valid, [key]: value })),
    hostileValue,
  );
}

describe('write endpoints under hostile input (property)', () => {
  let t: TestApp;
  let scenarioId: string;
  beforeAll(async () => {
    t = await startTestApp(TOKENS_ENV);
    // Entities the path-id endpoints act on, so that mutations hit validation and invariants, not only 404s.
    await t.request('POST', '/v1/queues', { body: queueBody('q1'), headers: asPlanner });
    await t.request('POST', '/v1/launches', { body: launchBody('l1'), headers: asPlanner });
    await t.request('POST', '/v1/agents', { body: agentBody('a1'), headers: asPlanner });
    scenarioId = (await t.request('POST', '/v1/scenarios', { body: { name: 'property' }, headers: asPlanner })).json<{ scenarioId: string }>().scenarioId;
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 4xx naming a field and writes nothing', async () => {
    const endpointIndex = fc.integer({ min: 0, max: ENDPOINTS.length - 1 });
    const target = fc.oneof({ weight: 4, arbitrary: fc.constant('ok') }, { weight: 1, arbitrary: hostileString.filter((s) => s !== 'ok') });
    await fc.assert(
      fc.asyncProperty(endpointIndex.chain((i) => fc.tuple(fc.constant(i), mutated(ENDPOINTS[i]!.valid), target)), async ([i, body, id]) => {
        const endpoint = ENDPOINTS[i]!;
        const pathIdValue = id === 'ok' ? ({ queues: 'q1', launches: 'l1', agents: 'a1', scenarios: scenarioId } as Record<string, string>)[endpoint.path('x').split('/')[2]!] ?? 'x' : encodeURIComponent(id);
        const before = await t.store.headPosition();
        const res = await t.request(endpoint.method, endpoint.path(pathIdValue), { body, headers: asPlanner });
        const after = await t.store.headPosition();
        if (res.status < 300) {
          // A mutation can still be valid (e.g. an optional field removed): then it is a real write or a no-op.
          return;
        }
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        const payload = res.json<{ error: string; issues?: { path: string; message: string }[] }>();
        expect(typeof payload.error).toBe('string');
        expect(payload.issues?.length).toBeGreaterThan(0);
        expect(payload.issues!.every((issue) => issue.path.length > 0 && issue.message.length > 0)).toBe(true);
        expect(after).toBe(before);
      }),
      { numRuns: 400 },
    );
  });
});
