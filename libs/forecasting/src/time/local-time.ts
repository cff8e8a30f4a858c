import { DateTime, IANAZone, type Zone } from 'luxon';

export const HOUR_MS = 3_600_000;
/** Hours in a day and in a week: the two seasonal periods of hourly support volume. */
export const DAY_HOURS = 24;
export const WEEK_HOURS = 168;

/**
 * The IANA zone for `name`, or an Error naming the field when luxon does not know it.
 *
 * @example ianaZone('America/New_York').offset(Date.UTC(2024, 6, 1)) // −240 (minutes)
 */
export function ianaZone(name: string, field = 'timeZone'): IANAZone {
  const zone = IANAZone.create(name);
  if (!zone.isValid) throw new RangeError(`${field}: unknown IANA time zone "${name}"`);
  return zone;
}

/**
 * Parses an ISO-8601 instant that falls on a whole UTC hour and returns its epoch milliseconds.
 * Throws a RangeError naming `field` otherwise.
 *
 * @example parseUtcHour('2024-03-10T07:00:00Z') // 1710054000000
 */
export function parseUtcHour(iso: string, field = 'start'): number {
  const dt = DateTime.fromISO(iso, { setZone: true });
  if (!dt.isValid) throw new RangeError(`${field}: not an ISO-8601 date-time: "${iso}"`);
  const ms = dt.toMillis();
  if (ms % HOUR_MS !== 0) throw new RangeError(`${field}: must fall on a whole UTC hour, got "${iso}"`);
  return ms;
}

/** ISO-8601 UTC text of epoch milliseconds, e.g. "2024-03-10T07:00:00.000Z". */
export function formatUtc(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * Local wall-clock hour number of a UTC instant: hours since 1970-01-01T00:00 *local wall time*, so
 * consecutive local hours differ by one whatever the UTC offset. Two UTC hours share a number on a
 * 25-hour (fall-back) day and one number is skipped on a 23-hour (spring-forward) day. Zones with a
 * half-hour offset are floored to the local hour in which the UTC hour starts.
 *
 * Units: hours. Complexity: O(1) (one offset lookup).
 *
 * @example localWallHour(Date.parse('2024-07-01T14:00Z'), ianaZone('America/New_York')) % 24 // 10
 */
export function localWallHour(utcMs: number, zone: IANAZone): number {
  return Math.floor((utcMs + zone.offset(utcMs) * 60_000) / HOUR_MS);
}

/**
 * Local hour of the day (0–23) of a UTC instant in `zone`.
 *
 * @example localHourOfDay(Date.parse('2024-01-15T15:00Z'), ianaZone('America/New_York')) // 10
 */
export function localHourOfDay(utcMs: number, zone: IANAZone): number {
  return mod(localWallHour(utcMs, zone), DAY_HOURS);
}

/**
 * Local hour of the week (0–167, Monday 00:00 = 0) of a UTC instant in `zone`. Epoch day 0
 * (1970-01-01) was a Thursday, three days after a Monday.
 *
 * @example localHourOfWeek(Date.parse('2024-01-15T15:00Z'), ianaZone('America/New_York')) // 10 (Monday 10:00)
 */
export function localHourOfWeek(utcMs: number, zone: IANAZone): number {
  return wallHourOfWeek(localWallHour(utcMs, zone));
}

/** Hour of the week (Monday 00:00 = 0) of a local wall-clock hour number. */
export function wallHourOfWeek(wallHour: number): number {
  return mod(wallHour + 3 * DAY_HOURS, WEEK_HOURS);
}

/** Local calendar date "YYYY-MM-DD" of a local wall-clock hour number. */
export function wallHourDate(wallHour: number): string {
  return new Date(Math.floor(wallHour / DAY_HOURS) * DAY_HOURS * HOUR_MS).toISOString().slice(0, 10);
}

/**
 * Local wall-clock hour numbers of `count` consecutive UTC hours from `startMs`. Looks the offset up
 * at both ends of each 24-hour block, and hour by hour only in blocks whose offset changes (zones
 * change offset at most a few times a year), so a year costs about 730 lookups instead of 8,760.
 * Lookups are memoised per zone and instant (each one formats a date through Intl, and a queue's
 * volume and AHT forecasts, and queues in the same zone, ask for the same instants).
 * Complexity: O(count).
 *
 * @example localWallHours(Date.parse('2024-03-10T00:00Z'), 48, ianaZone('America/New_York'))
 */
export function localWallHours(startMs: number, count: number, zone: IANAZone): Int32Array {
  const out = new Int32Array(count);
  const offsetAt = zoneOffsetLookup(zone);
  for (let i = 0; i < count; i += DAY_HOURS) {
    const end = Math.min(count, i + DAY_HOURS);
    const a = offsetAt(startMs + i * HOUR_MS);
    const b = offsetAt(startMs + (end - 1) * HOUR_MS);
    for (let k = i; k < end; k++) {
      const t = startMs + k * HOUR_MS;
      const offset = a === b ? a : offsetAt(t);
      out[k] = Math.floor((t + offset * 60_000) / HOUR_MS);
    }
  }
  return out;
}

/** Memoised UTC offsets (minutes) by zone name and instant; bounded, cleared when full. */
const OFFSETS = new Map<string, Map<number, number>>();
const MAX_OFFSETS_PER_ZONE = 200_000;

/**
 * A zone's UTC offset at an instant, memoised per zone and instant: each lookup formats a date
 * through Intl, and every queue of a zone asks for the same hours.
 *
 * Units: minutes. Complexity: O(1) amortised after the first lookup of an instant.
 *
 * @example zoneOffsetLookup(ianaZone('America/New_York'))(Date.UTC(2024, 6, 1)) // −240
 */
export function zoneOffsetLookup(zone: Zone): (ms: number) => number {
  let memo = OFFSETS.get(zone.name);
  if (!memo) OFFSETS.set(zone.name, (memo = new Map()));
  const known = memo;
  return (ms) => {
    let offset = known.get(ms);
    if (offset === undefined) {
      if (known.size >= MAX_OFFSETS_PER_ZONE) known.clear();
      known.set(ms, (offset = zone.offset(ms)));
    }
    return offset;
  };
}

function mod(a: number, m: number): number {
  return ((a % m) + m) % m;
}
