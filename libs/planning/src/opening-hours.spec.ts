import fc from 'fast-check';
import { DateTime } from 'luxon';
import type { OpeningHours } from '@staffcast/events';
import { openHours } from './opening-hours.js';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const HOUR_MS = 3_600_000;

/** The definition, one luxon DateTime per hour. */
function reference(hours: OpeningHours, zone: string, startMs: number, count: number): boolean[] {
  return Array.from({ length: count }, (_, h) => {
    const local = DateTime.fromMillis(startMs + h * HOUR_MS, { zone });
    const minute = local.hour * 60 + local.minute;
    const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
    return hours[WEEKDAYS[local.weekday - 1]!].some((r) => minute >= toMinutes(r.from) && minute < toMinutes(r.to));
  });
}

const weekdays = (ranges: { from: string; to: string }[], weekend: { from: string; to: string }[] = []): OpeningHours => ({ mon: ranges, tue: ranges, wed: ranges, thu: ranges, fri: ranges, sat: weekend, sun: weekend });

describe('openHours', () => {
  it('follows the local clock across DST changes', () => {
    // 2026-03-08 is the US spring-forward Sunday; Monday 08:00 New York is 12:00 UTC after it, 13:00 UTC before.
    const hours = weekdays([{ from: '08:00', to: '20:00' }]);
    const before = openHours(hours, 'America/New_York', Date.UTC(2026, 2, 2, 0), 36);
    const after = openHours(hours, 'America/New_York', Date.UTC(2026, 2, 9, 0), 24);
    expect(before.indexOf(true)).toBe(13);
    expect(after.indexOf(true)).toBe(12);
    expect(before.filter(Boolean)).toHaveLength(12);
  });

  it('matches luxon hour by hour in zones with DST, half-hour and quarter-hour offsets', () => {
    const zones = ['America/New_York', 'Australia/Sydney', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'Asia/Kuala_Lumpur', 'UTC', 'utc', 'Europe/London'];
    const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    const range = fc.tuple(time, time).filter(([a, b]) => a < b).map(([from, to]) => ({ from, to }));
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 20 * 365 * 24 }),
        fc.integer({ min: 1, max: 24 * 60 }),
        fc.option(range, { nil: undefined }),
        fc.option(range, { nil: undefined }),
        (zone, hourIndex, count, weekday, weekend) => {
          const hours = weekdays(weekday ? [weekday] : [], weekend ? [weekend] : [{ from: '00:00', to: '24:00' }]);
          const startMs = Date.UTC(2015, 0, 1) + hourIndex * HOUR_MS;
          expect(openHours(hours, zone, startMs, count)).toEqual(reference(hours, zone, startMs, count));
        },
      ),
      { numRuns: 60 },
    );
  });
});
