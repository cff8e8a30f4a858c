import { HOUR_MS, WEEK_HOURS } from '../time/local-time.js';
import { closedHoursOfWeek } from './closed-hours.js';
import { dayRatio, dayVolume, shrunkMedianRatio } from './day-ratio.js';
import { dateWallHour, learnHolidayEffect, nextOpenDays } from './holidays.js';
import { launchShape, learnedUpliftPct, realisedUpliftPct } from './launches.js';
import { learnMonthTurnEffect, monthTurnDays } from './month-turn.js';

const day = (date: string) => dateWallHour(date);
/** Weekday-only mask: Saturday and Sunday hours closed (Monday 00:00 = 0). */
const weekendClosed = Uint8Array.from({ length: 168 }, (_, s) => (s >= 120 ? 1 : 0));

describe('launch shapes and uplifts', () => {
  it('shapes have mean 1, so an uplift u always raises the window total by u', () => {
    expect(launchShape('flat', 3)).toEqual([1, 1, 1]);
    const spike = launchShape('spike-decay', 48);
    expect(spike.reduce((a, b) => a + b, 0) / 48).toBeCloseTo(1, 12);
    expect(spike[0]! / spike[12]!).toBeCloseTo(Math.E, 12); // τ = 48/4 = 12 hours
  });

  it('realised uplift is Σactual/Σbaseline − 1, and the learned one the median of the same kind and market', () => {
    expect(realisedUpliftPct([120, 130, NaN], [100, 100, 100])).toBeCloseTo(25, 12);
    expect(realisedUpliftPct([1], [0])).toBeNull();
    const past = [
      { kind: 'listing', market: 'US', realisedUpliftPct: 20 },
      { kind: 'listing', market: 'US', realisedUpliftPct: 40 },
      { kind: 'listing', market: 'AU', realisedUpliftPct: 90 },
      { kind: 'promo', market: 'US', realisedUpliftPct: 5 },
    ];
    expect(learnedUpliftPct(past, 'listing', 'US')).toBe(30);
    expect(learnedUpliftPct(past, 'listing', 'EU')).toBeNull();
  });
});

describe('holidays', () => {
  it('finds the first open day after a holiday, skipping weekends and other holidays', () => {
    // Friday 2024-07-05 (a made-up holiday) → Monday 07-08; Monday 05-27 with Tuesday also a holiday → Wednesday 05-29
    const next = nextOpenDays(['2024-07-05', '2024-05-27', '2024-05-28'], weekendClosed);
    expect(next.get(day('2024-07-05'))).toBe(day('2024-07-08'));
    expect(next.get(day('2024-05-27'))).toBe(day('2024-05-29'));
  });

  it('measures a holiday against the same weekday around it and shrinks the median towards 1', () => {
    // Five weeks of 10 per hour; the holiday Wednesday has 3 per hour → ratio 0.3 → shrunk 1 + (−0.7)·1/2 = 0.65
    const first = day('2024-01-01');
    const values = Array.from({ length: 5 * WEEK_HOURS }, (_, i) => (i >= 16 * 24 && i < 17 * 24 ? 3 : 10));
    const grid = { firstWallHour: first, values };
    expect(dayVolume(grid, day('2024-01-17'))).toBe(72);
    expect(dayRatio(grid, day('2024-01-17'), new Set())).toBeCloseTo(0.3, 12);
    const effect = learnHolidayEffect(grid, ['2024-01-17']);
    expect(effect.ratio).toBeCloseTo(0.65, 12);
    expect(effect.nextOpenDayObserved).toEqual([{ date: '2024-01-18', ratio: 1 }]);
    expect(shrunkMedianRatio([1.3, null])).toBeCloseTo(1.15, 12);
  });
});

describe('month turn', () => {
  it('marks the last and the first three open days of each month', () => {
    const turn = monthTurnDays(day('2024-05-01'), day('2024-06-02'), (d) => {
      const wd = new Date(d * HOUR_MS).getUTCDay();
      return wd !== 0 && wd !== 6;
    });
    expect(turn.get(day('2024-05-31'))).toBe('last'); // Friday
    expect(turn.get(day('2024-05-01'))).toBe('first');
    expect(turn.get(day('2024-05-03'))).toBe('third');
    expect(turn.get(day('2024-06-03'))).toBe('first'); // Monday; June 1–2 is a weekend
    expect(turn.has(day('2024-05-15'))).toBe(false);
  });

  it('establishes an effect only with three consistent months', () => {
    // Every first-of-month at 1.2× a normal day over five months (Jan–May); the rest flat.
    const first = day('2024-01-01');
    const isFirst = (i: number) => new Date((first + i) * HOUR_MS).getUTCDate() === 1;
    const values = Array.from({ length: 24 * 130 }, (_, i) => (isFirst(i) ? 12 : 10));
    const grid = { firstWallHour: first, values };
    const turn = monthTurnDays(first, first + values.length, () => true);
    const effect = learnMonthTurnEffect(grid, turn, new Set(turn.keys()));
    expect(effect.ratios.first).toBeCloseTo(1 + 0.2 * (5 / 6), 9); // median 1.2 from 5 months, shrunk by 5/6
    expect(effect.ratios.last).toBeNull(); // no effect on the last day: never established
    const twoMonths = learnMonthTurnEffect({ firstWallHour: first, values: values.slice(0, 24 * 45) }, turn, new Set(turn.keys()));
    expect(twoMonths.ratios.first).toBeNull();
  });
});

describe('closed hours', () => {
  it('closes the hours of the week that were zero in every recent week', () => {
    const first = day('2024-01-01'); // a Monday
    const values = Array.from({ length: 4 * WEEK_HOURS }, (_, i) => ((i % WEEK_HOURS) < 120 && i % 24 >= 8 && i % 24 < 18 ? 5 : 0));
    const closed = closedHoursOfWeek({ firstWallHour: first, values });
    expect(closed.reduce((a, b) => a + b, 0)).toBe(168 - 50);
    expect(closed[8]).toBe(0); // Monday 08:00 open
    expect(closed[7]).toBe(1);
  });
});
