import { erlangB, ErlangBTable } from './erlang-b.js';
import { StaffingInputError } from './staffing-input-error.js';

/** B(N, A) from its definition (A^N/N!) / Σ_k A^k/k!, usable only while the powers fit in a double. */
function erlangBByDefinition(n: number, a: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k <= n; k++) {
    term *= a / k;
    sum += term;
  }
  return term / sum;
}

describe('erlangB', () => {
  it('matches the textbook definition for small systems (1e-12)', () => {
    for (const [n, a] of [
      [1, 0.5],
      [5, 3],
      [14, 10],
      [30, 25.5],
      [60, 70],
    ] as const) {
      expect(Math.abs(erlangB(n, a) - erlangBByDefinition(n, a))).toBeLessThan(1e-12);
    }
  });

  it('is 1 with no agents and 0 with no load', () => {
    expect(erlangB(0, 7)).toBe(1);
    expect(erlangB(10, 0)).toBe(0);
  });

  it('stays finite and in [0, 1] far beyond where factorials overflow (N = 10,000 and 100,000)', () => {
    for (const [n, a] of [
      [10_000, 9_800],
      [10_000, 12_000],
      [100_000, 99_000],
      [10_000, 1],
    ] as const) {
      const b = erlangB(n, a);
      expect(Number.isFinite(b)).toBe(true);
      expect(b).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThanOrEqual(1);
    }
    // Heavily overloaded: B ≈ 1 − N/A.
    expect(erlangB(10_000, 20_000)).toBeCloseTo(0.5, 3);
  });

  it('the table gives the same values as the one-shot recurrence, in any order of access', () => {
    const table = new ErlangBTable(42.5);
    for (const n of [50, 3, 120, 0, 49, 500]) expect(table.at(n)).toBe(erlangB(n, 42.5));
  });

  it('names the field on bad input', () => {
    expect(() => erlangB(-1, 3)).toThrow(StaffingInputError);
    expect(() => erlangB(2.5, 3)).toThrow(/agents/);
    expect(() => erlangB(3, -1)).toThrow(/offeredLoadErlangs/);
    expect(() => erlangB(3, Number.NaN)).toThrow(/offeredLoadErlangs/);
  });
});
