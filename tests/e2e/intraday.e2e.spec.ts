import fc from 'fast-check';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { asPlanner, asViewer, TOKENS_ENV } from '../support/fixtures.js';
import { seedDemo } from '../../apps/planner-api/src/demo/seed-demo.js';

const WEEKS = 6;
const START = '2026-05-04T00:00:00Z';
const QUEUE = 'us-payments-chat';
/** Friday 2026-06-12, 14:30 in New York (EDT): the day began at 04:00Z. */
const AS_OF = '2026-06-12T18:30:00Z';

interface IntradayBody {
  date: string;
  elapsedHours: number;
  scale: { observed: number; expected: number; ratio: number | null; credibility: number; applied: number };
  credibilityDays: number;
  observed: { hour: string; arrivals: number; dayAheadMean: number }[];
  forecast: { hour: string; dayAheadMean: number; mean: number; quantiles: Record<string, number> }[];
  plan: { from: string; horizonHours: number; rows: { hour: string; forecastMean: number; forecastPlanned: number; requiredAgents: number; rosteredAgents: number; gap: number }[]; summaries: unknown[] };
}

describe('POST /v1/forecasts/intraday', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(TOKENS_ENV);
    await seedDemo(t.app, t.store, { weeks: WEEKS, start: START });
  }, 120_000);
  afterAll(() => t.close());

  const intraday = (body: unknown) => t.request('POST', '/v1/forecasts/intraday', { body, headers: asViewer });

  it('re-forecasts the rest of the local day from its arrivals so far, with intervals and the capacity plan', async () => {
    const res = await intraday({ queueId: QUEUE, asOf: AS_OF });
    expect(res.status).toBe(200);
    const body = res.json<IntradayBody>();
    expect(body.date).toBe('2026-06-12');
    expect(body.elapsedHours).toBe(14.5);
    expect(body.observed).toHaveLength(15);
    expect(body.observed[0]!.hour).toBe('2026-06-12T04:00:00.000Z');
    expect(body.forecast).toHaveLength(10);
    expect(body.forecast[0]!.hour).toBe('2026-06-12T18:00:00.000Z');
    expect(body.scale.observed).toBe(body.observed.reduce((s, h) => s + h.arrivals, 0));
    expect(body.scale.credibility).toBeGreaterThanOrEqual(0);
    expect(body.scale.credibility).toBeLessThanOrEqual(1);
    expect(body.credibilityDays).toBeGreaterThan(0);
    for (const h of body.forecast) {
      expect(h.quantiles['0.1']!).toBeLessThanOrEqual(h.mean + 1e-9);
      expect(h.quantiles['0.9']!).toBeGreaterThanOrEqual(h.mean - 1e-9);
    }
    // The plan covers the same hours and staffs the planned quantile of the re-forecast.
    expect(body.plan.from).toBe('2026-06-12T18:00:00.000Z');
    expect(body.plan.rows).toHaveLength(10);
    body.plan.rows.forEach((row, i) => {
      expect(row.forecastMean).toBeCloseTo(body.forecast[i]!.mean, 6);
      expect(row.forecastPlanned).toBeCloseTo(body.forecast[i]!.quantiles['0.8']!, 6);
      expect(row.gap).toBeCloseTo(row.rosteredAgents - (row as unknown as { rawAgents: number }).rawAgents, 6);
    });
    expect(body.plan.summaries.length).toBeGreaterThan(0);
  }, 120_000);

  it('counts a ticket recorded a moment ago', async () => {
    const before = (await intraday({ queueId: QUEUE, asOf: AS_OF })).json<IntradayBody>();
    const ticket = { type: 'TicketCreated', data: { ticketId: 'intraday-T1', createdAt: '2026-06-12T18:20:00Z', channel: 'chat', market: 'US', category: 'deposits', language: 'en', priority: 'normal' } };
    expect((await t.request('POST', '/v1/tickets/events', { body: ticket, headers: asPlanner })).status).toBe(201);
    const after = (await intraday({ queueId: QUEUE, asOf: AS_OF })).json<IntradayBody>();
    expect(after.observed.at(-1)!.arrivals).toBe(before.observed.at(-1)!.arrivals + 1);
    expect(after.scale.observed).toBe(before.scale.observed + 1);
    // The current hour holds its arrivals so far, so its forecast rises by at least that ticket's share.
    expect(after.forecast[0]!.mean).toBeGreaterThan(before.forecast[0]!.mean);
    // A ticket after the cut-off does not count.
    const later = { ...ticket, data: { ...ticket.data, ticketId: 'intraday-T2', createdAt: '2026-06-12T18:40:00Z' } };
    expect((await t.request('POST', '/v1/tickets/events', { body: later, headers: asPlanner })).status).toBe(201);
    expect((await intraday({ queueId: QUEUE, asOf: AS_OF })).json<IntradayBody>().scale.observed).toBe(after.scale.observed);
  }, 120_000);

  it('answers 404 for an unknown queue and 400 for an asOf in the future', async () => {
    const unknown = await intraday({ queueId: 'no-such-queue', asOf: AS_OF });
    expect(unknown.status).toBe(404);
    expect(unknown.json<{ issues: { path: string }[] }>().issues[0]!.path).toBe('queueId');
    // A queue defined but without tickets before the day has no morning forecast.
    const empty = { queueId: 'intraday-empty', name: 'Empty', channel: 'chat', routing: { markets: ['NZ'], categories: [], languages: [], channels: ['chat'] }, timeZone: 'Pacific/Auckland', openingHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, serviceTarget: { kind: 'sl', percent: 80, seconds: 60 }, requiredSkills: ['chat'], chatConcurrency: 2, callerPatienceSeconds: 240, regulatory: false };
    expect((await t.request('POST', '/v1/queues', { body: empty, headers: asPlanner })).status).toBe(201);
    const noHistory = await intraday({ queueId: 'intraday-empty', asOf: AS_OF });
    expect(noHistory.status).toBe(404);
    expect(noHistory.json<{ error: string; issues: { path: string }[] }>()).toMatchObject({ error: 'no history', issues: [{ path: 'queueId' }] });
    const future = await intraday({ queueId: QUEUE, asOf: new Date(Date.now() + 3_600_000).toISOString() });
    expect(future.status).toBe(400);
    expect(future.json<{ issues: { path: string; message: string }[] }>().issues).toEqual([{ path: 'asOf', message: 'must not be in the future' }]);
  }, 60_000);

  it('rejects bad bodies with a 400 naming the field, never a 500 (property)', async () => {
    const bad = fc.oneof(
      fc.record({ field: fc.constant('queueId'), body: fc.constantFrom({}, { queueId: '' }, { queueId: 7 }) }),
      fc.record({ field: fc.constant('asOf'), body: fc.oneof(fc.string({ maxLength: 12 }), fc.integer()).map((asOf) => ({ queueId: QUEUE, asOf })) }),
      fc.record({ field: fc.constant('quantiles'), body: fc.oneof(fc.constant([]), fc.array(fc.double({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 })).map((quantiles) => ({ queueId: QUEUE, asOf: AS_OF, quantiles })) }),
      fc.record({ field: fc.constant('planQuantile'), body: fc.oneof(fc.double({ min: 1, max: 10 }), fc.constant(0), fc.constant('0.8')).map((planQuantile) => ({ queueId: QUEUE, asOf: AS_OF, planQuantile })) }),
      fc.record({ field: fc.constant('shrinkage'), body: fc.double({ min: 0.96, max: 100, noNaN: true }).map((shrinkage) => ({ queueId: QUEUE, asOf: AS_OF, shrinkage })) }),
      fc.record({ field: fc.constant('occupancyCap'), body: fc.double({ min: -5, max: 0, noNaN: true }).map((occupancyCap) => ({ queueId: QUEUE, asOf: AS_OF, occupancyCap })) }),
      fc.record({ field: fc.constant('extra'), body: fc.constant({ queueId: QUEUE, asOf: AS_OF, extra: 1 }) }),
    );
    await fc.assert(
      fc.asyncProperty(bad, async ({ field, body }) => {
        // A string asOf that happens to be a valid instant in the past is a valid body: not what this property is about.
        if (field === 'asOf' && typeof body.asOf === 'string' && !Number.isNaN(Date.parse(body.asOf)) && /Z|[+-]\d\d:\d\d$/.test(body.asOf)) return;
        const res = await intraday(body);
        expect(res.status).toBe(400);
        const issues = res.json<{ issues: { path: string; message: string }[] }>().issues;
        expect(issues.some((i) => i.path === field || i.path.startsWith(`${field}.`) || (field === 'extra' && i.path === '(root)' && i.message.includes('extra')))).toBe(true);
        issues.forEach((i) => expect(i.message.length).toBeGreaterThan(0));
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
