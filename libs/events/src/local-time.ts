import { z } from 'zod';

/**
 * Wall-clock times of day in a named time zone (a queue's or a site's). Opening hours and shifts are
 * local so that they follow DST: "08:00–20:00 in America/New_York" stays 08:00 local all year.
 */

/** ISO weekdays, Monday first (luxon's `weekday` 1–7 indexes this list from 1). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const Weekday = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof Weekday>;

export const MINUTES_PER_DAY = 1440;
export const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

const LOCAL_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

/** A local time of day `HH:mm`, 00:00–23:59. */
export const LocalTime = z.string().regex(LOCAL_TIME, 'must be a local time HH:mm between 00:00 and 23:59').describe('Local time of day HH:mm');
export type LocalTime = z.infer<typeof LocalTime>;

/** An end of a local range: `HH:mm`, or `24:00` for the end of the day. */
export const LocalEndTime = z
  .string()
  .regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be a local time HH:mm between 00:00 and 24:00')
  .describe('Local end time HH:mm, 24:00 = end of day');

/** Minutes after local midnight of `HH:mm` (`24:00` → 1440). Example: `localMinutes('08:30') === 510`. O(1). */
export function localMinutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** One opening range within a day, `from` < `to`; a range never crosses midnight (split it at 24:00/00:00). */
export const OpeningRange = z
  .strictObject({ from: LocalTime, to: LocalEndTime })
  .superRefine((range, ctx) => {
    if (localMinutes(range.to) <= localMinutes(range.from)) {
      ctx.addIssue({ code: 'custom', message: 'must end after it starts (split a range that crosses midnight at 24:00)', path: ['to'] });
    }
  });
export type OpeningRange = z.infer<typeof OpeningRange>;

const dayRanges = z
  .array(OpeningRange)
  .max(12)
  .superRefine((ranges, ctx) => {
    const sorted = ranges.map((r, index) => ({ index, from: localMinutes(r.from), to: localMinutes(r.to) })).sort((a, b) => a.from - b.from);
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1]!;
      const cur = sorted[i]!;
      if (cur.from < prev.to) ctx.addIssue({ code: 'custom', message: `overlaps range ${prev.index}`, path: [cur.index] });
    }
  });

/**
 * Opening hours per weekday in the queue's time zone. Every weekday is listed; `[]` means closed,
 * `[{ from: '00:00', to: '24:00' }]` means open all day. Ranges within a day may not overlap.
 */
export const OpeningHours = z
  .strictObject({ mon: dayRanges, tue: dayRanges, wed: dayRanges, thu: dayRanges, fri: dayRanges, sat: dayRanges, sun: dayRanges })
  .describe('Opening hours per weekday (local ranges; [] = closed)');
export type OpeningHours = z.infer<typeof OpeningHours>;

/** A break inside a shift, local times; it may cross midnight when the shift does. */
export const ShiftBreak = z.strictObject({ start: LocalTime, end: LocalTime });
export type ShiftBreak = z.infer<typeof ShiftBreak>;

/**
 * A shift that starts on its weekday at `start` (site-local time). When `end` is not after `start`
 * the shift runs past midnight into the next day (`22:00`–`06:00`). Breaks lie inside the shift.
 */
export const Shift = z
  .strictObject({ start: LocalTime, end: LocalTime, breaks: z.array(ShiftBreak).max(8) })
  .superRefine((shift, ctx) => {
    const issue = shiftIssue(shift);
    if (issue) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  });
export type Shift = z.infer<typeof Shift>;

/** Length of a shift in minutes, 1–1439; a shift ending at or before its start runs past midnight. O(1). */
export function shiftMinutes(shift: { start: string; end: string }): number {
  return (localMinutes(shift.end) - localMinutes(shift.start) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
}

/** Minutes from the shift's start to a local time, assuming it falls within the following 24 hours. */
function offsetInShift(shiftStart: number, time: string): number {
  return (localMinutes(time) - shiftStart + MINUTES_PER_DAY) % MINUTES_PER_DAY;
}

/** Why a shift is malformed (zero length, a break outside it, overlapping breaks), or undefined. O(b log b). */
export function shiftIssue(shift: Shift): { message: string; path: (string | number)[] } | undefined {
  const length = shiftMinutes(shift);
  if (length === 0) return { message: 'a shift must not start and end at the same time', path: ['end'] };
  const start = localMinutes(shift.start);
  const breaks = shift.breaks.map((b, index) => {
    const from = offsetInShift(start, b.start);
    const to = offsetInShift(start, b.end);
    return { index, from, to: to === 0 ? MINUTES_PER_DAY : to };
  });
  for (const b of breaks) {
    if (b.to <= b.from || b.to > length) return { message: 'a break must lie inside its shift and end after it starts', path: ['breaks', b.index] };
  }
  breaks.sort((a, b) => a.from - b.from);
  for (let i = 1; i < breaks.length; i++) {
    if (breaks[i]!.from < breaks[i - 1]!.to) return { message: `overlaps break ${breaks[i - 1]!.index}`, path: ['breaks', breaks[i]!.index] };
  }
  return undefined;
}

export type WeeklyShifts = Record<Weekday, Shift[]>;

export interface ShiftOverlap {
  day: Weekday;
  index: number;
  /** The shift it collides with (possibly on the previous day, or Sunday for a Monday shift). */
  otherDay: Weekday;
  otherIndex: number;
}

/**
 * First pair of overlapping shifts in a weekly pattern, or undefined. Shifts are laid on a
 * repeating week of 10,080 minutes, so a Sunday night shift running into Monday collides with an
 * early Monday shift, and a shift running past midnight collides with the next day's first shift.
 * Touching shifts (one ends 06:00, the next starts 06:00) do not overlap. O(s log s) for s shifts.
 * Example: `{ mon: [{ start: '22:00', end: '06:00' }], tue: [{ start: '05:00', end: '13:00' }] }` → tue[0] vs mon[0].
 */
export function findShiftOverlap(week: Record<Weekday, readonly { start: string; end: string }[]>): ShiftOverlap | undefined {
  const intervals: { day: Weekday; index: number; from: number; to: number }[] = [];
  WEEKDAYS.forEach((day, dayIndex) => {
    week[day].forEach((shift, index) => {
      const from = dayIndex * MINUTES_PER_DAY + localMinutes(shift.start);
      const to = from + (shiftMinutes(shift) || MINUTES_PER_DAY);
      if (to <= MINUTES_PER_WEEK) intervals.push({ day, index, from, to });
      else {
        // Sunday into Monday: the part past the week's end wraps to its start.
        intervals.push({ day, index, from, to: MINUTES_PER_WEEK });
        intervals.push({ day, index, from: 0, to: to - MINUTES_PER_WEEK });
      }
    });
  });
  intervals.sort((a, b) => a.from - b.from || a.to - b.to);
  for (let i = 1; i < intervals.length; i++) {
    const prev = intervals[i - 1]!;
    const cur = intervals[i]!;
    if (cur.from < prev.to) {
      // Name the later-starting shift of the pair as the offender, the wrapped piece's owner as the other.
      return { day: cur.day, index: cur.index, otherDay: prev.day, otherIndex: prev.index };
    }
  }
  return undefined;
}

const dayShifts = z.array(Shift).max(6);

/** Shifts per weekday, in the site's time zone; `[]` = day off. Shifts may not overlap (see {@link findShiftOverlap}). */
export const WeeklyShiftPattern = z
  .strictObject({ mon: dayShifts, tue: dayShifts, wed: dayShifts, thu: dayShifts, fri: dayShifts, sat: dayShifts, sun: dayShifts })
  .superRefine((week, ctx) => {
    const overlap = findShiftOverlap(week);
    if (overlap) {
      ctx.addIssue({
        code: 'custom',
        message: `overlaps shift ${overlap.otherDay}[${overlap.otherIndex}]`,
        path: [overlap.day, overlap.index],
      });
    }
  })
  .describe('Weekly shifts per weekday in the site time zone');
export type WeeklyShiftPattern = z.infer<typeof WeeklyShiftPattern>;
