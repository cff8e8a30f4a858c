/**
 * Where a margin that increases with the number of agents crosses zero, by linear interpolation
 * between two staffing levels: lo + (hi − lo)·(−m(lo)) / (m(hi) − m(lo)), clamped to [lo, hi].
 *
 * This is how the fractional ("raw") requirement is made: the service-level curve (or the ASA,
 * abandonment or occupancy curve) between N − 1, which fails the target, and N, which meets it, is
 * read as a straight line and the point where it meets the target is returned. Summing raw
 * requirements across queues or intervals and rounding once avoids stacking one round-up per queue.
 * Units: agents. O(1).
 *
 * @example interpolateCrossing(13, 0.80 - 0.85, 14, 0.8884 - 0.85) // ≈ 13.57 agents for an 85% target
 */
export function interpolateCrossing(lo: number, marginLo: number, hi: number, marginHi: number): number {
  if (!(marginHi > marginLo) || marginLo >= 0) return marginLo >= 0 ? lo : hi;
  const point = lo + ((hi - lo) * -marginLo) / (marginHi - marginLo);
  return Math.min(hi, Math.max(lo, point));
}
