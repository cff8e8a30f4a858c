import { DateTime, IANAZone } from 'luxon';
import { WEEKDAYS, localMinutes } from '@staffcast/events';
import type { Coverage } from '../plan/plan-input.js';
import { absoluteMonth, daysInMonth } from '../plan/plan-month.js';

/** Covered time in one local clock hour of the week, summed over a month. */
export interface CoveredHour {
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** Local clock hour 0–23. */
  hour: number;
  /** Real minutes covered in this clock hour, summed over every such weekday of the month. */
  minutes: number;
}

/**
 * The covered local clock hours of a calendar month, grouped by hour of the week. Each coverage range
 * of each date is cut at clock-hour boundaries and each piece is measured in real minutes in the
 * plan's time zone, so DST is exact: on the spring-forward night the skipped hour covers 0 minutes,
 * on the fall-back night the repeated hour covers 120. Hours with no coverage are omitted.
 *
 * Units: minutes. Complexity O(days × covered hours per day); exact local-time arithmetic (luxon) is
 * only needed on the days around a UTC offset change.
 *
 * @example
 * // Mon–Fri 09:00–17:00 in January 2025 (23 weekdays: 5 Wednesdays, Thursdays and Fridays, 4 Mondays and Tuesdays)
 * coveredHoursOfMonth(coverage, 'America/New_York', '2025-01').find((h) => h.weekday === 0 && h.hour === 9) // { weekday: 0, hour: 9, minutes: 240 }
 */
export function coveredHoursOfMonth(coverage: Coverage, timeZone: string, month: string): CoveredHour[] {
  const total = absoluteMonth(month);
  const year = Math.floor(total / 12);
  const monthOfYear = total - year * 12 + 1;
  const minutes = new Float64Array(7 * 24);
  const zone = IANAZone.create(timeZone);
  for (let day = 1; day <= daysInMonth(month); day++) {
    const utcMidnight = Date.UTC(year, monthOfYear - 1, day);
    // 1970-01-01 was a Thursday (index 3 with Monday = 0).
    const weekday = (((Math.floor(utcMidnight / 86_400_000) + 3) % 7) + 7) % 7;
    const ranges = coverage[WEEKDAYS[weekday]!];
    if (ranges.length === 0) continue;
    // UTC offsets lie within ±14 h, so equal offsets 14 h before and 38 h after UTC midnight mean no
    // clock change during this local day (changes are months apart); otherwise measure exactly.
    const regular = zone.offset(utcMidnight - 14 * 3_600_000) === zone.offset(utcMidnight + 38 * 3_600_000);
    for (const [from, to] of ranges) {
      const a = localMinutes(from);
      const b = localMinutes(to);
      for (let h = Math.floor(a / 60); h * 60 < b; h++) {
        const lo = Math.max(a, h * 60);
        const hi = Math.min(b, (h + 1) * 60);
        minutes[weekday * 24 + h]! += regular ? hi - lo : realMinutes(year, monthOfYear, day, lo, hi, timeZone);
      }
    }
  }
  const out: CoveredHour[] = [];
  minutes.forEach((m, key) => {
    if (m > 0) out.push({ weekday: Math.floor(key / 24), hour: key % 24, minutes: m });
  });
  return out;
}

/** Real minutes between two local times of one date (the later may be 24:00). */
function realMinutes(year: number, month: number, day: number, lo: number, hi: number, zone: string): number {
  const at = (m: number) =>
    m >= 1440
      ? DateTime.fromObject({ year, month, day }, { zone }).plus({ days: 1 }).startOf('day').toMillis()
      : DateTime.fromObject({ year, month, day, hour: Math.floor(m / 60), minute: m % 60 }, { zone }).toMillis();
  return Math.max(0, (at(hi) - at(lo)) / 60_000);
}
