import type { IANAZone } from 'luxon';
import { dateWallHour } from '../calendar/holidays.js';
import { HOUR_MS, ianaZone, parseUtcHour } from '../time/local-time.js';
import { MAX_HORIZON_HOURS, type LaunchInput, type ParsedLaunch, type SeriesForecastInput, type SeriesForecastOptions } from './types.js';

/** A series forecast request, checked, with instants in UTC milliseconds and gaps as NaN. */
export interface ParsedSeriesInput {
  startMs: number;
  /** contacts per UTC hour, NaN for a missing hour */
  values: number[];
  horizon: number;
  zone: IANAZone;
  quantiles: number[];
  holidays: string[];
  launches: ParsedLaunch[];
  options: SeriesForecastOptions;
  /** UTC instant of the first forecast hour */
  futureStart: number;
}

/**
 * The first step of `forecastSeries`: checks every field of the request. O(n).
 *
 * @throws RangeError whose message starts with the offending field, e.g. "values[3]: must be …".
 * @example parseSeriesInput({ start: '2024-01-01T00:00:00Z', values: [1, null], horizonHours: 24 }).values // [1, NaN]
 */
export function parseSeriesInput(input: SeriesForecastInput): ParsedSeriesInput {
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
  return { startMs, values, horizon, zone, quantiles, holidays, launches, options: input.options ?? {}, futureStart: startMs + values.length * HOUR_MS };
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
