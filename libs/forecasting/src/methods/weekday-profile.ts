/**
 * Weekday-profile forecast (top-down): each future day's total is the mean total of the same day of
 * the week over the last `levelWeeks` weeks, split over its hours by that weekday's mean intraday
 * profile (hour / day total) over the last `shapeWeeks` weeks. A longer window for the profile than
 * for the level keeps the hour-by-hour shape smooth while the level stays recent; per hour this is
 * the same-slot mean with a less noisy shape.
 *
 * "Days" are the 24-hour blocks ending at the end of `y`, so on a local-time grid cut at midnight
 * they are local days. Needs complete values (impute gaps first) and at least one full week.
 * Units: those of `y`. Complexity: O(h · shapeWeeks).
 *
 * @example weekdayProfile(callsGrid, 168, 4, 8)
 */
export function weekdayProfile(y: ArrayLike<number>, horizon: number, levelWeeks = 4, shapeWeeks = 8): number[] {
  const n = y.length;
  if (n < 168) throw new Error(`weekday profile needs a week of values, got ${n}`);
  const out: number[] = [];
  const cache = new Map<number, number[]>();
  const total = (s: number): number => {
    let sum = 0;
    for (let k = 0; k < 24; k++) sum += y[s + k]!;
    return sum;
  };
  for (let j = 0; j < horizon; j++) {
    const day = Math.floor(j / 24);
    let perDay = cache.get(day);
    if (perDay === undefined) {
      // Same weekday, 1, 2, … weeks back, as far as the history reaches.
      const starts: number[] = [];
      for (let s = n + 24 * day - 168; s >= 0; s -= 168) if (s + 24 <= n) starts.push(s);
      const totals = starts.map(total);
      const levelSample = totals.slice(0, levelWeeks);
      const level = levelSample.reduce((a, b) => a + b, 0) / Math.max(1, levelSample.length);
      const shape = new Array<number>(24).fill(0);
      let used = 0;
      for (let k = 0; k < Math.min(shapeWeeks, starts.length); k++) {
        if (!(totals[k]! > 0)) continue;
        for (let p = 0; p < 24; p++) shape[p] = shape[p]! + y[starts[k]! + p]! / totals[k]!;
        used++;
      }
      perDay = shape.map((s) => (used === 0 ? 0 : (level * s) / used));
      cache.set(day, perDay);
    }
    out.push(perDay[j % 24]!);
  }
  return out;
}
