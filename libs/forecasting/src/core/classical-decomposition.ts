/**
 * Seasonal indices of the classical multiplicative decomposition (R's `decompose(type =
 * "multiplicative")`): the trend is the centred moving average of order m (a 2×m average when m is
 * even), the ratios x/trend are averaged per position in the cycle, and the indices are normalised to
 * mean 1.
 *
 * Returns m indices; index i applies to positions t with t mod m = i (t = 0 is the first value).
 * Units: dimensionless multipliers. Needs at least 2·m values. Complexity: O(n).
 *
 * @example multiplicativeSeasonalIndices([1, 3, 1, 3, 1, 3], 2) // ≈ [0.5, 1.5]
 */
export function multiplicativeSeasonalIndices(x: ArrayLike<number>, period: number): number[] {
  const n = x.length;
  if (n < 2 * period) throw new Error(`classical decomposition needs at least ${2 * period} values, got ${n}`);
  const half = Math.floor(period / 2);
  const even = period % 2 === 0;
  const sums = new Array<number>(period).fill(0);
  const counts = new Array<number>(period).fill(0);
  // Prefix sums keep the moving average O(n) instead of O(n·m).
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! + x[i]!;
  for (let t = half; t < n - half; t++) {
    const trend = even
      ? (prefix[t + half]! - prefix[t - half + 1]! + 0.5 * (x[t - half]! + x[t + half]!)) / period
      : (prefix[t + half + 1]! - prefix[t - half]!) / period;
    const ratio = x[t]! / trend;
    if (!Number.isFinite(ratio)) continue;
    sums[t % period]! += ratio;
    counts[t % period]!++;
  }
  const figure = sums.map((s, i) => (counts[i]! > 0 ? s / counts[i]! : 1));
  const mean = figure.reduce((a, b) => a + b, 0) / period;
  return figure.map((f) => f / mean);
}
