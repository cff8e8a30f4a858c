/** flat: the same uplift every hour; spike-decay: an exponential decay from the first hour. */
export type LaunchProfile = 'flat' | 'spike-decay';

/**
 * Hour-by-hour shape of a launch's uplift over a window of `hours` hours, scaled to mean 1 so that
 * an uplift u applied as 1 + u·shape_i raises the window's total volume by exactly u whatever the
 * profile. spike-decay: shape_i ∝ exp(−i/τ) with τ = max(1, hours/4), so most of the extra volume
 * arrives in the first quarter of the window.
 *
 * Units: dimensionless. Complexity: O(hours).
 *
 * @example launchShape('flat', 3) // [1, 1, 1]
 */
export function launchShape(profile: LaunchProfile, hours: number): number[] {
  if (hours <= 0) return [];
  if (profile === 'flat') return new Array<number>(hours).fill(1);
  const tau = Math.max(1, hours / 4);
  const raw = Array.from({ length: hours }, (_, i) => Math.exp(-i / tau));
  const mean = raw.reduce((a, b) => a + b, 0) / hours;
  return raw.map((v) => v / mean);
}

/**
 * Realised uplift of a past launch: Σ actual / Σ baseline − 1 over the window's hours, where the
 * baseline of an hour is supplied by the caller (the library uses the mean of the same local hour of
 * the week over the four weeks before the launch, with other launches and holidays masked).
 * Hours where either value is missing are skipped.
 *
 * Units: percent (25 = the window saw 25 % more than its baseline); null when the baseline total is
 * zero or nothing was observed. Complexity: O(hours).
 *
 * @example realisedUpliftPct([120, 130], [100, 100]) // 25
 */
export function realisedUpliftPct(actual: readonly number[], baseline: readonly number[]): number | null {
  let a = 0;
  let b = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i]!;
    const base = baseline[i]!;
    if (!Number.isFinite(y) || !Number.isFinite(base)) continue;
    a += y;
    b += base;
  }
  return b > 0 ? (a / b - 1) * 100 : null;
}

/**
 * Learned uplift for a kind of launch in a market: the median realised uplift of past launches of
 * the same kind and market (both compared as given; an absent kind matches only absent kinds).
 * Units: percent; null when no such past launch was measured. Complexity: O(k log k).
 *
 * @example learnedUpliftPct([{ kind: 'listing', market: 'US', realisedUpliftPct: 20 }], 'listing', 'US') // 20
 */
export function learnedUpliftPct(
  past: readonly { kind?: string; market?: string; realisedUpliftPct: number | null }[],
  kind: string | undefined,
  market: string | undefined,
): number | null {
  const values = past
    .filter((p) => p.kind === kind && p.market === market && p.realisedUpliftPct !== null)
    .map((p) => p.realisedUpliftPct!)
    .sort((a, b) => a - b);
  const m = values.length;
  if (m === 0) return null;
  return m % 2 === 1 ? values[(m - 1) / 2]! : (values[m / 2 - 1]! + values[m / 2]!) / 2;
}
