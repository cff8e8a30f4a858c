import { meanConfidenceInterval, studentT975 } from './confidence-interval.js';
import { sampleDuration } from './durations.js';
import { erlangAMetrics } from './erlang-a.js';
import { NumberHeap } from './number-heap.js';
import { seededRandom } from './random.js';
import { simulateQueue, type QueueSimulationInput } from './simulator.js';

const day = (arrivalsPerHour: number, agents: number) => Array.from({ length: 24 }, () => ({ arrivalsPerHour, agents }));

describe('queue simulator', () => {
  it('agrees with exact Erlang A within its 95% confidence intervals on a stationary day', () => {
    const exact = erlangAMetrics({ arrivalsPerHour: 200, ahtSeconds: 180, patienceSeconds: 300, agents: 14, thresholdSeconds: 20 });
    const sim = simulateQueue({
      intervals: day(200, 14),
      handleTime: { kind: 'exponential', meanSeconds: 180 },
      patience: { kind: 'exponential', meanSeconds: 300 },
      thresholdSeconds: 20,
      replications: 40,
      random: seededRandom(20_260_601),
    });
    const within = (e: { lower: number; upper: number } | null, value: number) => {
      expect(e).not.toBeNull();
      expect(value).toBeGreaterThanOrEqual(e!.lower);
      expect(value).toBeLessThanOrEqual(e!.upper);
    };
    within(sim.serviceLevel, exact.serviceLevel);
    within(sim.abandonment, exact.pAbandon);
    within(sim.asaSeconds, exact.asaSeconds);
    within(sim.occupancy, exact.occupancy);
    // The intervals are informative, not vacuous.
    expect(sim.serviceLevel!.halfWidth).toBeLessThan(0.01);
    expect(sim.abandonment!.halfWidth).toBeLessThan(0.003);
    expect(sim.arrivals).toBeGreaterThan(24 * 200 * 0.95);
    expect(sim.intervals).toHaveLength(24);
  });

  it('is reproducible from its seed and changes with it', () => {
    const input = (seed: number): QueueSimulationInput => ({
      intervals: day(120, 10).slice(0, 4),
      handleTime: { kind: 'lognormal', meanSeconds: 240, cv: 0.7 },
      patience: { kind: 'deterministic', seconds: 90 },
      thresholdSeconds: 30,
      replications: 5,
      random: seededRandom(seed),
    });
    expect(simulateQueue(input(1))).toEqual(simulateQueue(input(1)));
    expect(simulateQueue(input(1)).serviceLevel!.mean).not.toBe(simulateQueue(input(2)).serviceLevel!.mean);
  });

  it('follows a staffing plan: an unstaffed interval loses every contact to abandonment, a well-staffed one answers at once', () => {
    const sim = simulateQueue({
      intervals: [
        { arrivalsPerHour: 60, agents: 0 },
        { arrivalsPerHour: 60, agents: 40 },
      ],
      handleTime: { kind: 'deterministic', seconds: 60 },
      patience: { kind: 'deterministic', seconds: 30 },
      thresholdSeconds: 10,
      replications: 10,
      random: seededRandom(3),
    });
    // First hour: nobody answers within the 30 s patience, except contacts arriving in its last 30 s.
    expect(sim.intervals[0]!.abandonment!.mean).toBeGreaterThan(0.97);
    expect(sim.intervals[1]!.serviceLevel!.mean).toBe(1);
    expect(sim.intervals[1]!.asaSeconds!.mean).toBe(0);
    expect(sim.intervals[0]!.occupancy).toBeNull(); // no staffed time
  });

  it('with no patience limit and one agent, matches M/M/1 (ASA = ρ/(1 − ρ)·AHT) within the interval', () => {
    const sim = simulateQueue({
      intervals: day(30, 1),
      handleTime: { kind: 'exponential', meanSeconds: 60 },
      patience: { kind: 'none' },
      thresholdSeconds: 0,
      replications: 60,
      random: seededRandom(11),
    });
    const rho = 0.5;
    expect(sim.abandonment!.mean).toBe(0);
    expect((rho / (1 - rho)) * 60).toBeGreaterThanOrEqual(sim.asaSeconds!.lower);
    expect((rho / (1 - rho)) * 60).toBeLessThanOrEqual(sim.asaSeconds!.upper);
    expect(1 - rho).toBeGreaterThanOrEqual(sim.serviceLevel!.lower); // answered at once = agent idle
    expect(1 - rho).toBeLessThanOrEqual(sim.serviceLevel!.upper);
  });

  it('rejects bad input naming the field', () => {
    const ok: QueueSimulationInput = { intervals: day(10, 1), handleTime: { kind: 'exponential', meanSeconds: 60 }, patience: { kind: 'none' }, thresholdSeconds: 20, replications: 2, random: seededRandom(1) };
    expect(() => simulateQueue({ ...ok, replications: 1 })).toThrow(/^replications:/);
    expect(() => simulateQueue({ ...ok, intervals: [] })).toThrow(/^intervals:/);
    expect(() => simulateQueue({ ...ok, intervals: [{ arrivalsPerHour: 5, agents: -1 }] })).toThrow(/^intervals\.0\.agents:/);
    expect(() => simulateQueue({ ...ok, handleTime: { kind: 'exponential', meanSeconds: 0 } })).toThrow(/^handleTime\.meanSeconds:/);
    expect(() => simulateQueue({ ...ok, handleTime: { kind: 'none' } as never })).toThrow(/^handleTime\.kind:/);
  });
});

describe('simulation building blocks', () => {
  it('log-normal draws have the requested mean and coefficient of variation', () => {
    const random = seededRandom(5);
    const draws = Array.from({ length: 200_000 }, () => sampleDuration({ kind: 'lognormal', meanSeconds: 300, cv: 0.8 }, random));
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    const sd = Math.sqrt(draws.reduce((a, b) => a + (b - mean) ** 2, 0) / (draws.length - 1));
    expect(Math.abs(mean - 300)).toBeLessThan(3); // standard error ≈ 0.54 s
    expect(Math.abs(sd / mean - 0.8)).toBeLessThan(0.02);
  });

  it('uniform draws are in [0, 1) and evenly spread', () => {
    const random = seededRandom(99);
    const bins = new Array<number>(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = random.next();
      if (!(u >= 0 && u < 1)) outside++;
      else bins[Math.floor(u * 10)]!++;
    }
    expect(outside).toBe(0);
    for (const b of bins) expect(Math.abs(b - 10_000)).toBeLessThan(500); // ≈ 5 standard deviations
  });

  it('t quantiles and confidence intervals', () => {
    expect(studentT975(9)).toBe(2.262);
    expect(studentT975(40)).toBeCloseTo(2.021, 3);
    expect(studentT975(120)).toBeCloseTo(1.98, 3);
    const ci = meanConfidenceInterval([0.9, 0.92, 0.91, 0.93])!;
    expect(ci.mean).toBeCloseTo(0.915, 12);
    expect(ci.halfWidth).toBeCloseTo(3.182 * Math.sqrt(0.0005 / 3 / 4), 12);
    expect(meanConfidenceInterval([1])).toBeUndefined();
  });

  it('the heap pops in ascending order', () => {
    const heap = new NumberHeap();
    const random = seededRandom(8);
    const values = Array.from({ length: 1000 }, () => random.next());
    values.forEach((v) => heap.push(v));
    const popped: number[] = [];
    while (heap.size > 0) popped.push(heap.pop()!);
    expect(popped).toEqual([...values].sort((a, b) => a - b));
  });
});
