import fc from 'fast-check';
import { intradayPersistence, sameSlotPastDays, type PastDay } from './intraday-persistence.js';
import { intradayReforecast, type IntradayInput } from './intraday-reforecast.js';

const TOLERANCE = 1e-9;
/** A 24-hour day-ahead forecast peaking at midday, with an 80 % interval. */
const mean = Array.from({ length: 24 }, (_, h) => 20 + 80 * Math.max(0, Math.sin(((h - 6) / 12) * Math.PI)));
const day = (m = mean): Pick<IntradayInput, 'dayAheadMean' | 'dayAheadQuantiles'> => ({
  dayAheadMean: m,
  dayAheadQuantiles: { '0.1': m.map((v) => v * 0.75), '0.9': m.map((v) => v * 1.3) },
});
const scaled = (k: number, hours: number) => mean.slice(0, hours).map((v) => v * k);
const sum = (xs: readonly number[]) => xs.reduce((a, v) => a + v, 0);

describe('intradayReforecast', () => {
  it('given arrivals exactly as forecast, then the rest of the day is the day-ahead forecast', () => {
    const r = intradayReforecast({ ...day(), elapsedHours: 10, observed: mean.slice(0, 10), credibility: 0.7 });
    expect(r.firstHour).toBe(10);
    expect(r.scale.ratio).toBeCloseTo(1, 12);
    expect(r.scale.applied).toBeCloseTo(1, 12);
    r.mean.forEach((v, i) => expect(v).toBeCloseTo(mean[10 + i]!, 9));
  });

  it('given a busy morning, then the rest is scaled by 1 + Z·(ratio − 1), shape and interval width kept', () => {
    const r = intradayReforecast({ ...day(), elapsedHours: 10, observed: scaled(1.2, 10), credibility: 0.5 });
    expect(r.scale.expected).toBeCloseTo(sum(mean.slice(0, 10)), 9);
    expect(r.scale.ratio).toBeCloseTo(1.2, 12);
    expect(r.scale.applied).toBeCloseTo(1.1, 12);
    r.mean.forEach((v, i) => {
      expect(Math.abs(v - 1.1 * mean[10 + i]!)).toBeLessThan(TOLERANCE);
      expect(Math.abs(r.quantiles['0.9']![i]! - 1.1 * 1.3 * mean[10 + i]!)).toBeLessThan(TOLERANCE);
    });
  });

  it('given credibility 0 or nothing elapsed, then it returns the day-ahead forecast with its intervals', () => {
    const none = intradayReforecast({ ...day(), elapsedHours: 12, observed: scaled(2, 12), credibility: 0 });
    none.mean.forEach((v, i) => expect(v).toBeCloseTo(mean[12 + i]!, 9));
    const start = intradayReforecast({ ...day(), elapsedHours: 0, observed: [], credibility: 1 });
    expect(start.scale).toMatchObject({ observed: 0, expected: 0, ratio: null, applied: 1 });
    expect(start.mean).toEqual(mean);
    start.quantiles['0.9']!.forEach((v, h) => expect(v).toBeCloseTo(mean[h]! * 1.3, 9));
  });

  it('given a part-elapsed hour, then its arrivals so far count and the rest of it is forecast pro rata', () => {
    const r = intradayReforecast({ ...day(), elapsedHours: 10.5, observed: [...mean.slice(0, 10), 30], credibility: 0.6 });
    expect(r.firstHour).toBe(10);
    expect(r.scale.expected).toBeCloseTo(sum(mean.slice(0, 10)) + 0.5 * mean[10]!, 9);
    expect(r.scale.observed).toBeCloseTo(sum(mean.slice(0, 10)) + 30, 9);
    expect(r.mean[0]).toBeCloseTo(30 + 0.5 * r.scale.applied * mean[10]!, 9);
    // One more arrival in the current hour raises the rest of the day.
    const more = intradayReforecast({ ...day(), elapsedHours: 10.5, observed: [...mean.slice(0, 10), 31], credibility: 0.6 });
    expect(more.mean[5]!).toBeGreaterThan(r.mean[5]!);
  });

  it('keeps quantiles ordered around the mean and non-negative for any arrivals so far (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 24, noNaN: true }), fc.array(fc.nat(400), { minLength: 24, maxLength: 24 }), fc.double({ min: 0, max: 1, noNaN: true }), (elapsed, counts, credibility) => {
        const r = intradayReforecast({ ...day(), elapsedHours: elapsed, observed: counts.slice(0, Math.ceil(elapsed)), credibility });
        expect(r.mean).toHaveLength(24 - Math.floor(elapsed));
        r.mean.forEach((m, i) => {
          expect(r.quantiles['0.1']![i]!).toBeGreaterThanOrEqual(0);
          expect(r.quantiles['0.1']![i]!).toBeLessThanOrEqual(m + TOLERANCE);
          expect(r.quantiles['0.9']![i]!).toBeGreaterThanOrEqual(m - TOLERANCE);
        });
      }),
    );
  });

  it('names the field of bad input', () => {
    const ok = { ...day(), credibility: 0.5 };
    expect(() => intradayReforecast({ ...ok, elapsedHours: 3, observed: [1, 2] })).toThrow(/^observed: /);
    expect(() => intradayReforecast({ ...ok, elapsedHours: 25, observed: [] })).toThrow(/^elapsedHours: /);
    expect(() => intradayReforecast({ ...ok, elapsedHours: 1, observed: [-1] })).toThrow(/^observed\[0\]: /);
    expect(() => intradayReforecast({ ...ok, dayAheadQuantiles: { '0.9': [1] }, elapsedHours: 0, observed: [] })).toThrow(/^dayAheadQuantiles\["0.9"\]: /);
    expect(() => intradayReforecast({ ...ok, elapsedHours: 0, observed: [], credibility: 1.5 })).toThrow(/^credibility: /);
    expect(() => intradayReforecast({ dayAheadMean: [], dayAheadQuantiles: {}, elapsedHours: 0, observed: [], credibility: 0 })).toThrow(/^dayAheadMean: /);
  });
});

/** Past days whose morning deviation d carries `carry`·d into the afternoon, plus alternating noise. */
function pastDays(carry: number, count: number, noise = 0): PastDay[] {
  return Array.from({ length: count }, (_, k) => {
    const d = ((k % 5) - 2) / 10;
    const wobble = noise * (k % 2 === 0 ? 1 : -1);
    return { expected: mean, observed: mean.map((v, h) => v * (1 + (h < 10 ? d + wobble : carry * d))) };
  });
}

describe('intradayPersistence', () => {
  it('given days whose morning deviation lasts all day, then Z is 1 shrunk by n/(n + 10)', () => {
    const p = intradayPersistence(pastDays(1, 40), 10);
    expect(p.days).toBe(40);
    expect(p.credibility).toBeCloseTo(p.days / (p.days + 10), 9);
  });

  it('given half the deviation lasting, then Z ≈ 0.5 shrunk; noise in the morning dilutes it', () => {
    const half = intradayPersistence(pastDays(0.5, 40), 10);
    expect(half.credibility).toBeCloseTo((0.5 * half.days) / (half.days + 10), 9);
    expect(intradayPersistence(pastDays(0.5, 40, 0.15), 10).credibility).toBeLessThan(half.credibility);
  });

  it('given no days, opposite-signed days or closed days, then Z is 0 or clamped to 0', () => {
    expect(intradayPersistence([], 10)).toEqual({ credibility: 0, days: 0 });
    expect(intradayPersistence(pastDays(-1, 20), 10).credibility).toBe(0);
    const closed = { expected: mean.map(() => 0), observed: mean.map(() => 0) };
    expect(intradayPersistence([closed], 10)).toEqual({ credibility: 0, days: 0 });
  });
});

describe('sameSlotPastDays', () => {
  it('gives each whole day after the first 4 weeks with the mean of the same hour in the 4 weeks before', () => {
    const values = Float64Array.from({ length: 6 * 168 }, (_, i) => 10 + (i % 24) + Math.floor(i / 168));
    const days = sameSlotPastDays({ firstWallHour: 0, values });
    expect(days).toHaveLength(14);
    // Day 28 (week 4): hour 5 is 10 + 5 + 4; its proxy averages weeks 0–3: 10 + 5 + 1.5.
    expect(days[0]!.observed[5]).toBe(19);
    expect(days[0]!.expected[5]).toBeCloseTo(16.5, 12);
    expect(sameSlotPastDays({ firstWallHour: 0, values }, 3)).toHaveLength(3);
  });

  it('leaves out days with a gap in the day or its proxy, and refuses a grid not at midnight', () => {
    const values = Float64Array.from({ length: 5 * 168 }, () => 5);
    values[4 * 168 + 30] = Number.NaN; // day 29
    values[168 + 3] = Number.NaN; // in the proxy of day 28
    const days = sameSlotPastDays({ firstWallHour: 0, values });
    expect(days).toHaveLength(7 - 2);
    expect(() => sameSlotPastDays({ firstWallHour: 5, values })).toThrow(/^grid: /);
  });
});
