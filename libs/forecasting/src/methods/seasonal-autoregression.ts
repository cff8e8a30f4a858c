import { NormalEquations } from '../core/least-squares.js';

/**
 * Seasonal autoregression fitted by (ridge) least squares and iterated forward:
 *
 *   y_t = c + Σ_{ℓ ∈ lags} a_ℓ · y_{t−ℓ} + ε_t,
 *
 * with lags such as {1, 2, 3, 24, 25, 168, 169} on an hourly local-time grid (recent hours, the same
 * hour yesterday and last week). Forecasts feed back their own values for lags inside the horizon.
 * Rows with a gap in the target or a lag are left out of the fit; a gap needed by the forecast
 * recursion is read as the seasonal value one long period earlier when available.
 *
 * Units: those of `y` (use log values for a multiplicative model). Needs more rows than 3× the
 * number of coefficients after the largest lag. Complexity: O(n·p² + p³ + h·p).
 *
 * @example seasonalAutoregression(logLoad, 48, [1, 2, 24, 168])
 */
export function seasonalAutoregression(
  y: ArrayLike<number>,
  horizon: number,
  lags: readonly number[],
  options: { lambda?: number; window?: number } = {},
): number[] {
  const maxLag = Math.max(...lags);
  const n = y.length;
  const from = Math.max(maxLag, options.window === undefined ? 0 : n - options.window);
  // The normal equations are accumulated row by row (no design matrix is built): the same sums in
  // the same order as leastSquares over the rows, so the same coefficients to the last bit.
  const p = lags.length + 1;
  const normal = new NormalEquations(p);
  const row = new Float64Array(p);
  row[0] = 1;
  let scale = 0;
  let count = 0;
  for (let t = from; t < n; t++) {
    const v = y[t]!;
    if (!Number.isFinite(v)) continue;
    let ok = true;
    for (let k = 0; k < lags.length; k++) {
      const x = y[t - lags[k]!]!;
      if (!Number.isFinite(x)) {
        ok = false;
        break;
      }
      row[k + 1] = x;
    }
    if (!ok) continue;
    normal.add(row, v);
    scale += v * v;
    count++;
  }
  if (count < 3 * p) throw new Error(`seasonal autoregression: only ${count} complete rows`);
  // The ridge is relative to the data's energy so that it means the same at any unit.
  const lambda = (options.lambda ?? 1e-6) * (scale / count) * count;
  const beta = normal.solve(lambda);
  const ext = Array.from({ length: n + horizon }, (_, i) => (i < n ? y[i]! : Number.NaN));
  for (let t = n; t < n + horizon; t++) {
    let f = beta[0]!;
    lags.forEach((l, k) => {
      let x = ext[t - l]!;
      if (!Number.isFinite(x)) x = ext[t - l - maxLag] ?? 0;
      f += beta[k + 1]! * x;
    });
    ext[t] = f;
  }
  return ext.slice(n);
}
