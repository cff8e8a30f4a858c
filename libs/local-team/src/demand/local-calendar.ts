/** Calendar fields of a local wall-clock instant. */
export interface LocalFields {
  year: number;
  /** 1–12. */
  month: number;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** Minutes since local midnight, 0–1439. */
  minuteOfDay: number;
}

/**
 * Calendar fields of a local timestamp, i.e. UTC milliseconds shifted by the zone's UTC offset
 * (`ms + offsetMinutes · 60000`), without reading any clock: the civil date by Howard Hinnant's
 * days-to-civil algorithm, the weekday from 1970-01-01 (a Thursday) and the minute of the day.
 * Valid for any date of the proleptic Gregorian calendar. O(1).
 *
 * @example localFields(Date.UTC(2025, 0, 6, 9, 30)) // { year: 2025, month: 1, weekday: 0, minuteOfDay: 570 } (Monday 09:30)
 */
export function localFields(localMs: number): LocalFields {
  const days = Math.floor(localMs / 86_400_000);
  const minuteOfDay = Math.floor((localMs - days * 86_400_000) / 60_000);
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, weekday: (((days + 3) % 7) + 7) % 7, minuteOfDay };
}
