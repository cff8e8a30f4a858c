import { DateTime } from 'luxon';
import { coveredHoursOfMonth } from './coverage-hours.js';
import { carryMonthlyForecast } from './forecast-carry.js';
import { summariseHourlyForecast } from './hourly-forecast-shape.js';
import { monthOfYearPattern } from './month-of-year-pattern.js';
import type { Coverage } from '../plan/plan-input.js';
import { addMonths, daysInMonth, monthIndex, planMonths } from '../plan/plan-month.js';
import { goLiveMonth, takeoverShareAt, takeoverShares } from './takeover.js';
import { spreadMonthlyVolume } from './volume-spread.js';

const weekdays9to17: Coverage = { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']], sat: [], sun: [] };
const allDay: Coverage = { mon: [['00:00', '24:00']], tue: [['00:00', '24:00']], wed: [['00:00', '24:00']], thu: [['00:00', '24:00']], fri: [['00:00', '24:00']], sat: [['00:00', '24:00']], sun: [['00:00', '24:00']] };
const total = (hours: { minutes: number }[]) => hours.reduce((s, h) => s + h.minutes, 0);

describe('plan months', () => {
  it('counts, adds and sizes months', () => {
    expect(monthIndex('2025-11', '2026-02')).toBe(3);
    expect(addMonths('2025-11', 3)).toBe('2026-02');
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect([daysInMonth('2024-02'), daysInMonth('2025-02'), daysInMonth('2100-02'), daysInMonth('2000-02'), daysInMonth('2025-04'), daysInMonth('2025-12')]).toEqual([29, 28, 28, 29, 30, 31]);
    expect(planMonths('2025-11', 3)).toEqual(['2025-11', '2025-12', '2026-01']);
  });
});

describe('covered hours', () => {
  it('counts each weekday’s covered hours in the month (January 2025: 4 Mondays, 5 Fridays)', () => {
    const hours = coveredHoursOfMonth(weekdays9to17, 'America/New_York', '2025-01');
    expect(hours.find((h) => h.weekday === 0 && h.hour === 9)?.minutes).toBe(4 * 60);
    expect(hours.find((h) => h.weekday === 4 && h.hour === 16)?.minutes).toBe(5 * 60);
    expect(hours.some((h) => h.hour === 17 || h.weekday >= 5)).toBe(false);
    expect(total(hours)).toBe(23 * 8 * 60);
  });
  it('measures real minutes across DST changes (New York: 23-hour and 25-hour days)', () => {
    // March 2025 springs forward on Sunday the 9th: 31·24 − 1 real hours; November 2025 falls back on the 2nd: 30·24 + 1.
    expect(total(coveredHoursOfMonth(allDay, 'America/New_York', '2025-03'))).toBe((31 * 24 - 1) * 60);
    expect(total(coveredHoursOfMonth(allDay, 'America/New_York', '2025-11'))).toBe((30 * 24 + 1) * 60);
    const march = coveredHoursOfMonth(allDay, 'America/New_York', '2025-03');
    expect(march.find((h) => h.weekday === 6 && h.hour === 2)?.minutes).toBe(4 * 60); // 5 Sundays, one without 02:00
    const november = coveredHoursOfMonth(allDay, 'America/New_York', '2025-11');
    expect(november.find((h) => h.weekday === 6 && h.hour === 1)?.minutes).toBe(5 * 60); // 4 Sundays, one with 01:00 twice
  });
  it('follows local time: 09:00–17:00 stays 8 real hours on DST days (Sydney, April 2025)', () => {
    expect(total(coveredHoursOfMonth(weekdays9to17, 'Australia/Sydney', '2025-04'))).toBe(22 * 8 * 60);
  });
});

describe('spreading a monthly volume', () => {
  const hours = coveredHoursOfMonth(weekdays9to17, 'America/New_York', '2025-01');
  it('spreads evenly by default: 1,840 contacts over 184 covered hours is 10 an hour', () => {
    const spread = spreadMonthlyVolume(1840, hours, {});
    for (const h of spread) expect(h.arrivalsPerHour).toBeCloseTo(10, 12);
  });
  it('follows the profile and adds back up to the volume', () => {
    const hourWeights = Array.from({ length: 24 }, (_, h) => (h === 9 ? 3 : 1));
    const spread = spreadMonthlyVolume(1840, hours, { hourWeights });
    const at9 = spread.find((h) => h.hour === 9 && h.weekday === 0)!.arrivalsPerHour;
    const at10 = spread.find((h) => h.hour === 10 && h.weekday === 0)!.arrivalsPerHour;
    expect(at9 / at10).toBeCloseTo(3, 12);
    expect(spread.reduce((s, h) => s + (h.arrivalsPerHour * h.minutes) / 60, 0)).toBeCloseTo(1840, 9);
  });
  it('refuses a volume with nowhere to go, naming the profile', () => {
    expect(() => spreadMonthlyVolume(100, hours, { weekdayWeights: [0, 0, 0, 0, 0, 1, 1] })).toThrow(expect.objectContaining({ field: 'demand.profile' }));
    expect(spreadMonthlyVolume(0, [], {})).toEqual([]);
  });
});

describe('takeover phases', () => {
  const phases = [
    { queueIds: ['kyc', 'aml'], fromMonth: '2025-03', share: 0.25 },
    { queueIds: ['kyc'], fromMonth: '2025-05', share: 1 },
  ];
  it('gives each queue the share of its latest phase', () => {
    expect(takeoverShares(phases, '2025-01', 6)).toEqual(
      new Map([
        ['kyc', [0, 0, 0.25, 0.25, 1, 1]],
        ['aml', [0, 0, 0.25, 0.25, 0.25, 0.25]],
      ]),
    );
    expect(takeoverShareAt(phases, 'kyc', '2025-04')).toBe(0.25);
    expect(takeoverShareAt(phases, 'kyc', '2025-05')).toBe(1);
    expect(takeoverShareAt(phases, 'fraud', '2025-05')).toBe(0);
    expect(goLiveMonth(phases)).toBe('2025-03');
    expect(goLiveMonth([])).toBeUndefined();
  });
});

describe('carrying a forecast', () => {
  const series = (from: string, values: number[]) => values.map((volume, i) => ({ month: addMonths(from, i), volume }));
  it('learns a month-of-year pattern (December twice the rest → 24/13)', () => {
    const pattern = monthOfYearPattern(series('2023-01', Array.from({ length: 24 }, (_, i) => (i % 12 === 11 ? 2 : 1))));
    expect(pattern[11]).toBeCloseTo(24 / 13, 12);
    expect(pattern[0]).toBeCloseTo(12 / 13, 12);
    expect(pattern.reduce((a, b) => a + b, 0) / 12).toBeCloseTo(1, 12);
  });
  it('gives no pattern from less than 13 months, and refuses gaps', () => {
    expect(monthOfYearPattern(series('2023-01', [5, 9, 1]))).toEqual(new Array(12).fill(1));
    expect(() => monthOfYearPattern([{ month: '2023-01', volume: 1 }, { month: '2023-03', volume: 1 }])).toThrow(/consecutive/);
  });
  it('keeps the forecast inside its horizon and grows it beyond', () => {
    const flat = new Array(12).fill(1);
    const carried = carryMonthlyForecast([{ month: '2025-06', volume: 1000 }], flat, 2, ['2025-06', '2025-07', '2025-08']);
    expect(carried[0]).toBe(1000);
    expect(carried[1]).toBeCloseTo(1020, 9);
    expect(carried[2]).toBeCloseTo(1040.4, 9);
  });
  it('applies the pattern to the deseasonalised level', () => {
    const pattern = new Array(12).fill(1);
    pattern[11] = 2; // December doubles
    pattern[0] = 0.5;
    // Level from June–November (factor 1, 600 each, no growth) is 600: December 1200, January 300.
    const carried = carryMonthlyForecast(series('2025-06', [600, 600, 600, 600, 600, 600]), pattern, 0, ['2025-12', '2026-01']);
    expect(carried[0]).toBeCloseTo(1200, 9);
    expect(carried[1]).toBeCloseTo(300, 9);
  });
  it('summarises an hourly forecast into complete local months and an hour-of-week profile', () => {
    const start = DateTime.fromISO('2025-01-01T00:00', { zone: 'Australia/Brisbane' });
    const hours = Array.from({ length: 31 * 24 + 5 }, (_, i) => ({ startMs: start.plus({ hours: i }).toMillis(), volume: start.plus({ hours: i }).hour === 9 ? 20 : 10 }));
    const shape = summariseHourlyForecast(hours, 'Australia/Brisbane');
    expect(shape.monthly).toEqual([{ month: '2025-01', volume: 31 * 23 * 10 + 31 * 20 }]);
    expect(shape.hourOfWeekWeights[2 * 24 + 9]).toBe(20); // Wednesday 09:00
    expect(shape.hourOfWeekWeights[2 * 24 + 10]).toBe(10);
  });
});
