import { erlangAMetrics } from './erlang-a.js';
import { erlangARequirement } from './erlang-a-requirement.js';
import { erlangCRequirement } from './erlang-c-requirement.js';
import { StaffingInputError } from './staffing-input-error.js';

const base = { arrivalsPerHour: 200, ahtSeconds: 180, patienceSeconds: 300 };

/** The least N by brute force: every N from 1 up. */
function leastByScan(input: typeof base, check: (m: ReturnType<typeof erlangAMetrics>) => boolean, t: number): number {
  for (let n = 1; ; n++) if (check(erlangAMetrics({ ...input, agents: n, thresholdSeconds: t }))) return n;
}

describe('Erlang A requirement', () => {
  it('finds the least agents meeting the service level, as a scan from one agent does', () => {
    const r = erlangARequirement({ ...base, target: { serviceLevel: 0.8, thresholdSeconds: 20 } });
    expect(r.agents).toBe(leastByScan(base, (m) => m.serviceLevel >= 0.8, 20));
    expect(r.metrics.serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(r.metrics).toEqual(erlangAMetrics({ ...base, agents: r.agents, thresholdSeconds: 20 }));
    // Abandonment lightens the queue: no more than Erlang C needs.
    expect(r.agents).toBeLessThanOrEqual(erlangCRequirement({ ...base, target: { serviceLevel: 0.8, thresholdSeconds: 20 } }).agents);
  });

  it('meets service level, abandonment, ASA and occupancy together, each against a scan', () => {
    const cases = [
      { serviceLevel: 0.9, thresholdSeconds: 30, maxAbandon: 0.005 },
      { maxAbandon: 0.02 },
      { maxAsaSeconds: 2 },
      { serviceLevel: 0.7, thresholdSeconds: 60, maxOccupancy: 0.6 },
      { serviceLevel: 0.95, thresholdSeconds: 10, maxAsaSeconds: 1, maxAbandon: 0.01 },
    ];
    for (const target of cases) {
      const input = { arrivalsPerHour: 410, ahtSeconds: 260, patienceSeconds: 150 };
      const r = erlangARequirement({ ...input, target });
      const ok = (m: ReturnType<typeof erlangAMetrics>) =>
        (target.serviceLevel === undefined || m.serviceLevel >= target.serviceLevel) &&
        (target.maxAbandon === undefined || m.pAbandon <= target.maxAbandon) &&
        (target.maxAsaSeconds === undefined || m.asaSeconds <= target.maxAsaSeconds) &&
        (target.maxOccupancy === undefined || m.occupancy <= target.maxOccupancy);
      expect(r.agents).toBe(leastByScan(input, ok, target.thresholdSeconds ?? 0));
      expect(r.rawAgents).toBeGreaterThan(r.agents - 1);
      expect(r.rawAgents).toBeLessThanOrEqual(r.agents);
      expect(r.binding.length).toBeGreaterThan(0);
    }
  });

  it('the raw requirement interpolates the binding curve between N − 1 and N', () => {
    const r = erlangARequirement({ ...base, target: { maxAbandon: 0.01 } });
    const lo = erlangAMetrics({ ...base, agents: r.agents - 1, thresholdSeconds: 0 }).pAbandon;
    const hi = r.metrics.pAbandon;
    expect(r.binding).toEqual(['maxAbandon']);
    expect(r.rawAgents).toBeCloseTo(r.agents - 1 + (lo - 0.01) / (lo - hi), 12);
  });

  it('needs no agents without arrivals and sizes a 10,000-agent queue', () => {
    expect(erlangARequirement({ ...base, arrivalsPerHour: 0, target: { serviceLevel: 0.8, thresholdSeconds: 20 } })).toMatchObject({ agents: 0, rawAgents: 0 });
    const big = erlangARequirement({ arrivalsPerHour: 196_000, ahtSeconds: 180, patienceSeconds: 300, target: { serviceLevel: 0.8, thresholdSeconds: 20, maxAbandon: 0.02 } });
    expect(big.agents).toBeGreaterThan(9_000);
    expect(big.agents).toBeLessThan(10_000);
    const below = erlangAMetrics({ arrivalsPerHour: 196_000, ahtSeconds: 180, patienceSeconds: 300, agents: big.agents - 1, thresholdSeconds: 20 });
    expect(below.serviceLevel < 0.8 || below.pAbandon > 0.02).toBe(true);
  });

  it('reports unreachable and impossible targets naming the field', () => {
    const field = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        if (e instanceof StaffingInputError) return `${e.field} | ${e.reason}`;
        throw e;
      }
      return 'no error';
    };
    expect(field(() => erlangARequirement({ ...base, target: { serviceLevel: 0.8, thresholdSeconds: 20 }, maxAgents: 10 }))).toMatch(/^target\.serviceLevel \| not reachable with 10 agents/);
    expect(field(() => erlangARequirement({ ...base, target: { maxAbandon: 0.001 }, maxAgents: 12 }))).toMatch(/^target\.maxAbandon \| not reachable/);
    expect(field(() => erlangARequirement({ ...base, patienceSeconds: 0, target: { maxAbandon: 0.05 } }))).toMatch(/^patienceSeconds \|/);
    expect(field(() => erlangARequirement({ ...base, target: { maxAbandon: 1 } }))).toMatch(/^target\.maxAbandon \|/);
    expect(field(() => erlangARequirement({ ...base, target: { serviceLevel: -0.1, thresholdSeconds: 20 } }))).toMatch(/^target\.serviceLevel \|/);
    expect(field(() => erlangARequirement({ ...base, target: { maxOccupancy: 0.8 } }))).toMatch(/^target \| needs serviceLevel, maxAsaSeconds or maxAbandon/);
  });
});
