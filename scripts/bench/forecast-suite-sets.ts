/**
 * The data sets of `bench:forecast-suite` in one shape: series of UTC-indexed slots (60, 30 or 15
 * minutes) with their time zone and market holidays. Sources and licences: tests/data/README.md.
 */
import { DateTime } from 'luxon';
import { loadBankCalls5min, loadTaylorHalfHourly } from './forecast-data.js';
import { generateStressQueues } from './stress-queues.js';

export interface SuiteSeries {
  id: string;
  timeZone: string;
  /** UTC instant of slot 0, on a whole hour */
  startMs: number;
  slotMinutes: number;
  /** volume per slot; null for a missing slot */
  slots: (number | null)[];
  holidays: string[];
}

export interface SuiteSet {
  name: string;
  description: string;
  horizonHours: number;
  series: SuiteSeries[];
}

const MINUTE_MS = 60_000;
const BANK_ZONE = 'America/New_York';
/** The federal holidays on which the bank took no calls, as a planner's market calendar gives them. */
const BANK_HOLIDAYS = ['2003-05-26', '2003-07-04', '2003-09-01'];
/** Seed of the generated stress set (the number). */
export const STRESS_SEED = 19;

/** Sums consecutive groups of `factor` slots; a group with a missing slot is missing. */
function coarsen(slots: readonly (number | null)[], factor: number): (number | null)[] {
  const out: (number | null)[] = [];
  for (let i = 0; i + factor <= slots.length; i += factor) {
    let sum: number | null = 0;
    for (let k = 0; k < factor && sum !== null; k++) sum = slots[i + k] === null ? null : sum + slots[i + k]!;
    out.push(sum);
  }
  return out;
}

/**
 * The bank's five-minute counts on a UTC grid from local midnight of the first day to local
 * midnight after the last: closed slots (nights, weekends) 0, the slots of missing weekdays null.
 */
function bankFiveMinute(): { startMs: number; slots: (number | null)[] } {
  const rows = loadBankCalls5min();
  const local = (date: string, time: string) => DateTime.fromISO(`${date}T${time}`, { zone: BANK_ZONE });
  const first = local(rows[0]!.date, '00:00');
  const end = local(rows[rows.length - 1]!.date, '00:00').plus({ days: 1 });
  const startMs = first.toMillis();
  const n = (end.toMillis() - startMs) / (5 * MINUTE_MS);
  const observed = new Set(rows.map((r) => r.date));
  const slots: (number | null)[] = Array.from({ length: n }, (_, i) => {
    const t = DateTime.fromMillis(startMs + i * 5 * MINUTE_MS, { zone: BANK_ZONE });
    const open = t.weekday <= 5 && t.hour >= 7 && (t.hour < 21 || (t.hour === 21 && t.minute < 5));
    return open && !observed.has(t.toISODate()!) ? null : 0;
  });
  for (const r of rows) slots[(local(r.date, r.time).toMillis() - startMs) / (5 * MINUTE_MS)] = r.calls;
  return { startMs, slots };
}

function bankSets(): SuiteSet[] {
  const five = bankFiveMinute();
  const at = (minutes: number): SuiteSeries => ({
    id: `us-bank-${minutes}min`,
    timeZone: BANK_ZONE,
    startMs: five.startMs,
    slotMinutes: minutes,
    slots: coarsen(five.slots, minutes / 5),
    holidays: BANK_HOLIDAYS,
  });
  const about = 'US bank call arrivals 2003 (Weinberg, Brown & Stroud 2007), weekdays 07:00–21:05 New York time';
  return [
    { name: 'us-bank-hourly', description: `${about}, hourly`, horizonHours: 168, series: [at(60)] },
    { name: 'us-bank-30min', description: `${about}, 30-minute grain (hourly forecast split by within-hour shares)`, horizonHours: 168, series: [at(30)] },
    { name: 'us-bank-15min', description: `${about}, 15-minute grain (hourly forecast split by within-hour shares)`, horizonHours: 168, series: [at(15)] },
    { name: 'us-bank-hourly-2w', description: `${about}, hourly, two weeks ahead`, horizonHours: 336, series: [at(60)] },
  ];
}

function taylorSets(): SuiteSet[] {
  const zone = 'Europe/London';
  const halfHours = loadTaylorHalfHourly();
  const startMs = DateTime.fromISO('2000-06-05T00:00', { zone }).toMillis();
  const series = (minutes: number): SuiteSeries => ({
    id: `taylor-${minutes}min`,
    timeZone: zone,
    startMs,
    slotMinutes: minutes,
    slots: coarsen(halfHours, minutes / 30),
    holidays: [],
  });
  const about = 'England and Wales electricity demand, 5 June – 27 August 2000 (Taylor 2003), MW';
  return [
    { name: 'taylor-electricity-hourly', description: `${about}, hourly sums of half-hours`, horizonHours: 168, series: [series(60)] },
    { name: 'taylor-electricity-30min', description: `${about}, half-hourly (hourly forecast split by within-hour shares)`, horizonHours: 168, series: [series(30)] },
  ];
}

function stressSet(): SuiteSet {
  const series = generateStressQueues(STRESS_SEED).map((q) => ({
    id: q.name,
    timeZone: q.timeZone,
    startMs: Date.parse(q.start),
    slotMinutes: 60,
    slots: q.values,
    holidays: [],
  }));
  return {
    name: 'stress-queues',
    description: `generated (scripts/bench/stress-queues.ts, seed ${STRESS_SEED}): ${series.map((s) => s.id).join(', ')}`,
    horizonHours: 168,
    series,
  };
}

/** Every rolling-origin set of the suite (M4 Hourly runs on its own published protocol). */
export function suiteSets(): SuiteSet[] {
  return [...bankSets(), ...taylorSets(), stressSet()];
}
