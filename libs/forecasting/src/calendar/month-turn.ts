import { DAY_HOURS, HOUR_MS } from '../time/local-time.js';
import { dayRatio, shrunkMedianRatio } from './day-ratio.js';

/** The open days around the turn of a month whose volume often differs (statements, pay days). */
export type MonthTurnDay = 'last' | 'first' | 'second' | 'third';
export const MONTH_TURN_DAYS: readonly MonthTurnDay[] = ['last', 'first', 'second', 'third'];

export interface MonthTurnEffect {
  /**
   * per month-turn day, the median ratio to a normal day shrunk towards 1 — only when the effect is
   * established (see `learnMonthTurnEffect`); null otherwise
   */
  ratios: Record<MonthTurnDay, number | null>;
  observed: { date: string; day: MonthTurnDay; ratio: number | null }[];
}

/**
 * Month-turn days between two local days: for every calendar month touching [fromDay, toDay), its
 * last open day and its first three open days. `isOpen(dayStart)` says whether a local day (given by
 * its midnight wall hour) is an open day (not closed all day, not a holiday). Units: wall hours of
 * local midnights → the day's role. Complexity: O(days in the months touched).
 *
 * @example monthTurnDays(dateWallHour('2024-05-01'), dateWallHour('2024-06-01'), weekdays).get(dateWallHour('2024-05-31')) // 'last'
 */
export function monthTurnDays(fromDay: number, toDay: number, isOpen: (dayStart: number) => boolean): Map<number, MonthTurnDay> {
  const out = new Map<number, MonthTurnDay>();
  const first = new Date(fromDay * HOUR_MS);
  let month = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1);
  while (month / HOUR_MS < toDay) {
    const d = new Date(month);
    const next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    const open: number[] = [];
    for (let t = month; t < next; t += DAY_HOURS * HOUR_MS) if (isOpen(t / HOUR_MS)) open.push(t / HOUR_MS);
    // The last day first, so that in a month with very few open days the first days win.
    if (open.length > 0) out.set(open[open.length - 1]!, 'last');
    (['first', 'second', 'third'] as const).forEach((role, k) => {
      if (open[k] !== undefined) out.set(open[k], role);
    });
    month = next;
  }
  return out;
}

/** Months a role must have been measured in before its effect can be established. */
export const MIN_MONTH_TURN_OBSERVATIONS = 3;

/**
 * Learns how much each month-turn day differs from a normal day: for each such day inside the
 * grid, its `dayRatio` against the same weekday one and two weeks around (skipping `special` days:
 * holidays, catch-up days and the month-turn days themselves); per role the median ratio shrunk
 * towards 1 (`shrunkMedianRatio`).
 *
 * Unlike a declared holiday, a month-turn effect is not known to exist, so a role's effect is
 * established only when it was measured in at least 3 months and the mean log ratio is at least
 * two standard errors from 0; otherwise its ratio is null and those days are treated as normal.
 * Units: ratios. Complexity: O(#days · 24).
 *
 * @example learnMonthTurnEffect(grid, turnDays, special).ratios.first // e.g. 1.12
 */
export function learnMonthTurnEffect(
  grid: { firstWallHour: number; values: ArrayLike<number> },
  turnDays: ReadonlyMap<number, MonthTurnDay>,
  special: ReadonlySet<number>,
): MonthTurnEffect {
  const observed: MonthTurnEffect['observed'] = [];
  const end = grid.firstWallHour + grid.values.length;
  for (const [dayStart, day] of [...turnDays].sort((a, b) => a[0] - b[0])) {
    if (dayStart < grid.firstWallHour || dayStart + DAY_HOURS > end) continue;
    observed.push({ date: new Date(dayStart * HOUR_MS).toISOString().slice(0, 10), day, ratio: dayRatio(grid, dayStart, special) });
  }
  const ratios = Object.fromEntries(
    MONTH_TURN_DAYS.map((role) => {
      const measured = observed.filter((o) => o.day === role).map((o) => o.ratio);
      return [role, established(measured) ? shrunkMedianRatio(measured) : null];
    }),
  ) as Record<MonthTurnDay, number | null>;
  return { ratios, observed };
}

/** At least 3 measurements whose mean log ratio is two standard errors or more from zero. */
function established(ratios: readonly (number | null)[]): boolean {
  const logs = ratios.filter((r): r is number => r !== null && r > 0).map(Math.log);
  const m = logs.length;
  if (m < MIN_MONTH_TURN_OBSERVATIONS) return false;
  const mean = logs.reduce((a, b) => a + b, 0) / m;
  const sd = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / (m - 1));
  return sd === 0 ? mean !== 0 : Math.abs(mean) >= (2 * sd) / Math.sqrt(m);
}
