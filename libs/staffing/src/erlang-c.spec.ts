import { erlangC, erlangCMetrics } from './erlang-c.js';
import { erlangCRequirement } from './erlang-c-requirement.js';
import { offeredLoadErlangs } from './offered-load.js';
import { StaffingInputError } from './staffing-input-error.js';

const published = { arrivalsPerHour: 200, ahtSeconds: 180 };

describe('Erlang C metrics', () => {
  it('reproduces the published check: 200 calls/h, AHT 180 s, 14 agents', () => {
    const m = erlangCMetrics({ ...published, agents: 14, thresholdSeconds: 20 });
    expect(m.offeredLoadErlangs).toBeCloseTo(10, 12);
    expect(m.pWait).toBeCloseTo(0.1741, 4);
    expect(m.serviceLevel).toBeCloseTo(0.8884, 4);
    expect(m.asaSeconds).toBeCloseTo(7.84, 2);
    expect(m.occupancy).toBeCloseTo(10 / 14, 12);
  });

  it('C equals N·B/(N − A(1 − B)) and the SL formula of the definitions', () => {
    const m = erlangCMetrics({ arrivalsPerHour: 730, ahtSeconds: 245, agents: 55, thresholdSeconds: 30 });
    const a = offeredLoadErlangs(730, 245);
    expect(m.pWait).toBeCloseTo(erlangC(55, a), 15);
    expect(m.serviceLevel).toBeCloseTo(1 - m.pWait * Math.exp((-(55 - a) * 30) / 245), 15);
    expect(m.asaSeconds).toBeCloseTo((m.pWait * 245) / (55 - a), 12);
  });

  it('a threshold of 0 gives SL = 1 − P(wait); no arrivals give a perfect, idle queue', () => {
    const m = erlangCMetrics({ ...published, agents: 12, thresholdSeconds: 0 });
    expect(m.serviceLevel).toBeCloseTo(1 - m.pWait, 15);
    const idle = erlangCMetrics({ arrivalsPerHour: 0, ahtSeconds: 300, agents: 3, thresholdSeconds: 20 });
    expect(idle).toMatchObject({ pWait: 0, serviceLevel: 1, asaSeconds: 0, occupancy: 0 });
  });

  it('rejects impossible inputs naming the field', () => {
    const cases: [Parameters<typeof erlangCMetrics>[0], string][] = [
      [{ ...published, ahtSeconds: 0, agents: 14, thresholdSeconds: 20 }, 'ahtSeconds'],
      [{ ...published, ahtSeconds: -5, agents: 14, thresholdSeconds: 20 }, 'ahtSeconds'],
      [{ ...published, arrivalsPerHour: -1, agents: 14, thresholdSeconds: 20 }, 'arrivalsPerHour'],
      [{ ...published, agents: 0, thresholdSeconds: 20 }, 'agents'],
      [{ ...published, agents: 10, thresholdSeconds: 20 }, 'agents'], // N = A: unstable
      [{ ...published, agents: 14, thresholdSeconds: -1 }, 'thresholdSeconds'],
      [{ ...published, agents: 14, thresholdSeconds: Number.POSITIVE_INFINITY }, 'thresholdSeconds'],
    ];
    for (const [input, field] of cases) {
      let error: unknown;
      try {
        erlangCMetrics(input);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(StaffingInputError);
      expect((error as StaffingInputError).field).toBe(field);
      expect((error as StaffingInputError).reason.length).toBeGreaterThan(5);
    }
  });
});

describe('Erlang C requirement', () => {
  it('reproduces the published check: 80% in 20 s → 14 agents', () => {
    const r = erlangCRequirement({ ...published, target: { serviceLevel: 0.8, thresholdSeconds: 20 } });
    expect(r.agents).toBe(14);
    expect(r.metrics.serviceLevel).toBeCloseTo(0.8884, 4);
    expect(r.metrics.pWait).toBeCloseTo(0.1741, 4);
    expect(r.metrics.asaSeconds).toBeCloseTo(7.84, 2);
    // 13 agents miss the target, so the raw requirement lies between 13 and 14.
    expect(erlangCMetrics({ ...published, agents: 13, thresholdSeconds: 20 }).serviceLevel).toBeLessThan(0.8);
    expect(r.rawAgents).toBeGreaterThan(13);
    expect(r.rawAgents).toBeLessThanOrEqual(14);
    expect(r.binding).toEqual(['serviceLevel']);
  });

  it('the raw requirement is the linear crossing of the SL curve between N − 1 and N', () => {
    const r = erlangCRequirement({ ...published, target: { serviceLevel: 0.85, thresholdSeconds: 20 } });
    const lo = erlangCMetrics({ ...published, agents: r.agents - 1, thresholdSeconds: 20 }).serviceLevel;
    const hi = r.metrics.serviceLevel;
    expect(lo).toBeLessThan(0.85);
    expect(r.rawAgents).toBeCloseTo(r.agents - 1 + (0.85 - lo) / (hi - lo), 12);
  });

  it('is the least: one agent fewer misses, and a max ASA or occupancy raises it', () => {
    for (const target of [
      { serviceLevel: 0.9, thresholdSeconds: 15 },
      { maxAsaSeconds: 5 },
      { serviceLevel: 0.8, thresholdSeconds: 20, maxOccupancy: 0.65 },
      { serviceLevel: 0.5, thresholdSeconds: 60, maxAsaSeconds: 3 },
    ]) {
      const r = erlangCRequirement({ arrivalsPerHour: 333, ahtSeconds: 240, target });
      const prev = r.agents - 1;
      const a = offeredLoadErlangs(333, 240);
      if (prev > a) {
        const m = erlangCMetrics({ arrivalsPerHour: 333, ahtSeconds: 240, agents: prev, thresholdSeconds: target.thresholdSeconds ?? 0 });
        const fails =
          (target.serviceLevel !== undefined && m.serviceLevel < target.serviceLevel) ||
          (target.maxAsaSeconds !== undefined && m.asaSeconds > target.maxAsaSeconds) ||
          (target.maxOccupancy !== undefined && m.occupancy > target.maxOccupancy);
        expect(fails).toBe(true);
      }
      if (target.maxOccupancy !== undefined) {
        expect(r.metrics.occupancy).toBeLessThanOrEqual(target.maxOccupancy);
        expect(r.agents).toBe(Math.ceil(a / target.maxOccupancy));
        expect(r.rawAgents).toBeCloseTo(a / target.maxOccupancy, 12);
        expect(r.binding).toEqual(['maxOccupancy']);
      }
      if (target.maxAsaSeconds !== undefined) expect(r.metrics.asaSeconds).toBeLessThanOrEqual(target.maxAsaSeconds);
    }
  });

  it('needs no agents for no arrivals, and sizes a 10,000-agent queue', () => {
    expect(erlangCRequirement({ arrivalsPerHour: 0, ahtSeconds: 200, target: { serviceLevel: 0.8, thresholdSeconds: 20 } })).toMatchObject({ agents: 0, rawAgents: 0 });
    const big = erlangCRequirement({ arrivalsPerHour: 196_000, ahtSeconds: 180, target: { serviceLevel: 0.8, thresholdSeconds: 20 } });
    expect(big.agents).toBeGreaterThan(9_800);
    expect(big.agents).toBeLessThan(9_900);
    expect(big.metrics.serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(erlangCMetrics({ arrivalsPerHour: 196_000, ahtSeconds: 180, agents: big.agents - 1, thresholdSeconds: 20 }).serviceLevel).toBeLessThan(0.8);
  });

  it('reports unreachable targets and bad targets naming the field', () => {
    const expectField = (fn: () => unknown, field: string, reason?: RegExp) => {
      let error: unknown;
      try {
        fn();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(StaffingInputError);
      expect((error as StaffingInputError).field).toBe(field);
      if (reason) expect((error as StaffingInputError).reason).toMatch(reason);
    };
    expectField(() => erlangCRequirement({ ...published, target: { serviceLevel: 0.8, thresholdSeconds: 20 }, maxAgents: 12 }), 'target.serviceLevel', /not reachable/);
    expectField(() => erlangCRequirement({ arrivalsPerHour: 1e7, ahtSeconds: 300, target: { serviceLevel: 0.8, thresholdSeconds: 20 } }), 'target.serviceLevel', /not reachable/);
    expectField(() => erlangCRequirement({ ...published, target: { serviceLevel: 1, thresholdSeconds: 20 } }), 'target.serviceLevel');
    expectField(() => erlangCRequirement({ ...published, target: { serviceLevel: 0, thresholdSeconds: 20 } }), 'target.serviceLevel');
    expectField(() => erlangCRequirement({ ...published, target: { serviceLevel: 0.8 } }), 'target.thresholdSeconds');
    expectField(() => erlangCRequirement({ ...published, target: { maxAbandon: 0.05 } }), 'target.maxAbandon');
    expectField(() => erlangCRequirement({ ...published, target: {} }), 'target');
    expectField(() => erlangCRequirement({ ...published, target: { maxAsaSeconds: 0 } }), 'target.maxAsaSeconds');
    expectField(() => erlangCRequirement({ ...published, target: { maxAsaSeconds: 10, maxOccupancy: 1.5 } }), 'target.maxOccupancy');
  });
});
