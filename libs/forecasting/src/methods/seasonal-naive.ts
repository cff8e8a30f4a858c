/**
 * Seasonal naive forecast: each future hour repeats the last observed value of the same position in
 * the cycle, y_{n+j} = y_{n+j−k·m} for the smallest k ≥ 1 whose value is finite. With m = 168 on a
 * local-time grid this is the weekly seasonal naive forecast by local hour of week.
 *
 * `maxCycles` bounds how far back a gap may be bridged (1 = only the previous cycle; a gap there
 * forecasts NaN). Units: those of `y`. A position not observed within reach forecasts NaN.
 * Complexity: O(h·min(maxCycles, n/m)).
 *
 * @example seasonalNaive([1, 2, 3, 4], 3, 2) // [3, 4, 3]
 */
export function seasonalNaive(y: ArrayLike<number>, horizon: number, period: number, maxCycles = Number.POSITIVE_INFINITY): number[] {
  if (!Number.isInteger(period) || period < 1) throw new Error(`period must be a positive integer, got ${period}`);
  const n = y.length;
  const out: number[] = [];
  for (let j = 0; j < horizon; j++) {
    let value = Number.NaN;
    const last = n + j - period * Math.ceil((j + 1) / period);
    for (let c = 0, i = last; c < maxCycles && i >= 0; c++, i -= period) {
      const v = y[i]!;
      if (Number.isFinite(v)) {
        value = v;
        break;
      }
    }
    out.push(value);
  }
  return out;
}
