import { calibrateResiduals, type ResidualModel } from '../core/intervals.js';
import { DAY_HOURS } from '../time/local-time.js';
import type { CalendarModel } from './calendar-model.js';
import type { FittedForecast } from './select-and-fit.js';

/**
 * The fourth step of `forecastSeries`: the residual model behind the prediction quantiles. Its
 * residuals are those of the chosen procedure at the origins that scored it out of sample (each
 * forecast from the hours before its origin, weights and calendar effects included), bucketed by
 * horizon day. Too short to backtest, the spread of day-on-day changes stands in for the forecast
 * error. O(N log N) for N residuals.
 *
 * @example residualStep(calendar, fitted).pooled.length
 */
export function residualStep(cal: CalendarModel, fitted: FittedForecast): ResidualModel {
  if (fitted.scored.actuals.length > 0) return calibrateResiduals(fitted.scored.actuals, fitted.scored.forecasts, DAY_HOURS);
  const a: number[] = [];
  const p: number[] = [];
  for (let g = DAY_HOURS; g < cal.fitGrid.length; g++) {
    if (cal.isClosed(g)) continue;
    a.push(cal.fitGrid[g]!);
    p.push(cal.fitGrid[g - DAY_HOURS]!);
  }
  return calibrateResiduals([a], [p], Number.MAX_SAFE_INTEGER);
}
