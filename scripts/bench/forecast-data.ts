/**
 * Loaders for the third-party forecasting data in tests/data (see tests/data/README.md). The
 * compiled scripts live in dist/scripts/bench, so the repository root is found by walking up from
 * this file to the package.json named "staffcast", which works from source and from dist alike.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'staffcast') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the staffcast repository root above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

export function dataPath(...parts: string[]): string {
  return join(repoRoot(), 'tests', 'data', ...parts);
}

function csvRows(path: string): string[][] {
  return readFileSync(path, 'utf8')
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(',').map((cell) => cell.replace(/^"|"$/g, '')));
}

export interface M4Series {
  id: string;
  train: number[];
  test: number[];
}

/** The 414 M4 Hourly series with their 48-hour test continuations. */
export function loadM4Hourly(): M4Series[] {
  const parse = (file: string) =>
    csvRows(dataPath('m4-hourly', file))
      .slice(1)
      .map((r) => ({ id: r[0]!, values: r.slice(1).filter((c) => c !== '').map(Number) }));
  const train = parse('Hourly-train.csv');
  const test = new Map(parse('Hourly-test.csv').map((s) => [s.id, s.values]));
  return train.map((s) => {
    const t = test.get(s.id);
    if (t === undefined || t.length !== 48) throw new Error(`M4 Hourly: series ${s.id} has no 48-value test row`);
    return { id: s.id, train: s.values, test: t };
  });
}

export interface PublishedM4Result {
  method: string;
  type: string;
  smape: number;
  mase: number;
  owa: number;
}

/** The published Hourly results of the M4 benchmarks and submissions, best OWA first. */
export function loadPublishedM4Results(): PublishedM4Result[] {
  const [header, ...rows] = csvRows(dataPath('m4-hourly', 'm4_hourly_results.csv'));
  const col = (name: string) => {
    const i = header!.indexOf(name);
    if (i < 0) throw new Error(`m4_hourly_results.csv: no column ${name}`);
    return i;
  };
  return rows.map((r) => ({
    method: r[col('id')] === r[col('method_or_author')] || r[col('method_or_author')] === '-' ? r[col('id')]! : `${r[col('method_or_author')]} (${r[col('id')]})`,
    type: r[col('type')]!,
    smape: Number(r[col('sMAPE_hourly')]),
    mase: Number(r[col('MASE_hourly')]),
    owa: Number(r[col('OWA_hourly')]),
  }));
}

export interface BankCallsHour {
  /** local wall-clock date-time "YYYY-MM-DDTHH:00" (the bank's own time) */
  local: string;
  date: string;
  hour: number;
  calls: number;
}

/** The US bank's hourly call counts (weekdays 07:00–21:05, 2003-03-03 to 2003-10-24). */
export function loadBankCallsHourly(): BankCallsHour[] {
  const [header, ...rows] = csvRows(dataPath('us-bank-calls-2003', 'us_bank_calls_2003_hourly.csv'));
  const col = (name: string) => header!.indexOf(name);
  return rows.map((r) => ({ local: r[col('timestamp')]!, date: r[col('date')]!, hour: Number(r[col('hour')]), calls: Number(r[col('calls')]) }));
}

export interface BankCallsSlot {
  /** local date YYYY-MM-DD and local start time HH:MM of the five-minute slot */
  date: string;
  time: string;
  calls: number;
}

/** The US bank's five-minute call counts (169 a day, 07:00–21:05 local, weekdays). */
export function loadBankCalls5min(): BankCallsSlot[] {
  const [header, ...rows] = csvRows(dataPath('us-bank-calls-2003', 'us_bank_calls_2003_5min.csv'));
  const col = (name: string) => header!.indexOf(name);
  return rows.map((r) => ({ date: r[col('date')]!, time: r[col('start_time')]!, calls: Number(r[col('calls')]) }));
}

/** Half-hourly electricity demand of England and Wales, 5 June – 27 August 2000 (MW; 4,032 values). */
export function loadTaylorHalfHourly(): number[] {
  const [header, ...rows] = csvRows(dataPath('taylor-electricity-2000', 'taylor.csv'));
  const x = header!.indexOf('x');
  return rows.map((r) => Number(r[x]));
}
