import { quantileSorted } from './quantile.js';

/** Backtest errors on the log1p scale, sorted, one sample per horizon bucket. */
export interface ResidualModel {
  bucketHours: number;
  /** sorted residuals log1p(y) − log1p(ŷ) per bucket of the horizon (bucket b covers steps b·bucketHours …) */
  buckets: Float64Array[];
  /** all residuals, sorted: used for buckets with too few samples */
  pooled: Float64Array;
}

/** A bucket needs this many residuals to stand on its own; thinner buckets use the pooled sample. */
export const MIN_BUCKET_SAMPLES = 200;

/**
 * Collects backtest residuals r = log1p(y) − log1p(ŷ) by horizon bucket (hours 0–23 ahead, 24–47, …).
 * The log1p scale makes errors relative for large volumes and nearly absolute for a handful of
 * contacts, and keeps intervals non-negative. Pairs with a non-finite actual or forecast (gaps,
 * excluded closed hours) are skipped.
 *
 * `actuals[o][j]`, `forecasts[o][j]`: origin o, step j. Complexity: O(N log N) for N residuals.
 *
 * @example calibrateResiduals([[10, 12]], [[11, 11]], 24).pooled.length // 2
 */
export function calibrateResiduals(
  actuals: readonly ArrayLike<number>[],
  forecasts: readonly ArrayLike<number>[],
  bucketHours = 24,
): ResidualModel {
  const byBucket: number[][] = [];
  const pooled: number[] = [];
  actuals.forEach((a, o) => {
    const f = forecasts[o]!;
    for (let j = 0; j < a.length; j++) {
      const y = a[j]!;
      const p = f[j]!;
      if (!Number.isFinite(y) || !Number.isFinite(p)) continue;
      const r = Math.log1p(Math.max(0, y)) - Math.log1p(Math.max(0, p));
      const b = Math.floor(j / bucketHours);
      (byBucket[b] ??= []).push(r);
      pooled.push(r);
    }
  });
  const sorted = (xs: number[]) => Float64Array.from(xs).sort();
  return { bucketHours, buckets: Array.from(byBucket, (xs) => sorted(xs ?? [])), pooled: sorted(pooled) };
}

/**
 * Prediction quantiles from a residual model: Q_q(step j) = expm1(log1p(ŷ_j) + r_q(bucket of j)),
 * where r_q is the empirical q-quantile (type 7) of the bucket's backtest residuals, or of the pooled
 * residuals when the bucket holds fewer than {@link MIN_BUCKET_SAMPLES}. Steps past the last bucket
 * use the last bucket. Without any residual the interval collapses to the mean.
 *
 * Units: those of the forecast; never negative. Complexity: O(h·|quantiles|).
 *
 * @example intervalQuantiles([100], model, [0.1, 0.9]) // { '0.1': [≈92], '0.9': [≈109] }
 */
export function intervalQuantiles(mean: readonly number[], model: ResidualModel, quantiles: readonly number[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const q of quantiles) {
    const values: number[] = [];
    for (let j = 0; j < mean.length; j++) {
      const sample = sampleFor(model, Math.floor(j / model.bucketHours));
      const r = sample.length === 0 ? 0 : quantileSorted(sample, q);
      values.push(Math.max(0, Math.expm1(Math.log1p(Math.max(0, mean[j]!)) + r)));
    }
    out[quantileKey(q)] = values;
  }
  return out;
}

/** The key of quantile q in a response: its shortest decimal form, e.g. 0.1 → "0.1". */
export function quantileKey(q: number): string {
  return String(q);
}

function sampleFor(model: ResidualModel, bucket: number): Float64Array {
  const own = model.buckets[Math.min(bucket, model.buckets.length - 1)];
  return own !== undefined && own.length >= MIN_BUCKET_SAMPLES ? own : model.pooled;
}
