import { DateTime } from 'luxon';
import { WEEKDAYS } from '@staffcast/events';
import type { Coverage } from '@staffcast/local-team';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/**
 * Fraction of one UTC hour that falls inside a team's coverage hours, read in the team's time
 * zone (so a New York team covering 08:00–20:00 covers different UTC hours in summer and winter).
 * Coverage ranges are whole minutes on one local day. The hour is cut at local midnight; an hour
 * holding a clock change (the local offset differs at its two ends) is read minute by minute, so a
 * skipped local time is never covered and a repeated one is covered as often as it occurs.
 *
 * Units: fraction in [0, 1]. Complexity: O(ranges) per hour; O(60 · ranges) for the two clock-change hours a year.
 *
 * @example coveredFraction({ mon: [['08:00', '20:00']], tue: [], … }, 'America/New_York', Date.UTC(2026, 2, 2, 13)) // 1 (08:00 Monday)
 */
export function coveredFraction(coverage: Coverage, timeZone: string, hourMs: number): number {
  const start = DateTime.fromMillis(hourMs, { zone: timeZone });
  const end = DateTime.fromMillis(hourMs + HOUR_MS, { zone: timeZone });
  if (start.offset !== end.offset) {
    let covered = 0;
    for (let m = 0; m < 60; m++) covered += coveredMinutes(coverage, DateTime.fromMillis(hourMs + m * MINUTE_MS, { zone: timeZone }), 1);
    return covered / 60;
  }
  const midnight = start.plus({ days: 1 }).startOf('day').toMillis();
  if (midnight >= hourMs + HOUR_MS) return Math.min(1, coveredMinutes(coverage, start, 60) / 60);
  const before = (midnight - hourMs) / MINUTE_MS;
  return Math.min(1, (coveredMinutes(coverage, start, before) + coveredMinutes(coverage, DateTime.fromMillis(midnight, { zone: timeZone }), 60 - before)) / 60);
}

/** Minutes of [local, local + length) inside the coverage of local's weekday (the span stays on that day). */
function coveredMinutes(coverage: Coverage, local: DateTime, length: number): number {
  const from = local.hour * 60 + local.minute + local.second / 60;
  const to = from + length;
  let covered = 0;
  for (const [a, z] of coverage[WEEKDAYS[local.weekday - 1]!]) covered += Math.max(0, Math.min(to, minutes(z)) - Math.max(from, minutes(a)));
  return covered;
}

function minutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}
