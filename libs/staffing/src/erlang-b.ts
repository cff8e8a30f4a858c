import { requireInteger, requireNonNegative } from './validation.js';

/**
 * Erlang B blocking probability B(N, A) of the M/M/N/N loss system with N agents and offered load A
 * Erlangs, by the stable recurrence B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)).
 *
 * Every step divides a number by a larger one, so B stays in [0, 1]: no factorials, no powers, no
 * overflow at any N (for N ≫ A it underflows gracefully to 0). Dimensionless. O(N) time, O(1) space.
 *
 * @example erlangB(14, 10) // ≈ 0.0568
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
 * @example const t = new ErlangBTable(10); t.at(14) // ≈ 0.0568; t.at(15) then costs one step more
 */
export class ErlangBTable {
  // A plain array: growing it is cheaper than allocating typed arrays, which dominated short searches.
  private readonly values: number[] = [1];

  constructor(readonly offeredLoadErlangs: number) {}

  at(n: number): number {
    const values = this.values;
    if (n >= values.length) {
      const a = this.offeredLoadErlangs;
      let b = values[values.length - 1]!;
      for (let k = values.length; k <= n; k++) {
        b = (a * b) / (k + a * b);
        values.push(b);
      }
    }
    return values[n]!;
  }
}
