/**
 * A seeded generator of hourly queue histories that stress what real support queues do, for
 * `bench:forecast-suite`. Every queue is Poisson counts around a daily × weekly shape in its local
 * time; each adds one difficulty:
 *
 * - `level-shift`: volume steps up by 60 % from week 10 on (a new product line routed in);
 * - `new-queue`: three weeks of history only, forecast for its fourth;
 * - `night-zeros`: open around the clock, 0.3 contacts an hour at night, so most night hours are 0;
 * - `changed-weekend`: the quiet days move from Saturday–Sunday to Friday–Saturday at week 8;
 * - `launch-spike`: an undeclared launch in week 11 triples volume, decaying over three days.
 *
 * Deterministic for a seed (mulberry32). Nothing here knows any forecasting method.
 *
 *   generateStressQueues(19) // the suite's set
 */
import { DateTime } from 'luxon';

export interface StressQueue {
  name: string;
  timeZone: string;
  /** ISO UTC hour of values[0] */
  start: string;
  /** contacts per UTC hour */
  values: number[];
}

const HOUR_MS = 3_600_000;
const WEEK = 168;

/** mulberry32: a small, fast, seedable uniform generator on [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Poisson draw: Knuth below 30, the rounded normal approximation above. */
function poisson(lambda: number, rand: () => number): number {
  if (lambda <= 0) return 0;
  if (lambda > 30) {
    const z = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
    return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * z));
  }
  const l = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rand();
  } while (p > l);
  return k - 1;
}

/** Business-hours daily shape peaking late morning, 0 outside 07:00–21:00 unless `nights` is given. */
function dayShape(hour: number, nights: number | null): number {
  if (hour < 7 || hour >= 21) return nights ?? 0;
  return 0.4 + Math.exp(-((hour - 11) ** 2) / 10) + 0.5 * Math.exp(-((hour - 16) ** 2) / 6);
}

interface Spec {
  name: string;
  timeZone: string;
  weeks: number;
  level: number;
  nights: number | null;
  /** multiplier of the week's days (Luxon weekday 1 = Monday … 7 = Sunday) by the week of the history */
  day: (weekday: number, week: number) => number;
  /** extra multiplier by hour since the start */
  event?: (hour: number) => number;
}

const weekend = (quiet: readonly number[]) => (weekday: number) => (quiet.includes(weekday) ? 0.35 : 1);

const SPECS: Spec[] = [
  { name: 'level-shift', timeZone: 'America/New_York', weeks: 16, level: 40, nights: null, day: (d, w) => weekend([6, 7])(d) * (w >= 10 ? 1.6 : 1) },
  { name: 'new-queue', timeZone: 'Asia/Kuala_Lumpur', weeks: 4, level: 25, nights: null, day: weekend([6, 7]) },
  { name: 'night-zeros', timeZone: 'Australia/Sydney', weeks: 16, level: 20, nights: 0.015, day: weekend([6, 7]) },
  { name: 'changed-weekend', timeZone: 'Asia/Kuala_Lumpur', weeks: 16, level: 60, nights: 0.1, day: (d, w) => weekend(w >= 8 ? [5, 6] : [6, 7])(d) },
  {
    name: 'launch-spike',
    timeZone: 'America/New_York',
    weeks: 16,
    level: 50,
    nights: null,
    day: weekend([6, 7]),
    event: (h) => (h >= 10 * WEEK + 24 && h < 10 * WEEK + 96 ? 1 + 2 * Math.exp(-(h - 10 * WEEK - 24) / 24) : 1),
  },
];

/**
 * The stress queues for a seed: each starts on a local Monday 00:00 in 2025 and runs whole weeks.
 *
 * @example generateStressQueues(19).map((q) => q.name) // ['level-shift', 'new-queue', …]
 */
export function generateStressQueues(seed: number): StressQueue[] {
  const rand = mulberry32(seed);
  return SPECS.map((spec) => {
    const first = DateTime.fromISO('2025-03-03T00:00', { zone: spec.timeZone });
    const end = first.plus({ weeks: spec.weeks });
    const startMs = first.toMillis();
    const n = (end.toMillis() - startMs) / HOUR_MS;
    const values = Array.from({ length: n }, (_, h) => {
      const t = DateTime.fromMillis(startMs + h * HOUR_MS, { zone: spec.timeZone });
      const week = Math.floor(t.diff(first, 'weeks').weeks);
      const lambda = spec.level * dayShape(t.hour, spec.nights) * spec.day(t.weekday, week) * (spec.event?.(h) ?? 1);
      return poisson(lambda, rand);
    });
    return { name: spec.name, timeZone: spec.timeZone, start: new Date(startMs).toISOString(), values };
  });
}
