import { DAY_HOURS, HOUR_MS, wallHourOfWeek } from '../time/local-time.js';
import { dayRatio, shrunkMedianRatio } from './day-ratio.js';

/** What the history says about holidays. */
export interface HolidayEffect {
  /** median ratio of a holiday's volume to the volume expected that day, shrunk towards 1 (see below); null when no past holiday could be measured */
  ratio: number | null;
  /** each past holiday inside the history, with its measured ratio (null when it could not be measured) */
  observed: { date: string; ratio: number | null }[];
  /** the same for the first open day after a holiday (the catch-up day) */
  nextOpenDayRatio: number | null;
  nextOpenDayObserved: { date: string; ratio: number | null }[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Local wall-clock hour number of local midnight on `date` ("YYYY-MM-DD"); throws a RangeError naming
 * `field` when the text is not a real calendar date.
 *
 * @example dateWallHour('1970-01-02') // 24
 */
export function dateWallHour(date: string, field = 'holidays'): number {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (!DATE.test(date) || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`${field}: "${date}" is not a calendar date YYYY-MM-DD`);
  }
  return ms / HOUR_MS;
}

/**
 * The first open day after each holiday: the next local day, within a week, that is not itself a
 * holiday and has at least one open hour according to `closed` (a 168-entry mask of closed local
 * hours of the week, Monday 00:00 = 0). Returned as local-midnight wall hours, keyed by the
 * holiday's. Complexity: O(#holidays · 7 · 24).
 *
 * @example nextOpenDays(['2024-05-24'], weekendClosedMask) // Friday holiday → the Monday after
 */
export function nextOpenDays(holidays: readonly string[], closed?: ArrayLike<number>): Map<number, number> {
  const holidayStarts = new Set(holidays.map((d) => dateWallHour(d)));
  const open = (dayStart: number): boolean => {
    if (closed === undefined) return true;
    for (let k = 0; k < DAY_HOURS; k++) if (closed[wallHourOfWeek(dayStart + k)] !== 1) return true;
    return false;
  };
  const out = new Map<number, number>();
  for (const h of holidayStarts) {
    for (let d = 1; d <= 7; d++) {
      const s = h + d * DAY_HOURS;
      if (holidayStarts.has(s) || !open(s)) continue;
      out.set(h, s);
      break;
    }
  }
  return out;
}

/**
 * Learns the holiday effects from the history: for each holiday inside the local-time grid, and for
 * the first open day after it (when contacts held back by the holiday arrive), the day's volume
 * relative to the same weekday in the surrounding weeks (`dayRatio`, skipping holidays and catch-up
 * days). Each effect is the median ratio shrunk towards 1 (`shrunkMedianRatio`), so that a single
 * odd holiday does not swing the forecast.
 *
 * `closed` (168-entry mask of closed hours of the week) decides which days are open; without it
 * every day is. Units: ratios, dimensionless (0.4 = 40 % of a normal day's volume).
 * Complexity: O(#holidays · 24).
 *
 * @example learnHolidayEffect(grid, ['2024-07-04']).ratio // e.g. 0.35
 */
export function learnHolidayEffect(
  grid: { firstWallHour: number; values: ArrayLike<number> },
  holidays: readonly string[],
  closed?: ArrayLike<number>,
): HolidayEffect {
  const holidayStarts = new Set(holidays.map((d) => dateWallHour(d)));
  const catchUp = nextOpenDays(holidays, closed);
  const special = new Set([...holidayStarts, ...catchUp.values()]);
  const inGrid = (s: number) => s - grid.firstWallHour >= 0 && s - grid.firstWallHour < grid.values.length;
  const ratioOf = (start: number) => dayRatio(grid, start, special);
  const observed: HolidayEffect['observed'] = [];
  const nextOpenDayObserved: HolidayEffect['nextOpenDayObserved'] = [];
  for (const start of [...holidayStarts].sort((a, b) => a - b)) {
    if (inGrid(start)) observed.push({ date: isoDate(start), ratio: ratioOf(start) });
    const next = catchUp.get(start);
    if (next !== undefined && inGrid(next)) nextOpenDayObserved.push({ date: isoDate(next), ratio: ratioOf(next) });
  }
  return {
    ratio: shrunkMedianRatio(observed.map((o) => o.ratio)),
    observed,
    nextOpenDayRatio: shrunkMedianRatio(nextOpenDayObserved.map((o) => o.ratio)),
    nextOpenDayObserved,
  };
}

function isoDate(wallHour: number): string {
  return new Date(wallHour * HOUR_MS).toISOString().slice(0, 10);
}
