/**
 * Interval coverage (docs/ARCHITECTURE.md, Definitions): the share of actuals inside [lower, upper], bounds included.
 *
 * Units: a fraction (0.8 = 80 %). Hours with a non-finite actual or bound are skipped. Throws when
 * the lengths differ or no hour is usable. Complexity: O(n).
 *
 * @example coverage([1, 5, 9], [0, 0, 0], [4, 6, 8]) // 2 / 3
 */
export function coverage(actual: readonly number[], lower: readonly number[], upper: readonly number[]): number {
  if (actual.length !== lower.length || actual.length !== upper.length) {
    throw new Error(`coverage: actual has ${actual.length} values, lower ${lower.length}, upper ${upper.length}`);
  }
  let inside = 0;
  let n = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i]!;
    const lo = lower[i]!;
    const hi = upper[i]!;
    if (!Number.isFinite(y) || !Number.isFinite(lo) || !Number.isFinite(hi)) continue;
    if (y >= lo && y <= hi) inside++;
    n++;
  }
  if (n === 0) throw new Error('coverage: no finite actual/interval triple');
  return inside / n;
}
