import fc from 'fast-check';
import { erlangAMetrics } from './erlang-a.js';
import { erlangCMetrics } from './erlang-c.js';

/** Properties over the whole range the library promises: 1 ≤ N ≤ 10,000 agents, any load. */
const agents = fc.integer({ min: 1, max: 10_000 });
const aht = fc.double({ min: 10, max: 3_600, noNaN: true });
const threshold = fc.double({ min: 0, max: 600, noNaN: true });

describe('staffing properties', () => {
  it('Erlang C: no NaN or Infinity, probabilities in [0, 1], for any stable load up to 10,000 agents', () => {
    fc.assert(
      fc.property(agents, fc.double({ min: 0, max: 0.9999, noNaN: true }), aht, threshold, (n, rho, ahtSeconds, thresholdSeconds) => {
        const m = erlangCMetrics({ arrivalsPerHour: (rho * n * 3600) / ahtSeconds, ahtSeconds, agents: n, thresholdSeconds });
        for (const v of Object.values(m)) expect(Number.isFinite(v)).toBe(true);
        for (const p of [m.pWait, m.serviceLevel, m.occupancy]) {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
        }
        expect(m.asaSeconds).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('Erlang A: no NaN or Infinity, probabilities in [0, 1], for loads from idle to 3× overloaded, up to 10,000 agents', () => {
    fc.assert(
      fc.property(agents, fc.double({ min: 0, max: 3, noNaN: true }), aht, fc.double({ min: 1, max: 7_200, noNaN: true }), threshold, (n, rho, ahtSeconds, patienceSeconds, thresholdSeconds) => {
        const m = erlangAMetrics({ arrivalsPerHour: (rho * n * 3600) / ahtSeconds, ahtSeconds, patienceSeconds, agents: n, thresholdSeconds });
        for (const v of Object.values(m)) expect(Number.isFinite(v)).toBe(true);
        for (const p of [m.pWait, m.pAbandon, m.serviceLevel, m.occupancy]) {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
        }
        expect(m.serviceLevel).toBeLessThanOrEqual(1 - m.pAbandon + 1e-9);
        expect(m.pAbandon).toBeLessThanOrEqual(m.pWait + 1e-12);
        expect(m.asaSeconds).toBeGreaterThanOrEqual(0);
        expect(m.meanWaitSeconds).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('monotone in agents: service level rises, P(wait), ASA and (Erlang A) abandonment fall', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_000 }),
        fc.double({ min: 0.05, max: 2, noNaN: true }),
        fc.double({ min: 30, max: 900, noNaN: true }),
        fc.double({ min: 10, max: 1_800, noNaN: true }),
        fc.double({ min: 0, max: 120, noNaN: true }),
        (n, rho, ahtSeconds, patienceSeconds, thresholdSeconds) => {
          const arrivalsPerHour = (rho * n * 3600) / ahtSeconds;
          // Heavy overload sums ~10⁵ terms; rounding then reaches ~1e-13 absolute, far inside the 1e-6 promise.
          const tol = 1e-10;
          const a1 = erlangAMetrics({ arrivalsPerHour, ahtSeconds, patienceSeconds, agents: n, thresholdSeconds });
          const a2 = erlangAMetrics({ arrivalsPerHour, ahtSeconds, patienceSeconds, agents: n + 1, thresholdSeconds });
          expect(a2.serviceLevel).toBeGreaterThanOrEqual(a1.serviceLevel - tol);
          expect(a2.pWait).toBeLessThanOrEqual(a1.pWait + tol);
          expect(a2.pAbandon).toBeLessThanOrEqual(a1.pAbandon + tol);
          expect(a2.asaSeconds).toBeLessThanOrEqual(a1.asaSeconds * (1 + 1e-9) + tol);
          expect(a2.occupancy).toBeLessThanOrEqual(a1.occupancy + tol);
          const load = arrivalsPerHour * ahtSeconds / 3600;
          if (n > load) {
            const c1 = erlangCMetrics({ arrivalsPerHour, ahtSeconds, agents: n, thresholdSeconds });
            const c2 = erlangCMetrics({ arrivalsPerHour, ahtSeconds, agents: n + 1, thresholdSeconds });
            expect(c2.serviceLevel).toBeGreaterThanOrEqual(c1.serviceLevel - tol);
            expect(c2.pWait).toBeLessThanOrEqual(c1.pWait + tol);
            expect(c2.asaSeconds).toBeLessThanOrEqual(c1.asaSeconds * (1 + 1e-9) + tol);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
