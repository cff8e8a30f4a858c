import { DAY_HOURS, WEEK_HOURS } from '../time/local-time.js';
import { fitDoubleSeasonalHoltWinters } from './double-seasonal-holt-winters.js';
import { isMstlReady, mstlEts } from './mstl-ets.js';
import { sameSlotMean } from './same-slot-mean.js';
import { sameSlotMedian, sameSlotTrimmedMean } from './same-slot-robust.js';
import { seasonalAutoregression } from './seasonal-autoregression.js';
import { seasonalNaive } from './seasonal-naive.js';
import { smoothedDayProfile } from './smoothed-day-profile.js';
import { weekdayProfile } from './weekday-profile.js';

/**
 * A candidate forecasting method as the selection machinery sees it: it takes a complete (imputed)
 * hourly series on the local-time grid, in counts per hour, and returns `horizon` values.
 */
export interface CandidateMethod {
  name: string;
  /** the fewest grid hours it needs to fit */
  minHistory: number;
  /** a simple same-slot estimator a planner would check first: the floor every published forecast must beat */
  simple?: true;
  forecast(y: Float64Array, horizon: number): number[];
}

/** Recent hours, the same hour ±1 yesterday and the same hour ±1 last week. */
const SEASONAL_LAGS = [1, 2, 3, 23, 24, 25, 167, 168, 169];
/** The same with a longer memory of recent hours and two days and two weeks back. */
const SEASONAL_LAGS_LONG = [1, 2, 3, 4, 5, 6, 12, 23, 24, 25, 48, 72, 167, 168, 169, 336];

// log1p keeps zeros (closed or quiet hours) finite and makes the additive models multiplicative.
const onLog =
  (f: (y: Float64Array, h: number) => number[]) =>
  (y: Float64Array, h: number): number[] =>
    f(y.map(Math.log1p), h).map(Math.expm1);

/** Every method the library knows, by name. */
export const CANDIDATES: Readonly<Record<string, CandidateMethod>> = {
  'seasonal-naive-weekly': { name: 'seasonal-naive-weekly', minHistory: WEEK_HOURS, forecast: (y, h) => seasonalNaive(y, h, WEEK_HOURS) },
  'seasonal-naive-daily': { name: 'seasonal-naive-daily', minHistory: DAY_HOURS, forecast: (y, h) => seasonalNaive(y, h, DAY_HOURS) },
  'same-slot-mean-4w': { name: 'same-slot-mean-4w', minHistory: WEEK_HOURS, simple: true, forecast: (y, h) => sameSlotMean(y, h, WEEK_HOURS, 4) },
  'same-slot-mean-8w': { name: 'same-slot-mean-8w', minHistory: WEEK_HOURS, simple: true, forecast: (y, h) => sameSlotMean(y, h, WEEK_HOURS, 8) },
  'same-slot-median-4w': { name: 'same-slot-median-4w', minHistory: WEEK_HOURS, simple: true, forecast: (y, h) => sameSlotMedian(y, h, WEEK_HOURS, 4) },
  'same-slot-median-8w': { name: 'same-slot-median-8w', minHistory: WEEK_HOURS, simple: true, forecast: (y, h) => sameSlotMedian(y, h, WEEK_HOURS, 8) },
  // One week of eight dropped at each end.
  'same-slot-trimmed-mean-8w': {
    name: 'same-slot-trimmed-mean-8w',
    minHistory: WEEK_HOURS,
    simple: true,
    forecast: (y, h) => sameSlotTrimmedMean(y, h, WEEK_HOURS, 8, 0.125),
  },
  'weekday-profile': { name: 'weekday-profile', minHistory: WEEK_HOURS, forecast: (y, h) => weekdayProfile(y, h, 4, 8) },
  'smoothed-day-profile': { name: 'smoothed-day-profile', minHistory: 2 * WEEK_HOURS, forecast: (y, h) => smoothedDayProfile(y, h) },
  'same-slot-mean-daily': { name: 'same-slot-mean-daily', minHistory: DAY_HOURS, forecast: (y, h) => sameSlotMean(y, h, DAY_HOURS, 7) },
  'seasonal-ar-log': {
    name: 'seasonal-ar-log',
    minHistory: 2 * WEEK_HOURS,
    forecast: onLog((y, h) => seasonalAutoregression(y, h, SEASONAL_LAGS)),
  },
  'seasonal-ar-log-long': {
    name: 'seasonal-ar-log-long',
    minHistory: 3 * WEEK_HOURS,
    forecast: onLog((y, h) => seasonalAutoregression(y, h, SEASONAL_LAGS_LONG)),
  },
  'seasonal-ar': { name: 'seasonal-ar', minHistory: 2 * WEEK_HOURS, forecast: (y, h) => seasonalAutoregression(y, h, SEASONAL_LAGS) },
  'holt-winters-double-log': {
    name: 'holt-winters-double-log',
    minHistory: 2 * WEEK_HOURS,
    forecast: onLog((y, h) => fitDoubleSeasonalHoltWinters(y, DAY_HOURS, WEEK_HOURS).forecast(h)),
  },
  'holt-winters-double': {
    name: 'holt-winters-double',
    minHistory: 2 * WEEK_HOURS,
    forecast: (y, h) => fitDoubleSeasonalHoltWinters(y, DAY_HOURS, WEEK_HOURS).forecast(h),
  },
  'mstl-ets-log': {
    name: 'mstl-ets-log',
    minHistory: 2 * WEEK_HOURS,
    // Four weeks (four weekly cycles) are enough for STL's seasonal windows and keep a fit under 0.1 s.
    forecast: onLog((y, h) => mstlEts(y.subarray(Math.max(0, y.length - 4 * WEEK_HOURS)), h, [DAY_HOURS, WEEK_HOURS])),
  },
};

/**
 * The default candidates, in order of preference when no backtest is possible. MSTL–ETS joins only
 * once its WebAssembly module is initialised (see `initMstl`).
 */
export function defaultCandidateNames(): string[] {
  const names = [
    'seasonal-ar-log',
    'seasonal-ar-log-long',
    'seasonal-ar',
    'holt-winters-double-log',
    'holt-winters-double',
    'weekday-profile',
    'smoothed-day-profile',
    'same-slot-mean-4w',
    'same-slot-mean-8w',
    'same-slot-median-4w',
    'same-slot-median-8w',
    'same-slot-trimmed-mean-8w',
    'seasonal-naive-weekly',
    'same-slot-mean-daily',
    'seasonal-naive-daily',
  ];
  if (isMstlReady()) names.splice(5, 0, 'mstl-ets-log');
  return names;
}
