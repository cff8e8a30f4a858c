/**
 * Empirical quantile with linear interpolation between order statistics (R's type 7, the default of
 * `quantile` and of simple-statistics' `quantileSorted`): for sorted x₁ ≤ … ≤ xₙ and h = (n − 1)p,
 * Q(p) = x_{⌊h⌋+1} + (h − ⌊h⌋)(x_{⌊h⌋+2} − x_{⌊h⌋+1}).
 *
 * `sorted` must be ascending and non-empty; p in [0, 1]. Units: those of the sample. Complexity: O(1).
 *
 * @example quantileSorted([1, 2, 3, 4], 0.5) // 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new Error('quantile of an empty sample');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile level must be in [0, 1], got ${p}`);
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
