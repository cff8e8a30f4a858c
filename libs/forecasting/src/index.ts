// Public API of the forecasting library: pure functions over hourly series.

// Local time
export {
  HOUR_MS,
  DAY_HOURS,
  WEEK_HOURS,
  ianaZone,
  parseUtcHour,
  formatUtc,
  localWallHour,
  localWallHours,
  localHourOfDay,
  localHourOfWeek,
  wallHourOfWeek,
  wallHourDate,
  zoneOffsetLookup,
} from './time/local-time.js';
export { toLocalGrid, fromLocalGrid, type LocalGrid } from './time/local-grid.js';

// Methods
export { seasonalNaive } from './methods/seasonal-naive.js';
export { sameSlotMean } from './methods/same-slot-mean.js';
export { sameSlotMedian, sameSlotTrimmedMean } from './methods/same-slot-robust.js';
export { withinHourShares } from './methods/within-hour-shares.js';
export { weekdayProfile } from './methods/weekday-profile.js';
export { smoothedDayProfile } from './methods/smoothed-day-profile.js';
export { seasonalAutoregression } from './methods/seasonal-autoregression.js';
export { fitDoubleSeasonalHoltWinters, type DoubleSeasonalFit, type DoubleSeasonalParams } from './methods/double-seasonal-holt-winters.js';
export { initMstl, isMstlReady, mstlEts } from './methods/mstl-ets.js';
export { naive2 } from './methods/naive2.js';
export { CANDIDATES, defaultCandidateNames, type CandidateMethod } from './methods/candidates.js';
export { forecastAht, type AhtForecastInput, type AhtForecast } from './methods/aht-forecast.js';

// Selection, combination, intervals
export { rollingOriginBacktest, implausibility, type BacktestResult } from './core/backtest.js';
export { inverseErrorWeights, weightedCombination } from './core/combination.js';
export { selectByOutOfSample, type BacktestedCandidate, type SelectionInput, type Selection } from './core/selection.js';
export { calibrateResiduals, intervalQuantiles, quantileKey, MIN_BUCKET_SAMPLES, type ResidualModel } from './core/intervals.js';
export { imputeSeasonal } from './core/impute.js';
export { quantileSorted } from './core/quantile.js';
export { autocorrelation } from './core/autocorrelation.js';
export { isSeasonal } from './core/seasonality-test.js';
export { multiplicativeSeasonalIndices } from './core/classical-decomposition.js';
export { leastSquares } from './core/least-squares.js';
export { nelderMead } from './core/nelder-mead.js';

// Calendar
export { learnHolidayEffect, nextOpenDays, dateWallHour, type HolidayEffect } from './calendar/holidays.js';
export { launchShape, realisedUpliftPct, learnedUpliftPct, type LaunchProfile } from './calendar/launches.js';
export { closedHoursOfWeek } from './calendar/closed-hours.js';

// Accuracy (docs/ARCHITECTURE.md, Definitions)
export { wape } from './metrics/wape.js';
export { bias } from './metrics/bias.js';
export { mase, seasonalNaiveScale } from './metrics/mase.js';
export { coverage } from './metrics/coverage.js';
export { smape } from './metrics/smape.js';
export { owa } from './metrics/owa.js';

// The series forecaster
export {
  forecastSeries,
  MAX_HORIZON_HOURS,
  type SeriesForecastInput,
  type SeriesForecastOptions,
  type SeriesForecast,
  type LaunchInput,
  type PastLaunchReport,
  type AppliedLaunchReport,
} from './forecast-series.js';

// Intraday
export { intradayReforecast, type IntradayInput, type IntradayReforecast, type IntradayScale } from './intraday/intraday-reforecast.js';
export { intradayPersistence, sameSlotPastDays, PERSISTENCE_DAYS, PERSISTENCE_PRIOR_DAYS, type PastDay, type Persistence } from './intraday/intraday-persistence.js';
