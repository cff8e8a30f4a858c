import { DAY_HOURS, HOUR_MS, WEEK_HOURS, wallHourOfWeek } from '../time/local-time.js';

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
 * Learns the holiday effects from the history. For a day D inside the local-time grid, ratio =
 * (D's volume) / (the mean volume of the same weekday 1 and 2 weeks before and after, skipping
 * holidays, catch-up days and days with gaps). Two effects are learned, each as the median ratio
 * (robust to one odd day): the holiday itself, and the first open day after it, when contacts held
 * back by the holiday arrive. A day's volume is the sum of its 24 local hours (a 23- or 25-hour day
 * still has 24 grid cells, one a gap or an average); a day needs 22 observed hours, scaled to 24.
 * Each median is shrunk towards 1 as if one more day had shown no effect (m/(m + 1) of the way),
 * so that a single odd holiday does not swing the forecast.
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
  const dayTotal = (wallStart: number): number | null => {
    const i0 = wallStart - grid.firstWallHour;
    if (i0 < 0 || i0 + DAY_HOURS > grid.values.length) return null;
    let sum = 0;
    let seen = 0;
    for (let k = 0; k < DAY_HOURS; k++) {
      const v = grid.values[i0 + k]!;
      if (Number.isFinite(v)) {
        sum += v;
        seen++;
      }
    }
    return seen >= DAY_HOURS - 2 ? (sum * DAY_HOURS) / seen : null;
  };
  const ratioOf = (start: number): number | null => {
    const actual = dayTotal(start);
    if (actual === null) return null;
    const neighbours: number[] = [];
    for (const k of [-2, -1, 1, 2]) {
      const s = start + k * WEEK_HOURS;
      if (special.has(s)) continue;
      const t = dayTotal(s);
      if (t !== null) neighbours.push(t);
    }
    const expected = neighbours.length === 0 ? 0 : neighbours.reduce((a, b) => a + b, 0) / neighbours.length;
    return expected > 0 ? actual / expected : null;
  };
  const observed: HolidayEffect['observed'] = [];
  const nextOpenDayObserved: HolidayEffect['nextOpenDayObserved'] = [];
  for (const start of [...holidayStarts].sort((a, b) => a - b)) {
    if (inGrid(start)) observed.push({ date: isoDate(start), ratio: ratioOf(start) });
    const next = catchUp.get(start);
    if (next !== undefined && inGrid(next)) nextOpenDayObserved.push({ date: isoDate(next), ratio: ratioOf(next) });
  }
  return {
    ratio: shrunkMedian(observed.map((o) => o.ratio)),
    observed,
    nextOpenDayRatio: shrunkMedian(nextOpenDayObserved.map((o) => o.ratio)),
    nextOpenDayObserved,
  };
}

/**
 * Median of the measured ratios pulled towards 1 (no effect) as if one more day had shown no
 * effect: 1 + (median − 1)·m/(m + 1) for m measurements. One odd holiday then moves the forecast
 * only half-way; the pull fades as holidays accumulate.
 */
function shrunkMedian(values: (number | null)[]): number | null {
  const m = median(values);
  if (m === null) return null;
  const count = values.filter((v) => v !== null).length;
  return 1 + ((m - 1) * count) / (count + 1);
}

function isoDate(wallHour: number): string {
  return new Date(wallHour * HOUR_MS).toISOString().slice(0, 10);
}

function median(values: (number | null)[]): number | null {
  const xs = values.filter((r): r is number => r !== null).sort((a, b) => a - b);
  const m = xs.length;
  if (m === 0) return null;
  return m % 2 === 1 ? xs[(m - 1) / 2]! : (xs[m / 2 - 1]! + xs[m / 2]!) / 2;
}
