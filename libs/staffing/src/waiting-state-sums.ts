import { StaffingInputError } from './staffing-input-error.js';

/** Relative size of the neglected tail of every sum: below the rounding error of a double (2⁻⁵³ ≈ 1.1e-16). */
const TAIL_TOLERANCE = 1e-16;
/** Running terms are rescaled by 10⁻¹⁵⁰ whenever they pass 10¹⁵⁰, and the scale is kept as a logarithm. */
const RESCALE_ABOVE = 1e150;
const RESCALE_BY = 1e-150;
const LOG_RESCALE = 150 * Math.LN10;
/** A guard against pathological inputs (months of patience on a badly overloaded queue): ~0.2 s of work. */
const MAX_TERMS = 50_000_000;
const TOO_MANY_TERMS = 'the queue is too overloaded for so long a patience (more than 50 million waiting states to sum): shorten patienceSeconds or add agents';

/**
 * Terms the series over waiting states needs, roughly: the climb to its peak near j = y − x, then
 * its decay, which takes about 45/(1 − y/x) terms when y < x and never more than ~10·√(x + y).
 * Used to refuse hopeless inputs at once rather than after the loop guard. O(1).
 */
function estimatedTerms(x: number, y: number): number {
  const decay = Math.min(y < x ? 45 / (1 - y / x) : Number.POSITIVE_INFINITY, 10 * Math.sqrt(x + y));
  return Math.max(0, y - x) + decay + 50;
}

function checkSize(x: number, y: number): void {
  if (!Number.isFinite(x) || !Number.isFinite(y)) throw new StaffingInputError('patienceSeconds', 'is too long relative to ahtSeconds to compute with');
  if (estimatedTerms(x, y) > MAX_TERMS) throw new StaffingInputError('patienceSeconds', TOO_MANY_TERMS);
}

/** Sums of {@link waitingStateSums}, each multiplied by exp(−logScale). */
export interface WaitingStateSums {
  logScale: number;
  mass: number;
  queue: number;
  answeredWait: number;
}

/**
 * Sums over the waiting states of the M/M/N+M birth–death chain, relative to state N.
 *
 * With x = Nμ/θ and y = λ/θ (μ the service rate, θ the abandonment rate, λ the arrival rate), the
 * stationary probabilities above N satisfy π(N+j) = π(N)·T_j with
 *   T_0 = 1,  T_j = T_{j−1} · y / (x + j)   (the death rate of state N+j is Nμ + jθ).
 * This returns, all multiplied by exp(−logScale):
 * - `mass`         = Σ_j T_j                          (so P(wait) = π(N)·mass),
 * - `queue`        = Σ_j j·T_j                        (so E[queue length] = π(N)·queue),
 * - `answeredWait` = Σ_j T_j · H_j / (x + j + 1) with H_j = Σ_{m=1..j+1} 1/(x + m), which times
 *   x/θ is Σ_j T_j · P(answered | j ahead) · E[time to answer or abandon | j ahead]: an arrival
 *   with j contacts ahead leaves the queue, in state i ahead, at rate Nμ + (i+1)θ, and is answered
 *   with probability Π (Nμ + iθ)/(Nμ + (i+1)θ) = x / (x + j + 1).
 *
 * Truncation: once the ratio q = y/(x+j+1) of consecutive terms drops below 1 it keeps falling, so
 * the tail after term j is at most T_j/(1 − q) (and T_j(j/(1−q) + q/(1−q)²) for the j-weighted sum,
 * likewise for `answeredWait`). The loop stops when each of these bounds is below 1e-16 of its own
 * sum: the neglected probability mass is below the rounding error of the result itself, which is
 * what "exact" means in double precision. Terms are rescaled (scaled recurrence) so that heavily
 * overloaded queues, whose terms peak near j ≈ y − x at astronomically large values, never overflow.
 *
 * Units: x, y dimensionless. Complexity: O(number of terms) = O(max(0, y − x) + min(√x·c, c/(1 − y/x)))
 * with c ≈ 40; about 20–200 terms at call-centre sizes, about 1,000 at 10,000 agents. Throws a
 * StaffingInputError (field patienceSeconds) when more than 50 million terms would be needed.
 *
 * @example waitingStateSums(14 * 300 / 180, 200 / 3600 * 300) // { mass ≈ 2.82, … } for N=14, AHT 180 s, patience 300 s
 */
export function waitingStateSums(x: number, y: number): WaitingStateSums {
  checkSize(x, y);
  let term = 1;
  let mass = 0;
  let queue = 0;
  let answeredWait = 0;
  let harmonic = 0;
  let logScale = 0;
  for (let j = 0; ; ) {
    const inv = 1 / (x + j + 1);
    mass += term;
    queue += j * term;
    harmonic += inv;
    answeredWait += term * inv * harmonic;
    const q = y * inv;
    term *= q;
    j++;
    if (q < 1) {
      const g = 1 / (1 - q);
      if (term * g <= TAIL_TOLERANCE * mass && term * (j * g + q * g * g) <= TAIL_TOLERANCE * queue && term * inv * (harmonic * g + inv * g * g) <= TAIL_TOLERANCE * answeredWait) {
        break;
      }
    } else if (term > RESCALE_ABOVE) {
      term *= RESCALE_BY;
      mass *= RESCALE_BY;
      queue *= RESCALE_BY;
      answeredWait *= RESCALE_BY;
      logScale += LOG_RESCALE;
    }
    if (j > MAX_TERMS) throw new StaffingInputError('patienceSeconds', TOO_MANY_TERMS);
  }
  return { logScale, mass, queue, answeredWait };
}

/**
 * ln Σ_{j≥0} z^j / Π_{i=1..j} (a + i): the same series with one sum only, in log space, truncated and
 * rescaled by the rules of {@link waitingStateSums}. Dimensionless; O(max(0, z − a) + c·min(√a, 1/(1 − z/a))).
 * a > 0, z ≥ 0; throws a StaffingInputError when the sum would need more than 50 million terms.
 *
 * @example logShiftedSeries(1, 0) // 0 (only the j = 0 term)
 */
export function logShiftedSeries(a: number, z: number): number {
  checkSize(a, z);
  let term = 1;
  let sum = 0;
  let logScale = 0;
  for (let j = 0; ; ) {
    sum += term;
    const q = z / (a + j + 1);
    term *= q;
    j++;
    if (q < 1) {
      if (term <= TAIL_TOLERANCE * sum * (1 - q)) break;
    } else if (term > RESCALE_ABOVE) {
      term *= RESCALE_BY;
      sum *= RESCALE_BY;
      logScale += LOG_RESCALE;
    }
    if (j > MAX_TERMS) throw new StaffingInputError('patienceSeconds', TOO_MANY_TERMS);
  }
  return logScale + Math.log(sum);
}
