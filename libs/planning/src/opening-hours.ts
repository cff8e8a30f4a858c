import { DateTime, Info } from 'luxon';
import { zoneOffsetLookup } from '@staffcast/forecasting';
import type { OpeningHours } from '@staffcast/events';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * Whether a queue is open in each UTC hour: an hour is open when its local start time (in the
 * queue's IANA zone, so DST shifts the UTC hours) falls inside one of that weekday's ranges.
 *
 * The local time is luxon's: the zone's UTC offset at the instant (luxon's own lookup, memoised per
 * zone and instant because each lookup formats a date through Intl and every queue of a zone asks
 * for the same hours), then the wall clock of instant + offset, as luxon's DateTime computes it.
 *
 * Units: `startMs` is a UTC hour in epoch milliseconds; returns one boolean per hour.
 * Complexity: O(hours · ranges per day), plus one offset lookup per zone and hour not seen before.
 *
 * @example openHours(hours, 'America/New_York', Date.UTC(2026, 2, 2, 13), 1) // [true] — 08:00 Monday in New York
 */
export function openHours(hours: OpeningHours, timeZone: string, startMs: number, count: number): boolean[] {
  const zone = Info.normalizeZone(timeZone);
  // A zone luxon cannot use: keep luxon's own behaviour for it.
  if (!zone.isValid) return openHoursViaDateTime(hours, timeZone, startMs, count);
  const ranges = WEEKDAYS.map((d) => hours[d].map((r) => [toMinutes(r.from), toMinutes(r.to)] as const));
  const offsetAt = zoneOffsetLookup(zone);
  const open: boolean[] = [];
  for (let h = 0; h < count; h++) {
    const ms = startMs + h * HOUR_MS;
    const local = ms + offsetAt(ms) * MINUTE_MS;
    const minute = mod(Math.floor(local / MINUTE_MS), 1440);
    // Epoch day 0 (1970-01-01) was a Thursday: index 3 with Monday = 0.
    const day = ranges[mod(Math.floor(local / DAY_MS) + 3, 7)]!;
    open.push(day.some(([from, to]) => minute >= from && minute < to));
  }
  return open;
}

/** The original per-hour luxon evaluation (kept for zones luxon reports invalid). */
function openHoursViaDateTime(hours: OpeningHours, timeZone: string, startMs: number, count: number): boolean[] {
  const open: boolean[] = [];
  for (let h = 0; h < count; h++) {
    const local = DateTime.fromMillis(startMs + h * HOUR_MS, { zone: timeZone });
    const minute = local.hour * 60 + local.minute;
    const ranges = hours[WEEKDAYS[local.weekday - 1]!];
    open.push(ranges.some((r) => minute >= toMinutes(r.from) && minute < toMinutes(r.to)));
  }
  return open;
}

function mod(a: number, m: number): number {
  return ((a % m) + m) % m;
}

function toMinutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}
