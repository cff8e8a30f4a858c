import fc from 'fast-check';
import { SeriesForecastResponse } from '../../apps/planner-api/src/forecasting/forecast-series.dto.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { asViewer, TOKENS_ENV } from '../support/fixtures.js';

const HOUR = 3_600_000;
/** Volume peaking at 10:00 New York time (15:00 UTC in winter), quieter at weekends. */
const volume = (ms: number) => {
  const d = new Date(ms - 5 * HOUR); // EST is enough for a winter history
  const daily = 10 + 90 * Math.exp(-((d.getUTCHours() - 10) ** 2) / 8);
  return Math.round(d.getUTCDay() === 0 || d.getUTCDay() === 6 ? daily / 2 : daily);
};
const hourly = (startIso: string, n: number) => Array.from({ length: n }, (_, i) => volume(Date.parse(startIso) + i * HOUR));

const validBody = () => ({
  start: '2024-01-01T05:00:00Z',
  values: hourly('2024-01-01T05:00:00Z', 24 * 20),
  horizonHours: 24,
  timeZone: 'America/New_York',
  quantiles: [0.1, 0.9],
  holidays: ['2024-01-15'],
  launches: [{ start: '2024-01-21T14:00:00Z', end: '2024-01-21T20:00:00Z', upliftPct: 20, kind: 'listing' }],
});

interface Answer {
  start: string;
  horizonHours: number;
  method: string;
  mean: number[];
  quantiles: Record<string, number[]>;
  launches: { applied: { upliftPct: number; source: string }[] };
}
interface Problem {
  error: string;
  issues?: { path: string; message: string }[];
}

describe('POST /v1/forecasts/series', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(TOKENS_ENV);
  });
  afterAll(async () => {
    await t.close();
  });

  it('needs a token; a viewer gets the forecast from the hour after the last value', async () => {
    expect((await t.request('POST', '/v1/forecasts/series', { body: validBody() })).status).toBe(401);
    const res = await t.request('POST', '/v1/forecasts/series', { body: validBody(), headers: asViewer });
    expect(res.status).toBe(200);
    const a = res.json<Answer>();
    expect(a.start).toBe(new Date(Date.parse('2024-01-01T05:00:00Z') + 24 * 20 * HOUR).toISOString());
    expect(a.horizonHours).toBe(24);
    expect(a.mean).toHaveLength(24);
    expect(Object.keys(a.quantiles).sort()).toEqual(['0.1', '0.9']);
    // The peak is at 10:00 New York time = 15:00 UTC: index 15 − 5 = 10 of a forecast starting 05:00 UTC.
    expect(a.mean.indexOf(Math.max(...a.mean))).toBe(10);
    // The backtest reports the best simple same-slot estimator beside the published forecast, which is no worse.
    const { backtest } = SeriesForecastResponse.parse(res.json());
    expect(backtest.baseline?.method).toMatch(/^same-slot-/);
    expect(backtest.wape).not.toBeNull();
    expect(backtest.wape!).toBeLessThanOrEqual(backtest.baseline!.wape! + 1e-12);
    a.mean.forEach((m, j) => {
      expect(a.quantiles['0.1']![j]!).toBeLessThanOrEqual(a.quantiles['0.9']![j]!);
      expect(m).toBeGreaterThanOrEqual(0);
    });
  });

  // Its speed is measured by bench:forecast-suite and bench:m4, not timed here.
  it('answers 8,760 values with a 168-hour horizon', async () => {
    // ±20 % deterministic noise, so that every method has to work for its fit (a clean cycle converges at once).
    let seed = 11;
    const noise = () => 0.8 + 0.4 * ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const values = hourly('2023-01-02T05:00:00Z', 8760).map((v) => Math.round(v * noise()));
    const body = { start: '2023-01-02T05:00:00Z', values, horizonHours: 168, timeZone: 'America/New_York', quantiles: [0.1, 0.5, 0.9] };
    const res = await t.request('POST', '/v1/forecasts/series', { body, headers: asViewer });
    expect(res.status).toBe(200);
    const answer = res.json<Answer>();
    expect(answer.mean).toHaveLength(168);
    answer.mean.forEach((m, j) => {
      expect(Number.isFinite(m)).toBe(true);
      expect(answer.quantiles['0.1']![j]!).toBeLessThanOrEqual(answer.quantiles['0.9']![j]!);
    });
  });

  it('names the field the forecaster cannot use', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ start: '2024-01-01T05:30:00Z' }, 'start'],
      [{ values: [1, -3] }, 'values.1'],
      [{ values: [] }, 'values'],
      [{ horizonHours: 0 }, 'horizonHours'],
      [{ horizonHours: 9000 }, 'horizonHours'],
      [{ timeZone: 'Moon/Base' }, 'timeZone'],
      [{ quantiles: [1.5] }, 'quantiles.0'],
      [{ holidays: ['2024-02-31'] }, 'holidays.0'],
      [{ holidays: [''] }, 'holidays.0'],
      [{ launches: [{ start: '2024-01-21T14:00:00Z', end: '2024-01-21T10:00:00Z' }] }, 'launches.0.end'],
      [{ values: [null, null] }, 'values'],
      [{ surprise: 1 }, '(root)'],
    ];
    for (const [patch, path] of cases) {
      const res = await t.request('POST', '/v1/forecasts/series', { body: { ...validBody(), ...patch }, headers: asViewer });
      expect({ patch, status: res.status }).toEqual({ patch, status: 400 });
      expect(res.json<Problem>().issues?.map((i) => i.path)).toContain(path);
    }
  });

  it('never answers 5xx to hostile bodies, and every 4xx names a field (property)', async () => {
    const keys = Object.keys(validBody());
    const hostileString = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('', 'NaN', '__proto__', '2024-13-40T99:00:00Z', 'x'.repeat(3000), 'Etc/GMT+99'));
    const hostile: fc.Arbitrary<unknown> = fc.oneof(
      hostileString,
      fc.constantFrom(null, true, 0, -1, 1e308, -1e308, 0.5, [], {}, [null], [-1], [1e308], ['1']),
      fc.double(),
      fc.array(fc.oneof(fc.double(), fc.constant(null), hostileString), { maxLength: 5 }),
      fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
      fc.array(fc.record({ start: hostileString, end: hostileString, upliftPct: fc.double() }), { maxLength: 2 }),
    );
    const body = fc.oneof(
      fc.constantFrom(...keys).map((key) => {
        const copy: Record<string, unknown> = validBody();
        delete copy[key];
        return copy;
      }),
      fc.record({ key: fc.constantFrom(...keys), value: hostile }).map(({ key, value }) => ({ ...validBody(), [key]: value })),
      fc.record({ key: hostileString, value: hostile }).map(({ key, value }) => ({ ...validBody(), [key]: value })),
      hostile,
    );
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const res = await t.request('POST', '/v1/forecasts/series', { body: b, headers: asViewer });
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) {
          const p = res.json<Problem>();
          expect(p.issues?.length).toBeGreaterThan(0);
          expect(p.issues!.every((i) => i.path.length > 0 && i.message.length > 0)).toBe(true);
        } else {
          expect(res.json<Answer>().mean.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
