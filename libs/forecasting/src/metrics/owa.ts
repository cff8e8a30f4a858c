/**
 * Overall weighted average (M4): OWA = ½·(sMAPE / sMAPE_Naive2 + MASE / MASE_Naive2), where each term
 * is the mean over all series of the method and of the Naive2 benchmark.
 *
 * Units: dimensionless; 1 = as good as Naive2, lower is better. Complexity: O(1).
 *
 * @example owa({ smape: 9.19, mase: 1.1975 }, { smape: 18.38, mase: 2.395 }) // 0.5
 */
export function owa(method: { smape: number; mase: number }, naive2: { smape: number; mase: number }): number {
  if (!(naive2.smape > 0) || !(naive2.mase > 0)) throw new Error('owa: the Naive2 sMAPE and MASE must be positive');
  return 0.5 * (method.smape / naive2.smape + method.mase / naive2.mase);
}
