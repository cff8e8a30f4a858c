import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { forecastSeries, type SeriesForecast } from '@staffcast/forecasting';
import { RequireRole } from '../http/auth.js';
import { ValidationError, parseOrThrow } from '../http/validation.js';
import { SeriesForecastRequest, type SeriesForecastResponse } from './forecast-series.dto.js';

/** A library message "launches[0].end: must be after start" → the zod-style path "launches.0.end". */
const FIELD_MESSAGE = /^([A-Za-z]+(?:\[\d+\])?(?:\.[A-Za-z]+)?): (.+)$/s;

/**
 * Stateless forecasts: the caller sends an hourly series and gets the forecast, its
 * quantiles and how it was made. Nothing is read from or written to the event log.
 */
@Controller('v1/forecasts')
export class ForecastsController {
  /** 200 with the forecast; 400 naming the field for any input the forecaster cannot use. */
  @RequireRole('viewer')
  @Post('series')
  @HttpCode(200)
  series(@Body() body: unknown): SeriesForecastResponse {
    const input = parseOrThrow(SeriesForecastRequest, body);
    let f: SeriesForecast;
    try {
      f = forecastSeries(input);
    } catch (e) {
      // The library names the field at the start of a RangeError (e.g. a launch ending before it starts).
      const match = e instanceof RangeError ? FIELD_MESSAGE.exec(e.message) : null;
      if (match) throw new ValidationError([{ path: match[1]!.replace(/\[(\d+)\]/g, '.$1'), message: match[2]! }]);
      throw e;
    }
    return {
      start: f.start,
      horizonHours: f.horizonHours,
      method: f.method,
      weights: f.weights,
      mean: f.mean,
      quantiles: f.quantiles,
      backtest: {
        origins: f.backtest.origins,
        horizonHours: f.backtest.horizonHours,
        wape: f.backtest.wape,
        baseline: f.backtest.baseline,
        combinationShare: f.backtest.combinationShare,
      },
      holidayEffect: { ratio: f.holidayEffect.ratio, nextOpenDayRatio: f.holidayEffect.nextOpenDayRatio },
      monthTurnEffect: f.monthTurnEffect.ratios,
      launches: f.launches,
    };
  }
}
