import { DateTime } from 'luxon';
import { forecastAht } from './aht-forecast.js';

const HOUR = 3_600_000;

describe('forecastAht', () => {
  const zone = 'America/New_York';
  const start = Date.parse('2024-01-01T05:00:00Z'); // Monday 00:00 EST
  const hours = 24 * 7 * 12; // crosses the 2024-03-10 change
  // AHT 300 s, 360 s from 09:00 to 11:59 local; handled 20 per hour (2 at night).
  const localHour = (ms: number) => DateTime.fromMillis(ms, { zone }).hour;
  const aht = (ms: number, growth = 1) => (localHour(ms) >= 9 && localHour(ms) < 12 ? 360 : 300) * growth;
  const handled = (ms: number) => (localHour(ms) < 6 ? 2 : 20);

  it('recovers the profile by local hour across DST and forecasts it at the same local hours (0.5 %)', () => {
    const f = forecastAht({
      start: new Date(start).toISOString(),
      ahtSeconds: Array.from({ length: hours }, (_, i) => aht(start + i * HOUR)),
      handled: Array.from({ length: hours }, (_, i) => handled(start + i * HOUR)),
      horizonHours: 168,
      timeZone: zone,
    });
    // The week with the 23-hour day weighs its hours slightly differently: no trend within 0.01 %/week.
    expect(Math.abs(f.trendPctPerWeek)).toBeLessThan(0.01);
    // Night hours (2 contacts an hour) are shrunk a little towards the overall mean by design, hence 0.5 %.
    f.mean.forEach((v, j) => {
      const truth = aht(Date.parse(f.start) + j * HOUR);
      expect(Math.abs(v - truth)).toBeLessThan(0.005 * truth);
    });
    // Busy hours carry enough contacts (160 per slot against a prior of 30) to stay within 0.1 %.
    expect(Math.abs(f.mean[9]! - 360)).toBeLessThan(0.36); // the horizon starts Monday 01:00 EDT: j = 9 is 10:00
  });

  it('finds a 2 %-a-week trend (±0.05 pct-point) and extrapolates it', () => {
    const weekOf = (ms: number) => (ms - start) / (HOUR * 168);
    const f = forecastAht({
      start: new Date(start).toISOString(),
      ahtSeconds: Array.from({ length: hours }, (_, i) => aht(start + i * HOUR, 1.02 ** Math.floor(weekOf(start + i * HOUR)))),
      handled: Array.from({ length: hours }, (_, i) => handled(start + i * HOUR)),
      horizonHours: 168,
      timeZone: zone,
    });
    expect(f.trendPctPerWeek).toBeCloseTo(2, 1);
    // The next week is week 12: about 1.02^12 = 1.268 × the base (within 1 %, the trend is applied hour by hour)
    const j = 14; // Monday 15:00 EDT (the horizon starts at 01:00): base 300 s
    expect(f.mean[j]! / (300 * 1.02 ** 12)).toBeGreaterThan(0.99);
    expect(f.mean[j]! / (300 * 1.02 ** 12)).toBeLessThan(1.01);
  });

  it('borrows from the hour of day where a slot saw nothing, and names bad fields', () => {
    const f = forecastAht({ start: '2024-01-01T00:00:00Z', ahtSeconds: [200, null, 400], handled: [1, 0, 3], horizonHours: 2 });
    expect(f.mean.every((v) => v > 200 && v < 400)).toBe(true);
    expect(() => forecastAht({ start: '2024-01-01T00:00:00Z', ahtSeconds: [1], handled: [1, 2], horizonHours: 1 })).toThrow(/^handled:/);
    expect(() => forecastAht({ start: '2024-01-01T00:00:00Z', ahtSeconds: [-1], handled: [1], horizonHours: 1 })).toThrow(/^ahtSeconds\[0\]:/);
    expect(() => forecastAht({ start: '2024-01-01T00:00:00Z', ahtSeconds: [null], handled: [0], horizonHours: 1 })).toThrow(/^handled: nothing/);
  });
});
