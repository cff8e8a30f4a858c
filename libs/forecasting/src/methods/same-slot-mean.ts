/**
 * Same-slot moving average: each future hour is the mean of the values at the same position in the
 * last `k` cycles (m = 168 on a local-time grid: the same local hour of the week over the last k
 * weeks). Gaps (non-finite values) among those k are skipped, so the mean is over fewer values; it
 * does not reach further back.
 *
 * Units: those of `y`. A position with no finite value in the k cycles forecasts NaN.
 * Complexity: O(h·k).
 *
 * @example sameSlotMean([1, 2, 3, 4, 5, 6], 2, 2, 2) // [(3 + 5) / 2, (4 + 6) / 2] = [4, 5]
 */
export function sameSlotMean(y: ArrayLike<number>, horizon: number, period: number, k: number): number[] {
  if (!Number.isInteger(period) || period < 1) throw new Error(`period must be a positive integer, got ${period}`);
  if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a positive integer, got ${k}`);
  const n = y.length;
  const out: number[] = [];
  for (let j = 0; j < horizon; j++) {
    let sum = 0;
    let count = 0;
    // Start from the last occurrence of this position that lies inside the history.
    const last = n + j - period * Math.ceil((j + 1) / period);
    for (let c = 0, i = last; c < k && i >= 0; c++, i -= period) {
      const v = y[i]!;
      if (Number.isFinite(v)) {
        sum += v;
        count++;
      }
    }
    out.push(count === 0 ? Number.NaN : sum / count);
  }
  return out;
}
