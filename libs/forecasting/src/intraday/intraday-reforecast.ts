import { probit } from 'simple-statistics';

/** Default standard deviation of a day's level around its day-ahead forecast (10 %). */
export const DEFAULT_LEVEL_SD = 0.1;

export interface IntradayInput {
  /** The day-ahead (morning's) forecast of every hour of the day, contacts per hour, from the day's first hour. */
  dayAheadMean: readonly number[];
  /** Day-ahead quantiles by level (e.g. "0.1"), each as long as `dayAheadMean`. */
  dayAheadQuantiles: Readonly<Record<string, readonly number[]>>;
  /** Hours of the day elapsed at the cut-off, e.g. 10.5 at 10:30 (0 ≤ elapsedHours ≤ the day's hours). */
  elapsedHours: number;
  /** Arrivals so far in each hour begun: `ceil(elapsedHours)` counts, the last one partial when elapsedHours is not whole. */
  observed: readonly number[];
  /** Prior standard deviation of the day's level multiplier (default 0.1): how far a day's volume strays from its forecast. */
  levelSd?: number;
}

export interface IntradayScale {
  /** Arrivals so far. */
  observed: number;
  /** What the day-ahead forecast expected so far (the elapsed part of the current hour pro rata). */
  expected: number;
  /** observed / expected; null when nothing was expected. */
  ratio: number | null;
  /** Credibility weight Z = expected / (expected + 1/levelSd²), in [0, 1). */
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
 * observed/expected, shrunk toward 1 by a credibility weight that grows with the volume expected so far.
 *
 * Rule: the day's level multiplier θ has a Gamma prior of mean 1 and standard deviation `levelSd`
 * (shape α = 1/levelSd²) and arrivals so far are Poisson with mean θ·E, so the posterior mean is
 * (O + α)/(E + α) = Z·(O/E) + (1 − Z) with Z = E/(E + α). Early in the day (small E) the scale stays
 * near 1; on a large queue a few hours settle it. Intervals: each day-ahead quantile's distance from
 * the mean on the log1p scale is read as a normal spread σ (σ = |log1p q − log1p m| / |Φ⁻¹(p)|), and
 * the level's share of its variance, min(1, levelSd²/σ²), is removed in proportion to Z; the result
 * is scaled with the mean. The current hour adds its arrivals so far to the rest of it.
 *
 * Units: contacts per hour. Complexity: O(hours · levels).
 * @throws RangeError naming the field for lengths or values out of range.
 * @example intradayReforecast({ dayAheadMean: [10, 20, 30], dayAheadQuantiles: { '0.9': [14, 26, 38] }, elapsedHours: 1, observed: [15] }).mean // the last two hours, scaled up
 */
export function intradayReforecast(input: IntradayInput): IntradayReforecast {
  const { dayAheadMean: mean, elapsedHours, observed } = input;
  validate(input);
  const levelSd = input.levelSd ?? DEFAULT_LEVEL_SD;
  const whole = Math.floor(elapsedHours);
  const fraction = elapsedHours - whole;
  let expected = 0;
  for (let h = 0; h < whole; h++) expected += mean[h]!;
  if (fraction > 0) expected += fraction * mean[whole]!;
  const observedTotal = observed.reduce((a, v) => a + v, 0);
  const prior = 1 / (levelSd * levelSd);
  const credibility = expected / (expected + prior);
  const applied = (observedTotal + prior) / (expected + prior);
  const firstHour = Math.min(whole, mean.length);
  // The current hour is partly observed: what arrived in it, plus the unobserved rest.
  const soFar = (h: number) => (h === whole && fraction > 0 ? observed[whole]! : 0);
  const rest = (h: number) => (h === whole ? 1 - fraction : 1);
  const rows = Array.from({ length: mean.length - firstHour }, (_, i) => firstHour + i);
  const quantiles: Record<string, number[]> = {};
  for (const [level, values] of Object.entries(input.dayAheadQuantiles)) {
    const z = probit(Number(level));
    quantiles[level] = rows.map((h) => soFar(h) + rest(h) * applied * shrinkSpread(values[h]!, mean[h]!, z, levelSd, credibility));
  }
  return {
    scale: { observed: observedTotal, expected, ratio: expected > 0 ? observedTotal / expected : null, credibility, applied },
    firstHour,
    mean: rows.map((h) => soFar(h) + rest(h) * applied * mean[h]!),
    quantiles,
  };
}

/** The quantile with the level's share of its log1p spread around the mean removed in proportion to Z. */
function shrinkSpread(quantile: number, mean: number, z: number, levelSd: number, credibility: number): number {
  const distance = Math.log1p(quantile) - Math.log1p(mean);
  if (distance === 0 || Math.abs(z) < 1e-9) return quantile;
  const variance = (distance / z) ** 2;
  const levelShare = Math.min(1, (levelSd * levelSd) / variance);
  return Math.expm1(Math.log1p(mean) + distance * Math.sqrt(1 - credibility * levelShare));
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
  const sd = input.levelSd;
  if (sd !== undefined && !(Number.isFinite(sd) && sd > 0)) throw new RangeError(`levelSd: must be a positive number, got ${String(sd)}`);
}
