/**
 * M4 Hourly benchmark (issue 5): all 414 series, horizon 48. Scores Staffcast's series forecaster
 * (`forecastSeries`, library defaults) with the M4 sMAPE, MASE (m = 24) and OWA against Naive2, and
 * recomputes sNaive and Naive2 in the same run, which must reproduce the published 13.912/1.193 and
 * 18.383/2.395. Prints the published table with this run's rows placed by OWA.
 *
 *   npm run bench:m4 [-- --json] [-- --with-mstl]
 *
 * --with-mstl also scores off-the-shelf MSTL–ETS (periods 24 and 168, via @bsull/augurs) alone, for
 * reference (about 25 s more). Single-threaded.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { forecastSeries, initMstl, mase, mstlEts, naive2, owa, seasonalNaive, smape } from '@staffcast/forecasting';
import { machine, wantsJson } from './bench-support.js';
import { loadM4Hourly, loadPublishedM4Results } from './forecast-data.js';

const HORIZON = 48;
const PERIOD = 24;
/** M4 gives no dates: every series is placed on an arbitrary Monday in UTC. */
const START = '2000-01-03T00:00:00Z';

interface Score {
  smape: number;
  mase: number;
}

function score(series: { train: number[]; test: number[] }[], forecasts: number[][]): Score {
  let s = 0;
  let m = 0;
  series.forEach((d, i) => {
    s += smape(d.test, forecasts[i]!);
    m += mase(d.train, d.test, forecasts[i]!, PERIOD);
  });
  return { smape: s / series.length, mase: m / series.length };
}

function timed<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const out = f();
  return [out, (performance.now() - t0) / 1000];
}

const runStart = performance.now();
const series = loadM4Hourly();
const published = loadPublishedM4Results();
const withMstl = process.argv.includes('--with-mstl');

const [snaiveFc] = timed(() => series.map((d) => seasonalNaive(d.train, HORIZON, PERIOD)));
const [naive2Fc] = timed(() => series.map((d) => naive2(d.train, HORIZON, PERIOD).map((v) => Math.max(0, v))));
const methods: { name: string; forecast: number[][]; seconds: number }[] = [];
const counts = new Map<string, number>();
const [staffcastFc, staffcastSeconds] = timed(() =>
  series.map((d) => {
    const f = forecastSeries({ start: START, values: d.train, horizonHours: HORIZON });
    counts.set(f.method, (counts.get(f.method) ?? 0) + 1);
    return f.mean;
  }),
);
methods.push({ name: 'Staffcast forecastSeries', forecast: staffcastFc, seconds: staffcastSeconds });
if (withMstl) {
  const require = createRequire(import.meta.url);
  initMstl(readFileSync(require.resolve('@bsull/augurs/mstl').replace(/mstl\.js$/, 'mstl_bg.wasm')));
  const [mstlFc, mstlSeconds] = timed(() => series.map((d) => mstlEts(d.train, HORIZON, [24, 168]).map((v) => Math.max(0, v))));
  methods.push({ name: 'MSTL-ETS (augurs, off the shelf)', forecast: mstlFc, seconds: mstlSeconds });
}

const sn = score(series, snaiveFc);
const n2 = score(series, naive2Fc);
const rows: { name: string; smape: number; mase: number; owa: number; seconds?: number }[] = [
  { name: 'sNaive (recomputed)', ...sn, owa: owa(sn, n2) },
  { name: 'Naive2 (recomputed)', ...n2, owa: 1 },
  ...methods.map((m) => {
    const s = score(series, m.forecast);
    return { name: m.name, ...s, owa: owa(s, n2), seconds: m.seconds };
  }),
];
const seconds = (performance.now() - runStart) / 1000;
const ours = rows[2]!;
const reproduced =
  Math.abs(sn.smape - 13.912) < 5e-4 && Math.abs(sn.mase - 1.193) < 5e-4 && Math.abs(n2.smape - 18.383) < 5e-4 && Math.abs(n2.mase - 2.395) < 5e-4;

const f3 = (x: number) => x.toFixed(3);
console.log(`M4 Hourly: ${series.length} series, horizon ${HORIZON}; machine: ${machine()}`);
console.log('');
console.log('this run                              sMAPE    MASE     OWA   seconds');
for (const r of rows) {
  console.log(`${r.name.padEnd(36)} ${f3(r.smape).padStart(7)} ${f3(r.mase).padStart(7)} ${f3(r.owa).padStart(7)} ${r.seconds === undefined ? '' : r.seconds.toFixed(1).padStart(8)}`);
}
console.log('');
console.log(`baselines reproduce the published sNaive 13.912/1.193 and Naive2 18.383/2.395: ${reproduced ? 'yes' : 'NO'}`);
console.log(`methods chosen per series: ${[...counts].map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log('');
console.log('published M4 Hourly results with this run placed by OWA (rank, method, sMAPE, MASE, OWA)');
const merged = [...published.map((p) => ({ ...p, mine: false })), { method: `>>> ${ours.name} (this run)`, type: '', smape: ours.smape, mase: ours.mase, owa: ours.owa, mine: true }].sort(
  (a, b) => a.owa - b.owa,
);
merged.forEach((p, i) => {
  if (i < 15 || p.mine || ['sNaive', 'Naive2', 'Theta', 'SES'].includes(p.method)) {
    console.log(`${String(i + 1).padStart(3)}  ${p.method.padEnd(42)} ${f3(p.smape).padStart(7)} ${f3(p.mase).padStart(7)} ${f3(p.owa).padStart(7)}`);
  }
});
console.log(`whole run: ${seconds.toFixed(1)} s`);
if (wantsJson()) {
  console.log(
    JSON.stringify({
      owa: Number(ours.owa.toFixed(4)),
      smape: Number(ours.smape.toFixed(4)),
      mase: Number(ours.mase.toFixed(4)),
      seconds: Number(seconds.toFixed(2)),
      forecastSeconds: Number(ours.seconds!.toFixed(2)),
      snaive: { smape: Number(sn.smape.toFixed(4)), mase: Number(sn.mase.toFixed(4)) },
      naive2: { smape: Number(n2.smape.toFixed(4)), mase: Number(n2.mase.toFixed(4)) },
      baselinesReproduced: reproduced,
    }),
  );
}
if (!reproduced) process.exitCode = 1;
