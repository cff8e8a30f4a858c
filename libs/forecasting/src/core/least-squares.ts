/**
 * Ridge-regularised ordinary least squares: β = argmin ‖y − Xβ‖² + λ‖β‖², solved through the normal
 * equations (XᵀX + λI)β = Xᵀy by Cholesky factorisation. The small ridge keeps nearly collinear
 * lags (hourly loads) solvable; pass λ = 0 for plain OLS on well-conditioned designs.
 *
 * `rows` holds the design row by row (p columns each). Units: those of y per unit of each column.
 * Complexity: O(n·p² + p³).
 *
 * @example leastSquares([[1, 0], [1, 1], [1, 2]], [1, 3, 5], 0) // ≈ [1, 2]
 */
export function leastSquares(rows: readonly ArrayLike<number>[], y: ArrayLike<number>, lambda: number): number[] {
  const first = rows[0];
  if (first === undefined) throw new Error('leastSquares: no rows');
  const normal = new NormalEquations(first.length);
  for (let r = 0; r < rows.length; r++) normal.add(rows[r]!, y[r]!);
  return normal.solve(lambda);
}

/**
 * The normal equations XᵀX β = Xᵀy accumulated one design row at a time (lower triangle of XᵀX), so
 * a caller can feed rows without building the design matrix; `solve` is `leastSquares` on the rows
 * added, to the last bit (same sums in the same order). Complexity: O(p²) per row, O(p³) to solve.
 *
 * @example const n = new NormalEquations(2); n.add([1, 0], 1); n.add([1, 1], 3); n.add([1, 2], 5); n.solve(0) // ≈ [1, 2]
 */
export class NormalEquations {
  private readonly a: Float64Array;
  private readonly b: Float64Array;
  constructor(readonly p: number) {
    this.a = new Float64Array(p * p);
    this.b = new Float64Array(p);
  }

  /** Adds the row x (p values) with target yr. */
  add(x: ArrayLike<number>, yr: number): void {
    const { a, b, p } = this;
    for (let i = 0; i < p; i++) {
      const xi = x[i]!;
      b[i] = b[i]! + xi * yr;
      for (let j = 0; j <= i; j++) a[i * p + j] = a[i * p + j]! + xi * x[j]!;
    }
  }

  /** β solving (XᵀX + λI)β = Xᵀy by Cholesky; throws when the system is singular. Consumes the accumulated sums. */
  solve(lambda: number): number[] {
    return solveNormal(this.a, this.b, this.p, lambda);
  }
}

function solveNormal(a: Float64Array, b: Float64Array, p: number, lambda: number): number[] {
  for (let i = 0; i < p; i++) a[i * p + i] = a[i * p + i]! + lambda;
  // Cholesky: A = L·Lᵀ, stored in the lower triangle of a.
  for (let j = 0; j < p; j++) {
    let d = a[j * p + j]!;
    for (let k = 0; k < j; k++) d -= a[j * p + k]! ** 2;
    if (!(d > 0)) throw new Error('leastSquares: the normal equations are singular');
    const l = Math.sqrt(d);
    a[j * p + j] = l;
    for (let i = j + 1; i < p; i++) {
      let s = a[i * p + j]!;
      for (let k = 0; k < j; k++) s -= a[i * p + k]! * a[j * p + k]!;
      a[i * p + j] = s / l;
    }
  }
  const z = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= a[i * p + k]! * z[k]!;
    z[i] = s / a[i * p + i]!;
  }
  const beta = new Array<number>(p).fill(0);
  for (let i = p - 1; i >= 0; i--) {
    let s = z[i]!;
    for (let k = i + 1; k < p; k++) s -= a[k * p + i]! * beta[k]!;
    beta[i] = s / a[i * p + i]!;
  }
  return beta;
}
