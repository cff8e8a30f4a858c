import { closedHoursOfWeek } from './calendar/closed-hours.js';
import { dateWallHour, learnHolidayEffect, nextOpenDays, type HolidayEffect } from './calendar/holidays.js';
import { learnMonthTurnEffect, monthTurnDays, type MonthTurnDay, type MonthTurnEffect } from './calendar/month-turn.js';
import { launchShape, learnedUpliftPct, realisedUpliftPct, type LaunchProfile } from './calendar/launches.js';
import { implausibility, rollingOriginBacktest } from './core/backtest.js';
import { inverseErrorWeights, weightedCombination } from './core/combination.js';
import { imputeSeasonal } from './core/impute.js';
import { calibrateResiduals, intervalQuantiles, type ResidualModel } from './core/intervals.js';
import { CANDIDATES, defaultCandidateNames, type CandidateMethod } from './methods/candidates.js';
import { toLocalGrid } from './time/local-grid.js';
import {
  DAY_HOURS,
  HOUR_MS,
  WEEK_HOURS,
  formatUtc,
  ianaZone,
  localWallHours,
  parseUtcHour,
  wallHourOfWeek,
} from './time/local-time.js';

/** Largest horizon accepted: one year of hours. */
export const MAX_HORIZON_HOURS = 8_760;

export interface LaunchInput {
  /** ISO UTC hour of the window's first hour */
  start: string;
  /** ISO UTC hour just after the window (exclusive) */
  end: string;
  /** expected uplift of the window's volume in percent; learned from past launches of the same kind and market when absent */
  upliftPct?: number;
  kind?: string;
  market?: string;
  /** default flat */
  profile?: LaunchProfile;
}

export interface SeriesForecastInput {
  /** ISO UTC hour of values[0] */
  start: string;
  /** contacts per UTC hour; null (or NaN) marks a missing hour */
  values: readonly (number | null)[];
  horizonHours: number;
  /** IANA zone whose local hours carry the seasonality; default UTC */
  timeZone?: string;
  /** quantile levels in (0, 1) */
  quantiles?: readonly number[];
  /** local dates (YYYY-MM-DD) that are holidays, in the history and in the horizon */
  holidays?: readonly string[];
  launches?: readonly LaunchInput[];
  options?: SeriesForecastOptions;
}

export interface SeriesForecastOptions {
  /** candidate method names (see `CANDIDATES`); default `defaultCandidateNames()` */
  methods?: readonly string[];
  /** rolling-origin backtest origins, each one backtest horizon apart; default 6 */
  backtestOrigins?: number;
  /** hours forecast at each backtest origin; default min(horizon, 168) */
  backtestHorizonHours?: number;
  /** weighted: inverse-squared-MAE combination of the candidates; best: the single best candidate. Default weighted. */
  selection?: 'weighted' | 'best';
  /** weighted selection keeps only candidates whose backtest MAE is at most this multiple of the best's; default: all */
  keepWithin?: number;
  /** exponent p of the inverse-error weights w ∝ MAE^−p; default 4 */
  weightPower?: number;
  /** learn month-turn effects (last and first three open days of a month) and apply the established ones; default true */
  monthTurnEffects?: boolean;
  /** the methods fit on at most this many most recent hours (holidays and launches learn from all); default 16 weeks */
  fitWindowHours?: number;
}

export interface PastLaunchReport {
  start: string;
  end: string;
  kind?: string;
  market?: string;
  /** null when the window had no measurable baseline */
  realisedUpliftPct: number | null;
}

export interface AppliedLaunchReport {
  start: string;
  end: string;
  kind?: string;
  upliftPct: number;
  source: 'given' | 'learned' | 'none';
  profile: LaunchProfile;
}

export interface SeriesForecast {
  /** ISO UTC hour of the first forecast hour (the hour after the last value) */
  start: string;
  horizonHours: number;
  /** the single method used, or "combination" */
  method: string;
  /** combination weights by method (one entry of weight 1 for a single method) */
  weights: Record<string, number>;
  mean: number[];
  /** keyed by the quantile level as given, e.g. "0.1" */
  quantiles: Record<string, number[]>;
  backtest: {
    origins: number;
    horizonHours: number;
    /** WAPE of the chosen forecast over the backtest (open hours, gaps skipped); null without a backtest */
    wape: number | null;
    /** mean absolute error of every candidate that completed the backtest */
    maeByMethod: Record<string, number>;
    failed: Record<string, string>;
  };
  holidayEffect: HolidayEffect;
  monthTurnEffect: MonthTurnEffect;
  launches: { past: PastLaunchReport[]; applied: AppliedLaunchReport[] };
  /** local hours of the week (Monday 00:00 = 0) treated as closed: forecast 0 */
  closedHoursOfWeek: number[];
}

interface ParsedLaunch extends LaunchInput {
  startMs: number;
  endMs: number;
}

/**
 * Forecasts an hourly contact series: local-time seasonality, candidate methods weighted by a
 * rolling-origin backtest, holidays, launches, calibrated prediction quantiles.
 *
 * 1. The UTC series moves onto its local wall-clock grid (`toLocalGrid`), so daily and weekly
 *    periods follow local time across DST changes.
 * 2. Past launch windows and holidays are masked before fitting; the holiday effect (median ratio of
 *    a holiday's volume to the expected) and each past launch's realised uplift are measured.
 * 3. Hours of the week that were zero for the last four weeks are closed and forecast 0.
 * 4. Each candidate method is backtested from several origins; the forecast is the candidates'
 *    combination with weights ∝ MAE⁻² (or the single best, on request). Short histories fall back
 *    to the methods they can support (under two weeks: same-slot means and seasonal naive; under a
 *    day: the mean).
 * 5. Quantiles come from the backtest residuals on the log1p scale by horizon day, replayed out of
 *    sample: each origin's forecast and calendar effects use only the hours before that origin.
 * 6. Future holidays and catch-up days scale by the learned effects; launch windows add their uplift
 *    (given, or learned from past launches of the same kind and market) with their profile.
 *
 * Units: contacts per hour; all outputs are ≥ 0. Invalid input throws a RangeError whose message
 * starts with the offending field. Complexity: O(n) for the calendar work plus the candidates'
 * fitting cost times (origins + 1).
 *
 * @example forecastSeries({ start: '2024-01-01T05:00:00Z', values, horizonHours: 168, timeZone: 'America/New_York', quantiles: [0.1, 0.9] })
 */
export function forecastSeries(input: SeriesForecastInput): SeriesForecast {
  const startMs = parseUtcHour(input.start, 'start');
  const values = parseValues(input.values);
  const horizon = input.horizonHours;
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > MAX_HORIZON_HOURS) {
    throw new RangeError(`horizonHours: must be an integer from 1 to ${MAX_HORIZON_HOURS}, got ${String(horizon)}`);
  }
  const zone = ianaZone(input.timeZone ?? 'UTC', 'timeZone');
  const quantiles = parseQuantiles(input.quantiles ?? []);
  const holidays = [...(input.holidays ?? [])];
  holidays.forEach((d, i) => dateWallHour(d, `holidays[${i}]`));
  const launches = (input.launches ?? []).map(parseLaunch);
  const options = input.options ?? {};
  const n = values.length;
  const futureStart = startMs + n * HOUR_MS;

  const grid = toLocalGrid(startMs, values, zone);
  const G = grid.values.length;
  const gridIndex = (ms: number, count: number): Int32Array => localWallHours(ms, count, zone).map((w) => w - grid.firstWallHour);

  // Launch windows in the history are masked so that their uplift does not leak into the baseline.
  const launchMasked = Float64Array.from(grid.values);
  for (const l of launches) {
    const from = Math.max(l.startMs, startMs);
    const to = Math.min(l.endMs, futureStart);
    if (to <= from) continue;
    for (const g of gridIndex(from, (to - from) / HOUR_MS)) if (g >= 0 && g < G) launchMasked[g] = Number.NaN;
  }
  const closed = closedHoursOfWeek({ firstWallHour: grid.firstWallHour, values: launchMasked });
  const isClosed = (g: number): boolean => closed[wallHourOfWeek(grid.firstWallHour + g)] === 1;
  const holidayEffect = learnHolidayEffect({ firstWallHour: grid.firstWallHour, values: launchMasked }, holidays, closed);
  const holidayStarts = new Set(holidays.map((d) => dateWallHour(d)));
  const catchUpStarts = new Set(nextOpenDays(holidays, closed).values());
  // Month-turn days from the first local day of the history to the last of the horizon; a holiday or
  // catch-up day keeps its own effect.
  const futureWall = localWallHours(futureStart, horizon, zone);
  const dayOf = (wall: number) => wall - (((wall % DAY_HOURS) + DAY_HOURS) % DAY_HOURS);
  const openDay = (dayStart: number): boolean => {
    if (holidayStarts.has(dayStart)) return false;
    for (let k = 0; k < DAY_HOURS; k++) if (closed[wallHourOfWeek(dayStart + k)] !== 1) return true;
    return false;
  };
  const turnDays =
    options.monthTurnEffects === false
      ? new Map<number, MonthTurnDay>()
      : monthTurnDays(dayOf(grid.firstWallHour), dayOf(futureWall[horizon - 1]!) + DAY_HOURS, openDay);
  for (const d of catchUpStarts) turnDays.delete(d);
  // Every month-turn day, established or not: the residual replay relearns the effects as of each origin.
  const turnCandidates = new Map(turnDays);
  const monthTurnEffect = learnMonthTurnEffect(
    { firstWallHour: grid.firstWallHour, values: launchMasked },
    turnDays,
    new Set([...holidayStarts, ...catchUpStarts, ...turnDays.keys()]),
  );
  // Only established month-turn effects make their days special.
  for (const [d, role] of turnDays) if (monthTurnEffect.ratios[role] === null) turnDays.delete(d);
  const special = new Set([...holidayStarts, ...catchUpStarts, ...turnDays.keys()]);
  const calendarRatio = (dayStart: number): number =>
    calendarDayRatio(dayStart, { holidays: holidayStarts, catchUps: catchUpStarts, turns: turnDays }, holidayEffect, monthTurnEffect);
  // Special days are masked so that they do not distort the seasonality the methods learn.
  const fitGrid = Float64Array.from(launchMasked);
  for (const dayStart of special) {
    const i0 = dayStart - grid.firstWallHour;
    for (let k = Math.max(0, i0); k < Math.min(G, i0 + DAY_HOURS); k++) fitGrid[k] = Number.NaN;
  }
  if (!fitGrid.some(Number.isFinite)) throw new RangeError('values: no observed hour outside holidays and launch windows');

  // Realised uplift of every launch that ended inside the history.
  const past: (PastLaunchReport & { realisedUpliftPct: number | null })[] = [];
  for (const l of launches) {
    if (l.endMs > futureStart || l.startMs < startMs) continue;
    const hours = (l.endMs - l.startMs) / HOUR_MS;
    const first = (l.startMs - startMs) / HOUR_MS;
    const idx = gridIndex(l.startMs, hours);
    const actual: number[] = [];
    const baseline: number[] = [];
    for (let k = 0; k < hours; k++) {
      const g = idx[k]!;
      actual.push(isClosed(g) ? Number.NaN : values[first + k]!);
      baseline.push(sameSlotBaseline(fitGrid, g, 4));
    }
    past.push({ start: l.start, end: l.end, kind: l.kind, market: l.market, realisedUpliftPct: realisedUpliftPct(actual, baseline) });
  }

  // Forecast on the grid: its horizon runs to the local hour of the last forecast UTC hour.
  const gridEnd = grid.firstWallHour + G;
  const gridHorizon = Math.max(1, futureWall[horizon - 1]! - gridEnd + 1);
  // Only the recent past is fitted: seasonality and level drift, and the cost stays bounded.
  const windowStart = Math.max(0, G - (options.fitWindowHours ?? 16 * WEEK_HOURS));
  const filled = imputeSeasonal(fitGrid.subarray(windowStart), DAY_HOURS, WEEK_HOURS);
  const scoring = Float64Array.from(fitGrid.subarray(windowStart), (v, k) => (isClosed(windowStart + k) ? Number.NaN : v));
  const W = filled.length;
  const names = options.methods ?? defaultCandidateNames();
  const candidates: CandidateMethod[] = names.map((name, i) => {
    const c = CANDIDATES[name];
    if (c === undefined) throw new RangeError(`options.methods[${i}]: unknown method "${name}"`);
    return c;
  });
  const eligible = candidates.filter((c) => c.minHistory <= W);

  const backtestHorizon = Math.min(options.backtestHorizonHours ?? Math.min(gridHorizon, WEEK_HOURS), Math.floor(W / 2));
  const minFit = Math.min(...eligible.map((c) => c.minHistory), Number.POSITIVE_INFINITY);
  let originCount = options.backtestOrigins ?? 6;
  while (originCount > 0 && W - originCount * backtestHorizon < minFit) originCount--;
  const bt =
    backtestHorizon >= 1 && originCount > 0
      ? rollingOriginBacktest(filled, scoring, eligible, backtestHorizon, originCount)
      : undefined;

  let weights = new Map<string, number>();
  if (bt !== undefined && bt.mae.size > 0) {
    const bestMae = Math.min(...[...bt.mae.values()].filter(Number.isFinite));
    const kept = new Map([...bt.mae].filter(([, e]) => options.keepWithin === undefined || e <= options.keepWithin * bestMae));
    weights = inverseErrorWeights(kept, options.weightPower ?? 4);
    // Candidates that would contribute less than 0.1 % are not worth a final fit.
    for (const [name, w] of weights) if (w < 1e-3) weights.delete(name);
    if (options.selection === 'best') {
      const best = [...weights.entries()].sort((a, b) => b[1] - a[1])[0]!;
      weights = new Map([[best[0], 1]]);
    }
  }

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
  for (const name of [...weights.keys()]) if (!tryFit(CANDIDATES[name]!)) weights.delete(name);
  if (weights.size === 0) {
    // No backtest was possible (or every candidate failed): the first candidate that fits, in order of preference.
    const fallback = eligible.find(tryFit);
    if (fallback !== undefined) weights.set(fallback.name, 1);
  }

  const totalWeight = [...weights.values()].reduce((a, b) => a + b, 0);
  for (const [name, w] of weights) weights.set(name, w / totalWeight);

  let gridMean: number[];
  let method: string;
  if (weights.size === 0) {
    const observed = Array.from(fitGrid).filter(Number.isFinite);
    const level = observed.reduce((a, b) => a + b, 0) / observed.length;
    gridMean = new Array<number>(gridHorizon).fill(level);
    method = 'mean';
    weights.set('mean', 1);
  } else {
    const used = [...weights.entries()];
    gridMean = weightedCombination(
      used.map(([name]) => finalForecasts.get(name)!),
      used.map(([, w]) => w),
    );
    method = used.length === 1 ? used[0]![0] : 'combination';
  }
  for (let j = 0; j < gridHorizon; j++) if (isClosed(G + j)) gridMean[j] = 0;

  // Residual model: the chosen combination replayed over the backtest origins, each from the hours
  // before it only (imputation and calendar effects included), as the real forecast is made.
  let residuals: ResidualModel;
  let backtestWape: number | null = null;
  const btWeights = bt === undefined ? [] : [...weights.entries()].filter(([name]) => bt.forecasts.has(name));
  if (bt !== undefined && btWeights.length > 0) {
    const actuals: number[][] = [];
    const preds: number[][] = [];
    let absErr = 0;
    let total = 0;
    /** The calendar multiplier of a local day as learned from the grid hours before `end`. */
    const calendarRatioAsOf = (end: number): ((dayStart: number) => number) => {
      const known = { firstWallHour: grid.firstWallHour, values: launchMasked.subarray(0, end) };
      const holiday = learnHolidayEffect(known, holidays, closed);
      const turn = learnMonthTurnEffect(known, turnCandidates, new Set([...holidayStarts, ...catchUpStarts, ...turnCandidates.keys()]));
      return (dayStart) => calendarDayRatio(dayStart, { holidays: holidayStarts, catchUps: catchUpStarts, turns: turnCandidates }, holiday, turn);
    };
    const fitWindow = fitGrid.subarray(windowStart);
    bt.origins.forEach((origin, o) => {
      const combined = replayOrigin(
        fitWindow,
        filled,
        origin,
        bt.horizon,
        btWeights.map(([name, weight]) => ({ method: CANDIDATES[name]!, weight, backtest: bt.forecasts.get(name)![o]! })),
      );
      if (combined === undefined) return;
      const ratioAsOf = calendarRatioAsOf(windowStart + origin);
      // Replayed as it would have been published: calendar effects applied, special days scored too.
      const a: number[] = [];
      const p: number[] = [];
      for (let j = 0; j < bt.horizon; j++) {
        const g = windowStart + origin + j;
        const y = isClosed(g) ? Number.NaN : launchMasked[g]!;
        const f = combined[j]! * ratioAsOf(dayOf(grid.firstWallHour + g));
        a.push(y);
        p.push(f);
        if (Number.isFinite(y)) {
          absErr += Math.abs(y - f);
          total += y;
        }
      }
      actuals.push(a);
      preds.push(p);
    });
    backtestWape = total > 0 ? absErr / total : null;
    residuals = calibrateResiduals(actuals, preds, DAY_HOURS);
  } else {
    // Too short to backtest: the spread of day-on-day changes stands in for the forecast error.
    const a: number[] = [];
    const p: number[] = [];
    for (let g = DAY_HOURS; g < G; g++) {
      if (isClosed(g)) continue;
      a.push(fitGrid[g]!);
      p.push(fitGrid[g - DAY_HOURS]!);
    }
    residuals = calibrateResiduals([a], [p], Number.MAX_SAFE_INTEGER);
  }
  const gridQuantiles = intervalQuantiles(gridMean, residuals, quantiles);

  // Back to UTC hours, then the calendar: holidays and launches.
  const toUtc = (gridValues: readonly number[]): number[] =>
    Array.from(futureWall, (w) => gridValues[Math.min(gridValues.length - 1, Math.max(0, w - gridEnd))]!);
  const multiplier = new Array<number>(horizon).fill(1);
  for (let j = 0; j < horizon; j++) multiplier[j] = calendarRatio(dayOf(futureWall[j]!));
  const applied: AppliedLaunchReport[] = [];
  const futureEnd = futureStart + horizon * HOUR_MS;
  for (const l of launches) {
    if (l.endMs <= futureStart || l.startMs >= futureEnd) continue;
    const learned = learnedUpliftPct(past, l.kind, l.market);
    const uplift = l.upliftPct ?? learned ?? 0;
    const source = l.upliftPct !== undefined ? 'given' : learned !== null ? 'learned' : 'none';
    const profile = l.profile ?? 'flat';
    const shape = launchShape(profile, (l.endMs - l.startMs) / HOUR_MS);
    for (let j = 0; j < horizon; j++) {
      const t = futureStart + j * HOUR_MS;
      if (t < l.startMs || t >= l.endMs) continue;
      multiplier[j] = multiplier[j]! * (1 + (uplift / 100) * shape[(t - l.startMs) / HOUR_MS]!);
    }
    applied.push({ start: l.start, end: l.end, kind: l.kind, upliftPct: uplift, source, profile });
  }
  const finish = (gridValues: readonly number[]): number[] => toUtc(gridValues).map((v, j) => Math.max(0, v * multiplier[j]!));

  return {
    start: formatUtc(futureStart),
    horizonHours: horizon,
    method,
    weights: Object.fromEntries(weights),
    mean: finish(gridMean),
    quantiles: Object.fromEntries(Object.entries(gridQuantiles).map(([k, v]) => [k, finish(v)])),
    backtest: {
      origins: bt?.origins.length ?? 0,
      horizonHours: bt?.horizon ?? 0,
      wape: backtestWape,
      maeByMethod: Object.fromEntries(bt?.mae ?? []),
      failed: Object.fromEntries(bt?.failed ?? []),
    },
    holidayEffect,
    monthTurnEffect,
    launches: { past, applied },
    closedHoursOfWeek: [...closed.keys()].filter((s) => closed[s] === 1),
  };
}

/**
 * Out-of-sample replay of one backtest origin for the residual model: the weighted combination's
 * forecast of the `horizon` hours after `origin`, made only from the hours before it.
 *
 * The backtest fits every origin on the window imputed once, and `imputeSeasonal` fills a gap (a
 * missing hour, or a masked holiday, catch-up or month-turn day) from the same hour a week before
 * and a week after, so a gap in the week before an origin is half filled from the very week being
 * forecast. The real forecast has no future to read, so residuals of such fits are too small and
 * the intervals too narrow. Here the origin's prefix `fitWindow[0, origin)` is imputed on its own; when
 * that differs from `filled`'s prefix every weighted candidate is refitted on it (one that fails or
 * is implausible leaves, the rest are renormalised), otherwise the backtest's forecasts are
 * reused, being the same fits. Undefined when no candidate is left.
 *
 * `fitWindow`: the fit window with its gaps and masked days as NaN; `filled`: its imputation used by
 * the backtest. Units: contacts per hour. Complexity: O(origin) to impute and compare, plus one fit
 * per weighted candidate when the prefixes differ.
 *
 * @example replayOrigin(fitWindow, filled, 1512, 168, [{ method: CANDIDATES['seasonal-naive-weekly']!, weight: 1, backtest }])
 */
function replayOrigin(
  fitWindow: Float64Array,
  filled: Float64Array,
  origin: number,
  horizon: number,
  weighted: readonly { method: CandidateMethod; weight: number; backtest: readonly number[] }[],
): number[] | undefined {
  const own = imputeSeasonal(fitWindow.subarray(0, origin), DAY_HOURS, WEEK_HOURS);
  let unchanged = true;
  for (let k = 0; k < origin && unchanged; k++) unchanged = own[k] === filled[k];
  const runs: (readonly number[])[] = [];
  const weights: number[] = [];
  for (const { method, weight, backtest } of weighted) {
    let f = backtest;
    if (!unchanged) {
      try {
        f = method.forecast(own, horizon).map((v) => Math.max(0, v));
      } catch {
        continue;
      }
      if (implausibility(f, own) !== undefined) continue;
    }
    runs.push(f);
    weights.push(weight);
  }
  return runs.length === 0 ? undefined : weightedCombination(runs, weights);
}

/** Mean of grid position g one to `weeks` weeks earlier (masked hours skipped); NaN if none observed. */
function sameSlotBaseline(grid: Float64Array, g: number, weeks: number): number {
  let sum = 0;
  let count = 0;
  for (let k = 1; k <= weeks; k++) {
    const v = grid[g - k * WEEK_HOURS];
    if (v !== undefined && Number.isFinite(v)) {
      sum += v;
      count++;
    }
  }
  return count === 0 ? Number.NaN : sum / count;
}

function parseValues(values: readonly (number | null)[]): number[] {
  if (!Array.isArray(values) || values.length === 0) throw new RangeError('values: must be a non-empty array');
  return values.map((v, i) => {
    if (v === null || Number.isNaN(v)) return Number.NaN;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new RangeError(`values[${i}]: must be a non-negative number or null, got ${String(v)}`);
    return v;
  });
}

function parseQuantiles(qs: readonly number[]): number[] {
  qs.forEach((q, i) => {
    if (typeof q !== 'number' || !(q > 0 && q < 1)) throw new RangeError(`quantiles[${i}]: must be strictly between 0 and 1, got ${String(q)}`);
  });
  return [...qs];
}

function parseLaunch(l: LaunchInput, i: number): ParsedLaunch {
  const startMs = parseUtcHour(l.start, `launches[${i}].start`);
  const endMs = parseUtcHour(l.end, `launches[${i}].end`);
  if (endMs <= startMs) throw new RangeError(`launches[${i}].end: must be after start`);
  if (l.upliftPct !== undefined && !(Number.isFinite(l.upliftPct) && l.upliftPct > -100)) {
    throw new RangeError(`launches[${i}].upliftPct: must be a number above −100, got ${String(l.upliftPct)}`);
  }
  if (l.profile !== undefined && l.profile !== 'flat' && l.profile !== 'spike-decay') {
    throw new RangeError(`launches[${i}].profile: must be "flat" or "spike-decay"`);
  }
  return { ...l, startMs, endMs };
}

/**
 * The learned multiplier of a local day (given by its midnight wall hour; 1 for a normal day or an
 * effect not established): holiday before catch-up day before month-turn day. O(1).
 */
function calendarDayRatio(
  dayStart: number,
  days: { holidays: ReadonlySet<number>; catchUps: ReadonlySet<number>; turns: ReadonlyMap<number, MonthTurnDay> },
  holiday: HolidayEffect,
  turn: MonthTurnEffect,
): number {
  const role = days.turns.get(dayStart);
  const ratio = days.holidays.has(dayStart) ? holiday.ratio : days.catchUps.has(dayStart) ? holiday.nextOpenDayRatio : role !== undefined ? turn.ratios[role] : null;
  return ratio ?? 1;
}
