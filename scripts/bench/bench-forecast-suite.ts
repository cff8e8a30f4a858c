/**
 * Forecast suite benchmark (issue 19, item 2): every data set under tests/data on one protocol,
 * so that no single set can carry the forecaster.
 *
 *   npm run bench:forecast-suite [-- --json]
 *
 * Protocol for each rolling-origin set: origins every 168 hours back from the end of each series
 * (the last one a horizon before the end), each with at least three weeks of history; the earlier
 * half of a series' origins is the validation part, the later half (and a single origin) the test
 * part, so methods can be compared on validation and the test read once. At every origin the
 * series' history is summed to hours and forecast by `forecastSeries` as the API does (MSTL–ETS
 * initialised, the set's time zone and market holidays), the horizon's sub-hour slots get their
 * hour's forecast times the within-hour shares of the last 28 days (`withinHourShares`), and every
 * observed slot of the horizon is scored: WAPE (Σ|y − ŷ| / Σy), MASE (each origin's MAE over the
 * history's mean absolute one-week difference, averaged over origins) and the ratio of WAPE to the
 * same-slot 4-week mean's (the mean of the same local slot of the week in the last four weeks
 * before the origin, gaps skipped), computed in the same run on the same slots.
 *
 * M4 Hourly runs on its published protocol (414 series, their 48-hour test, library defaults, no
 * dates: each series placed on a Monday in UTC), with sMAPE, MASE (m = 24) and OWA as bench:m4.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DateTime } from 'luxon';
import { forecastSeries, initMstl, mase, naive2, owa, sameSlotMean, smape, withinHourShares } from '@staffcast/forecasting';
import { machine, wantsJson } from './bench-support.js';
import { loadM4Hourly } from './forecast-data.js';
import { suiteSets, type SuiteSeries, type SuiteSet } from './forecast-suite-sets.js';

const HOUR_MS = 3_600_000;
const WEEK_HOURS = 168;
const MIN_HISTORY_HOURS = 3 * WEEK_HOURS;

interface Tally {
  abs: number;
  absBaseline: number;
  actual: number;
  maseSum: number;
  maseCount: number;
  origins: number;
}

const emptyTally = (): Tally => ({ abs: 0, absBaseline: 0, actual: 0, maseSum: 0, maseCount: 0, origins: 0 });

function add(into: Tally, t: Tally): void {
  for (const k of Object.keys(into) as (keyof Tally)[]) into[k] += t[k];
}

/** Hour indices of a series' origins, oldest first. */
function originsOf(s: SuiteSeries, horizonHours: number): number[] {
  const hours = Math.floor((s.slots.length * s.slotMinutes) / 60);
  const out: number[] = [];
  for (let o = hours - horizonHours; o >= MIN_HISTORY_HOURS; o -= WEEK_HOURS) out.unshift(o);
  return out;
}

/** The same-slot 4-week mean of slot t: the last four weeks before `origin` at t's local slot of the week, gaps skipped. */
function sameSlotBaseline(s: SuiteSeries, t: number, origin: number): number {
  const slotMs = s.slotMinutes * 60_000;
  const at = DateTime.fromMillis(s.startMs + t * slotMs, { zone: s.timeZone });
  let sum = 0;
  let count = 0;
  let weeks = 0;
  for (let k = 1; weeks < 4; k++) {
    const idx = (at.minus({ weeks: k }).toMillis() - s.startMs) / slotMs;
    if (idx < 0) break;
    if (idx >= origin) continue;
    weeks++;
    const v = s.slots[idx];
    if (v !== null && v !== undefined) {
      sum += v;
      count++;
    }
  }
  return count === 0 ? Number.NaN : sum / count;
}

/** Mean absolute one-week difference of the slots before `origin`: the MASE scale. */
function weeklyScale(s: SuiteSeries, origin: number): number {
  const lag = (WEEK_HOURS * 60) / s.slotMinutes;
  let sum = 0;
  let count = 0;
  for (let t = lag; t < origin; t++) {
    const a = s.slots[t];
    const b = s.slots[t - lag];
    if (a === null || b === null || a === undefined || b === undefined) continue;
    sum += Math.abs(a - b);
    count++;
  }
  return count === 0 ? Number.NaN : sum / count;
}

/** Forecasts one origin (an hour index) of a series and scores the horizon's observed slots. */
function scoreOrigin(s: SuiteSeries, originHour: number, horizonHours: number, methods: Map<string, number>): Tally {
  const k = 60 / s.slotMinutes;
  const originSlot = originHour * k;
  const hourly: (number | null)[] = [];
  for (let h = 0; h < originHour; h++) {
    let sum: number | null = 0;
    for (let q = 0; q < k && sum !== null; q++) sum = s.slots[h * k + q] === null ? null : sum + s.slots[h * k + q]!;
    hourly.push(sum);
  }
  const fc = forecastSeries({ start: new Date(s.startMs).toISOString(), values: hourly, horizonHours, timeZone: s.timeZone, holidays: s.holidays });
  methods.set(fc.method, (methods.get(fc.method) ?? 0) + 1);
  const hourOfDay = (h: number) => DateTime.fromMillis(s.startMs + h * HOUR_MS, { zone: s.timeZone }).hour;
  const shares = k === 1 ? null : withinHourShares(Float64Array.from(s.slots.slice(0, originSlot), (v) => v ?? Number.NaN), k, hourOfDay, 28);
  const tally = emptyTally();
  let originAbs = 0;
  let scored = 0;
  for (let j = 0; j < horizonHours * k && originSlot + j < s.slots.length; j++) {
    const y = s.slots[originSlot + j];
    if (y === null || y === undefined) continue;
    const baseline = sameSlotBaseline(s, originSlot + j, originSlot);
    if (!Number.isFinite(baseline)) continue;
    const hour = Math.floor(j / k);
    const f = fc.mean[hour]! * (shares === null ? 1 : shares[hourOfDay(originHour + hour)]![j % k]!);
    tally.abs += Math.abs(y - f);
    tally.absBaseline += Math.abs(y - baseline);
    tally.actual += y;
    originAbs += Math.abs(y - f);
    scored++;
  }
  const scale = weeklyScale(s, originSlot);
  if (scored > 0 && scale > 0) {
    tally.maseSum = originAbs / scored / scale;
    tally.maseCount = 1;
  }
  tally.origins = 1;
  return tally;
}

interface SetResult {
  name: string;
  description: string;
  grainMinutes: number;
  horizonHours: number;
  series: number;
  validation: Tally;
  test: Tally;
  /** test part of each series */
  bySeries: Map<string, Tally>;
  methods: Map<string, number>;
  seconds: number;
}

function runSet(set: SuiteSet): SetResult {
  const t0 = performance.now();
  const validation = emptyTally();
  const test = emptyTally();
  const methods = new Map<string, number>();
  const bySeries = new Map<string, Tally>();
  for (const s of set.series) {
    const origins = originsOf(s, set.horizonHours);
    const firstTest = Math.floor(origins.length / 2);
    const own = emptyTally();
    origins.forEach((o, i) => {
      const t = scoreOrigin(s, o, set.horizonHours, methods);
      add(i < firstTest ? validation : test, t);
      if (i >= firstTest) add(own, t);
    });
    bySeries.set(s.id, own);
  }
  const grainMinutes = set.series[0]!.slotMinutes;
  const seconds = (performance.now() - t0) / 1000;
  return { name: set.name, description: set.description, grainMinutes, horizonHours: set.horizonHours, series: set.series.length, validation, test, bySeries, methods, seconds };
}

/** M4 Hourly on its published protocol, with the pooled WAPE and its ratio to the same-slot 4-week mean. */
function runM4(): { owa: number; smape: number; mase: number; wape: number; baselineWape: number; ratio: number; seconds: number } {
  const t0 = performance.now();
  const series = loadM4Hourly();
  let s = 0;
  let m = 0;
  let s2 = 0;
  let m2 = 0;
  const tally = emptyTally();
  for (const d of series) {
    const f = forecastSeries({ start: '2000-01-03T00:00:00Z', values: d.train, horizonHours: 48 }).mean;
    const base = sameSlotMean(d.train, 48, WEEK_HOURS, 4);
    const n2 = naive2(d.train, 48, 24).map((v) => Math.max(0, v));
    s += smape(d.test, f);
    m += mase(d.train, d.test, f, 24);
    s2 += smape(d.test, n2);
    m2 += mase(d.train, d.test, n2, 24);
    d.test.forEach((y, j) => {
      tally.abs += Math.abs(y - f[j]!);
      tally.absBaseline += Math.abs(y - base[j]!);
      tally.actual += y;
    });
  }
  const ours = { smape: s / series.length, mase: m / series.length };
  return {
    owa: owa(ours, { smape: s2 / series.length, mase: m2 / series.length }),
    ...ours,
    wape: tally.abs / tally.actual,
    baselineWape: tally.absBaseline / tally.actual,
    ratio: tally.abs / tally.absBaseline,
    seconds: (performance.now() - t0) / 1000,
  };
}

const metrics = (t: Tally) => ({
  origins: t.origins,
  wape: t.actual > 0 ? t.abs / t.actual : null,
  mase: t.maseCount > 0 ? t.maseSum / t.maseCount : null,
  baselineWape: t.actual > 0 ? t.absBaseline / t.actual : null,
  ratio: t.absBaseline > 0 ? t.abs / t.absBaseline : null,
});

const runStart = performance.now();
// M4 first, with the library defaults (no MSTL–ETS), as bench:m4 scores it.
const m4 = runM4();
// The rolling-origin sets use the API's candidates, MSTL–ETS included.
initMstl(readFileSync(createRequire(import.meta.url).resolve('@bsull/augurs/mstl').replace(/mstl\.js$/, 'mstl_bg.wasm')));
const results = suiteSets().map(runSet);
const seconds = (performance.now() - runStart) / 1000;

const pct = (x: number | null) => (x === null ? '   n/a' : `${(100 * x).toFixed(2)}%`);
const fix = (x: number | null, d = 3) => (x === null ? 'n/a' : x.toFixed(d));
console.log(`Forecast suite (issue 19): rolling weekly origins, test = later half of each series' origins; machine: ${machine()}`);
console.log('');
console.log('set                         grain  horizon  origins(v/t)  test WAPE  MASE   base WAPE  ratio   | valid. ratio  seconds');
for (const r of results) {
  const t = metrics(r.test);
  const v = metrics(r.validation);
  console.log(
    `${r.name.padEnd(27)} ${String(r.grainMinutes).padStart(4)}m ${String(r.horizonHours).padStart(6)}h  ${`${v.origins}/${t.origins}`.padStart(11)}  ${pct(t.wape).padStart(9)}  ${fix(t.mase)}  ${pct(t.baselineWape).padStart(9)}  ${fix(t.ratio)}   | ${fix(v.ratio).padStart(11)}  ${r.seconds.toFixed(1).padStart(6)}`,
  );
}
console.log(
  `${'m4-hourly'.padEnd(27)}   60m     48h      -/414  ${pct(m4.wape).padStart(9)}  ${fix(m4.mase)}  ${pct(m4.baselineWape).padStart(9)}  ${fix(m4.ratio)}   |         n/a  ${m4.seconds.toFixed(1).padStart(6)}   OWA ${m4.owa.toFixed(4)}, sMAPE ${m4.smape.toFixed(3)}`,
);
console.log('');
for (const r of results) console.log(`${r.name}: ${r.description}; published methods ${[...r.methods].map(([k, n]) => `${k} ×${n}`).join(', ')}`);
for (const r of results.filter((x) => x.series > 1)) {
  const parts = [...r.bySeries].map(([id, t]) => `${id} ${pct(metrics(t).wape)} (ratio ${fix(metrics(t).ratio)})`);
  console.log(`${r.name} test part by series: ${parts.join('; ')}`);
}
const ratios = [...results.map((r) => metrics(r.test).ratio), m4.ratio];
const allBelowOne = ratios.every((x) => x !== null && x < 1);
console.log(`ratio < 1 on every set's test part: ${allBelowOne ? 'yes' : 'no'}; whole run ${seconds.toFixed(1)} s`);
if (wantsJson()) {
  const r4 = (x: number | null) => (x === null ? null : Number(x.toFixed(4)));
  const round = (m: ReturnType<typeof metrics>) => ({ origins: m.origins, wape: r4(m.wape), mase: r4(m.mase), baselineWape: r4(m.baselineWape), ratio: r4(m.ratio) });
  console.log(
    JSON.stringify({
      sets: [
        ...results.map((r) => ({
          name: r.name,
          grainMinutes: r.grainMinutes,
          horizonHours: r.horizonHours,
          series: r.series,
          ...round(metrics(r.test)),
          validation: round(metrics(r.validation)),
          ...(r.series > 1 ? { bySeries: Object.fromEntries([...r.bySeries].map(([id, t]) => [id, round(metrics(t))])) } : {}),
          seconds: Number(r.seconds.toFixed(2)),
        })),
        { name: 'm4-hourly', grainMinutes: 60, horizonHours: 48, series: 414, wape: r4(m4.wape), mase: r4(m4.mase), baselineWape: r4(m4.baselineWape), ratio: r4(m4.ratio), owa: r4(m4.owa), smape: r4(m4.smape), seconds: Number(m4.seconds.toFixed(2)) },
      ],
      allBelowOne,
      seconds: Number(seconds.toFixed(2)),
    }),
  );
}
