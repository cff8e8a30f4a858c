/** A mean with its two-sided 95% confidence interval. */
export interface Estimate {
  mean: number;
  halfWidth: number;
  lower: number;
  upper: number;
  /** Number of observations (replications). */
  n: number;
}

/** Student t 0.975 quantiles for 1–30 degrees of freedom. */
const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];
const Z975 = 1.959963984540054;

/**
 * The Student t 0.975 quantile for ν degrees of freedom: the table up to 30, then the Cornish–Fisher
 * expansion around the normal quantile (error below 1e-4 for ν > 30). O(1).
 * @example studentT975(9) // 2.262
 */
export function studentT975(degreesOfFreedom: number): number {
  if (degreesOfFreedom <= 30) return T975[Math.max(1, Math.floor(degreesOfFreedom)) - 1]!;
  const z = Z975;
  const v = degreesOfFreedom;
  return z + (z ** 3 + z) / (4 * v) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * v * v) + (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * v ** 3);
}

/**
 * Mean and 95% confidence interval of independent observations (one per replication), by the
 * Student t interval mean ± t₀.₉₇₅(n − 1)·s/√n. Needs at least 2 observations; returns undefined
 * otherwise. O(n).
 *
 * @example meanConfidenceInterval([0.90, 0.92, 0.91, 0.93]) // { mean: 0.915, halfWidth ≈ 0.0205, … }
 */
export function meanConfidenceInterval(values: readonly number[]): Estimate | undefined {
  const n = values.length;
  if (n < 2) return undefined;
  let mean = 0;
  for (const v of values) mean += v;
  mean /= n;
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  const halfWidth = studentT975(n - 1) * Math.sqrt(ss / (n - 1) / n);
  return { mean, halfWidth, lower: mean - halfWidth, upper: mean + halfWidth, n };
}
