import { DateTime } from 'luxon';

/** Consecutive periods: period i is [starts[i], starts[i+1]) with starts[n] = the end. Labels per period. */
export interface Periods {
  readonly starts: readonly number[];
  readonly labels: readonly string[];
  /** `starts` as ISO-8601 local times with their offset (`2026-11-01T00:00:00-04:00`). */
  readonly bounds: readonly string[];
  readonly timeZone: string;
}

/** Ranges asked for recently: the same dashboard ranges come back on every refresh. */
const MEMO_SIZE = 256;
const memo = new Map<string, Periods>();

export type Granularity = 'day' | 'week';

/** ISO week label `YYYY-Www` of a luxon date (week-numbering year). */
export function isoWeekLabel(d: DateTime): string {
  return `${d.weekYear}-W${String(d.weekNumber).padStart(2, '0')}`;
}

/**
 * Local days (`YYYY-MM-DD`) or ISO weeks (`YYYY-Www`, Monday 00:00 local) in `timeZone` covering
 * the local dates [fromDate, toDate): days exactly; weeks whole, i.e. every ISO week containing one
 * of those dates, from its Monday to the next Monday. Boundaries are local midnights converted to
 * UTC by luxon, so a DST day is 23 or 25 hours long. O(periods) the first time; the last 256
 * distinct ranges asked for are kept (the result is frozen and shared), O(1) for those.
 *
 * @example localPeriods('2026-11-01', '2026-11-03', 'America/New_York', 'day').starts
 *   // [Date.UTC(2026,10,1,4), Date.UTC(2026,10,2,5), Date.UTC(2026,10,3,5)]
 * @throws RangeError when a date is not a valid date in the zone.
 */
export function localPeriods(fromDate: string, toDate: string, timeZone: string, granularity: Granularity): Periods {
  const key = `${fromDate}|${toDate}|${timeZone}|${granularity}`;
  const known = memo.get(key);
  if (known) return known;
  const periods = computePeriods(fromDate, toDate, timeZone, granularity);
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!);
  memo.set(key, periods);
  return periods;
}

function computePeriods(fromDate: string, toDate: string, timeZone: string, granularity: Granularity): Periods {
  let start = DateTime.fromISO(fromDate, { zone: timeZone }).startOf('day');
  const end = DateTime.fromISO(toDate, { zone: timeZone }).startOf('day');
  if (!start.isValid || !end.isValid) throw new RangeError(`invalid dates ${fromDate}..${toDate} in ${timeZone}`);
  if (granularity === 'week') start = start.startOf('week');
  const starts: number[] = [];
  const labels: string[] = [];
  const bounds: string[] = [];
  let cursor = start;
  while (cursor < end) {
    starts.push(cursor.toMillis());
    bounds.push(cursor.toISO({ suppressMilliseconds: true })!);
    labels.push(granularity === 'day' ? cursor.toISODate()! : isoWeekLabel(cursor));
    cursor = granularity === 'day' ? cursor.plus({ days: 1 }) : cursor.plus({ weeks: 1 });
  }
  starts.push(cursor.toMillis());
  bounds.push(cursor.toISO({ suppressMilliseconds: true })!);
  return Object.freeze({ starts: Object.freeze(starts), labels: Object.freeze(labels), bounds: Object.freeze(bounds), timeZone });
}

/** Index of the period holding `ms`, or -1 outside [starts[0], starts[n]). Binary search, O(log n). */
export function periodIndex(starts: readonly number[], ms: number): number {
  const n = starts.length - 1;
  if (n < 1 || ms < starts[0]! || ms >= starts[n]!) return -1;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= ms) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Hour of the local week, 0 (Monday 00:00–00:59) … 167 (Sunday 23:00–23:59), of instant `ms` in
 * `timeZone`: how a queue's weekly seasonality indexes an hour, whatever its UTC offset. O(1).
 *
 * @example localHourOfWeek(Date.UTC(2026, 9, 30, 13), 'America/New_York') // 105 (Friday 09:00 EDT)
 */
export function localHourOfWeek(ms: number, timeZone: string): number {
  const d = DateTime.fromMillis(ms, { zone: timeZone });
  return (d.weekday - 1) * 24 + d.hour;
}
