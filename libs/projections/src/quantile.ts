/**
 * Quantile of an ascending-sorted, non-empty list, by the definition simple-statistics'
 * `quantileSorted` uses: with i = n·p, if i is not an integer the value at rank ⌈i⌉ (1-based);
 * if it is an integer and n is even, the mean of the values at ranks i and i+1; otherwise the value
 * at rank i+1. p = 0 and p = 1 give the minimum and maximum. So the 0.5 quantile is the usual
 * median. Units: those of the values. O(1) on a sorted list.
 *
 * @example quantileSorted([1, 2, 3, 4], 0.5) // 2.5
 * quantileSorted([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9) // 9.5
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantile of an empty list');
  if (!(p >= 0 && p <= 1)) throw new RangeError('p must be in [0, 1]');
  if (p === 1) return sorted[n - 1]!;
  if (p === 0) return sorted[0]!;
  const index = n * p;
  if (index % 1 !== 0) return sorted[Math.ceil(index) - 1]!;
  if (n % 2 === 0) return (sorted[index - 1]! + sorted[index]!) / 2;
  return sorted[index]!;
}
