import fc from 'fast-check';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { asViewer, TOKENS_ENV } from '../support/fixtures.js';

interface Answer {
  model: string;
  agents: number;
  rawAgents: number;
  scheduledAgents: number;
  serviceLevel: number;
  pWait: number;
  asaSeconds: number;
  occupancy: number;
  pAbandon?: number;
  meanWaitSeconds?: number;
  meetsTarget?: boolean;
  binding?: string[];
}
interface Problem {
  error: string;
  issues?: { path: string; message: string }[];
}

const search = () => ({ model: 'erlang-c', arrivalsPerHour: 200, ahtSeconds: 180, target: { serviceLevel: 0.8, thresholdSeconds: 20 }, shrinkage: 0.3 });

describe('POST /v1/staffing/erlang', () => {
  let t: TestApp;
  const post = (body: unknown) => t.request('POST', '/v1/staffing/erlang', { body, headers: asViewer });
  beforeAll(async () => {
    t = await startTestApp(TOKENS_ENV);
  });
  afterAll(async () => {
    await t.close();
  });

  it('needs a token; a viewer gets the published Erlang C check: 14 agents, 20 scheduled with 30% shrinkage', async () => {
    expect((await t.request('POST', '/v1/staffing/erlang', { body: search() })).status).toBe(401);
    const res = await post(search());
    expect(res.status).toBe(200);
    const a = res.json<Answer>();
    expect(a.agents).toBe(14);
    expect(a.scheduledAgents).toBe(20);
    expect(a.serviceLevel).toBeCloseTo(0.8884, 4);
    expect(a.pWait).toBeCloseTo(0.1741, 4);
    expect(a.asaSeconds).toBeCloseTo(7.84, 2);
    expect(a.rawAgents).toBeGreaterThan(13);
    expect(a.rawAgents).toBeLessThanOrEqual(14);
    expect(a.pAbandon).toBeUndefined();
  });

  it('evaluates given agents with Erlang A: the published check', async () => {
    const res = await post({ model: 'erlang-a', arrivalsPerHour: 200, ahtSeconds: 180, patienceSeconds: 300, agents: 14, thresholdSeconds: 20 });
    expect(res.status).toBe(200);
    const a = res.json<Answer>();
    expect(a.agents).toBe(14);
    expect(a.rawAgents).toBe(14);
    expect(Math.abs(a.pWait - 0.14526)).toBeLessThan(5e-6);
    expect(Math.abs(a.pAbandon! - 0.013984)).toBeLessThan(5e-7);
    expect(Math.abs(a.serviceLevel - 0.916792)).toBeLessThan(5e-7);
    expect(Math.abs(a.meanWaitSeconds! - 4.195)).toBeLessThan(5e-4);
    expect(Math.abs(a.occupancy - 0.704297)).toBeLessThan(5e-7);
  });

  it('finds the least Erlang A agents meeting service level and abandonment together, and says if given agents meet a target', async () => {
    const target = { serviceLevel: 0.9, thresholdSeconds: 30, maxAbandon: 0.01 };
    const res = await post({ model: 'erlang-a', arrivalsPerHour: 410, ahtSeconds: 260, patienceSeconds: 150, target });
    const a = res.json<Answer>();
    expect(res.status).toBe(200);
    expect(a.serviceLevel).toBeGreaterThanOrEqual(0.9);
    expect(a.pAbandon).toBeLessThanOrEqual(0.01);
    const fewer = await post({ model: 'erlang-a', arrivalsPerHour: 410, ahtSeconds: 260, patienceSeconds: 150, agents: a.agents - 1, target });
    expect(fewer.json<Answer>().meetsTarget).toBe(false);
    const same = await post({ model: 'erlang-a', arrivalsPerHour: 410, ahtSeconds: 260, patienceSeconds: 150, agents: a.agents, target });
    expect(same.json<Answer>().meetsTarget).toBe(true);
  });

  it.each([
    [{ ...search(), ahtSeconds: 0 }, 'ahtSeconds'],
    [{ ...search(), arrivalsPerHour: -5 }, 'arrivalsPerHour'],
    [{ ...search(), target: { serviceLevel: 1.2, thresholdSeconds: 20 } }, 'target.serviceLevel'],
    [{ ...search(), target: { serviceLevel: 0.8, thresholdSeconds: 20, maxAbandon: 0.05 } }, 'target.maxAbandon'],
    [{ ...search(), model: 'erlang-a' }, 'patienceSeconds'],
    [{ ...search(), target: undefined }, 'target'],
    [{ model: 'erlang-c', arrivalsPerHour: 200, ahtSeconds: 180, agents: 10, thresholdSeconds: 20 }, 'agents'], // N = A: unstable
    [{ model: 'erlang-c', arrivalsPerHour: 200, ahtSeconds: 180, agents: 12 }, 'thresholdSeconds'],
    [{ ...search(), arrivalsPerHour: 9_000_000, ahtSeconds: 600 }, 'target.serviceLevel'], // 1.5 M Erlangs: unreachable
    [{ ...search(), shrinkage: 1 }, 'shrinkage'],
  ])('answers 400 naming the field for impossible input %#', async (body, path) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const p = res.json<Problem>();
    expect(p.issues?.map((i) => i.path)).toContain(path);
    expect(p.issues!.every((i) => i.message.length > 0)).toBe(true);
  });

  it('explains an unreachable target', async () => {
    const res = await post({ ...search(), arrivalsPerHour: 9_000_000, ahtSeconds: 600 });
    expect(res.json<Problem>().issues![0]!.message).toMatch(/not reachable with 200000 agents or fewer/);
  });

  it('never answers 5xx to hostile bodies, and every 4xx names a field (property)', async () => {
    const keys = ['model', 'arrivalsPerHour', 'ahtSeconds', 'patienceSeconds', 'agents', 'target', 'maxOccupancy', 'shrinkage', 'thresholdSeconds'];
    const hostileString = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('', 'NaN', 'erlang-a', 'erlang-c', '__proto__', 'x'.repeat(2000)));
    const number = fc.oneof(
      fc.double(),
      fc.constantFrom(0, -1, 1, 0.5, 1e-300, 5e-324, 1e308, -1e308, 14, 200, 200_000, 200_001),
      fc.integer({ min: -10, max: 300_000 }),
    );
    const hostile: fc.Arbitrary<unknown> = fc.oneof(
      hostileString,
      number,
      fc.constantFrom(null, true, [], {}, [1], { serviceLevel: 0.8 }),
      fc.record({ serviceLevel: number, thresholdSeconds: number }, { requiredKeys: [] }),
      fc.record({ serviceLevel: number, thresholdSeconds: number, maxAsaSeconds: number, maxAbandon: number }, { requiredKeys: ['serviceLevel', 'thresholdSeconds'] }),
    );
    const base = (): Record<string, unknown> => ({ model: 'erlang-a', arrivalsPerHour: 300, ahtSeconds: 240, patienceSeconds: 200, target: { serviceLevel: 0.8, thresholdSeconds: 20, maxAbandon: 0.05 } });
    const body = fc.oneof(
      fc.constantFrom(...keys).map((key) => {
        const copy = base();
        delete copy[key];
        return copy;
      }),
      fc.record({ key: fc.constantFrom(...keys), value: hostile }).map(({ key, value }) => ({ ...base(), [key]: value })),
      fc.record({ key: fc.constantFrom(...keys), value: hostile, key2: fc.constantFrom(...keys), value2: hostile }).map(({ key, value, key2, value2 }) => ({ ...base(), model: 'erlang-c', [key]: value, [key2]: value2 })),
      fc.record(
        {
          model: fc.constantFrom('erlang-c', 'erlang-a'),
          arrivalsPerHour: number,
          ahtSeconds: number,
          patienceSeconds: number,
          agents: number,
          target: hostile,
          maxOccupancy: number,
          shrinkage: number,
          thresholdSeconds: number,
        },
        { requiredKeys: ['model'] },
      ),
      fc.record({ key: hostileString, value: hostile }).map(({ key, value }) => ({ ...base(), [key]: value })),
      hostile,
    );
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const res = await post(b);
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) {
          expect(res.status).toBe(400);
          const p = res.json<Problem>();
          expect(p.issues?.length).toBeGreaterThan(0);
          // Fastify's JSON parser refuses prototype-poisoning keys before any route runs, naming no field.
          const refusedByParser = /"(__proto__|constructor)"/.test(JSON.stringify(b) ?? '');
          expect(p.issues!.every((i) => i.path.length > 0 && (i.path !== '(request)' || refusedByParser) && i.message.length > 0)).toBe(true);
        } else {
          const a = res.json<Answer>();
          for (const v of [a.agents, a.rawAgents, a.scheduledAgents, a.serviceLevel, a.pWait, a.asaSeconds, a.occupancy]) expect(Number.isFinite(v)).toBe(true);
          for (const p of [a.serviceLevel, a.pWait, a.occupancy]) expect(p >= 0 && p <= 1).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
