/**
 * US bank calls benchmark (issue 5; DESIGN §6): the last 8 weeks of the 2003 hourly call counts,
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
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DateTime } from 'luxon';
import { bias, coverage, forecastSeries, fromLocalGrid, ianaZone, initMstl, sameSlotMean, seasonalNaive, toLocalGrid, wape } from '@staffcast/forecasting';
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
    }),
  );
}
