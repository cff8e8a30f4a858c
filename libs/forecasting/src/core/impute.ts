/**
 * Fills the gaps (non-finite values) of an hourly series so that methods needing a complete series
 * (MSTL, the autoregressions' recursion) can run. A gap takes the mean of the nearest finite values
 * at the same position of the long cycle (one `longPeriod` before and after, looking up to four
 * cycles away each way); failing that of the short cycle; failing that the series mean.
 *
 * Units: those of `y`. Returns a new array; an all-gap series becomes all zeros.
 * Complexity: O(n) (each gap looks at most 16 cycles away).
 *
 * @example imputeSeasonal([1, NaN, 1, 5, 1, 5], 2, 2) // [1, 5, 1, 5, 1, 5]
 */
export function imputeSeasonal(y: ArrayLike<number>, shortPeriod: number, longPeriod: number): Float64Array {
  const n = y.length;
  const out = Float64Array.from({ length: n }, (_, i) => y[i]!);
  let sum = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(out[i]!)) {
      sum += out[i]!;
      count++;
    }
  }
  const mean = count === 0 ? 0 : sum / count;
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(y[i]!)) continue;
    out[i] = sameSlotNeighbours(y, i, longPeriod) ?? sameSlotNeighbours(y, i, shortPeriod) ?? mean;
  }
  return out;
}

function sameSlotNeighbours(y: ArrayLike<number>, i: number, period: number): number | undefined {
  let before: number | undefined;
  let after: number | undefined;
  for (let k = 1; k <= 4 && before === undefined; k++) {
    const v = y[i - k * period];
    if (v !== undefined && Number.isFinite(v)) before = v;
  }
  for (let k = 1; k <= 4 && after === undefined; k++) {
    const v = y[i + k * period];
    if (v !== undefined && Number.isFinite(v)) after = v;
  }
  if (before !== undefined && after !== undefined) return (before + after) / 2;
  return before ?? after;
}
