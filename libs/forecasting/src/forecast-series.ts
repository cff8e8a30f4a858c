import { intervalQuantiles } from './core/intervals.js';
import { buildCalendarModel } from './pipeline/calendar-model.js';
import { horizonCalendar } from './pipeline/horizon-calendar.js';
import { parseSeriesInput } from './pipeline/parse-input.js';
import { residualStep } from './pipeline/residual-step.js';
import { selectAndFit } from './pipeline/select-and-fit.js';
import type { SeriesForecast, SeriesForecastInput } from './pipeline/types.js';
import { formatUtc } from './time/local-time.js';

export {
  MAX_HORIZON_HOURS,
  type AppliedLaunchReport,
  type LaunchInput,
  type PastLaunchReport,
  type SeriesForecast,
  type SeriesForecastInput,
  type SeriesForecastOptions,
} from './pipeline/types.js';

/**
 * Forecasts an hourly contact series: local-time seasonality, candidate methods chosen and weighted
 * by out-of-sample backtest evidence, holidays, launches, calibrated prediction quantiles. A
 * pipeline of pure steps:
 *
 * 1. `parseSeriesInput`: every field checked.
 * 2. `buildCalendarModel`: the UTC series onto its local wall-clock grid (daily and weekly periods
 *    follow local time across DST); past launch windows and holidays masked; the holiday, catch-up
 *    and month-turn effects and each past launch's realised uplift measured; hours of the week that
 *    were zero for the last four weeks closed (forecast 0).
 * 3. `selectAndFit`: each candidate backtested from rolling origins (each origin's prefix gap-filled
 *    on its own); the published forecast is the procedure with the least out-of-sample error among
 *    the simple same-slot estimators and blends of the inverse-error combination (w ∝ MAE^−p, p = 4
 *    by default) with the best simple estimator, weights always taken from earlier origins than
 *    those they are scored on, so it is never worse on the backtest than the best simple estimator.
 *    Short histories fall back to the methods they can support (under a day: the mean).
 * 4. `residualStep`: quantiles from the chosen procedure's out-of-sample residuals on the log1p
 *    scale, by horizon day.
 * 5. `horizonCalendar`: back to UTC hours; future holidays and catch-up days scaled by the learned
 *    effects; launch windows add their uplift (given, or learned) with their profile.
 *
 * Units: contacts per hour; all outputs are ≥ 0. Complexity: O(n) for the calendar work plus the
 * candidates' fitting cost times (origins + 1).
 *
 * @throws RangeError whose message starts with the offending field, for any input it cannot use.
 * @example forecastSeries({ start: '2024-01-01T05:00:00Z', values, horizonHours: 168, timeZone: 'America/New_York', quantiles: [0.1, 0.9] })
 */
export function forecastSeries(request: SeriesForecastInput): SeriesForecast {
  const input = parseSeriesInput(request);
  const calendar = buildCalendarModel(input);
  const fitted = selectAndFit(input, calendar);
  const gridQuantiles = intervalQuantiles(fitted.gridMean, residualStep(calendar, fitted), input.quantiles);
  const horizon = horizonCalendar(input, calendar);
  return {
    start: formatUtc(input.futureStart),
    horizonHours: input.horizon,
    method: fitted.method,
    weights: Object.fromEntries(fitted.weights),
    mean: horizon.finish(fitted.gridMean),
    quantiles: Object.fromEntries(Object.entries(gridQuantiles).map(([k, v]) => [k, horizon.finish(v)])),
    backtest: fitted.backtest,
    holidayEffect: calendar.holidayEffect,
    monthTurnEffect: calendar.monthTurnEffect,
    launches: { past: calendar.pastLaunches, applied: horizon.applied },
    closedHoursOfWeek: [...calendar.closed.keys()].filter((s) => calendar.closed[s] === 1),
  };
}
