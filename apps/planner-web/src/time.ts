/** Local wall-clock reading of UTC instants with the browser's Intl, so no zone data is shipped. */

export interface LocalParts {
  /** Local date, YYYY-MM-DD. */
  date: string;
  /** Local hour, 0–23. */
  hour: number;
  /** The zone's abbreviation or offset at that instant, e.g. EST, EDT, GMT+8. */
  zoneName: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23', timeZoneName: 'short' });
    formatters.set(zone, f);
  }
  return f;
}

/** The local date, hour and zone name of an instant (epoch ms or ISO) in an IANA zone. */
export function localParts(instant: number | string, zone: string): LocalParts {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  const parts = Object.fromEntries(formatter(zone).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) % 24, zoneName: parts.timeZoneName ?? zone };
}

/** "2026-11-01 01:00 EST" in the zone. */
export function localLabel(instant: number | string, zone: string): string {
  const p = localParts(instant, zone);
  return `${p.date} ${String(p.hour).padStart(2, '0')}:00 ${p.zoneName}`;
}

/** The distinct zone names an hour range passes through ("EDT/EST" across a DST change). */
export function zoneNames(instants: readonly (number | string)[], zone: string): string {
  return [...new Set(instants.map((i) => localParts(i, zone).zoneName))].join('/');
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** The UTC midnight of a YYYY-MM-DD date, epoch ms. */
export const dateMs = (date: string): number => Date.parse(`${date}T00:00:00Z`);
export const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
export const addDays = (date: string, days: number): string => isoDate(dateMs(date) + days * DAY_MS);
