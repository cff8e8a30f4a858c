import type { CandidateMethod } from '../methods/candidates.js';

export interface BacktestResult {
  /** grid indices at which each backtest forecast starts, oldest first */
  origins: number[];
  horizon: number;
  /** per candidate, one forecast per origin (non-negative) */
  forecasts: Map<string, number[][]>;
  /** per candidate, mean absolute error over all origins and hours with a finite actual */
  mae: Map<string, number>;
  /** candidates that threw or produced an implausible forecast at some origin, with the reason */
  failed: Map<string, string>;
}

/**
 * Rolling-origin backtest (Tashman 2000): for origins n − k·h (k = K…1), each candidate is fitted on
 * the history before the origin and forecasts the next h hours, which are scored against what
 * happened. Candidates are compared on the same origins, so their errors are comparable.
 *
 * `history` is the series the methods fit on, gaps as NaN; each origin's prefix is gap-filled by
 * `impute` on its own, so that no gap before an origin is filled from the hours being forecast (a
 * seasonal imputation reads the same hour a week later). `actual` is the series used for scoring,
 * with NaN where an hour must not count (gaps, closed or masked hours), so imputed values never
 * count as truth. A candidate whose `minHistory` exceeds the first origin is left out.
 * Units: MAE in the series' units. Complexity: O(K · (n + Σ cost(candidate))).
 *
 * @example rollingOriginBacktest(grid, grid, [CANDIDATES['seasonal-naive-weekly']!], 48, 1, (p) => imputeSeasonal(p, 24, 168))
 */
export function rollingOriginBacktest(
  history: Float64Array,
  actual: ArrayLike<number>,
  candidates: readonly CandidateMethod[],
  horizon: number,
  originCount: number,
  impute: (prefix: ArrayLike<number>) => Float64Array,
): BacktestResult {
  const n = history.length;
  const origins: number[] = [];
  for (let k = originCount; k >= 1; k--) {
    const origin = n - k * horizon;
    if (origin > 0) origins.push(origin);
  }
  const trains = origins.map((origin) => impute(history.subarray(0, origin)));
  const forecasts = new Map<string, number[][]>();
  const mae = new Map<string, number>();
  const failed = new Map<string, string>();
  for (const c of candidates) {
    if (origins.length === 0 || origins[0]! < c.minHistory) continue;
    const runs: number[][] = [];
    let err = 0;
    let count = 0;
    try {
      for (const [o, origin] of origins.entries()) {
        const train = trains[o]!;
        const f = c.forecast(train, horizon).map((v) => Math.max(0, v));
        const problem = implausibility(f, train);
        if (problem !== undefined) throw new Error(problem);
        runs.push(f);
        for (let j = 0; j < horizon; j++) {
          const y = actual[origin + j]!;
          if (!Number.isFinite(y)) continue;
          err += Math.abs(y - f[j]!);
          count++;
        }
      }
    } catch (e) {
      failed.set(c.name, e instanceof Error ? e.message : String(e));
      continue;
    }
    forecasts.set(c.name, runs);
    mae.set(c.name, count === 0 ? Number.NaN : err / count);
  }
  return { origins, horizon, forecasts, mae, failed };
}

/**
 * Why a forecast cannot be used, or undefined when it can: every value must be finite and below
 * 5× the history's maximum plus one (an exploding recursion is a failure, not a forecast).
 */
export function implausibility(forecast: readonly number[], history: ArrayLike<number>): string | undefined {
  let max = 0;
  for (let i = 0; i < history.length; i++) if (history[i]! > max) max = history[i]!;
  for (const v of forecast) {
    if (!Number.isFinite(v)) return 'non-finite forecast';
    if (v > 5 * max + 1) return `forecast ${v.toPrecision(4)} exceeds 5× the history maximum`;
  }
  return undefined;
}
