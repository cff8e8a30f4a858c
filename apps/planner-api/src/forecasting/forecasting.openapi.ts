import type { RouteDoc, RouteDocs } from '../http/openapi/route-doc.js';
import { SeriesForecastRequest, SeriesForecastResponse } from './forecast-series.dto.js';

/** The series answer's schema is the one the controller answers with. */
const SeriesForecastBody = SeriesForecastResponse;

/** A smooth daily cycle over three weeks, quieter at weekends: enough history for the backtest. */
const VALUES = Array.from({ length: 24 * 21 }, (_, h) => Math.round(25 + 15 * Math.sin((((h % 24) - 6) / 24) * 2 * Math.PI) - (h % 168 >= 120 ? 8 : 0)));

/** Stateless forecasts of a series the caller sends. */
export const forecastingRoutes: RouteDocs = (): RouteDoc[] => [
  {
    method: 'post',
    path: '/v1/forecasts/series',
    tag: 'forecasts',
    summary: 'Forecast an hourly series the caller sends',
    description: 'Daily and weekly seasonality in `timeZone` (DST-correct), holidays, month turns and launch uplifts, with calibrated quantiles; the method is chosen by a rolling-origin backtest. Nothing is read from or written to the log.',
    role: 'viewer',
    body: { schema: SeriesForecastRequest, example: { start: '2026-10-19T04:00:00Z', values: VALUES, horizonHours: 3, timeZone: 'America/New_York', quantiles: [0.1, 0.9], holidays: ['2026-11-26'], launches: [{ start: '2026-11-10T14:00:00Z', end: '2026-11-12T14:00:00Z', upliftPct: 40, kind: 'product', profile: 'spike-decay' }] } },
    responses: {
      200: {
        description: 'The forecast and how it was made',
        schema: SeriesForecastBody,
        example: {
          start: '2026-11-09T04:00:00.000Z',
          horizonHours: 3,
          method: 'combination',
          weights: { 'seasonal-naive': 0.5, 'mstl-ets': 0.5 },
          mean: [11.6, 10.6, 12.4],
          quantiles: { '0.1': [8.1, 7.3, 8.9], '0.9': [15.2, 14.1, 16.0] },
          backtest: { origins: 3, horizonHours: 3, wape: 0.081, baseline: { method: 'same-slot-mean-4w', wape: 0.094 }, combinationShare: 0.75 },
          holidayEffect: { ratio: null, nextOpenDayRatio: null },
          monthTurnEffect: { last: null, first: null, second: null, third: null },
          launches: { past: [], applied: [] },
        },
      },
    },
  },
];
