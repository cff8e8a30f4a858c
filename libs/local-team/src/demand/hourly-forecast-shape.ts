import { DateTime, IANAZone } from 'luxon';
import { localFields } from './local-calendar.js';
import type { MonthlyVolume } from './month-of-year-pattern.js';

/** One hour of a queue's volume forecast. */
export interface HourlyVolume {
  /** Start of the hour, Unix milliseconds (UTC). */
  startMs: number;
  volume: number;
}

export interface HourlyForecastShape {
  /** Totals of the calendar months (local to `timeZone`) that the forecast covers completely. */
  monthly: MonthlyVolume[];
  /** Mean volume per local hour of the week, index weekday·24 + hour (Monday 00:00 first); 0 where the forecast has none. */
  hourOfWeekWeights: number[];
}

/**
 * Summarises an hourly forecast for carrying it forward: monthly totals of the local calendar months
 * it covers completely (a month is complete when it has as many distinct hours as the month has real
 * hours, DST included), and the local hour-of-week profile that spreads a carried month over hours.
 * Partial months at either end of the horizon are left out of the totals rather than scaled up.
 *
 * Units: contacts per month; contacts per hour. Complexity O(n) plus one time-zone conversion per hour.
 *
 * @example
 * // 744 hours of 10 contacts covering January 2025 in UTC: { monthly: [{ month: '2025-01', volume: 7440 }], … }
 * summariseHourlyForecast(hours, 'UTC').monthly
 */
export function summariseHourlyForecast(hours: readonly HourlyVolume[], timeZone: string): HourlyForecastShape {
  const months = new Map<string, { volume: number; hours: Set<number> }>();
  const sums = new Array<number>(168).fill(0);
  const counts = new Array<number>(168).fill(0);
  const zone = IANAZone.create(timeZone);
  for (const h of hours) {
    const local = localFields(h.startMs + zone.offset(h.startMs) * 60_000);
    const key = `${String(local.year).padStart(4, '0')}-${String(local.month).padStart(2, '0')}`;
    const entry = months.get(key) ?? { volume: 0, hours: new Set<number>() };
    if (!entry.hours.has(h.startMs)) {
      entry.hours.add(h.startMs);
      entry.volume += h.volume;
    }
    months.set(key, entry);
    const slot = local.weekday * 24 + Math.floor(local.minuteOfDay / 60);
    sums[slot]! += h.volume;
    counts[slot]! += 1;
  }
  const monthly: MonthlyVolume[] = [];
  for (const [month, entry] of [...months.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const start = DateTime.fromFormat(month, 'yyyy-MM', { zone: timeZone });
    const realHours = Math.round(start.plus({ months: 1 }).diff(start, 'hours').hours);
    if (entry.hours.size === realHours) monthly.push({ month, volume: entry.volume });
  }
  return { monthly, hourOfWeekWeights: sums.map((s, i) => (counts[i]! > 0 ? s / counts[i]! : 0)) };
}

