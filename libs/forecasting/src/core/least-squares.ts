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
  const p = first.length;
  const a = new Float64Array(p * p);
  const b = new Float64Array(p);
  for (let r = 0; r < rows.length; r++) {
    const x = rows[r]!;
    const yr = y[r]!;
    for (let i = 0; i < p; i++) {
      const xi = x[i]!;
      b[i] = b[i]! + xi * yr;
      for (let j = 0; j <= i; j++) a[i * p + j] = a[i * p + j]! + xi * x[j]!;
    }
  }
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
