/**
 * Within-hour shares: how an hour's volume splits over its sub-hour slots (two half-hours, four
 * quarter-hours, …), learned per hour of the day from the last `days` days of a sub-hourly
 * history: share[h][s] = Σ slot s of hour-of-day h / Σ hours of hour-of-day h. An hourly forecast
 * times these shares is a sub-hourly forecast that keeps the hourly totals (top-down
 * disaggregation); a within-hour shape mostly depends on the time of day, so 28 days of every
 * weekday make a steadier estimate than the same hour of one weekday. Hours without volume (or
 * only gaps) split evenly.
 *
 * `slots` starts at the first slot of an hour and ends at the last slot of an hour; `hourOfDay(i)`
 * gives the local hour of day (0–23) of hour i of the history. Units: shares of each hour sum to 1.
 * Complexity: O(days · 24 · slotsPerHour).
 *
 * @throws Error when `slotsPerHour` is not a positive integer or the history is not whole hours.
 * @example withinHourShares([1, 3, 2, 2], 2, () => 0, 28)[0] // [(1 + 2) / 8, (3 + 2) / 8] = [0.375, 0.625]
 */
export function withinHourShares(slots: ArrayLike<number>, slotsPerHour: number, hourOfDay: (hour: number) => number, days = 28): number[][] {
  if (!Number.isInteger(slotsPerHour) || slotsPerHour < 1) throw new Error(`slotsPerHour must be a positive integer, got ${slotsPerHour}`);
  if (slots.length % slotsPerHour !== 0) throw new Error('withinHourShares: the history must be whole hours');
  const hours = slots.length / slotsPerHour;
  const sums = Array.from({ length: 24 }, () => new Array<number>(slotsPerHour).fill(0));
  for (let i = Math.max(0, hours - days * 24); i < hours; i++) {
    let complete = true;
    for (let s = 0; s < slotsPerHour; s++) complete &&= Number.isFinite(slots[i * slotsPerHour + s]!);
    if (!complete) continue;
    const row = sums[hourOfDay(i)]!;
    for (let s = 0; s < slotsPerHour; s++) row[s] = row[s]! + slots[i * slotsPerHour + s]!;
  }
  return sums.map((row) => {
    const total = row.reduce((a, b) => a + b, 0);
    return total > 0 ? row.map((v) => v / total) : row.map(() => 1 / slotsPerHour);
  });
}
