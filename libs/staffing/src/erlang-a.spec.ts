import fc from 'fast-check';
import { erlangAMetrics, type ErlangAInput } from './erlang-a.js';
import { erlangCMetrics } from './erlang-c.js';
import { StaffingInputError } from './staffing-input-error.js';

/**
 * An independent M/M/N+M computation, sharing nothing with the library:
 * - the stationary distribution by Gaussian elimination on the generator of the chain truncated at
 *   N + J states (πQ = 0, Σπ = 1), not by the product form;
 * - ASA by Little's law on the contacts in queue who will be answered (a contact p-th in line is
 *   answered with probability Nμ/(Nμ + pθ));
 * - the service level by integrating, with classical Runge–Kutta, the backward equations of a tagged
 *   arrival with i contacts ahead: u_i' = (Nμ + iθ)(u_{i−1} − u_i) − θ·u_i, u_{−1} ≡ 1, u_i(0) = 0,
 *   where u_i(s) = P(answered within s | i ahead).
 */
function bruteForce(input: ErlangAInput, extraStates = 400) {
  const lambda = input.arrivalsPerHour / 3600;
  const mu = 1 / input.ahtSeconds;
  const theta = 1 / input.patienceSeconds;
  const n = input.agents;
  const size = n + extraStates + 1;
  const death = (k: number) => Math.min(k, n) * mu + Math.max(0, k - n) * theta;
  // Rows of the transposed generator Qᵀ (so that Qᵀπ = 0), with the last equation replaced by Σπ = 1.
  const m: number[][] = Array.from({ length: size }, () => new Array<number>(size + 1).fill(0));
  for (let k = 0; k < size; k++) {
    const out = (k < size - 1 ? lambda : 0) + death(k);
    m[k]![k] = -out;
    if (k > 0) m[k]![k - 1] = lambda;
    if (k < size - 1) m[k]![k + 1] = death(k + 1);
  }
  for (let j = 0; j <= size; j++) m[size - 1]![j] = 1;
  for (let col = 0; col < size; col++) {
    let pivot = col;
    for (let r = col + 1; r < size; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const p = m[col]![col]!;
    for (let r = 0; r < size; r++) {
      if (r === col) continue;
      const f = m[r]![col]! / p;
      if (f === 0) continue;
      for (let j = col; j <= size; j++) m[r]![j]! -= f * m[col]![j]!;
    }
  }
  const pi = m.map((row, k) => row[size]! / row[k]!);

  let pWait = 0;
  let queue = 0;
  let busy = 0;
  let answeredInQueue = 0;
  for (let k = 0; k < size; k++) {
    busy += Math.min(k, n) * pi[k]!;
    if (k >= n) pWait += pi[k]!;
    for (let p = 1; p <= k - n; p++) {
      queue += pi[k]!;
      answeredInQueue += (pi[k]! * n * mu) / (n * mu + p * theta);
    }
  }
  const pAbandon = (theta * queue) / lambda;

  // Backward equations for the tagged arrival, integrated over [0, t].
  const t = input.thresholdSeconds;
  const steps = Math.max(1, Math.ceil(t / 0.005));
  const h = t / steps;
  let u = new Array<number>(extraStates + 1).fill(0);
  const rhs = (v: number[]) => v.map((vi, i) => (n * mu + i * theta) * ((i === 0 ? 1 : v[i - 1]!) - vi) - theta * vi);
  for (let s = 0; s < steps; s++) {
    const k1 = rhs(u);
    const k2 = rhs(u.map((v, i) => v + (h / 2) * k1[i]!));
    const k3 = rhs(u.map((v, i) => v + (h / 2) * k2[i]!));
    const k4 = rhs(u.map((v, i) => v + h * k3[i]!));
    u = u.map((v, i) => v + (h / 6) * (k1[i]! + 2 * k2[i]! + 2 * k3[i]! + k4[i]!));
  }
  let serviceLevel = 1 - pWait;
  for (let j = 0; j <= extraStates; j++) serviceLevel += pi[n + j]! * u[j]!;

  return {
    pWait,
    pAbandon,
    meanWaitSeconds: queue / lambda,
    asaSeconds: answeredInQueue / lambda / (1 - pAbandon),
    occupancy: busy / n,
    serviceLevel,
  };
}

const published: ErlangAInput = { arrivalsPerHour: 200, ahtSeconds: 180, patienceSeconds: 300, agents: 14, thresholdSeconds: 20 };

describe('Erlang A metrics', () => {
  it('reproduces the published check: 200 calls/h, AHT 180 s, patience 300 s, 14 agents', () => {
    const m = erlangAMetrics(published);
    expect(Math.abs(m.pWait - 0.14526)).toBeLessThan(5e-6);
    expect(Math.abs(m.pAbandon - 0.013984)).toBeLessThan(5e-7);
    expect(Math.abs(m.serviceLevel - 0.916792)).toBeLessThan(5e-7);
    expect(Math.abs(m.meanWaitSeconds - 4.195)).toBeLessThan(5e-4);
    expect(Math.abs(m.occupancy - 0.704297)).toBeLessThan(5e-7);
  });

  it.each([
    ['the published case', published],
    ['one agent', { arrivalsPerHour: 20, ahtSeconds: 120, patienceSeconds: 90, agents: 1, thresholdSeconds: 30 }],
    ['overloaded (N < A)', { arrivalsPerHour: 300, ahtSeconds: 240, patienceSeconds: 120, agents: 15, thresholdSeconds: 20 }],
    ['impatient contacts, long threshold', { arrivalsPerHour: 150, ahtSeconds: 300, patienceSeconds: 30, agents: 12, thresholdSeconds: 60 }],
    ['patient contacts, threshold 0', { arrivalsPerHour: 90, ahtSeconds: 400, patienceSeconds: 1200, agents: 12, thresholdSeconds: 0 }],
  ])('agrees with an independent birth–death computation to 1e-6: %s', (_, input) => {
    const lib = erlangAMetrics(input);
    const ref = bruteForce(input);
    expect(Math.abs(lib.pWait - ref.pWait)).toBeLessThan(1e-6);
    expect(Math.abs(lib.pAbandon - ref.pAbandon)).toBeLessThan(1e-6);
    expect(Math.abs(lib.serviceLevel - ref.serviceLevel)).toBeLessThan(1e-6);
    expect(Math.abs(lib.occupancy - ref.occupancy)).toBeLessThan(1e-6);
    expect(Math.abs(lib.meanWaitSeconds - ref.meanWaitSeconds)).toBeLessThan(1e-6);
    expect(Math.abs(lib.asaSeconds - ref.asaSeconds)).toBeLessThan(1e-6);
  });

  it('tends to Erlang C as patience grows', () => {
    const c = erlangCMetrics({ arrivalsPerHour: 200, ahtSeconds: 180, agents: 14, thresholdSeconds: 20 });
    let previousGap = Number.POSITIVE_INFINITY;
    for (const patienceSeconds of [1e3, 1e4, 1e5, 1e6, 1e7, 1e8]) {
      const a = erlangAMetrics({ ...published, patienceSeconds });
      const gap = Math.max(Math.abs(a.pWait - c.pWait), Math.abs(a.serviceLevel - c.serviceLevel), Math.abs(a.asaSeconds - c.asaSeconds) / 10);
      expect(gap).toBeLessThan(previousGap);
      previousGap = gap;
    }
    const far = erlangAMetrics({ ...published, patienceSeconds: 1e9 });
    expect(Math.abs(far.pWait - c.pWait)).toBeLessThan(1e-6);
    expect(Math.abs(far.serviceLevel - c.serviceLevel)).toBeLessThan(1e-6);
    expect(Math.abs(far.asaSeconds - c.asaSeconds)).toBeLessThan(1e-4);
    expect(Math.abs(far.meanWaitSeconds - c.asaSeconds)).toBeLessThan(1e-4);
    expect(Math.abs(far.occupancy - c.occupancy)).toBeLessThan(1e-6);
    expect(far.pAbandon).toBeLessThan(1e-8);
  });

  it('property: Erlang A → Erlang C as patience grows, for stable loads', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.integer({ min: 60, max: 900 }),
        fc.integer({ min: 0, max: 120 }),
        (agents, rho, ahtSeconds, thresholdSeconds) => {
          const arrivalsPerHour = (rho * agents * 3600) / ahtSeconds;
          const c = erlangCMetrics({ arrivalsPerHour, ahtSeconds, agents, thresholdSeconds });
          const gap = (patienceSeconds: number) => {
            const a = erlangAMetrics({ arrivalsPerHour, ahtSeconds, agents, thresholdSeconds, patienceSeconds });
            return { wait: Math.abs(a.pWait - c.pWait), sl: Math.abs(a.serviceLevel - c.serviceLevel), asa: Math.abs(a.asaSeconds - c.asaSeconds) / (c.asaSeconds + 1e-9) };
          };
          const near = gap(ahtSeconds * 1e6);
          const far = gap(ahtSeconds * 1e7);
          expect(far.wait).toBeLessThan(1e-5);
          expect(far.sl).toBeLessThan(1e-5);
          // The deviation is first order in 1/patience: ten times the patience, a tenth of the gap.
          expect(far.wait).toBeLessThanOrEqual(0.2 * near.wait + 1e-12);
          expect(far.sl).toBeLessThanOrEqual(0.2 * near.sl + 1e-12);
          expect(far.asa).toBeLessThanOrEqual(0.2 * near.asa + 1e-12);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('has no abandonment and a perfect service level with no arrivals', () => {
    expect(erlangAMetrics({ ...published, arrivalsPerHour: 0 })).toMatchObject({ pWait: 0, pAbandon: 0, serviceLevel: 1, asaSeconds: 0, occupancy: 0, meanWaitSeconds: 0 });
  });

  it('stays finite and consistent at 10,000 agents, under- and overloaded', () => {
    for (const arrivalsPerHour of [150_000, 196_000, 200_000, 260_000]) {
      const m = erlangAMetrics({ arrivalsPerHour, ahtSeconds: 180, patienceSeconds: 300, agents: 10_000, thresholdSeconds: 20 });
      for (const v of Object.values(m)) expect(Number.isFinite(v)).toBe(true);
      expect(m.occupancy).toBeLessThanOrEqual(1);
      expect(m.serviceLevel).toBeLessThanOrEqual(1 - m.pAbandon + 1e-12);
      expect(m.meanWaitSeconds).toBeCloseTo(m.pAbandon * 300, 9);
    }
  });

  it('rejects impossible inputs naming the field', () => {
    for (const [patch, field] of [
      [{ patienceSeconds: 0 }, 'patienceSeconds'],
      [{ patienceSeconds: -3 }, 'patienceSeconds'],
      [{ patienceSeconds: Number.POSITIVE_INFINITY }, 'patienceSeconds'],
      [{ ahtSeconds: 0 }, 'ahtSeconds'],
      [{ arrivalsPerHour: -10 }, 'arrivalsPerHour'],
      [{ agents: 0 }, 'agents'],
      [{ agents: 3.5 }, 'agents'],
      [{ thresholdSeconds: -1 }, 'thresholdSeconds'],
    ] as const) {
      expect(() => erlangAMetrics({ ...published, ...patch })).toThrow(StaffingInputError);
      expect(() => erlangAMetrics({ ...published, ...patch })).toThrow(new RegExp(`^${field}:`));
    }
  });
});

describe('Erlang A limits', () => {
  it('refuses at once, naming patienceSeconds, a queue too overloaded to sum over its waiting states', () => {
    const start = Date.now();
    expect(() => erlangAMetrics({ arrivalsPerHour: 3_600_000, ahtSeconds: 60, patienceSeconds: 86_400, agents: 100, thresholdSeconds: 20 })).toThrow(/^patienceSeconds: the queue is too overloaded/);
    expect(Date.now() - start).toBeLessThan(1_000);
  });
});
