export interface IntradayInput {
  /** The day-ahead (morning's) forecast of every hour of the day, contacts per hour, from the day's first hour. */
  dayAheadMean: readonly number[];
  /** Day-ahead quantiles by level (e.g. "0.1"), each as long as `dayAheadMean`. */
  dayAheadQuantiles: Readonly<Record<string, readonly number[]>>;
  /** Hours of the day elapsed at the cut-off, e.g. 10.5 at 10:30 (0 ≤ elapsedHours ≤ the day's hours). */
  elapsedHours: number;
  /** Arrivals so far in each hour begun: `ceil(elapsedHours)` counts, the last one partial when elapsedHours is not whole. */
  observed: readonly number[];
  /** Share in [0, 1] of the deviation so far that carries into the rest of the day (see intradayPersistence). */
  credibility: number;
}

export interface IntradayScale {
  /** Arrivals so far. */
  observed: number;
  /** What the day-ahead forecast expected so far (the elapsed part of the current hour pro rata). */
  expected: number;
  /** observed / expected; null when nothing was expected. */
  ratio: number | null;
  /** Credibility weight Z in [0, 1], as given. */
  credibility: number;
  /** The scale applied to the rest of the day: Z·ratio + (1 − Z)·1. */
  applied: number;
}

export interface IntradayReforecast {
  scale: IntradayScale;
  /** Index in the day of the first hour re-forecast (the current hour). */
  firstHour: number;
  /** Contacts per hour from `firstHour` to the end of the day; the current hour holds its arrivals so far plus the rest expected. */
  mean: number[];
  quantiles: Record<string, number[]>;
}

/**
 * Re-forecasts the rest of a day from its arrivals so far: the day-ahead forecast's shape scaled by
 * observed/expected so far, shrunk toward 1 by a credibility weight Z: scale = 1 + Z·(O/E − 1).
 * Z comes from the queue's own past days (intradayPersistence): how much of a morning's deviation
 * lasted the day, which is small early in the day or on a small, noisy queue. Each hour's quantiles
 * are scaled with its mean, so the intervals keep the day-ahead forecast's relative width. The
 * current hour adds its arrivals so far to the rest of it, pro rata.
 *
 * Units: contacts per hour. Complexity: O(hours · levels).
 * @throws RangeError naming the field for lengths or values out of range.
 * @example intradayReforecast({ dayAheadMean: [10, 20, 30], dayAheadQuantiles: { '0.9': [14, 26, 38] }, elapsedHours: 1, observed: [15], credibility: 0.5 }).mean // [25, 37.5]
 */
export function intradayReforecast(input: IntradayInput): IntradayReforecast {
  const { dayAheadMean: mean, elapsedHours, observed, credibility } = input;
  validate(input);
  const whole = Math.floor(elapsedHours);
  const fraction = elapsedHours - whole;
  let expected = 0;
  for (let h = 0; h < whole; h++) expected += mean[h]!;
  if (fraction > 0) expected += fraction * mean[whole]!;
  const observedTotal = observed.reduce((a, v) => a + v, 0);
  const ratio = expected > 0 ? observedTotal / expected : null;
  const applied = ratio === null ? 1 : 1 + credibility * (ratio - 1);
  const firstHour = Math.min(whole, mean.length);
  // The current hour is partly observed: what arrived in it, plus the unobserved rest.
  const soFar = (h: number) => (h === whole && fraction > 0 ? observed[whole]! : 0);
  const rest = (h: number) => (h === whole ? 1 - fraction : 1);
  const rows = Array.from({ length: mean.length - firstHour }, (_, i) => firstHour + i);
  const quantiles: Record<string, number[]> = {};
  for (const [level, values] of Object.entries(input.dayAheadQuantiles)) quantiles[level] = rows.map((h) => soFar(h) + rest(h) * applied * values[h]!);
  return {
    scale: { observed: observedTotal, expected, ratio, credibility, applied },
    firstHour,
    mean: rows.map((h) => soFar(h) + rest(h) * applied * mean[h]!),
    quantiles,
  };
}

function validate(input: IntradayInput): void {
  const n = input.dayAheadMean.length;
  if (n === 0) throw new RangeError('dayAheadMean: must be a non-empty array');
  input.dayAheadMean.forEach((v, h) => {
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`dayAheadMean[${h}]: must be a non-negative number, got ${String(v)}`);
  });
  for (const [level, values] of Object.entries(input.dayAheadQuantiles)) {
    const p = Number(level);
    if (!(p > 0 && p < 1)) throw new RangeError(`dayAheadQuantiles: level "${level}" must be in (0, 1)`);
    if (values.length !== n) throw new RangeError(`dayAheadQuantiles["${level}"]: must have ${n} values like dayAheadMean, got ${values.length}`);
    if (values.some((v) => !Number.isFinite(v) || v < 0)) throw new RangeError(`dayAheadQuantiles["${level}"]: values must be non-negative numbers`);
  }
  const e = input.elapsedHours;
  if (!Number.isFinite(e) || e < 0 || e > n) throw new RangeError(`elapsedHours: must be from 0 to ${n}, got ${String(e)}`);
  const begun = Math.ceil(e);
  if (input.observed.length !== begun) throw new RangeError(`observed: must have ${begun} counts (one per hour begun), got ${input.observed.length}`);
  input.observed.forEach((v, h) => {
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`observed[${h}]: must be a non-negative number, got ${String(v)}`);
  });
  const z = input.credibility;
  if (!(z >= 0 && z <= 1)) throw new RangeError(`credibility: must be from 0 to 1, got ${String(z)}`);
}
