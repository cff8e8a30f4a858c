import fc from 'fast-check';
import { DateTime } from 'luxon';
import { forecastSeries, type SeriesForecastInput } from './forecast-series.js';

const HOUR = 3_600_000;

/** Hourly volume peaking at 10:00 local time, half as busy at weekends. Deterministic, no noise. */
function localPattern(zone: string, utcMs: number): number {
  const t = DateTime.fromMillis(utcMs, { zone });
  const daily = 10 + 90 * Math.exp(-((t.hour - 10) ** 2) / 8);
  return t.weekday >= 6 ? daily / 2 : daily;
}

function series(zone: string, startIso: string, hours: number, f: (ms: number) => number = (ms) => localPattern(zone, ms)) {
  const start = Date.parse(startIso);
  return { start: new Date(start).toISOString(), values: Array.from({ length: hours }, (_, i) => f(start + i * HOUR)) };
}

/** Groups forecast hours by local date and returns the local hour of each day's peak and the day's hour count. */
function peaksByLocalDay(zone: string, startIso: string, mean: number[]) {
  const days = new Map<string, { peakHour: number; peak: number; hours: number; total: number }>();
  mean.forEach((v, j) => {
    const t = DateTime.fromMillis(Date.parse(startIso) + j * HOUR, { zone });
    const key = t.toISODate()!;
    const d = days.get(key) ?? { peakHour: -1, peak: -Infinity, hours: 0, total: 0 };
    d.hours++;
    d.total += v;
    if (v > d.peak) [d.peak, d.peakHour] = [v, t.hour];
    days.set(key, d);
  });
  return days;
}

describe('forecastSeries — local time across DST', () => {
  it('keeps a 10:00 New York peak at 10:00 local through the March change (history and horizon cross it)', () => {
    // History 2024-01-22 … 2024-03-11 (crosses 2024-03-10, 02:00 EST → 03:00 EDT), horizon 14 days.
    const s = series('America/New_York', '2024-01-22T05:00:00Z', 24 * 7 * 7 + 24 * 1);
    const fcast = forecastSeries({ ...s, horizonHours: 14 * 24, timeZone: 'America/New_York' });
    const days = peaksByLocalDay('America/New_York', fcast.start, fcast.mean);
    for (const [date, d] of days) if (d.hours >= 20) expect({ date, peakHour: d.peakHour }).toEqual({ date, peakHour: 10 });
    // In UTC the peak moves from 15:00 (EST) to 14:00 (EDT); the tolerance on the values is 2 %.
    fcast.mean.forEach((v, j) => {
      const truth = localPattern('America/New_York', Date.parse(fcast.start) + j * HOUR);
      expect(Math.abs(v - truth)).toBeLessThanOrEqual(0.02 * truth);
    });
  });

  it('forecasts the 23-hour spring-forward day with 23 hours and the peak at 10:00 New York time', () => {
    const s = series('America/New_York', '2024-01-01T05:00:00Z', 24 * 7 * 9 + 24 * 6); // the horizon starts at 2024-03-10 00:00 local
    const fcast = forecastSeries({ ...s, horizonHours: 72, timeZone: 'America/New_York' });
    const days = peaksByLocalDay('America/New_York', fcast.start, fcast.mean);
    expect(days.get('2024-03-10')).toMatchObject({ hours: 23, peakHour: 10 });
    expect(days.get('2024-03-11')).toMatchObject({ hours: 24, peakHour: 10 });
  });

  it('handles Sydney both ways: the 25-hour day of 2024-04-07 and the 23-hour day of 2024-10-06', () => {
    const zone = 'Australia/Sydney';
    const april = series(zone, '2024-02-04T13:00:00Z', 24 * 7 * 8 + 24 * 5); // local midnight start, ends 2024-04-05 local
    const fa = forecastSeries({ ...april, horizonHours: 96, timeZone: zone });
    const da = peaksByLocalDay(zone, fa.start, fa.mean);
    expect(da.get('2024-04-07')).toMatchObject({ hours: 25, peakHour: 10 });
    expect(da.get('2024-04-08')).toMatchObject({ hours: 24, peakHour: 10 });
    // On the 25-hour day the repeated 02:00 hour gets the same value twice: the grid holds a rate per local hour.
    const apr7 = fa.mean.filter((_, j) => DateTime.fromMillis(Date.parse(fa.start) + j * HOUR, { zone }).toISODate() === '2024-04-07');
    expect(apr7[2]).toBeCloseTo(apr7[3]!, 9);

    const october = series(zone, '2024-08-04T14:00:00Z', 24 * 7 * 8 + 24 * 5);
    const fo = forecastSeries({ ...october, horizonHours: 96, timeZone: zone });
    const dOct = peaksByLocalDay(zone, fo.start, fo.mean);
    expect(dOct.get('2024-10-06')).toMatchObject({ hours: 23, peakHour: 10 });
    fo.mean.forEach((v, j) => {
      const truth = localPattern(zone, Date.parse(fo.start) + j * HOUR);
      expect(Math.abs(v - truth)).toBeLessThanOrEqual(0.02 * truth);
    });
  });
});

describe('forecastSeries — holidays', () => {
  const zone = 'America/New_York';
  // Ten weeks from Monday 2024-01-01; two past Monday holidays at 40 % of a normal day.
  const pastHolidays = ['2024-01-15', '2024-02-19'];
  const isHoliday = (ms: number) => pastHolidays.includes(DateTime.fromMillis(ms, { zone }).toISODate()!);
  const s = series(zone, '2024-01-01T05:00:00Z', 24 * 7 * 10, (ms) => localPattern(zone, ms) * (isHoliday(ms) ? 0.4 : 1));

  it('learns the holiday ratio (median 0.4, shrunk to 1 + (0.4 − 1)·2/3 = 0.6) and scales a future holiday by it (tolerance 1e-9)', () => {
    const future = '2024-03-13'; // a Wednesday inside the horizon
    const base = forecastSeries({ ...s, horizonHours: 168, timeZone: zone, holidays: pastHolidays });
    const withHoliday = forecastSeries({ ...s, horizonHours: 168, timeZone: zone, holidays: [...pastHolidays, future] });
    expect(withHoliday.holidayEffect.observed.map((o) => [o.date, o.ratio])).toEqual([
      ['2024-01-15', expect.closeTo(0.4, 9)],
      ['2024-02-19', expect.closeTo(0.4, 9)],
    ]);
    expect(withHoliday.holidayEffect.ratio).toBeCloseTo(0.6, 9);
    const dayTotal = (mean: number[], date: string) =>
      mean.reduce((a, v, j) => (DateTime.fromMillis(Date.parse(base.start) + j * HOUR, { zone }).toISODate() === date ? a + v : a), 0);
    expect(dayTotal(withHoliday.mean, future) / dayTotal(base.mean, future)).toBeCloseTo(0.6, 9);
    // Other days are untouched (the catch-up Thursday measured ratio 1 in the history).
    expect(dayTotal(withHoliday.mean, '2024-03-12')).toBeCloseTo(dayTotal(base.mean, '2024-03-12'), 6);
  });

  it('keeps past holidays out of the seasonality: the Monday after the history is forecast at its normal level (2 %)', () => {
    const fcast = forecastSeries({ ...s, horizonHours: 168, timeZone: zone, holidays: pastHolidays });
    fcast.mean.forEach((v, j) => {
      const truth = localPattern(zone, Date.parse(fcast.start) + j * HOUR);
      expect(Math.abs(v - truth)).toBeLessThanOrEqual(0.02 * truth);
    });
  });
});

describe('forecastSeries — launches', () => {
  const zone = 'UTC';
  const start = '2024-01-01T00:00:00Z';
  const hours = 24 * 7 * 10;
  const history = series(zone, start, hours);
  const end = Date.parse(start) + hours * HOUR;
  const iso = (ms: number) => new Date(ms).toISOString();
  const futureLaunch = { start: iso(end + 48 * HOUR), end: iso(end + 72 * HOUR) };

  it('adds a given flat uplift to every hour of the window (ratio 1.5, tolerance 1e-9)', () => {
    const base = forecastSeries({ ...history, horizonHours: 168 });
    const lifted = forecastSeries({ ...history, horizonHours: 168, launches: [{ ...futureLaunch, upliftPct: 50 }] });
    lifted.mean.forEach((v, j) => expect(v).toBeCloseTo(base.mean[j]! * (j >= 48 && j < 72 ? 1.5 : 1), 9));
    expect(lifted.launches.applied).toEqual([expect.objectContaining({ upliftPct: 50, source: 'given', profile: 'flat' })]);
  });

  it('spreads a spike-decay uplift so that the window total still rises by the uplift (tolerance 1e-9)', () => {
    const base = forecastSeries({ ...history, horizonHours: 168 });
    const lifted = forecastSeries({ ...history, horizonHours: 168, launches: [{ ...futureLaunch, upliftPct: 50, profile: 'spike-decay' }] });
    const ratios = lifted.mean.slice(48, 72).map((v, k) => v / base.mean[48 + k]!);
    expect(ratios.reduce((a, b) => a + b, 0) / 24).toBeCloseTo(1.5, 9);
    expect(ratios[0]!).toBeGreaterThan(ratios[23]!);
  });

  it('reports the realised uplift of past launches and applies the median of the same kind and market when none is given (0.1 pct-point)', () => {
    // Three past launches: two "listing" in US at +30 % and +50 %, one "promo" at +100 %.
    const past = [
      { at: 24 * 7 * 5 + 10, len: 24, factor: 1.3, kind: 'listing' },
      { at: 24 * 7 * 7 + 30, len: 12, factor: 1.5, kind: 'listing' },
      { at: 24 * 7 * 8 + 60, len: 24, factor: 2.0, kind: 'promo' },
    ];
    const values = history.values.map((v, i) => {
      const l = past.find((p) => i >= p.at && i < p.at + p.len);
      return l === undefined ? v : v * l.factor;
    });
    const launches = past.map((p) => ({
      start: iso(Date.parse(start) + p.at * HOUR),
      end: iso(Date.parse(start) + (p.at + p.len) * HOUR),
      kind: p.kind,
      market: 'US',
    }));
    const base = forecastSeries({ start, values, horizonHours: 168, launches });
    const fcast = forecastSeries({ start, values, horizonHours: 168, launches: [...launches, { ...futureLaunch, kind: 'listing', market: 'US' }] });
    expect(fcast.launches.past.map((p) => p.realisedUpliftPct)).toEqual([expect.closeTo(30, 1), expect.closeTo(50, 1), expect.closeTo(100, 1)]);
    expect(fcast.launches.applied).toEqual([expect.objectContaining({ upliftPct: expect.closeTo(40, 1), source: 'learned' })]);
    fcast.mean.slice(48, 72).forEach((v, k) => expect(v / base.mean[48 + k]!).toBeCloseTo(1.4, 3));
    // The past windows are masked, so the uplift does not leak into the baseline (2 %).
    base.mean.forEach((v, j) => {
      const truth = localPattern(zone, end + j * HOUR);
      expect(Math.abs(v - truth)).toBeLessThanOrEqual(0.02 * truth);
    });
  });

  it('applies no uplift when none is given and no past launch of that kind exists', () => {
    const fcast = forecastSeries({ ...history, horizonHours: 168, launches: [{ ...futureLaunch, kind: 'new-kind' }] });
    expect(fcast.launches.applied).toEqual([expect.objectContaining({ upliftPct: 0, source: 'none' })]);
  });
});

describe('forecastSeries — awkward series', () => {
  it('forecasts closed hours as exactly 0 and stays finite with gaps', () => {
    // Open 08:00–17:59 on weekdays, zero otherwise, with a missing day and scattered gaps.
    const s = series('UTC', '2024-01-01T00:00:00Z', 24 * 7 * 6, (ms) => {
      const t = DateTime.fromMillis(ms, { zone: 'UTC' });
      return t.weekday <= 5 && t.hour >= 8 && t.hour < 18 ? 50 + 10 * Math.sin(t.hour) : 0;
    });
    const values: (number | null)[] = s.values.map((v, i) => (i % 97 === 0 || (i >= 24 * 16 && i < 24 * 17) ? null : v));
    const fcast = forecastSeries({ start: s.start, values, horizonHours: 168, quantiles: [0.1, 0.9] });
    expect(fcast.closedHoursOfWeek).toHaveLength(168 - 50);
    fcast.mean.forEach((v, j) => {
      const t = DateTime.fromMillis(Date.parse(fcast.start) + j * HOUR, { zone: 'UTC' });
      const open = t.weekday <= 5 && t.hour >= 8 && t.hour < 18;
      if (!open) expect([v, fcast.quantiles['0.9']![j]]).toEqual([0, 0]);
      else expect(v).toBeGreaterThan(30);
    });
  });

  it('falls back with short histories: the mean under a day, daily methods under a week, weekly ones under two', () => {
    const s = series('UTC', '2024-01-01T00:00:00Z', 24 * 10);
    const tiny = forecastSeries({ start: s.start, values: s.values.slice(0, 5), horizonHours: 24 });
    expect(tiny.method).toBe('mean');
    expect(tiny.mean.every((v) => Math.abs(v - tiny.mean[0]!) < 1e-12)).toBe(true);
    const threeDays = forecastSeries({ start: s.start, values: s.values.slice(0, 72), horizonHours: 24 });
    expect(Object.keys(threeDays.weights).every((m) => m.endsWith('daily'))).toBe(true);
    // A weekday forecast from three weekdays repeats the daily shape (2 %).
    threeDays.mean.forEach((v, j) => expect(Math.abs(v - s.values[72 + j]!)).toBeLessThanOrEqual(0.02 * s.values[72 + j]!));
    const tenDays = forecastSeries({ start: s.start, values: s.values, horizonHours: 48 });
    expect(tenDays.mean.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
  });

  it('never returns a negative, non-finite or disordered forecast, nor one worse on its backtest than the simple floor (property, 15 random series)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        (length, horizon, seed, gapShare) => {
          let x = seed;
          const rand = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
          const values: (number | null)[] = Array.from({ length }, (_, i) => (rand() < gapShare ? null : Math.round(rand() * 40 * (1 + Math.sin(i / 4)))));
          if (!values.some((v) => v !== null)) values[0] = 3;
          const f = forecastSeries({ start: '2024-05-06T00:00:00Z', values, horizonHours: horizon, timeZone: 'Australia/Sydney', quantiles: [0.1, 0.5, 0.9] });
          expect(f.mean).toHaveLength(horizon);
          // Whatever is published did no worse on its backtest than the best simple same-slot estimator.
          if (f.backtest.wape !== null && f.backtest.baseline?.wape != null) expect(f.backtest.wape).toBeLessThanOrEqual(f.backtest.baseline.wape + 1e-12);
          for (let j = 0; j < horizon; j++) {
            const [lo, mid, hi] = [f.quantiles['0.1']![j]!, f.quantiles['0.5']![j]!, f.quantiles['0.9']![j]!];
            expect(Number.isFinite(f.mean[j]!) && f.mean[j]! >= 0).toBe(true);
            expect(lo >= 0 && lo <= mid && mid <= hi).toBe(true);
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it('calibrates the 80 % interval: Poisson data land inside it 70–90 % of the time (4 replications × 168 hours)', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const poisson = (lambda: number) => {
      // Knuth for small λ, normal approximation above 30.
      if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * Math.sqrt(-2 * Math.log(rand())) * Math.cos(2 * Math.PI * rand())));
      let k = 0;
      let p = 1;
      const l = Math.exp(-lambda);
      do {
        k++;
        p *= rand();
      } while (p > l);
      return k - 1;
    };
    let inside = 0;
    let total = 0;
    for (let rep = 0; rep < 4; rep++) {
      const truth = (i: number) => localPattern('UTC', Date.parse('2024-01-01T00:00:00Z') + i * HOUR);
      const values = Array.from({ length: 24 * 7 * 8 }, (_, i) => poisson(truth(i)));
      const f = forecastSeries({ start: '2024-01-01T00:00:00Z', values, horizonHours: 168, quantiles: [0.1, 0.9] });
      for (let j = 0; j < 168; j++) {
        const y = poisson(truth(values.length + j));
        if (y >= f.quantiles['0.1']![j]! && y <= f.quantiles['0.9']![j]!) inside++;
        total++;
      }
    }
    expect(inside / total).toBeGreaterThanOrEqual(0.7);
    expect(inside / total).toBeLessThanOrEqual(0.9);
  });
});

describe('forecastSeries — intervals calibrated out of sample', () => {
  // Eight weeks from Monday 2024-01-01 (UTC, open around the clock), weekly seasonal naive alone and
  // one backtest origin at the start of the last week (2024-02-19), so the residuals are by hand.
  const start = '2024-01-01T00:00:00Z';
  const dayOf = (i: number) => new Date(Date.parse(start) + i * HOUR).toISOString().slice(0, 10);
  const options = { methods: ['seasonal-naive-weekly'], backtestOrigins: 1, monthTurnEffects: false };

  it('does not fill a gap before a backtest origin from the week being forecast (tolerance 1e-9)', () => {
    // 100 an hour, 200 in the last week; Wednesday 2024-02-14, in the week before the origin, is missing.
    const level = (i: number) => (i >= 7 * 168 ? 200 : 100);
    const values = Array.from({ length: 8 * 168 }, (_, i) => level(i));
    const withGap = values.map((v, i) => (dayOf(i) === '2024-02-14' ? null : v));
    const f = forecastSeries({ start, values: withGap, horizonHours: 168, quantiles: [0.1], options });
    const noGap = forecastSeries({ start, values, horizonHours: 168, quantiles: [0.1], options });
    // Forecast from its own past the origin's week is 100 everywhere against 200: every residual is
    // log(201/101), so Q0.1 = 201·201/101 − 1 over a mean of 200. Filling the gap from the forecast
    // week (150) would have put 24 residuals at log(201/151) and Q0.1 at 201·201/151 − 1 ≈ 266.6.
    for (const v of f.mean) expect(v).toBeCloseTo(200, 9);
    for (const v of f.quantiles['0.1']!) expect(v).toBeCloseTo((201 * 201) / 101 - 1, 9);
    expect(f.quantiles['0.1']).toEqual(noGap.quantiles['0.1']);
  });

  it('replays a holiday with the effect known before the origin, not one learned from that very day (tolerance 1e-9)', () => {
    // 100 an hour; the holiday Wednesday 2024-02-21, inside the backtest week, takes 20.
    const values = Array.from({ length: 8 * 168 }, (_, i) => (dayOf(i) === '2024-02-21' ? 20 : 100));
    const f = forecastSeries({ start, values, horizonHours: 168, quantiles: [0.05], holidays: ['2024-02-21'], options });
    expect(f.holidayEffect.ratio).toBeCloseTo(0.6, 9); // learned from the whole history: 1 + (0.2 − 1)·1/2
    // Before the origin no holiday had been seen, so the replay forecast that day at 100: 24 of 168
    // residuals are log(21/101) and Q0.05 of a mean of 100 is 101·21/101 − 1 = 20. Replaying with the
    // ratio 0.6 learned from the day itself would have given 101·21/61 − 1 ≈ 33.8.
    for (const v of f.mean) expect(v).toBeCloseTo(100, 9);
    for (const v of f.quantiles['0.05']!) expect(v).toBeCloseTo(20, 9);
  });
});

describe('forecastSeries — selection by out-of-sample evidence', () => {
  it('given a weekend that moved from Saturday–Sunday to Friday–Saturday, then its backtest is no worse than the best simple same-slot estimator', () => {
    // Given 12 weeks open around the clock with ±30 % deterministic noise, the quiet days moving after week 6,
    let seed = 7;
    const noise = () => 0.7 + 0.6 * ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const start = Date.parse('2024-01-01T00:00:00Z');
    const values = Array.from({ length: 12 * 168 }, (_, i) => {
      const t = new Date(start + i * HOUR);
      const quiet = i < 6 * 168 ? [0, 6] : [5, 6];
      return Math.round((quiet.includes(t.getUTCDay()) ? 30 : 100) * (1 + 0.5 * Math.sin((Math.PI * t.getUTCHours()) / 24)) * noise());
    });
    // when it is forecast one week ahead,
    const f = forecastSeries({ start: new Date(start).toISOString(), values, horizonHours: 168, quantiles: [0.1, 0.9] });
    // then the report names the best simple estimator, and the published forecast's out-of-sample WAPE is at most its WAPE.
    expect(f.backtest.baseline?.method).toMatch(/^same-slot-(mean|median|trimmed-mean)-[48]w$/);
    expect(f.backtest.wape).not.toBeNull();
    expect(f.backtest.wape!).toBeLessThanOrEqual(f.backtest.baseline!.wape! + 1e-12);
    expect(f.backtest.origins).toBe(8);
    const total = Object.values(f.weights).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 12);
  });

  it('given only the non-simple methods, then no baseline is reported and the combination stands on its own evidence', () => {
    const s = series('UTC', '2024-01-01T00:00:00Z', 6 * 168);
    const f = forecastSeries({ ...s, horizonHours: 24, options: { methods: ['seasonal-naive-weekly', 'seasonal-naive-daily'] } });
    expect(f.backtest.baseline).toBeNull();
    expect(f.backtest.combinationShare).toBe(1);
    // The pattern repeats exactly every week, so the evidence of all origins puts the weight on the weekly method.
    expect(f.weights['seasonal-naive-weekly']).toBeGreaterThan(0.999);
    expect(f.backtest.wape).toBeGreaterThanOrEqual(0);
  });
});

describe('forecastSeries — input errors name the field', () => {
  const ok: SeriesForecastInput = { start: '2024-01-01T00:00:00Z', values: [1, 2, 3], horizonHours: 2 };
  it.each([
    [{ start: '2024-01-01T00:30:00Z' }, /^start:/],
    [{ start: 'yesterday' }, /^start:/],
    [{ values: [] }, /^values:/],
    [{ values: [1, -2] }, /^values\[1\]:/],
    [{ horizonHours: 0 }, /^horizonHours:/],
    [{ horizonHours: 1.5 }, /^horizonHours:/],
    [{ timeZone: 'Mars/Olympus' }, /^timeZone:/],
    [{ quantiles: [0.5, 1] }, /^quantiles\[1\]:/],
    [{ holidays: ['2024-02-30'] }, /^holidays\[0\]:/],
    [{ launches: [{ start: '2024-01-02T00:00:00Z', end: '2024-01-01T00:00:00Z' }] }, /^launches\[0\]\.end:/],
    [{ launches: [{ start: '2024-01-02T00:00:00Z', end: '2024-01-03T00:00:00Z', upliftPct: -100 }] }, /^launches\[0\]\.upliftPct:/],
    [{ values: [null, null] }, /^values:/],
    [{ options: { methods: ['crystal-ball'] } }, /^options\.methods\[0\]:/],
  ] as [Partial<SeriesForecastInput>, RegExp][])('%j → %s', (patch, message) => {
    expect(() => forecastSeries({ ...ok, ...patch })).toThrow(message);
  });
});
