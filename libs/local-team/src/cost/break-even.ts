/**
 * Running totals: out[i] = Σ values[0..i]. Units as the input. O(n).
 *
 * @example cumulativeSum([1, 2, 3]) // [1, 3, 6]
 */
export function cumulativeSum(values: readonly number[]): number[] {
  let total = 0;
  return values.map((v) => (total += v));
}

/**
 * Break-even: the index of the first month in which the cumulative local cost is no more than the
 * cumulative offshore-equivalent cost of the work moved (with some work moved by then), or
 * undefined when that never happens within the plan. Before go-live the local team costs money and
 * moves no work, so this is the month the build-out has paid for itself against staying offshore.
 *
 * Units: month index. O(n).
 *
 * @example breakEvenIndex([100, 50, 50, 50], [0, 90, 90, 90]) // 3: cumulative 250 ≤ 270 (at 2: 200 > 180)
 */
export function breakEvenIndex(localCost: readonly number[], offshoreEquivalent: readonly number[]): number | undefined {
  let local = 0;
  let offshore = 0;
  for (let i = 0; i < localCost.length; i++) {
    local += localCost[i]!;
    offshore += offshoreEquivalent[i] ?? 0;
    if (offshore > 0 && local <= offshore * (1 + 1e-12)) return i;
  }
  return undefined;
}
