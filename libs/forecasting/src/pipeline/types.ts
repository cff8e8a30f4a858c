import type { HolidayEffect } from '../calendar/holidays.js';
import type { LaunchProfile } from '../calendar/launches.js';
import type { MonthTurnEffect } from '../calendar/month-turn.js';

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
  /** rolling-origin backtest origins, each one backtest horizon apart, fewer when the history is short; default 8 */
  backtestOrigins?: number;
  /** hours forecast at each backtest origin; default min(horizon, 168) */
  backtestHorizonHours?: number;
  /** weighted: inverse-error (MAE^−p) combination of the candidates; best: the single best candidate; either is blended with the best simple estimator by out-of-sample evidence. Default weighted. */
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
    /** WAPE of the chosen forecast over the backtest origins that scored it out of sample (open hours, gaps skipped); null without a backtest */
    wape: number | null;
    /** the best simple same-slot estimator on the same origins and its WAPE; null when none was a candidate */
    baseline: { method: string; wape: number | null } | null;
    /** share of the evidence-weighted combination in the published forecast, the rest on the best simple estimator; null when a simple estimator is published alone or there was no backtest */
    combinationShare: number | null;
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

/** A launch window with its instants parsed. */
export interface ParsedLaunch extends LaunchInput {
  startMs: number;
  endMs: number;
}
