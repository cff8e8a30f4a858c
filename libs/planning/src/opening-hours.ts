import { DateTime } from 'luxon';
import type { OpeningHours } from '@staffcast/events';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const HOUR_MS = 3_600_000;

/**
 * Whether a queue is open in each UTC hour: an hour is open when its local start time (in the
 * queue's IANA zone, so DST shifts the UTC hours) falls inside one of that weekday's ranges.
 *
 * Units: `startMs` is a UTC hour in epoch milliseconds; returns one boolean per hour.
 * Complexity: O(hours · ranges per day).
 *
 * @example openHours(hours, 'America/New_York', Date.UTC(2026, 2, 2, 13), 1) // [true] — 08:00 Monday in New York
 */
export function openHours(hours: OpeningHours, timeZone: string, startMs: number, count: number): boolean[] {
  const open: boolean[] = [];
  for (let h = 0; h < count; h++) {
    const local = DateTime.fromMillis(startMs + h * HOUR_MS, { zone: timeZone });
    const minute = local.hour * 60 + local.minute;
    const ranges = hours[WEEKDAYS[local.weekday - 1]!];
    open.push(ranges.some((r) => minute >= toMinutes(r.from) && minute < toMinutes(r.to)));
  }
  return open;
}

function toMinutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}
