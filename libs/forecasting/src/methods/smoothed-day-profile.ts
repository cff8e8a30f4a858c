/**
 * Smoothed-level day profile (top-down): day totals are divided by their weekday factor, the
 * adjusted totals of open days are smoothed exponentially (simple exponential smoothing, α chosen
 * from a grid by one-step squared error), and each future day is level × weekday factor, split over
 * its hours by the weekday's mean intraday profile of the last `shapeWeeks` weeks.
 *
 * Weekday factors are mean day totals per weekday over the last `factorWeeks` weeks divided by
 * their mean over open weekdays (a weekday with no volume is closed: factor 0). "Days" are the
 * 24-hour blocks ending at the end of `y` (local days on a local-time grid cut at midnight). Needs
 * complete values and at least two weeks. Units: those of `y`. Complexity: O(n + h·shapeWeeks).
 *
 * @example smoothedDayProfile(callsGrid, 168)
 */
export function smoothedDayProfile(y: ArrayLike<number>, horizon: number, factorWeeks = 8, shapeWeeks = 8): number[] {
  const n = y.length;
  const days = Math.floor(n / 24);
  if (days < 14) throw new Error(`smoothed day profile needs two weeks of values, got ${n}`);
  const offset = n - days * 24;
  // totals[d]: day d, oldest first; weekday position p(d) = (days − 1 − d) mod 7 counted back from the last day.
  const totals: number[] = [];
  for (let d = 0; d < days; d++) {
    let s = 0;
    for (let k = 0; k < 24; k++) s += y[offset + d * 24 + k]!;
    totals.push(s);
  }
  const position = (d: number) => (((d - days) % 7) + 7) % 7;
  const factorSum = new Array<number>(7).fill(0);
  const factorCount = new Array<number>(7).fill(0);
  for (let d = Math.max(0, days - 7 * factorWeeks); d < days; d++) {
    factorSum[position(d)]! += totals[d]!;
    factorCount[position(d)]!++;
  }
  const raw = factorSum.map((s, p) => (factorCount[p]! > 0 ? s / factorCount[p]! : 0));
  const openRaw = raw.filter((r) => r > 0);
  if (openRaw.length === 0) return new Array<number>(horizon).fill(0);
  const openMean = openRaw.reduce((a, b) => a + b, 0) / openRaw.length;
  const factor = raw.map((r) => r / openMean);
  const adjusted: number[] = [];
  for (let d = 0; d < days; d++) if (factor[position(d)]! > 0) adjusted.push(totals[d]! / factor[position(d)]!);
  let bestLevel = adjusted[adjusted.length - 1]!;
  let bestSse = Number.POSITIVE_INFINITY;
  for (const alpha of [0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.7]) {
    let level = adjusted.slice(0, 5).reduce((a, b) => a + b, 0) / Math.min(5, adjusted.length);
    let sse = 0;
    for (let i = 0; i < adjusted.length; i++) {
      const e = adjusted[i]! - level;
      if (i >= 5) sse += e * e;
      level += alpha * e;
    }
    if (sse < bestSse) {
      bestSse = sse;
      bestLevel = level;
    }
  }
  const out: number[] = [];
  for (let j = 0; j < horizon; j++) {
    const futureDay = days + Math.floor(j / 24);
    const p = position(futureDay);
    const dayTotal = bestLevel * factor[p]!;
    let share = 0;
    let used = 0;
    for (let d = futureDay - 7; d >= 0 && used < shapeWeeks; d -= 7) {
      if (d >= days || !(totals[d]! > 0)) continue;
      share += y[offset + d * 24 + (j % 24)]! / totals[d]!;
      used++;
    }
    out.push(used === 0 ? 0 : (dayTotal * share) / used);
  }
  return out;
}
