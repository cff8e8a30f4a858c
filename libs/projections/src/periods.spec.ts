import { DateTime } from 'luxon';
import { localPeriods } from './periods.js';

describe('localPeriods', () => {
  it('given a range over the end of US daylight time, when split by day, then the DST day lasts 25 hours and bounds carry their offsets', () => {
    const periods = localPeriods('2026-10-31', '2026-11-03', 'America/New_York', 'day');
    expect(periods.labels).toEqual(['2026-10-31', '2026-11-01', '2026-11-02']);
    expect(periods.starts.slice(1).map((s, i) => (s - periods.starts[i]!) / 3_600_000)).toEqual([24, 25, 24]);
    expect(periods.bounds).toEqual(['2026-10-31T00:00:00-04:00', '2026-11-01T00:00:00-04:00', '2026-11-02T00:00:00-05:00', '2026-11-03T00:00:00-05:00']);
    for (const [i, ms] of periods.starts.entries()) expect(periods.bounds[i]).toBe(DateTime.fromMillis(ms, { zone: 'America/New_York' }).toISO({ suppressMilliseconds: true }));
  });

  it('given weeks, when split, then they are whole ISO weeks from Monday', () => {
    const periods = localPeriods('2026-03-04', '2026-03-10', 'Australia/Sydney', 'week');
    expect(periods.labels).toEqual(['2026-W10', '2026-W11']);
    expect(periods.bounds[0]).toBe('2026-03-02T00:00:00+11:00');
  });

  it('given the same range again, when split, then the frozen result is shared; after 256 other ranges it is computed afresh, equal', () => {
    const first = localPeriods('2026-01-01', '2026-02-01', 'Asia/Kuala_Lumpur', 'day');
    expect(localPeriods('2026-01-01', '2026-02-01', 'Asia/Kuala_Lumpur', 'day')).toBe(first);
    expect(Object.isFrozen(first.starts)).toBe(true);
    const day = (d: number) => DateTime.fromISO('2025-01-01').plus({ days: d }).toISODate()!;
    for (let d = 0; d < 256; d += 1) localPeriods(day(d), day(d + 1), 'UTC', 'day');
    const again = localPeriods('2026-01-01', '2026-02-01', 'Asia/Kuala_Lumpur', 'day');
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('given an invalid date, when split, then it throws a RangeError', () => {
    expect(() => localPeriods('2026-02-30', '2026-03-01', 'UTC', 'day')).toThrow(RangeError);
  });
});
