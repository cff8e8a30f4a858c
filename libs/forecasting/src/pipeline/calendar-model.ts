import { closedHoursOfWeek } from '../calendar/closed-hours.js';
import { dateWallHour, learnHolidayEffect, nextOpenDays, type HolidayEffect } from '../calendar/holidays.js';
import { realisedUpliftPct } from '../calendar/launches.js';
import { learnMonthTurnEffect, monthTurnDays, type MonthTurnDay, type MonthTurnEffect } from '../calendar/month-turn.js';
import { toLocalGrid, type LocalGrid } from '../time/local-grid.js';
import { DAY_HOURS, HOUR_MS, WEEK_HOURS, localWallHours, wallHourOfWeek } from '../time/local-time.js';
import type { ParsedSeriesInput } from './parse-input.js';
import type { PastLaunchReport } from './types.js';

/** The series on its local wall-clock grid with what the calendar says about each day. */
export interface CalendarModel {
  grid: LocalGrid;
  /** local wall hour of each forecast UTC hour */
  futureWall: Int32Array;
  /** the grid with past launch windows as NaN: the truth backtests are scored on */
  launchMasked: Float64Array;
  /** the grid with launch windows and special days (holidays, catch-up and month-turn days) as NaN: what the methods fit */
  fitGrid: Float64Array;
  /** 168-entry 0/1 mask of the closed local hours of the week */
  closed: Uint8Array;
  isClosed(g: number): boolean;
  holidayEffect: HolidayEffect;
  monthTurnEffect: MonthTurnEffect;
  /** the calendar multiplier of a local day (by its midnight wall hour) as learned from the whole history */
  ratio(dayStart: number): number;
  /** the calendar multipliers as learned from the grid hours before `end` only */
  ratioAsOf(end: number): (dayStart: number) => number;
  /** realised uplift of every launch that ended inside the history */
  pastLaunches: PastLaunchReport[];
}

interface CalendarDays {
  holidays: ReadonlySet<number>;
  catchUps: ReadonlySet<number>;
  turns: ReadonlyMap<number, MonthTurnDay>;
}

/** The local midnight wall hour of the day holding `wall`. */
export const dayOf = (wall: number): number => wall - (((wall % DAY_HOURS) + DAY_HOURS) % DAY_HOURS);

/**
 * The second step of `forecastSeries`: moves the UTC series onto its local grid (so daily and weekly
 * periods follow local time across DST), masks past launch windows, finds the closed hours, learns
 * the holiday, catch-up and month-turn effects and masks those days for fitting, and measures each
 * past launch's realised uplift. Month-turn days are those from the first local day of the history
 * to the last of the horizon; only established effects make a day special. O(n + horizon).
 *
 * @throws RangeError "values: …" when no hour is observed outside holidays and launch windows.
 * @example buildCalendarModel(parseSeriesInput(request)).fitGrid
 */
export function buildCalendarModel(input: ParsedSeriesInput): CalendarModel {
  const { startMs, values, horizon, zone, holidays, launches, options, futureStart } = input;
  const grid = toLocalGrid(startMs, values, zone);
  const G = grid.values.length;
  const gridIndex = (ms: number, count: number): Int32Array => localWallHours(ms, count, zone).map((w) => w - grid.firstWallHour);
  // Launch windows in the history are masked so that their uplift does not leak into the baseline.
  const launchMasked = Float64Array.from(grid.values);
  for (const l of launches) {
    const from = Math.max(l.startMs, startMs);
    const to = Math.min(l.endMs, futureStart);
    if (to <= from) continue;
    for (const g of gridIndex(from, (to - from) / HOUR_MS)) if (g >= 0 && g < G) launchMasked[g] = Number.NaN;
  }
  const known = (end: number) => ({ firstWallHour: grid.firstWallHour, values: launchMasked.subarray(0, end) });
  const closed = closedHoursOfWeek(known(G));
  const isClosed = (g: number): boolean => closed[wallHourOfWeek(grid.firstWallHour + g)] === 1;
  const holidayStarts = new Set(holidays.map((d) => dateWallHour(d)));
  const catchUps = new Set(nextOpenDays(holidays, closed).values());
  const futureWall = localWallHours(futureStart, horizon, zone);
  const openDay = (dayStart: number): boolean => {
    if (holidayStarts.has(dayStart)) return false;
    for (let k = 0; k < DAY_HOURS; k++) if (closed[wallHourOfWeek(dayStart + k)] !== 1) return true;
    return false;
  };
  const turnCandidates =
    options.monthTurnEffects === false ? new Map<number, MonthTurnDay>() : monthTurnDays(dayOf(grid.firstWallHour), dayOf(futureWall[horizon - 1]!) + DAY_HOURS, openDay);
  // A holiday or catch-up day keeps its own effect.
  for (const d of catchUps) turnCandidates.delete(d);
  const all: CalendarDays = { holidays: holidayStarts, catchUps, turns: turnCandidates };
  const learn = (end: number) => ({
    holiday: learnHolidayEffect(known(end), holidays, closed),
    turn: learnMonthTurnEffect(known(end), turnCandidates, new Set([...holidayStarts, ...catchUps, ...turnCandidates.keys()])),
  });
  const { holiday: holidayEffect, turn: monthTurnEffect } = learn(G);
  // Only established month-turn effects make their days special.
  const turns = new Map([...turnCandidates].filter(([, role]) => monthTurnEffect.ratios[role] !== null));
  const days: CalendarDays = { holidays: holidayStarts, catchUps, turns };
  // Special days are masked so that they do not distort the seasonality the methods learn.
  const fitGrid = Float64Array.from(launchMasked);
  for (const dayStart of [...holidayStarts, ...catchUps, ...turns.keys()]) {
    const i0 = dayStart - grid.firstWallHour;
    for (let k = Math.max(0, i0); k < Math.min(G, i0 + DAY_HOURS); k++) fitGrid[k] = Number.NaN;
  }
  if (!fitGrid.some(Number.isFinite)) throw new RangeError('values: no observed hour outside holidays and launch windows');
  return {
    grid,
    futureWall,
    launchMasked,
    fitGrid,
    closed,
    isClosed,
    holidayEffect,
    monthTurnEffect,
    ratio: (dayStart) => calendarDayRatio(dayStart, days, holidayEffect, monthTurnEffect),
    ratioAsOf: (end) => {
      // Every month-turn day, established or not: the effects are relearned as of `end`.
      const asOf = learn(end);
      return (dayStart) => calendarDayRatio(dayStart, all, asOf.holiday, asOf.turn);
    },
    pastLaunches: pastLaunchReports(input, fitGrid, gridIndex, isClosed),
  };
}

/** Realised uplift of every launch that ended inside the history, against the 4-week same-slot mean. */
function pastLaunchReports(
  input: ParsedSeriesInput,
  fitGrid: Float64Array,
  gridIndex: (ms: number, count: number) => Int32Array,
  isClosed: (g: number) => boolean,
): PastLaunchReport[] {
  const past: PastLaunchReport[] = [];
  for (const l of input.launches) {
    if (l.endMs > input.futureStart || l.startMs < input.startMs) continue;
    const hours = (l.endMs - l.startMs) / HOUR_MS;
    const first = (l.startMs - input.startMs) / HOUR_MS;
    const idx = gridIndex(l.startMs, hours);
    const actual: number[] = [];
    const baseline: number[] = [];
    for (let k = 0; k < hours; k++) {
      const g = idx[k]!;
      actual.push(isClosed(g) ? Number.NaN : input.values[first + k]!);
      baseline.push(sameSlotBaseline(fitGrid, g, 4));
    }
    past.push({ start: l.start, end: l.end, kind: l.kind, market: l.market, realisedUpliftPct: realisedUpliftPct(actual, baseline) });
  }
  return past;
}

/** Mean of grid position g one to `weeks` weeks earlier (masked hours skipped); NaN if none observed. */
function sameSlotBaseline(grid: Float64Array, g: number, weeks: number): number {
  let sum = 0;
  let count = 0;
  for (let k = 1; k <= weeks; k++) {
    const v = grid[g - k * WEEK_HOURS];
    if (v !== undefined && Number.isFinite(v)) {
      sum += v;
      count++;
    }
  }
  return count === 0 ? Number.NaN : sum / count;
}

/**
 * The learned multiplier of a local day (given by its midnight wall hour; 1 for a normal day or an
 * effect not established): holiday before catch-up day before month-turn day. O(1).
 */
function calendarDayRatio(dayStart: number, days: CalendarDays, holiday: HolidayEffect, turn: MonthTurnEffect): number {
  const role = days.turns.get(dayStart);
  const ratio = days.holidays.has(dayStart) ? holiday.ratio : days.catchUps.has(dayStart) ? holiday.nextOpenDayRatio : role !== undefined ? turn.ratios[role] : null;
  return ratio ?? 1;
}
