/**
 * US bank calls benchmark (issue 5): the last 8 weeks of the 2003 hourly call counts,
 * each week forecast from the end of the previous week (Saturday 00:00 local, horizon 168 hours)
 * and scored on weekday hours 07–20: WAPE, bias and 80 %-interval coverage of Staffcast's
 * `forecastSeries`, with the weekly seasonal naive and the 4-week same-slot mean computed in the
 * same run (published anchors 9.35 % and 7.24 %).
 *
 *   npm run bench:calls [-- --json]
 *
 * The series goes in as UTC hours for America/New_York (the 2003-04-06 DST change is inside the
 * history): closed hours (nights, weekends) are 0, the six missing weekdays are null, and the
 * three federal holidays on which the centre took no calls (2003-05-26, 07-04, 09-01) are passed as
 * holidays, as a planner's market calendar would. Baselines run on the same local-time grid:
 * seasonal naive takes the same hour one week earlier (hours whose previous week is missing are left
 * out of its score) and the same-slot mean averages whichever of the 4 previous weeks were observed.
 * MSTL–ETS is initialised, as the API does, so the candidates are the API's.
 *
 * Intraday (issue 19): each weekday of the same 8 weeks is forecast in the morning (from local
 * 00:00, 24 hours, the day-ahead forecast) and re-forecast at 10:00, 12:00 and 14:00 from that day's
 * arrivals so far (`intradayReforecast`, with the credibility `intradayPersistence` learns from
 * the 8 weeks before the day, as the API does). Both are scored on the remaining hours up to 20:00:
 * `intradayWape` against `dayAheadWape` per cut-off, with both forecasts' 80 %-interval coverage.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DateTime } from 'luxon';
import { bias, coverage, forecastSeries, fromLocalGrid, ianaZone, initMstl, intradayPersistence, intradayReforecast, sameSlotMean, sameSlotPastDays, seasonalNaive, toLocalGrid, wape } from '@staffcast/forecasting';
import { machine, wantsJson } from './bench-support.js';
import { loadBankCallsHourly } from './forecast-data.js';

const ZONE = 'America/New_York';
const HOLIDAYS = ['2003-05-26', '2003-07-04', '2003-09-01'];
const WEEKS = 8;
const HORIZON = 168;
const HOUR_MS = 3_600_000;

const runStart = performance.now();
// As in the API, MSTL–ETS is one of the candidates.
initMstl(readFileSync(createRequire(import.meta.url).resolve('@bsull/augurs/mstl').replace(/mstl\.js$/, 'mstl_bg.wasm')));
const rows = loadBankCallsHourly();
const zone = ianaZone(ZONE);
const local = (text: string) => DateTime.fromISO(text, { zone: ZONE });
const firstMs = local(`${rows[0]!.date}T00:00`).toMillis();
// The Saturday 00:00 after the last Friday ends the data.
const endLocal = local(`${rows[rows.length - 1]!.date}T00:00`).plus({ days: 1 });
const n = (endLocal.toMillis() - firstMs) / HOUR_MS;
const observedDates = new Set(rows.map((r) => r.date));
const values: (number | null)[] = [];
for (let i = 0; i < n; i++) {
  const t = DateTime.fromMillis(firstMs + i * HOUR_MS, { zone: ZONE });
  values.push(t.weekday <= 5 && !observedDates.has(t.toISODate()!) ? null : 0);
}
for (const r of rows) values[(local(r.local).toMillis() - firstMs) / HOUR_MS] = r.calls;

interface Scored {
  actual: number[];
  model: number[];
  lower: number[];
  upper: number[];
  snaive: number[];
  sma4: number[];
}
const all: Scored = { actual: [], model: [], lower: [], upper: [], snaive: [], sma4: [] };
const weekly: { week: string; method: string; scored: Scored; seconds: number }[] = [];
let forecastSeconds = 0;

for (let w = WEEKS; w >= 1; w--) {
  const origin = endLocal.minus({ weeks: w });
  const h = (origin.toMillis() - firstMs) / HOUR_MS;
  const history = values.slice(0, h);
  const t0 = performance.now();
  const fc = forecastSeries({ start: new Date(firstMs).toISOString(), values: history, horizonHours: HORIZON, timeZone: ZONE, quantiles: [0.1, 0.9], holidays: HOLIDAYS });
  const seconds = (performance.now() - t0) / 1000;
  forecastSeconds += seconds;
  const grid = toLocalGrid(firstMs, history.map((v) => v ?? Number.NaN), zone);
  const futureGrid = (f: number[]) => fromLocalGrid({ firstWallHour: grid.firstWallHour + grid.values.length, values: f }, origin.toMillis(), HORIZON, zone);
  const sn = futureGrid(seasonalNaive(grid.values, HORIZON + 24, 168, 1));
  const sma = futureGrid(sameSlotMean(grid.values, HORIZON + 24, 168, 4));
  const scored: Scored = { actual: [], model: [], lower: [], upper: [], snaive: [], sma4: [] };
  for (let j = 0; j < HORIZON; j++) {
    const t = origin.plus({ hours: j });
    const y = values[h + j];
    if (t.weekday > 5 || t.hour < 7 || t.hour > 20 || y === null || y === undefined) continue;
    scored.actual.push(y);
    scored.model.push(fc.mean[j]!);
    scored.lower.push(fc.quantiles['0.1']![j]!);
    scored.upper.push(fc.quantiles['0.9']![j]!);
    scored.snaive.push(sn[j]!);
    scored.sma4.push(sma[j]!);
  }
  for (const k of Object.keys(all) as (keyof Scored)[]) all[k].push(...scored[k]);
  weekly.push({ week: origin.plus({ days: 2 }).toISODate()!, method: fc.method, scored, seconds });
}

const CUT_OFFS = [10, 12, 14];
const LAST_SCORED_HOUR = 20;

interface IntradayScore {
  cutOff: string;
  days: number;
  hours: number;
  dayAheadWape: number;
  intradayWape: number;
  dayAheadCoverage80: number;
  intradayCoverage80: number;
  /** Mean credibility learned for the cut-off over the scored days. */
  meanCredibility: number;
}

/** The day-ahead forecast of each weekday of the last WEEKS weeks, re-forecast at each cut-off; scored on the rest of the day. */
function intradayScores(): { scores: IntradayScore[]; seconds: number } {
  const scored = CUT_OFFS.map(() => ({ actual: [] as number[], dayAhead: [] as number[], intraday: [] as number[], lower: [] as number[], upper: [] as number[], dayLower: [] as number[], dayUpper: [] as number[], days: 0, credibility: 0 }));
  let seconds = 0;
  for (let d = 7 * WEEKS; d >= 1; d--) {
    const midnight = endLocal.minus({ days: d });
    const h = (midnight.toMillis() - firstMs) / HOUR_MS;
    const day = values.slice(h, h + 24);
    // Weekends and holidays take no calls; days missing from the data cannot be scored.
    if (midnight.weekday > 5 || day.some((v) => v === null) || !day.some((v) => (v ?? 0) > 0)) continue;
    const t0 = performance.now();
    const morning = forecastSeries({ start: new Date(firstMs).toISOString(), values: values.slice(0, h), horizonHours: 24, timeZone: ZONE, quantiles: [0.1, 0.9], holidays: HOLIDAYS });
    seconds += (performance.now() - t0) / 1000;
    const pastDays = sameSlotPastDays(toLocalGrid(firstMs, values.slice(0, h).map((v) => v ?? Number.NaN), zone));
    CUT_OFFS.forEach((cut, c) => {
      const { credibility } = intradayPersistence(pastDays, cut);
      const re = intradayReforecast({ dayAheadMean: morning.mean, dayAheadQuantiles: morning.quantiles, elapsedHours: cut, observed: day.slice(0, cut) as number[], credibility });
      const s = scored[c]!;
      s.days++;
      s.credibility += credibility;
      for (let hour = cut; hour <= LAST_SCORED_HOUR; hour++) {
        s.actual.push(day[hour]!);
        s.dayAhead.push(morning.mean[hour]!);
        s.intraday.push(re.mean[hour - re.firstHour]!);
        s.lower.push(re.quantiles['0.1']![hour - re.firstHour]!);
        s.upper.push(re.quantiles['0.9']![hour - re.firstHour]!);
        s.dayLower.push(morning.quantiles['0.1']![hour]!);
        s.dayUpper.push(morning.quantiles['0.9']![hour]!);
      }
    });
  }
  const scores = CUT_OFFS.map((cut, c) => {
    const s = scored[c]!;
    return { cutOff: `${String(cut).padStart(2, '0')}:00`, days: s.days, hours: s.actual.length, dayAheadWape: wape(s.actual, s.dayAhead), intradayWape: wape(s.actual, s.intraday), dayAheadCoverage80: coverage(s.actual, s.dayLower, s.dayUpper), intradayCoverage80: coverage(s.actual, s.lower, s.upper), meanCredibility: s.credibility / s.days };
  });
  return { scores, seconds };
}

const intraday = intradayScores();
const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
const result = {
  wape: wape(all.actual, all.model),
  bias: bias(all.actual, all.model),
  coverage80: coverage(all.actual, all.lower, all.upper),
  baselineWapeSnaive: wape(all.actual, all.snaive),
  baselineWapeSma4: wape(all.actual, all.sma4),
};
const seconds = (performance.now() - runStart) / 1000;
console.log(`US bank calls 2003, hourly, weekdays 07–20, last ${WEEKS} weeks one week ahead; machine: ${machine()}`);
console.log('');
console.log('week of      staffcast  snaive-1w  same-slot-4w  cover80  method');
for (const r of weekly) {
  const s = r.scored;
  console.log(
    `${r.week}  ${pct(wape(s.actual, s.model)).padStart(9)}  ${pct(wape(s.actual, s.snaive)).padStart(9)}  ${pct(wape(s.actual, s.sma4)).padStart(12)}  ${pct(coverage(s.actual, s.lower, s.upper)).padStart(7)}  ${r.method}`,
  );
}
console.log('');
console.log(`Staffcast forecastSeries   WAPE ${pct(result.wape)}  bias ${pct(result.bias)}  80%-interval coverage ${pct(result.coverage80)}`);
console.log(`weekly seasonal naive      WAPE ${pct(result.baselineWapeSnaive)}  (published anchor 9.35%)`);
console.log(`4-week same-slot mean      WAPE ${pct(result.baselineWapeSma4)}  (published anchor 7.24%)`);
console.log(`hours scored: ${all.actual.length}; forecasting ${forecastSeconds.toFixed(1)} s; whole run ${seconds.toFixed(1)} s`);
console.log('');
console.log(`Intraday: rest of each weekday (to ${LAST_SCORED_HOUR}:59) re-forecast from the day's arrivals so far, against the morning's (day-ahead) forecast`);
console.log('cut-off  days  hours  day-ahead WAPE  intraday WAPE  day-ahead cover80  intraday cover80  mean credibility');
for (const r of intraday.scores) {
  console.log(`${r.cutOff}    ${String(r.days).padStart(4)}  ${String(r.hours).padStart(5)}  ${pct(r.dayAheadWape).padStart(14)}  ${pct(r.intradayWape).padStart(13)}  ${pct(r.dayAheadCoverage80).padStart(17)}  ${pct(r.intradayCoverage80).padStart(16)}  ${r.meanCredibility.toFixed(2).padStart(16)}`);
}
console.log(`day-ahead forecasting ${intraday.seconds.toFixed(1)} s`);
if (wantsJson()) {
  const r4 = (x: number) => Number(x.toFixed(4));
  console.log(
    JSON.stringify({
      wape: r4(result.wape),
      bias: r4(result.bias),
      coverage80: r4(result.coverage80),
      baselineWapeSnaive: r4(result.baselineWapeSnaive),
      baselineWapeSma4: r4(result.baselineWapeSma4),
      seconds: Number(seconds.toFixed(2)),
      intraday: intraday.scores.map((r) => ({ ...r, dayAheadWape: r4(r.dayAheadWape), intradayWape: r4(r.intradayWape), dayAheadCoverage80: r4(r.dayAheadCoverage80), intradayCoverage80: r4(r.intradayCoverage80), meanCredibility: r4(r.meanCredibility) })),
    }),
  );
}
