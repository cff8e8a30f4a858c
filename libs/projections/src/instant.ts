import { instantMs } from '@staffcast/events';

const d = (s: string, i: number) => s.charCodeAt(i) - 48;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  return month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : MONTH_DAYS[month - 1]!;
}

/**
 * Milliseconds since the epoch of a stored ISO-8601 instant: the same value as `instantMs`, with
 * a fast path for the canonical `YYYY-MM-DDTHH:mm:ssZ` form (20 characters, UTC) that most
 * recorded events use, read digit by digit instead of through a regular expression. Any other
 * form (offsets, fractions) goes to `instantMs`. O(length).
 *
 * @example projectedInstantMs('2026-11-01T13:00:00Z') // Date.UTC(2026, 10, 1, 13)
 */
export function projectedInstantMs(iso: string): number {
  if (iso.length === 20 && iso.charCodeAt(19) === 90 /* Z */ && iso.charCodeAt(10) === 84 /* T */ && iso.charCodeAt(4) === 45 && iso.charCodeAt(7) === 45) {
    const year = d(iso, 0) * 1000 + d(iso, 1) * 100 + d(iso, 2) * 10 + d(iso, 3);
    const month = d(iso, 5) * 10 + d(iso, 6);
    const day = d(iso, 8) * 10 + d(iso, 9);
    const hour = d(iso, 11) * 10 + d(iso, 12);
    const minute = d(iso, 14) * 10 + d(iso, 15);
    const second = d(iso, 17) * 10 + d(iso, 18);
    // Stored instants were validated on write; the range check keeps this exactly equal to instantMs for anything else.
    if (year >= 1970 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month) && hour <= 23 && minute <= 59 && second <= 59) {
      return Date.UTC(year, month - 1, day, hour, minute, second);
    }
  }
  return instantMs(iso);
}
