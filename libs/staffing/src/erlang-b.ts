import { requireInteger, requireNonNegative } from './validation.js';

/**
 * Erlang B blocking probability B(N, A) of the M/M/N/N loss system with N agents and offered load A
 * Erlangs, by the stable recurrence B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)).
 *
 * Every step divides a number by a larger one, so B stays in [0, 1]: no factorials, no powers, no
 * overflow at any N (for N ≫ A it underflows gracefully to 0). Dimensionless. O(N) time, O(1) space.
 *
 * @example erlangB(14, 10) // ≈ 0.0855
 */
export function erlangB(agents: number, offeredLoadErlangs: number): number {
  requireInteger('agents', agents, 0);
  requireNonNegative('offeredLoadErlangs', offeredLoadErlangs);
  let b = 1;
  for (let n = 1; n <= agents; n++) b = (offeredLoadErlangs * b) / (n + offeredLoadErlangs * b);
  return b;
}

/**
 * B(n, A) for one load A and any n, extending the recurrence lazily and remembering every value, so a
 * search over n costs O(largest n visited) in total rather than O(n) per probe. Inputs are trusted
 * (validated by the caller). `at(n)` is O(1) amortised once n has been reached.
 *
 * @example const t = new ErlangBTable(10); t.at(14) // ≈ 0.0855; t.at(15) costs one step more
 */
export class ErlangBTable {
  private values: Float64Array;
  private size = 1;

  constructor(readonly offeredLoadErlangs: number, capacityHint = 64) {
    this.values = new Float64Array(Math.max(2, capacityHint));
    this.values[0] = 1;
  }

  at(n: number): number {
    if (n >= this.size) this.extend(n);
    return this.values[n]!;
  }

  private extend(n: number): void {
    if (n >= this.values.length) {
      const grown = new Float64Array(Math.max(n + 1, this.values.length * 2));
      grown.set(this.values.subarray(0, this.size));
      this.values = grown;
    }
    const a = this.offeredLoadErlangs;
    let b = this.values[this.size - 1]!;
    for (let k = this.size; k <= n; k++) {
      b = (a * b) / (k + a * b);
      this.values[k] = b;
    }
    this.size = n + 1;
  }
}
