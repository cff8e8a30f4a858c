import { z } from 'zod';
import { MAX_YEAR, MIN_YEAR } from '@staffcast/events';

/**
 * Calendar months of a plan, `YYYY-MM`, local to the plan's market. The model counts months by an
 * integer index from the plan's first month, so month arithmetic never touches time zones.
 */

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A calendar month `YYYY-MM`, year 1970–2200. */
export const PlanMonth = z
  .string()
  .max(7)
  .superRefine((value, ctx) => {
    const match = MONTH_PATTERN.exec(value);
    if (!match) {
      ctx.addIssue({ code: 'custom', message: 'must be a month YYYY-MM, e.g. 2025-03' });
      return;
    }
    const year = Number(match[1]);
    if (year < MIN_YEAR || year > MAX_YEAR) ctx.addIssue({ code: 'custom', message: `year must be between ${MIN_YEAR} and ${MAX_YEAR}` });
  })
  .describe('Calendar month YYYY-MM');
export type PlanMonth = z.infer<typeof PlanMonth>;

/**
 * Months since January of year 0 for a `YYYY-MM` string: a total order where consecutive months
 * differ by 1. Throws on a malformed month (callers validate with {@link PlanMonth} first). O(1).
 *
 * @example absoluteMonth('2025-03') // 2025 * 12 + 2 = 24302
 */
export function absoluteMonth(month: string): number {
  const match = MONTH_PATTERN.exec(month);
  if (!match) throw new RangeError(`not a month YYYY-MM: ${month.slice(0, 20)}`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

/**
 * Index of `month` counted from `startMonth` (0 = the start month; negative before it). O(1).
 *
 * @example monthIndex('2025-01', '2025-03') // 2; monthIndex('2025-01', '2024-12') // -1
 */
export function monthIndex(startMonth: string, month: string): number {
  return absoluteMonth(month) - absoluteMonth(startMonth);
}

/**
 * The month `offset` months after `month` (negative offsets go back). O(1).
 *
 * @example addMonths('2025-11', 3) // '2026-02'
 */
export function addMonths(month: string, offset: number): string {
  const total = absoluteMonth(month) + offset;
  const year = Math.floor(total / 12);
  const m = total - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

/**
 * Days in a calendar month (Gregorian), 28–31. O(1).
 *
 * @example daysInMonth('2024-02') // 29; daysInMonth('2025-02') // 28
 */
export function daysInMonth(month: string): number {
  const total = absoluteMonth(month);
  const year = Math.floor(total / 12);
  const m = total - year * 12;
  if (m === 1) return isLeapYear(year) ? 29 : 28;
  return m === 3 || m === 5 || m === 8 || m === 10 ? 30 : 31;
}

/** Gregorian leap year. O(1). Example: `isLeapYear(2000) === true`, `isLeapYear(2100) === false`. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Weeks in a calendar month, days / 7 (4.0–4.43): converts a weekly rate (hours per FTE per week)
 * into the month's hours. O(1).
 *
 * @example weeksInMonth('2025-01') // 31 / 7 ≈ 4.4286
 */
export function weeksInMonth(month: string): number {
  return daysInMonth(month) / 7;
}

/**
 * The plan's months in order: `count` months from `startMonth`. O(count).
 *
 * @example planMonths('2025-11', 3) // ['2025-11', '2025-12', '2026-01']
 */
export function planMonths(startMonth: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(startMonth, i));
}
