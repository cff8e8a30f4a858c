import fc from 'fast-check';
import { intradayReforecast, type IntradayInput } from './intraday-reforecast.js';

const TOLERANCE = 1e-9;
/** A 24-hour day-ahead forecast peaking at midday, with a symmetric-ish 80 % interval. */
const mean = Array.from({ length: 24 }, (_, h) => 20 + 80 * Math.max(0, Math.sin(((h - 6) / 12) * Math.PI)));
const day = (m = mean): Pick<IntradayInput, 'dayAheadMean' | 'dayAheadQuantiles'> => ({
  dayAheadMean: m,
  dayAheadQuantiles: { '0.1': m.map((v) => v * 0.75), '0.9': m.map((v) => v * 1.3) },
});
const scaled = (k: number, hours: number) => mean.slice(0, hours).map((v) => v * k);

describe('intradayReforecast', () => {
  it('given arrivals exactly as forecast, then the rest of the day is the day-ahead forecast', () => {
    const r = intradayReforecast({ ...day(), elapsedHours: 10, observed: mean.slice(0, 10) });
    expect(r.firstHour).toBe(10);
    expect(r.scale.ratio).toBeCloseTo(1, 12);
    expect(r.scale.applied).toBeCloseTo(1, 12);
    r.mean.forEach((v, i) => expect(v).toBeCloseTo(mean[10 + i]!, 9));
  });

  it('given a busy morning, then the rest is scaled by the credibility-weighted ratio (Gamma–Poisson posterior mean)', () => {
    const observed = scaled(1.2, 10);
    const r = intradayReforecast({ ...day(), elapsedHours: 10, observed, levelSd: 0.1 });
    const expected = mean.slice(0, 10).reduce((a, v) => a + v, 0);
    const z = expected / (expected + 100);
    expect(r.scale.expected).toBeCloseTo(expected, 9);
    expect(r.scale.credibility).toBeCloseTo(z, 12);
    expect(r.scale.applied).toBeCloseTo(z * 1.2 + (1 - z), 12);
    expect(r.scale.applied).toBeGreaterThan(1);
    expect(r.scale.applied).toBeLessThan(1.2);
    expect(Math.abs(r.mean[3]! - mean[13]! * r.scale.applied)).toBeLessThan(TOLERANCE);
  });

  it('given the same ratio, then early in the day (little expected) the scale stays nearer 1 than later', () => {
    const early = intradayReforecast({ ...day(), elapsedHours: 7, observed: scaled(1.5, 7) });
    const late = intradayReforecast({ ...day(), elapsedHours: 14, observed: scaled(1.5, 14) });
    expect(early.scale.ratio).toBeCloseTo(1.5, 12);
    expect(early.scale.credibility).toBeLessThan(late.scale.credibility);
    expect(early.scale.applied).toBeLessThan(late.scale.applied);
    // A queue a tenth the size learns less from the same ratio.
    const small = intradayReforecast({ ...day(mean.map((v) => v / 10)), elapsedHours: 14, observed: scaled(0.15, 14) });
    expect(small.scale.applied).toBeLessThan(late.scale.applied);
  });

  it('given nothing elapsed, then it returns the day-ahead forecast with its intervals', () => {
    const r = intradayReforecast({ ...day(), elapsedHours: 0, observed: [] });
    expect(r.scale).toMatchObject({ observed: 0, expected: 0, ratio: null, credibility: 0, applied: 1 });
    expect(r.mean).toEqual(mean);
    r.quantiles['0.9']!.forEach((v, h) => expect(v).toBeCloseTo(mean[h]! * 1.3, 9));
  });

  it('given a part-elapsed hour, then its arrivals so far count and the rest of it is forecast pro rata', () => {
    const observed = [...mean.slice(0, 10), 30];
    const r = intradayReforecast({ ...day(), elapsedHours: 10.5, observed });
    expect(r.firstHour).toBe(10);
    expect(r.scale.observed).toBeCloseTo(mean.slice(0, 10).reduce((a, v) => a + v, 0) + 30, 9);
    expect(r.mean[0]).toBeCloseTo(30 + 0.5 * r.scale.applied * mean[10]!, 9);
    // One more arrival in the current hour raises the whole rest of the day.
    const more = intradayReforecast({ ...day(), elapsedHours: 10.5, observed: [...mean.slice(0, 10), 31] });
    expect(more.mean[5]!).toBeGreaterThan(r.mean[5]!);
  });

  it('narrows the intervals as the level is learned, keeping them around the mean', () => {
    const r = intradayReforecast({ ...day(), elapsedHours: 12, observed: mean.slice(0, 12) });
    r.mean.forEach((m, i) => {
      const h = 12 + i;
      expect(r.quantiles['0.1']![i]!).toBeLessThan(m);
      expect(r.quantiles['0.9']![i]!).toBeGreaterThan(m);
      expect(r.quantiles['0.9']![i]! - r.quantiles['0.1']![i]!).toBeLessThan(mean[h]! * (1.3 - 0.75));
    });
  });

  it('keeps quantiles ordered and non-negative for any arrivals so far (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 24, noNaN: true }), fc.array(fc.nat(400), { minLength: 24, maxLength: 24 }), fc.double({ min: 0.01, max: 1, noNaN: true }), (elapsed, counts, levelSd) => {
        const r = intradayReforecast({ ...day(), elapsedHours: elapsed, observed: counts.slice(0, Math.ceil(elapsed)), levelSd });
        expect(r.mean).toHaveLength(24 - Math.floor(elapsed));
        r.mean.forEach((m, i) => {
          expect(r.quantiles['0.1']![i]!).toBeGreaterThanOrEqual(0);
          expect(r.quantiles['0.1']![i]!).toBeLessThanOrEqual(m + TOLERANCE);
          expect(r.quantiles['0.9']![i]!).toBeGreaterThanOrEqual(m - TOLERANCE);
        });
        expect(r.scale.credibility).toBeGreaterThanOrEqual(0);
        expect(r.scale.credibility).toBeLessThan(1);
      }),
    );
  });

  it('names the field of bad input', () => {
    expect(() => intradayReforecast({ ...day(), elapsedHours: 3, observed: [1, 2] })).toThrow(/^observed: /);
    expect(() => intradayReforecast({ ...day(), elapsedHours: 25, observed: [] })).toThrow(/^elapsedHours: /);
    expect(() => intradayReforecast({ ...day(), elapsedHours: 1, observed: [-1] })).toThrow(/^observed\[0\]: /);
    expect(() => intradayReforecast({ ...day(), dayAheadQuantiles: { '0.9': [1] }, elapsedHours: 0, observed: [] })).toThrow(/^dayAheadQuantiles\["0.9"\]: /);
    expect(() => intradayReforecast({ ...day(), elapsedHours: 0, observed: [], levelSd: 0 })).toThrow(/^levelSd: /);
    expect(() => intradayReforecast({ dayAheadMean: [], dayAheadQuantiles: {}, elapsedHours: 0, observed: [] })).toThrow(/^dayAheadMean: /);
  });
});
