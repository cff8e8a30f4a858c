import { absoluteMonth } from '../plan/plan-month.js';

export interface MonthlyVolume {
  month: string;
  volume: number;
}

/**
 * The month-of-year pattern of a monthly series: 12 factors (January first) with mean 1, learned by
 * classical ratio-to-moving-average decomposition. Each month with a full centred 2×12 moving
 * average around it (6 months either side) gives the ratio volume / average; the factor of a
 * calendar month is the mean of its ratios, and the factors are scaled to average 1 over the
 * months that have one. A calendar month with no ratio (history shorter than 25 months leaves some
 * without) gets factor 1, as does every month when fewer than 13 consecutive months are given:
 * no pattern is better than a guessed one.
 *
 * Input months must be consecutive and ascending. Units: dimensionless factors. O(n).
 *
 * @example
 * // Two years where December is twice the other months: December's factor is 24/13 ≈ 1.85, the others ≈ 0.92.
 * monthOfYearPattern(twoYears)[11] // ≈ 1.846
 */
export function monthOfYearPattern(series: readonly MonthlyVolume[]): number[] {
  for (let i = 1; i < series.length; i++) {
    if (absoluteMonth(series[i]!.month) !== absoluteMonth(series[i - 1]!.month) + 1) throw new RangeError(`months must be consecutive: ${series[i - 1]!.month} then ${series[i]!.month}`);
  }
  const flat = new Array<number>(12).fill(1);
  if (series.length < 13) return flat;
  const sums = new Array<number>(12).fill(0);
  const counts = new Array<number>(12).fill(0);
  for (let i = 6; i + 6 < series.length; i++) {
    // 2×12 centred moving average: half weight on the two ends.
    let average = (series[i - 6]!.volume + series[i + 6]!.volume) / 2;
    for (let j = i - 5; j <= i + 5; j++) average += series[j]!.volume;
    average /= 12;
    if (!(average > 0)) continue;
    const moy = absoluteMonth(series[i]!.month) % 12;
    sums[moy]! += series[i]!.volume / average;
    counts[moy]! += 1;
  }
  const factors = sums.map((s, m) => (counts[m]! > 0 ? s / counts[m]! : undefined));
  const known = factors.filter((f): f is number => f !== undefined);
  if (known.length === 0) return flat;
  const mean = known.reduce((a, b) => a + b, 0) / known.length;
  return factors.map((f) => (f === undefined || !(mean > 0) ? 1 : f / mean));
}
