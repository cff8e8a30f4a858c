import { QueryBus } from '@nestjs/cqrs';
import { toCsv } from '@staffcast/planning';
import { DateTime } from 'luxon';
import { parseOrThrow } from '../../planner-api/src/http/validation.js';
import { QueueForecastRequest } from '../../planner-api/src/planning/planning.dto.js';
import { GetQueueForecasts } from '../../planner-api/src/planning/planning.messages.js';
import type { QueueForecast } from '../../planner-api/src/planning/queue-forecast.service.js';
import { EXIT } from './cli-io.js';
import { defined, fromOption, horizonOption, numberOption, type CliCommand } from './command.js';
import { withSpinner } from './progress.js';
import { fixed, percent, textTable } from './text-table.js';

const HOUR_MS = 3_600_000;

/** One queue's forecast by local day: volume, the busiest hour and the volume-weighted AHT. O(hours). */
export function formatForecastTable(forecast: QueueForecast): string {
  const startMs = Date.parse(forecast.start);
  const days = new Map<string, { volume: number; handle: number; peak: number; peakHour: string }>();
  forecast.volume.mean.forEach((volume, h) => {
    const local = DateTime.fromMillis(startMs + h * HOUR_MS, { zone: forecast.timeZone });
    const day = local.toFormat('ccc yyyy-MM-dd');
    const entry = days.get(day) ?? { volume: 0, handle: 0, peak: -1, peakHour: '' };
    entry.volume += volume;
    entry.handle += volume * forecast.aht.meanSeconds[h]!;
    if (volume > entry.peak) Object.assign(entry, { peak: volume, peakHour: local.toFormat('HH:mm') });
    days.set(day, entry);
  });
  const rows = [...days].map(([day, d]) => [day, fixed(d.volume, 1), d.peakHour, fixed(d.peak, 1), d.volume > 0 ? fixed(d.handle / d.volume, 0) : '-']);
  const wape = forecast.backtest.wape === null ? 'no backtest' : `backtest WAPE ${percent(forecast.backtest.wape)} over ${forecast.backtest.origins} origins`;
  return [
    `${forecast.queueId} (${forecast.channel}, ${forecast.timeZone}): ${forecast.method}, ${wape}, ${forecast.historyHours} h of history`,
    ...textTable([['local day', 'volume', 'peak hour', 'peak volume', 'AHT s'], ...rows], 1),
    '',
  ].join('\n');
}

/** One CSV row per queue and hour: the mean, each quantile and the AHT. */
export function forecastCsv(forecasts: readonly QueueForecast[]): string {
  const levels = [...new Set(forecasts.flatMap((f) => Object.keys(f.volume.quantiles)))].sort();
  const columns = ['queueId', 'hour', 'mean', ...levels.map((l) => `q${l}`), 'ahtSeconds'];
  const rows = forecasts.flatMap((f) =>
    f.volume.mean.map((mean, h): Record<string, string | number | null> => ({
      queueId: f.queueId,
      hour: new Date(Date.parse(f.start) + h * HOUR_MS).toISOString(),
      mean,
      ...Object.fromEntries(levels.map((l) => [`q${l}`, f.volume.quantiles[l]?.[h] ?? null])),
      ahtSeconds: f.aht.meanSeconds[h]!,
    })),
  );
  return toCsv(columns, rows);
}

export const forecastCommand: CliCommand = {
  words: ['forecast'],
  usage: 'forecast --from DATE [--weeks N] [--queue ID]... [--quantile Q]... [--as-of POS|TIME] [--json|--csv]',
  summary: 'hourly volume and AHT forecasts per queue, with the method chosen',
  help: `  --from DATE|HOUR   first hour: a date (its midnight UTC) or a UTC hour
  --weeks N          horizon in weeks (default 1), or --hours N
  --queue ID         only this queue (repeat for more); default every queue
  --quantile Q       also forecast this quantile, e.g. 0.1 and 0.9 (repeat for more)
  --as-of POS|TIME   the forecast as the log stood at a position or an ISO time

Prints, per queue, the method the backtest chose and its WAPE, then each local day's volume, its
busiest hour and the AHT. --json prints what POST /v1/forecasts answers; --csv one row per hour.`,
  options: {
    from: { type: 'string' },
    weeks: { type: 'string' },
    hours: { type: 'string' },
    queue: { type: 'string', multiple: true },
    quantile: { type: 'string', multiple: true },
    'as-of': { type: 'string' },
  },
  csv: true,
  prepare({ values, format }, io) {
    const quantiles = (values.quantile as string[] | undefined)?.map((q) => numberOption(q, 'quantile'));
    const body = defined({ from: fromOption(values.from as string | undefined), horizonHours: horizonOption(values), queueIds: values.queue, quantiles, asOf: values['as-of'] });
    const request = parseOrThrow(QueueForecastRequest, body);
    const query = new GetQueueForecasts({ fromMs: request.from, horizonHours: request.horizonHours, ...defined({ queueIds: request.queueIds, quantiles: request.quantiles, asOf: request.asOf }) });
    return async (ctx) => {
      const { forecasts } = await withSpinner(io, 'forecasting', () => ctx.app.get(QueryBus).execute(query));
      if (format === 'json') io.out(`${JSON.stringify({ from: new Date(request.from).toISOString(), horizonHours: request.horizonHours, queues: forecasts })}\n`);
      else if (format === 'csv') io.out(forecastCsv(forecasts));
      else io.out(forecasts.map(formatForecastTable).join('\n'));
      return EXIT.ok;
    };
  },
};
