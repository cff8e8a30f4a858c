import { DateTime } from 'luxon';
import { WEEKDAYS } from '@staffcast/events';
import type { Coverage } from '@staffcast/local-team';

const HOUR_MS = 3_600_000;

/**
 * Fraction of one UTC hour that falls inside a team's coverage hours, read in the team's time
 * zone (so a New York team covering 08:00–20:00 covers different UTC hours in summer and winter).
 * Coverage ranges are whole minutes on one local day; the hour is walked in its local minutes,
 * split where it crosses local midnight.
 *
 * Units: fraction in [0, 1]. Complexity: O(ranges of the one or two local days).
 *
 * @example coveredFraction({ mon: [['08:00', '20:00']], tue: [], … }, 'America/New_York', Date.UTC(2026, 2, 2, 13)) // 1 (08:00 Monday)
 */
export function coveredFraction(coverage: Coverage, timeZone: string, hourMs: number): number {
  let covered = 0;
  for (const [a, z] of localPieces(timeZone, hourMs)) {
    const ranges = coverage[WEEKDAYS[a.weekday - 1]!];
    const startMinute = a.hour * 60 + a.minute + a.second / 60;
    const endMinute = startMinute + (z - a.toMillis()) / 60_000;
    for (const [from, to] of ranges) covered += Math.max(0, Math.min(endMinute, minutes(to)) - Math.max(startMinute, minutes(from)));
  }
  return Math.min(1, covered / 60);
}

/** The hour cut at local midnight: [local start, end ms) pieces. */
function localPieces(timeZone: string, hourMs: number): [DateTime, number][] {
  const start = DateTime.fromMillis(hourMs, { zone: timeZone });
  const end = hourMs + HOUR_MS;
  const midnight = start.plus({ days: 1 }).startOf('day').toMillis();
  if (midnight >= end) return [[start, end]];
  return [
    [start, midnight],
    [DateTime.fromMillis(midnight, { zone: timeZone }), end],
  ];
}

function minutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}
