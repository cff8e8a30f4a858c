/**
 * Nelder–Mead simplex minimisation of f over Rᵈ (standard coefficients: reflection 1, expansion 2,
 * contraction ½, shrink ½). Used to fit smoothing parameters, which are mapped to (0, 1) by the
 * caller, so the search itself is unconstrained.
 *
 * Stops after `maxEvaluations` calls of f or when the simplex's values span less than `tolerance`
 * (relative to the best value). Complexity: O(maxEvaluations · cost(f)) time, O(d²) memory.
 *
 * @example nelderMead(([a, b]) => (a! - 1) ** 2 + (b! + 2) ** 2, [0, 0]).x // ≈ [1, −2]
 */
export function nelderMead(
  f: (x: number[]) => number,
  start: readonly number[],
  options: { step?: number; maxEvaluations?: number; tolerance?: number } = {},
): { x: number[]; value: number; evaluations: number } {
  const d = start.length;
  const step = options.step ?? 0.5;
  const maxEvaluations = options.maxEvaluations ?? 200 * d;
  const tolerance = options.tolerance ?? 1e-8;
  let evaluations = 0;
  const evaluate = (x: number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  const simplex: number[][] = [start.slice()];
  for (let i = 0; i < d; i++) {
    const p = start.slice();
    p[i] = p[i]! + step;
    simplex.push(p);
  }
  const values = simplex.map(evaluate);
  const order = simplex.map((_, i) => i);
  while (evaluations < maxEvaluations) {
    order.sort((a, b) => values[a]! - values[b]!);
    const best = order[0]!;
    const worst = order[d]!;
    const secondWorst = order[d - 1]!;
    const spread = Math.abs(values[worst]! - values[best]!);
    if (spread <= tolerance * (Math.abs(values[best]!) + tolerance)) break;
    const centroid = new Array<number>(d).fill(0);
    for (const i of order.slice(0, d)) for (let k = 0; k < d; k++) centroid[k] = centroid[k]! + simplex[i]![k]! / d;
    const along = (t: number): number[] => centroid.map((c, k) => c + t * (simplex[worst]![k]! - c));
    const reflected = along(-1);
    const fr = evaluate(reflected);
    if (fr < values[best]!) {
      const expanded = along(-2);
      const fe = evaluate(expanded);
      if (fe < fr) [simplex[worst], values[worst]] = [expanded, fe];
      else [simplex[worst], values[worst]] = [reflected, fr];
    } else if (fr < values[secondWorst]!) {
      [simplex[worst], values[worst]] = [reflected, fr];
    } else {
      const contracted = fr < values[worst]! ? along(-0.5) : along(0.5);
      const fc = evaluate(contracted);
      if (fc < Math.min(fr, values[worst]!)) {
        [simplex[worst], values[worst]] = [contracted, fc];
      } else {
        for (const i of order.slice(1)) {
          simplex[i] = simplex[i]!.map((v, k) => simplex[best]![k]! + 0.5 * (v - simplex[best]![k]!));
          values[i] = evaluate(simplex[i]!);
        }
      }
    }
  }
  let bestIndex = 0;
  for (let i = 1; i <= d; i++) if (values[i]! < values[bestIndex]!) bestIndex = i;
  return { x: simplex[bestIndex]!, value: values[bestIndex]!, evaluations };
}
