import { leastSquares } from '../core/least-squares.js';
import { toLocalGrid } from '../time/local-grid.js';
import { DAY_HOURS, HOUR_MS, WEEK_HOURS, formatUtc, ianaZone, localWallHours, parseUtcHour, wallHourOfWeek } from '../time/local-time.js';

export interface AhtForecastInput {
  /** ISO UTC hour of the first value */
  start: string;
  /** average handle time per UTC hour, in seconds; null where nothing was handled */
  ahtSeconds: readonly (number | null)[];
  /** contacts handled per UTC hour (the AHT's weight) */
  handled: readonly (number | null)[];
  horizonHours: number;
  timeZone?: string;
  /** weeks of history in the profile and the trend; default 8 */
  weeks?: number;
}

export interface AhtForecast {
  /** ISO UTC hour of the first forecast hour */
  start: string;
  horizonHours: number;
  /** seconds, per UTC hour */
  mean: number[];
  /** fitted trend of the weekly AHT, percent per week (0 without enough weeks) */
  trendPctPerWeek: number;
  /** the profile by local hour of the week (Monday 00:00 = 0), seconds, at the centre of the window */
  profile: number[];
}

/** Contacts of evidence a slot needs before its own average outweighs the hour-of-day average. */
const SHRINK_CONTACTS = 30;
/** The fitted trend is capped at ±5 % a week: AHT drifts, it does not run away. */
const MAX_WEEKLY_TREND = Math.log(1.05);

/**
 * Average handle time forecast by local hour of the week, with trend.
 *
 * Profile: for each local hour of the week, the handled-weighted mean AHT over the last `weeks`
 * weeks, Σ(aht·handled)/Σhandled, shrunk towards the same local hour of the day's mean (and that
 * towards the overall mean) with a prior weight of 30 contacts, so thin night hours borrow strength.
 * Trend: least-squares slope of log weekly AHT (handled-weighted) on the week number, capped at
 * ±5 %/week; the profile sits at the window's centre, so a forecast hour k hours ahead is scaled by
 * exp(b·(weeks/2 + k/168)).
 *
 * Units: seconds. Throws a RangeError naming the field for bad input or when nothing was handled.
 * Complexity: O(n + h).
 *
 * @example forecastAht({ start, ahtSeconds, handled, horizonHours: 168, timeZone: 'America/New_York' }).mean
 */
export function forecastAht(input: AhtForecastInput): AhtForecast {
  const startMs = parseUtcHour(input.start, 'start');
  const zone = ianaZone(input.timeZone ?? 'UTC', 'timeZone');
  const n = input.ahtSeconds.length;
  if (n === 0) throw new RangeError('ahtSeconds: must be a non-empty array');
  if (input.handled.length !== n) throw new RangeError(`handled: must have ${n} values like ahtSeconds, got ${input.handled.length}`);
  const h = input.horizonHours;
  if (!Number.isInteger(h) || h < 1) throw new RangeError(`horizonHours: must be a positive integer, got ${String(h)}`);
  const weeks = input.weeks ?? 8;
  if (!Number.isInteger(weeks) || weeks < 1) throw new RangeError(`weeks: must be a positive integer, got ${String(weeks)}`);

  const work: number[] = [];
  const volume: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = input.ahtSeconds[i];
    const v = input.handled[i];
    const okA = a !== null && a !== undefined && Number.isFinite(a) && a >= 0;
    const okV = v !== null && v !== undefined && Number.isFinite(v) && v >= 0;
    if (a !== null && !okA) throw new RangeError(`ahtSeconds[${i}]: must be a non-negative number or null`);
    if (v !== null && !okV) throw new RangeError(`handled[${i}]: must be a non-negative number or null`);
    const both = okA && okV && v! > 0;
    work.push(both ? a! * v! : 0);
    volume.push(both ? v! : 0);
  }
  const workGrid = toLocalGrid(startMs, work, zone);
  const volumeGrid = toLocalGrid(startMs, volume, zone);
  const G = workGrid.values.length;
  const from = Math.max(0, G - weeks * WEEK_HOURS);

  const slotWork = new Float64Array(WEEK_HOURS);
  const slotVol = new Float64Array(WEEK_HOURS);
  const weekWork: number[] = [];
  const weekVol: number[] = [];
  for (let g = from; g < G; g++) {
    const w = workGrid.values[g]!;
    const v = volumeGrid.values[g]!;
    if (!Number.isFinite(w) || !Number.isFinite(v) || v <= 0) continue;
    const slot = wallHourOfWeek(workGrid.firstWallHour + g);
    slotWork[slot] = slotWork[slot]! + w;
    slotVol[slot] = slotVol[slot]! + v;
    const week = Math.floor((g - from) / WEEK_HOURS);
    weekWork[week] = (weekWork[week] ?? 0) + w;
    weekVol[week] = (weekVol[week] ?? 0) + v;
  }
  const totalVol = slotVol.reduce((a, b) => a + b, 0);
  if (!(totalVol > 0)) throw new RangeError('handled: nothing was handled in the history, so there is no AHT to forecast');
  const overall = slotWork.reduce((a, b) => a + b, 0) / totalVol;
  const hourWork = new Float64Array(DAY_HOURS);
  const hourVol = new Float64Array(DAY_HOURS);
  for (let s = 0; s < WEEK_HOURS; s++) {
    hourWork[s % DAY_HOURS] = hourWork[s % DAY_HOURS]! + slotWork[s]!;
    hourVol[s % DAY_HOURS] = hourVol[s % DAY_HOURS]! + slotVol[s]!;
  }
  const hourMean = Array.from(hourWork, (w, k) => (w + SHRINK_CONTACTS * overall) / (hourVol[k]! + SHRINK_CONTACTS));
  const profile = Array.from(slotWork, (w, s) => (w + SHRINK_CONTACTS * hourMean[s % DAY_HOURS]!) / (slotVol[s]! + SHRINK_CONTACTS));

  // Weekly trend on the log scale, from weeks with handled contacts.
  const rows: number[][] = [];
  const ys: number[] = [];
  weekWork.forEach((w, k) => {
    const v = weekVol[k];
    if (v !== undefined && v > 0 && w > 0) {
      rows.push([1, k]);
      ys.push(Math.log(w / v));
    }
  });
  let slope = 0;
  if (rows.length >= 3) slope = Math.max(-MAX_WEEKLY_TREND, Math.min(MAX_WEEKLY_TREND, leastSquares(rows, ys, 0)[1]!));
  const windowWeeks = (G - from) / WEEK_HOURS;

  const futureStart = startMs + n * HOUR_MS;
  const base = Array.from(localWallHours(futureStart, h, zone), (w) => profile[wallHourOfWeek(w)]!);
  const mean = base.map((v, k) => v * Math.exp(slope * (windowWeeks / 2 + (k + 1) / WEEK_HOURS)));
  return { start: formatUtc(futureStart), horizonHours: h, mean, trendPctPerWeek: (Math.exp(slope) - 1) * 100, profile };
}
