import { launchShape, learnedUpliftPct } from '../calendar/launches.js';
import { HOUR_MS } from '../time/local-time.js';
import { dayOf, type CalendarModel } from './calendar-model.js';
import type { ParsedSeriesInput } from './parse-input.js';
import type { AppliedLaunchReport } from './types.js';

/** Turns grid forecasts into published UTC-hour forecasts. */
export interface HorizonCalendar {
  /** grid values of the hours after the history → UTC forecast hours with calendar and launch multipliers, ≥ 0 */
  finish(gridValues: readonly number[]): number[];
  applied: AppliedLaunchReport[];
}

/**
 * The last step of `forecastSeries`: maps grid hours back to the forecast's UTC hours, scales future
 * holidays, catch-up and month-turn days by their learned effects, and adds each launch window's
 * uplift (given, or learned from past launches of the same kind and market) with its profile.
 * O(horizon · launches).
 *
 * @example horizonCalendar(parsed, calendar).finish(gridMean)
 */
export function horizonCalendar(input: ParsedSeriesInput, cal: CalendarModel): HorizonCalendar {
  const { horizon, futureStart } = input;
  const gridEnd = cal.grid.firstWallHour + cal.grid.values.length;
  const multiplier = Array.from(cal.futureWall, (w) => cal.ratio(dayOf(w)));
  const applied: AppliedLaunchReport[] = [];
  const futureEnd = futureStart + horizon * HOUR_MS;
  for (const l of input.launches) {
    if (l.endMs <= futureStart || l.startMs >= futureEnd) continue;
    const learned = learnedUpliftPct(cal.pastLaunches, l.kind, l.market);
    const uplift = l.upliftPct ?? learned ?? 0;
    const source = l.upliftPct !== undefined ? 'given' : learned !== null ? 'learned' : 'none';
    const profile = l.profile ?? 'flat';
    const shape = launchShape(profile, (l.endMs - l.startMs) / HOUR_MS);
    for (let j = 0; j < horizon; j++) {
      const t = futureStart + j * HOUR_MS;
      if (t < l.startMs || t >= l.endMs) continue;
      multiplier[j] = multiplier[j]! * (1 + (uplift / 100) * shape[(t - l.startMs) / HOUR_MS]!);
    }
    applied.push({ start: l.start, end: l.end, kind: l.kind, upliftPct: uplift, source, profile });
  }
  return {
    finish: (gridValues) =>
      Array.from(cal.futureWall, (w, j) => Math.max(0, gridValues[Math.min(gridValues.length - 1, Math.max(0, w - gridEnd))]! * multiplier[j]!)),
    applied,
  };
}
