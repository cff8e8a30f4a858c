import { inverseErrorWeights, weightedCombination } from './combination.js';

/** One candidate's rolling-origin backtest as the selection sees it. */
export interface BacktestedCandidate {
  name: string;
  /** a simple same-slot estimator: every published forecast must do at least as well as the best of them */
  simple: boolean;
  /** its forecast at each origin, oldest first, as it would have been published */
  runs: readonly (readonly number[])[];
}

export interface SelectionInput {
  candidates: readonly BacktestedCandidate[];
  /** what happened after each origin, step by step; NaN where an hour does not count */
  actuals: readonly (readonly number[])[];
  /** exponent p of the inverse-error weights w ∝ MAE^−p */
  weightPower: number;
  /** weighted: inverse-error weights; best: the single best candidate on the evidence */
  rule: 'weighted' | 'best';
  /** the weighted rule keeps only candidates whose MAE is at most this multiple of the best's */
  keepWithin?: number;
}

export interface Selection {
  /** weights of the published forecast, from the evidence of every origin; they sum to 1 */
  weights: Map<string, number>;
  /** the origins (indices into `actuals`) that scored the choice out of sample */
  scoredOrigins: number[];
  /** the chosen procedure's forecast at each scored origin, made without that origin's evidence */
  forecasts: number[][];
  /**
   * the whole selection's forecast at each scored origin: the procedure with the least error on the
   * scored origins before it (the first, a simple estimator, at the first), so that the residuals
   * behind the intervals carry the cost of choosing as well
   */
  nestedForecasts: number[][];
  /** WAPE of `forecasts` over the scored origins; null when nothing was scored */
  wape: number | null;
  /** the best simple estimator on the same origins; null when none was a candidate */
  baseline: { name: string; wape: number | null } | null;
  /** share α of the evidence-weighted combination, the rest on the best simple estimator; null for a simple estimator alone */
  combinationShare: number | null;
}

/** Shares of the combination tried, each against the best simple estimator for the rest. */
const SHARES = [0.25, 0.5, 0.75, 1];

/**
 * Chooses and weights the candidates by out-of-sample evidence only (Tashman 2000; the combination
 * "puzzle" of Smith & Wallis 2009 is why simple methods and shrinkage stay in play).
 *
 * Procedures compared on the same origins: each simple estimator alone, and blends
 * α·(combination) + (1 − α)·(best simple estimator), α ∈ {¼, ½, ¾, 1}, where at origin o the
 * combination's weights (w ∝ MAE^−p, or the single best) and the best simple estimator are both
 * taken from the origins before o only. The procedure with the least absolute error over origins
 * 1…K−1 wins (ties to the simpler one), so with thin evidence the blend leans on the simple
 * estimator, and the result is never worse on those origins than the best simple estimator. With a
 * single origin nothing can be scored out of sample: the best simple estimator on it is published,
 * or, when no candidate is simple, the rule applied to that origin. The published weights apply the
 * winner to the evidence of every origin.
 *
 * Units: weights sum to 1; WAPE as a fraction. Complexity: O(K·C·(K + h)) for K origins, C
 * candidates and h hours per origin.
 *
 * @throws Error when there is no candidate or a run's length differs from its origin's actuals.
 * @example selectByOutOfSample({ candidates, actuals, weightPower: 4, rule: 'weighted' }).weights
 */
export function selectByOutOfSample(input: SelectionInput): Selection {
  const { candidates, actuals } = input;
  if (candidates.length === 0) throw new Error('selectByOutOfSample: no candidate');
  const K = actuals.length;
  const loss = candidates.map((c) => actuals.map((a, o) => absoluteError(a, c.runs[o]!)));
  const counts = actuals.map((a) => a.filter(Number.isFinite).length);
  const simple = candidates.flatMap((c, i) => (c.simple ? [i] : []));
  const scored = K >= 2 ? Array.from({ length: K - 1 }, (_, o) => o + 1) : K === 1 ? [0] : [];

  const evidence = (before: number) => Array.from({ length: before }, (_, o) => o);
  const ruleWeights = (origins: readonly number[]) => ruleOn(candidates, loss, counts, origins, input);
  const bestSimple = (origins: readonly number[]) => argMin(simple, (i) => sumOver(loss[i]!, origins));
  const blend = (alpha: number, origins: readonly number[]): Map<string, number> => {
    const w = new Map([...ruleWeights(origins)].map(([name, v]) => [name, alpha * v]));
    const b = bestSimple(origins);
    if (b !== undefined && alpha < 1) w.set(candidates[b]!.name, (w.get(candidates[b]!.name) ?? 0) + (1 - alpha));
    return w;
  };
  const combine = (weights: ReadonlyMap<string, number>, o: number): number[] => {
    const used = candidates.filter((c) => (weights.get(c.name) ?? 0) > 0);
    return weightedCombination(
      used.map((c) => c.runs[o]!),
      used.map((c) => weights.get(c.name)!),
    );
  };

  interface Procedure {
    share: number | null;
    at: (o: number) => number[];
    final: () => Map<string, number>;
  }
  const procedures: Procedure[] = simple.map((i) => ({
    share: null,
    at: (o) => [...candidates[i]!.runs[o]!],
    final: () => new Map([[candidates[i]!.name, 1]]),
  }));
  if (K >= 2) {
    for (const alpha of simple.length > 0 ? SHARES : [1]) {
      procedures.push({ share: alpha, at: (o) => combine(blend(alpha, evidence(o)), o), final: () => blend(alpha, evidence(K)) });
    }
  } else if (simple.length === 0) {
    procedures.push({ share: 1, at: (o) => combine(ruleWeights([o]), o), final: () => ruleWeights(evidence(K)) });
  }

  const runs = procedures.map((p) => scored.map((o) => p.at(o)));
  const errors = runs.map((forecasts) => forecasts.map((f, k) => absoluteError(actuals[scored[k]!]!, f)));
  const chosen = argMin([...procedures.keys()], (i) => errors[i]!.reduce((a, b) => a + b, 0))!;
  const best = { p: procedures[chosen]!, forecasts: runs[chosen]!, error: errors[chosen]!.reduce((a, b) => a + b, 0) };
  // The choice among procedures itself made at each origin from the scored origins before it.
  const nestedForecasts = scored.map((_, k) => runs[argMin([...procedures.keys()], (i) => errors[i]!.slice(0, k).reduce((a, b) => a + b, 0))!]![k]!);
  const total = scored.reduce((sum, o) => sum + actuals[o]!.reduce((s, y) => (Number.isFinite(y) ? s + y : s), 0), 0);
  const wapeOf = (error: number) => (total > 0 ? error / total : null);
  const baselineIndex = bestSimple(scored);
  return {
    weights: normalised(best.p.final()),
    scoredOrigins: scored,
    forecasts: best.forecasts,
    nestedForecasts,
    wape: scored.length > 0 ? wapeOf(best.error) : null,
    baseline: baselineIndex === undefined ? null : { name: candidates[baselineIndex]!.name, wape: wapeOf(sumOver(loss[baselineIndex]!, scored)) },
    combinationShare: best.p.share,
  };
}

/** The weighted (or best) rule's weights from the errors on `origins`; equal weights without evidence. */
function ruleOn(
  candidates: readonly BacktestedCandidate[],
  loss: readonly number[][],
  counts: readonly number[],
  origins: readonly number[],
  input: SelectionInput,
): Map<string, number> {
  const n = sumOver(counts, origins);
  const mae = new Map(candidates.map((c, i) => [c.name, n > 0 ? sumOver(loss[i]!, origins) / n : 1]));
  const bestMae = Math.min(...mae.values());
  const kept = new Map([...mae].filter(([, e]) => input.keepWithin === undefined || e <= input.keepWithin * bestMae));
  if (input.rule === 'best') return new Map([[[...kept].sort((a, b) => a[1] - b[1])[0]![0], 1]]);
  const weights = inverseErrorWeights(kept, input.weightPower);
  // Candidates that would contribute less than 0.1 % are not worth a final fit.
  for (const [name, w] of weights) if (w < 1e-3) weights.delete(name);
  return normalised(weights);
}

function normalised(weights: Map<string, number>): Map<string, number> {
  const total = [...weights.values()].reduce((a, b) => a + b, 0);
  return new Map([...weights].filter(([, w]) => w > 0).map(([name, w]) => [name, w / total]));
}

function absoluteError(actual: readonly number[], forecast: readonly number[]): number {
  if (actual.length !== forecast.length) throw new Error('selectByOutOfSample: a run differs in length from its actuals');
  let sum = 0;
  for (let j = 0; j < actual.length; j++) if (Number.isFinite(actual[j]!)) sum += Math.abs(actual[j]! - forecast[j]!);
  return sum;
}

function sumOver(values: readonly number[], origins: readonly number[]): number {
  return origins.reduce((sum, o) => sum + values[o]!, 0);
}

function argMin(indices: readonly number[], key: (i: number) => number): number | undefined {
  let best: number | undefined;
  for (const i of indices) if (best === undefined || key(i) < key(best)) best = i;
  return best;
}
