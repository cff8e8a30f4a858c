/**
 * Robust same-slot estimators: each future hour is a robust location (median, or a trimmed mean) of
 * the values at the same position in the last `k` cycles (m = 168 on a local-time grid: the same
 * local hour of the week over the last k weeks). A single unusual week (an outage, a launch, a
 * holiday not on the calendar) moves them less than it moves the same-slot mean. Gaps (non-finite
 * values) among those k are skipped, as in `sameSlotMean`.
 *
 * Units: those of `y`. A position with no finite value in the k cycles forecasts NaN.
 * Complexity: O(h·k log k).
 */

/** The finite values at the position of future step j over the last k cycles, sorted ascending. */
function slotValues(y: ArrayLike<number>, j: number, period: number, k: number): number[] {
  const out: number[] = [];
  const last = y.length + j - period * Math.ceil((j + 1) / period);
  for (let c = 0, i = last; c < k && i >= 0; c++, i -= period) {
    const v = y[i]!;
    if (Number.isFinite(v)) out.push(v);
  }
  return out.sort((a, b) => a - b);
}

function checkShape(period: number, k: number): void {
  if (!Number.isInteger(period) || period < 1) throw new Error(`period must be a positive integer, got ${period}`);
  if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a positive integer, got ${k}`);
}

/**
 * Same-slot median over the last `k` cycles (the mean of the two middle values for an even count).
 *
 * @throws Error when `period` or `k` is not a positive integer.
 * @example sameSlotMedian([1, 9, 2, 9, 7, 9], 1, 2, 3) // median of 1, 2, 7 → 2
 */
export function sameSlotMedian(y: ArrayLike<number>, horizon: number, period: number, k: number): number[] {
  checkShape(period, k);
  return Array.from({ length: horizon }, (_, j) => {
    const v = slotValues(y, j, period, k);
    if (v.length === 0) return Number.NaN;
    const mid = v.length >> 1;
    return v.length % 2 === 1 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
  });
}

/**
 * Same-slot trimmed mean over the last `k` cycles: the mean after dropping the ⌊trim·count⌋ lowest
 * and as many highest values (trim in [0, 0.5); with fewer than three values nothing is dropped).
 *
 * @throws Error when `period` or `k` is not a positive integer or `trim` is outside [0, 0.5).
 * @example sameSlotTrimmedMean([100, 1, 2, 3], 1, 1, 4, 0.25) // drops 1 and 100 → (2 + 3) / 2 = 2.5
 */
export function sameSlotTrimmedMean(y: ArrayLike<number>, horizon: number, period: number, k: number, trim: number): number[] {
  checkShape(period, k);
  if (!(trim >= 0 && trim < 0.5)) throw new Error(`trim must be in [0, 0.5), got ${trim}`);
  return Array.from({ length: horizon }, (_, j) => {
    const v = slotValues(y, j, period, k);
    if (v.length === 0) return Number.NaN;
    const cut = v.length < 3 ? 0 : Math.floor(trim * v.length);
    let sum = 0;
    for (let i = cut; i < v.length - cut; i++) sum += v[i]!;
    return sum / (v.length - 2 * cut);
  });
}
