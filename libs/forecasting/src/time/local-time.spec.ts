import { fromLocalGrid, toLocalGrid } from './local-grid.js';
import { ianaZone, localHourOfDay, localHourOfWeek, localWallHour, localWallHours, parseUtcHour, wallHourDate } from './local-time.js';

const HOUR = 3_600_000;
const ny = ianaZone('America/New_York');
const sydney = ianaZone('Australia/Sydney');

describe('local time', () => {
  it('maps UTC hours to New York local hours on both sides of the March and November changes', () => {
    expect(localHourOfDay(Date.parse('2024-03-09T15:00:00Z'), ny)).toBe(10); // EST, UTC−5
    expect(localHourOfDay(Date.parse('2024-03-11T14:00:00Z'), ny)).toBe(10); // EDT, UTC−4
    expect(localHourOfDay(Date.parse('2024-11-04T15:00:00Z'), ny)).toBe(10); // EST again
    expect(localHourOfWeek(Date.parse('2024-03-11T14:00:00Z'), ny)).toBe(10); // Monday 10:00
    expect(localHourOfWeek(Date.parse('2024-03-10T03:00:00Z'), ny)).toBe(5 * 24 + 22); // Saturday 2024-03-09 22:00 EST
  });

  it('maps UTC hours to Sydney local hours across the April (fall-back) and October (spring-forward) changes', () => {
    expect(localHourOfDay(Date.parse('2024-04-05T23:00:00Z'), sydney)).toBe(10); // AEDT, UTC+11
    expect(localHourOfDay(Date.parse('2024-04-08T00:00:00Z'), sydney)).toBe(10); // AEST, UTC+10
    expect(localHourOfDay(Date.parse('2024-10-07T23:00:00Z'), sydney)).toBe(10); // AEDT again
  });

  it('gives a 23-hour day one missing local hour and a 25-hour day one repeated local hour', () => {
    // New York 2024-03-10: local midnight is 05:00Z, the next midnight 04:00Z → 23 UTC hours.
    const spring = localWallHours(Date.parse('2024-03-10T05:00:00Z'), 23, ny);
    expect(new Set(Array.from(spring, (w) => w % 24)).size).toBe(23);
    expect(Array.from(spring, (w) => w % 24)).not.toContain(2);
    // Sydney 2024-04-07: local midnight 13:00Z on the 6th, next midnight 14:00Z on the 7th → 25 UTC hours.
    const fall = Array.from(localWallHours(Date.parse('2024-04-06T13:00:00Z'), 25, sydney), (w) => w % 24);
    expect(fall.filter((h) => h === 2)).toHaveLength(2);
    expect(wallHourDate(localWallHour(Date.parse('2024-04-07T13:00:00Z'), sydney))).toBe('2024-04-07');
  });

  it('agrees with the per-hour lookup over a whole year (the per-day shortcut is exact)', () => {
    const start = Date.parse('2024-01-01T00:00:00Z');
    const fast = localWallHours(start, 8784, sydney);
    for (let i = 0; i < 8784; i += 7) expect(fast[i]).toBe(localWallHour(start + i * HOUR, sydney));
  });

  it('round-trips a series through the local grid: the spring gap is NaN, the repeated autumn hour is averaged', () => {
    const start = Date.parse('2024-03-10T05:00:00Z');
    const values = Array.from({ length: 23 }, (_, i) => i);
    const grid = toLocalGrid(start, values, ny);
    expect(grid.values).toHaveLength(24);
    expect(grid.values[2]).toBeNaN();
    expect(fromLocalGrid(grid, start, 23, ny)).toEqual(values);

    const autumn = Date.parse('2024-11-03T04:00:00Z'); // New York local midnight; 01:00 happens twice
    const g2 = toLocalGrid(autumn, Array.from({ length: 25 }, (_, i) => 10 * i), ny);
    expect(g2.values).toHaveLength(24);
    expect(g2.values[1]).toBe((10 + 20) / 2);
    const back = fromLocalGrid(g2, autumn, 25, ny);
    expect(back[1]).toBe(15);
    expect(back[2]).toBe(15);
  });

  it('rejects instants off the hour and unknown zones, naming the field', () => {
    expect(() => parseUtcHour('2024-01-01T00:15:00Z', 'start')).toThrow(/^start:/);
    expect(() => ianaZone('Nowhere/Land', 'timeZone')).toThrow(/^timeZone:/);
    expect(parseUtcHour('2024-01-01T02:00:00+02:00')).toBe(Date.parse('2024-01-01T00:00:00Z'));
  });
});
