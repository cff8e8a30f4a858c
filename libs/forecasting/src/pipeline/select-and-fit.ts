import { rollingOriginBacktest, type BacktestResult } from '../core/backtest.js';
import { weightedCombination } from '../core/combination.js';
import { imputeSeasonal } from '../core/impute.js';
import { selectByOutOfSample, type Selection } from '../core/selection.js';
import { CANDIDATES, defaultCandidateNames, type CandidateMethod } from '../methods/candidates.js';
import { DAY_HOURS, WEEK_HOURS } from '../time/local-time.js';
import { dayOf, type CalendarModel } from './calendar-model.js';
import type { ParsedSeriesInput } from './parse-input.js';
import type { SeriesForecast } from './types.js';

/** The point forecast on the local grid and the evidence it was chosen on. */
export interface FittedForecast {
  /** forecast of the grid hours after the history, closed hours 0 */
  gridMean: number[];
  method: string;
  /** published weights, summing to 1 */
  weights: Map<string, number>;
  backtest: SeriesForecast['backtest'];
  /** what happened and what the selection forecast, nested, per origin that scored it out of sample; empty without a backtest */
  scored: { actuals: number[][]; forecasts: number[][] };
}

const impute = (y: ArrayLike<number>): Float64Array => imputeSeasonal(y, DAY_HOURS, WEEK_HOURS);

/**
 * The third step of `forecastSeries`: backtests the candidates from rolling origins on the recent
 * fit window (each origin's prefix gap-filled on its own), chooses and weights them by out-of-sample
 * evidence (`selectByOutOfSample`, with the calendar effects known at each origin applied, so the
 * scores are those of the forecast as it would have been published), and fits the chosen ones on
 * the whole window. Short histories fall back to the methods they can support; a candidate failing
 * its final fit leaves and the rest are renormalised; with no method left the forecast is the mean.
 * Complexity: the candidates' fitting cost times (origins + 1).
 *
 * @throws RangeError "options.methods[i]: …" for an unknown method name.
 * @example selectAndFit(parsed, buildCalendarModel(parsed)).weights
 */
export function selectAndFit(input: ParsedSeriesInput, cal: CalendarModel): FittedForecast {
  const { horizon, options } = input;
  const G = cal.grid.values.length;
  const gridHorizon = Math.max(1, cal.futureWall[horizon - 1]! - (cal.grid.firstWallHour + G) + 1);
  // Only the recent past is fitted: seasonality and level drift, and the cost stays bounded.
  const windowStart = Math.max(0, G - (options.fitWindowHours ?? 16 * WEEK_HOURS));
  const fitWindow = cal.fitGrid.subarray(windowStart);
  const filled = impute(fitWindow);
  const W = filled.length;
  const eligible = resolveCandidates(options.methods).filter((c) => c.minHistory <= W);

  const backtestHorizon = Math.min(options.backtestHorizonHours ?? Math.min(gridHorizon, WEEK_HOURS), Math.floor(W / 2));
  const originCount = backtestOriginCount(eligible, W, backtestHorizon, options.backtestOrigins ?? 8);
  const scoring = Float64Array.from(fitWindow, (v, k) => (cal.isClosed(windowStart + k) ? Number.NaN : v));
  const bt = backtestHorizon >= 1 && originCount > 0 ? rollingOriginBacktest(fitWindow, scoring, eligible, backtestHorizon, originCount, impute) : undefined;
  const selection = bt === undefined || bt.forecasts.size === 0 ? undefined : selectOnBacktest(bt, cal, windowStart, input);

  // Final fits; a candidate failing here leaves the combination and the others are renormalised.
  const finalForecasts = new Map<string, number[]>();
  const tryFit = (c: CandidateMethod): boolean => {
    try {
      const f = c.forecast(filled, gridHorizon).map((v) => Math.max(0, v));
      if (f.some((v) => !Number.isFinite(v))) return false;
      finalForecasts.set(c.name, f);
      return true;
    } catch {
      return false;
    }
  };
  const weights = new Map([...(selection?.weights ?? [])].filter(([name]) => tryFit(CANDIDATES[name]!)));
  if (weights.size === 0) {
    // No backtest was possible (or every candidate failed): the first candidate that fits, in order of preference.
    const fallback = eligible.find(tryFit);
    if (fallback !== undefined) weights.set(fallback.name, 1);
  }
  const totalWeight = [...weights.values()].reduce((a, b) => a + b, 0);
  for (const [name, w] of weights) weights.set(name, w / totalWeight);

  let gridMean: number[];
  if (weights.size === 0) {
    const observed = Array.from(cal.fitGrid).filter(Number.isFinite);
    gridMean = new Array<number>(gridHorizon).fill(observed.reduce((a, b) => a + b, 0) / observed.length);
    weights.set('mean', 1);
  } else {
    const used = [...weights];
    gridMean = weightedCombination(
      used.map(([name]) => finalForecasts.get(name)!),
      used.map(([, w]) => w),
    );
  }
  for (let j = 0; j < gridHorizon; j++) if (cal.isClosed(G + j)) gridMean[j] = 0;
  return {
    gridMean,
    method: weights.size === 1 ? [...weights.keys()][0]! : 'combination',
    weights,
    backtest: backtestReport(bt, selection),
    scored: selection === undefined ? { actuals: [], forecasts: [] } : { actuals: selection.actuals, forecasts: selection.nestedForecasts },
  };
}

/**
 * As many origins as the history allows, up to `most`, while the first still leaves every eligible
 * candidate its `minHistory`; when that leaves fewer than two, as many as leave the simple
 * estimators (or, without one, the least demanding candidate) theirs, so the floor stays in play.
 */
function backtestOriginCount(eligible: readonly CandidateMethod[], W: number, horizon: number, most: number): number {
  if (horizon < 1) return 0;
  const fits = (need: number) => Math.max(0, Math.min(most, Math.floor((W - need) / horizon)));
  const all = fits(Math.max(...eligible.map((c) => c.minHistory), 0));
  if (all >= 2 || eligible.length === 0) return all;
  const simple = eligible.filter((c) => c.simple === true);
  return Math.max(all, fits(Math.min(...(simple.length > 0 ? simple : eligible).map((c) => c.minHistory))));
}

function resolveCandidates(names: readonly string[] = defaultCandidateNames()): CandidateMethod[] {
  return names.map((name, i) => {
    const c = CANDIDATES[name];
    if (c === undefined) throw new RangeError(`options.methods[${i}]: unknown method "${name}"`);
    return c;
  });
}

/**
 * The selection on the backtest, each origin's runs scaled by the calendar multipliers learned
 * before that origin and scored on its open hours, special days included, as they would have been
 * published. O(origins · (n + candidates · horizon)).
 */
function selectOnBacktest(bt: BacktestResult, cal: CalendarModel, windowStart: number, input: ParsedSeriesInput): Selection & { actuals: number[][] } {
  const first = cal.grid.firstWallHour;
  const multipliers = bt.origins.map((origin) => {
    const ratio = cal.ratioAsOf(windowStart + origin);
    return Array.from({ length: bt.horizon }, (_, j) => ratio(dayOf(first + windowStart + origin + j)));
  });
  const actuals = bt.origins.map((origin) =>
    Array.from({ length: bt.horizon }, (_, j) => {
      const g = windowStart + origin + j;
      return cal.isClosed(g) ? Number.NaN : cal.launchMasked[g]!;
    }),
  );
  const candidates = [...bt.forecasts].map(([name, runs]) => ({
    name,
    simple: CANDIDATES[name]!.simple === true,
    runs: runs.map((f, o) => f.map((v, j) => v * multipliers[o]![j]!)),
  }));
  const { options } = input;
  const selection = selectByOutOfSample({ candidates, actuals, weightPower: options.weightPower ?? 4, rule: options.selection ?? 'weighted', keepWithin: options.keepWithin });
  return { ...selection, actuals: selection.scoredOrigins.map((o) => actuals[o]!) };
}

function backtestReport(bt: BacktestResult | undefined, selection: Selection | undefined): SeriesForecast['backtest'] {
  return {
    origins: bt?.origins.length ?? 0,
    horizonHours: bt?.horizon ?? 0,
    wape: selection?.wape ?? null,
    baseline: selection?.baseline == null ? null : { method: selection.baseline.name, wape: selection.baseline.wape },
    combinationShare: selection?.combinationShare ?? null,
    maeByMethod: Object.fromEntries(bt?.mae ?? []),
    failed: Object.fromEntries(bt?.failed ?? []),
  };
}
