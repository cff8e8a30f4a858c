import { nelderMead } from '../core/nelder-mead.js';

/** Smoothing parameters of the double seasonal Holt–Winters model, each in [0, 1]. */
export interface DoubleSeasonalParams {
  /** level */
  alpha: number;
  /** within-day (short) seasonal index */
  delta: number;
  /** within-week (long) seasonal index */
  omega: number;
  /** AR(1) coefficient of the one-step error, used to adjust the first forecast hours */
  phi: number;
}

export interface DoubleSeasonalFit {
  params: DoubleSeasonalParams;
  /** mean squared one-step error over the fitted history */
  mse: number;
  forecast(horizon: number): number[];
}

const logistic = (z: number): number => 1 / (1 + Math.exp(-z));
// A module binding, not a global lookup: inside a VM context (jest) a global read in the hot loop
// goes through the context's interceptors and made the filter ten times slower.
const isFiniteNumber = Number.isFinite;
const logit = (p: number): number => Math.log(p / (1 - p));

/**
 * Double seasonal Holt–Winters exponential smoothing with an AR(1) error adjustment (Taylor 2003,
 * "Short-term electricity demand forecasting using double seasonal exponential smoothing", JORS
 * 54). Additive form; apply it to log values for the multiplicative model:
 *
 *   ŷ_t(k) = ℓ_t + d_{t−s₁+k} + w_{t−s₂+k} + φᵏ·e_t,   e_t = y_t − (ℓ_{t−1} + d_{t−s₁} + w_{t−s₂})
 *   ℓ_t = α(y_t − d_{t−s₁} − w_{t−s₂}) + (1 − α)ℓ_{t−1}
 *   d_t = δ(y_t − ℓ_t − w_{t−s₂}) + (1 − δ)d_{t−s₁}
 *   w_t = ω(y_t − ℓ_t − d_{t−s₁}) + (1 − ω)w_{t−s₂}
 *
 * with s₁ = 24 (hours a day) and s₂ = 168 (hours a week) on an hourly local-time grid. The states
 * start from the first two long cycles; α, δ, ω, φ minimise the one-step squared error (Nelder–Mead).
 * Non-finite values are gaps: the states roll forward on the model's own prediction.
 *
 * Units: those of `y`. Needs at least 2·s₂ values. Complexity: O(n · evaluations), about 300
 * evaluations; O(s₂) memory.
 *
 * @example fitDoubleSeasonalHoltWinters(logLoad, 24, 168).forecast(48)
 */
export function fitDoubleSeasonalHoltWinters(
  y: ArrayLike<number>,
  shortPeriod: number,
  longPeriod: number,
  options: { maxEvaluations?: number; start?: DoubleSeasonalParams } = {},
): DoubleSeasonalFit {
  if (longPeriod % shortPeriod !== 0) throw new Error('the long period must be a multiple of the short one');
  if (y.length < 2 * longPeriod) throw new Error(`double seasonal Holt–Winters needs ${2 * longPeriod} values, got ${y.length}`);
  const init = initialStates(y, shortPeriod, longPeriod);
  const run = (p: DoubleSeasonalParams) => filter(y, shortPeriod, longPeriod, init, p);
  const s = options.start ?? { alpha: 0.1, delta: 0.2, omega: 0.2, phi: 0.5 };
  const toParams = (z: number[]): DoubleSeasonalParams => ({
    alpha: logistic(z[0]!),
    delta: logistic(z[1]!),
    omega: logistic(z[2]!),
    phi: logistic(z[3]!),
  });
  const best = nelderMead((z) => run(toParams(z)).sse, [logit(s.alpha), logit(s.delta), logit(s.omega), logit(s.phi)], {
    maxEvaluations: options.maxEvaluations ?? 300,
    step: 1,
    tolerance: 1e-7,
  });
  const params = toParams(best.x);
  const final = run(params);
  return {
    params,
    mse: final.sse / Math.max(1, final.count),
    forecast(horizon: number): number[] {
      const out: number[] = [];
      const n = y.length;
      let ar = final.lastError;
      for (let k = 1; k <= horizon; k++) {
        ar *= params.phi;
        const t = n + k - 1;
        out.push(final.level + final.daily[t % shortPeriod]! + final.weekly[t % longPeriod]! + ar);
      }
      return out;
    },
  };
}

interface States {
  level: number;
  daily: Float64Array;
  weekly: Float64Array;
}

function initialStates(y: ArrayLike<number>, s1: number, s2: number): States {
  let sum = 0;
  let count = 0;
  for (let t = 0; t < 2 * s2; t++) {
    const v = y[t]!;
    if (Number.isFinite(v)) {
      sum += v;
      count++;
    }
  }
  if (count === 0) throw new Error('double seasonal Holt–Winters: the first two cycles are empty');
  const level = sum / count;
  const daily = new Float64Array(s1);
  const dailyCount = new Float64Array(s1);
  for (let t = 0; t < 2 * s2; t++) {
    const v = y[t]!;
    if (!Number.isFinite(v)) continue;
    daily[t % s1] = daily[t % s1]! + v - level;
    dailyCount[t % s1] = dailyCount[t % s1]! + 1;
  }
  for (let i = 0; i < s1; i++) daily[i] = dailyCount[i]! > 0 ? daily[i]! / dailyCount[i]! : 0;
  const weekly = new Float64Array(s2);
  for (let j = 0; j < s2; j++) {
    const a = y[j]!;
    const b = y[j + s2]!;
    const vals = [a, b].filter(Number.isFinite);
    weekly[j] = vals.length === 0 ? 0 : vals.reduce((p, q) => p + q, 0) / vals.length - level - daily[j % s1]!;
  }
  return { level, daily, weekly };
}

function filter(y: ArrayLike<number>, s1: number, s2: number, init: States, p: DoubleSeasonalParams) {
  let level = init.level;
  const daily = init.daily.slice();
  const weekly = init.weekly.slice();
  let lastError = 0;
  let sse = 0;
  let count = 0;
  const { alpha, delta, omega, phi } = p;
  // This loop runs ~300 times per fit (once per Nelder–Mead evaluation): the seasonal positions
  // advance as counters, not as t % s1 and t % s2 (integer division is the loop's dearest step).
  let di = 0;
  let wi = 0;
  for (let t = 0; t < y.length; t++, di = di + 1 === s1 ? 0 : di + 1, wi = wi + 1 === s2 ? 0 : wi + 1) {
    const d = daily[di]!;
    const w = weekly[wi]!;
    const base = level + d + w;
    const v = y[t]!;
    if (!isFiniteNumber(v)) {
      lastError *= phi;
      continue;
    }
    const err = v - base - phi * lastError;
    sse += err * err;
    count++;
    const newLevel = alpha * (v - d - w) + (1 - alpha) * level;
    daily[di] = delta * (v - newLevel - w) + (1 - delta) * d;
    weekly[wi] = omega * (v - newLevel - d) + (1 - omega) * w;
    level = newLevel;
    lastError = v - base;
  }
  return { sse, count, level, daily, weekly, lastError };
}
