/**
 * Sample autocorrelation function, as R's `acf`: r_k = Σ_{t=1}^{n−k} (x_t − x̄)(x_{t+k} − x̄) / Σ_t (x_t − x̄)².
 *
 * Returns r_1..r_maxLag (index 0 holds r_1). Units: dimensionless, in [−1, 1]. A constant series has
 * no defined autocorrelation and yields zeros. Complexity: O(n·maxLag).
 *
 * @example autocorrelation([1, 2, 3, 4], 1) // [0.25]
 */
export function autocorrelation(x: ArrayLike<number>, maxLag: number): number[] {
  const n = x.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i]!;
  mean /= n;
  let denom = 0;
  for (let i = 0; i < n; i++) denom += (x[i]! - mean) ** 2;
  const out: number[] = [];
  for (let k = 1; k <= maxLag; k++) {
    if (denom === 0 || k >= n) {
      out.push(0);
      continue;
    }
    let s = 0;
    for (let t = 0; t + k < n; t++) s += (x[t]! - mean) * (x[t + k]! - mean);
    out.push(s / denom);
  }
  return out;
}
