/**
 * Combination weights inversely proportional to a power of each candidate's backtest error:
 * w_i = e_i^(−p) / Σ_j e_j^(−p). With p = 2 this is the classic inverse-MSE-style weighting (Bates &
 * Granger 1969, simplified to ignore covariances), which keeps several good methods in play instead
 * of betting on the single best of a noisy backtest. Candidates with a non-finite error get weight 0;
 * a zero error is floored at 1e−9 of the largest error so the weights stay finite.
 *
 * Units: weights sum to 1. Complexity: O(k).
 *
 * @example inverseErrorWeights(new Map([['a', 1], ['b', 2]]), 2) // a: 0.8, b: 0.2
 */
export function inverseErrorWeights(errors: ReadonlyMap<string, number>, power = 2): Map<string, number> {
  let maxError = 0;
  for (const e of errors.values()) if (Number.isFinite(e) && e > maxError) maxError = e;
  const raw = new Map<string, number>();
  let total = 0;
  for (const [name, e] of errors) {
    if (!Number.isFinite(e)) continue;
    // Relative to the largest error, so that a tiny error cannot overflow its power.
    const w = (maxError > 0 ? Math.max(e / maxError, 1e-9) : 1) ** -power;
    raw.set(name, w);
    total += w;
  }
  const out = new Map<string, number>();
  for (const [name, w] of raw) out.set(name, w / total);
  return out;
}

/**
 * Weighted average of forecasts of the same length: ŷ_j = Σ_i w_i·f_i,j (weights need not sum to 1;
 * they are normalised). Complexity: O(k·h).
 *
 * @example weightedCombination([[1, 2], [3, 4]], [0.5, 0.5]) // [2, 3]
 */
export function weightedCombination(forecasts: readonly (readonly number[])[], weights: readonly number[]): number[] {
  if (forecasts.length === 0 || forecasts.length !== weights.length) throw new Error('weightedCombination: need one weight per forecast');
  const total = weights.reduce((a, b) => a + b, 0);
  if (!(total > 0)) throw new Error('weightedCombination: the weights sum to zero');
  const h = forecasts[0]!.length;
  const out = new Array<number>(h).fill(0);
  forecasts.forEach((f, i) => {
    if (f.length !== h) throw new Error('weightedCombination: forecasts differ in length');
    const w = weights[i]! / total;
    for (let j = 0; j < h; j++) out[j] = out[j]! + w * f[j]!;
  });
  return out;
}
