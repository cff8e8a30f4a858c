import type { IANAZone } from 'luxon';
import { localWallHours } from './local-time.js';

/** An hourly series re-indexed by local wall-clock hour, so that period 24 and 168 follow local time. */
export interface LocalGrid {
  /** local wall-clock hour number (see `localWallHour`) of `values[0]` */
  firstWallHour: number;
  /** one value per local hour; NaN where no finite UTC value maps (gaps, the skipped spring-forward hour) */
  values: Float64Array;
}

/**
 * Moves an hourly UTC series onto its local wall-clock grid. The hour skipped by a spring-forward
 * change becomes a gap (NaN); the two UTC hours of a repeated fall-back hour are averaged, because
 * the grid holds a rate per local hour. Non-finite inputs are gaps.
 *
 * With this grid, period-based methods (seasonal naive, Holt–Winters, MSTL) see a 10:00 New York
 * peak at the same position every day, on both sides of a DST change. Units: those of `values`.
 * Complexity: O(n).
 *
 * @example toLocalGrid(Date.parse('2024-03-09T05:00Z'), values, ianaZone('America/New_York')).values.length // one more than values.length
 */
export function toLocalGrid(startMs: number, values: ArrayLike<number>, zone: IANAZone): LocalGrid {
  const n = values.length;
  if (n === 0) return { firstWallHour: localWallHours(startMs, 1, zone)[0]!, values: new Float64Array(0) };
  const wall = localWallHours(startMs, n, zone);
  const first = wall[0]!;
  const size = wall[n - 1]! - first + 1;
  const sum = new Float64Array(size);
  const count = new Uint8Array(size);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    const k = wall[i]! - first;
    sum[k] = sum[k]! + v;
    count[k] = count[k]! + 1;
  }
  const grid = new Float64Array(size);
  for (let k = 0; k < size; k++) grid[k] = count[k]! > 0 ? sum[k]! / count[k]! : Number.NaN;
  return { firstWallHour: first, values: grid };
}

/**
 * Reads a forecast made on the local grid back onto `count` consecutive UTC hours from `startMs`:
 * each UTC hour takes the value of its local hour (both UTC hours of a repeated hour take the same
 * value). `gridValues[k]` is the value of local hour `firstWallHour + k`; an hour outside it reads NaN.
 * Complexity: O(count).
 *
 * @example fromLocalGrid(grid, Date.parse('2024-11-03T00:00Z'), 48, ianaZone('America/New_York')) // 48 values, 01:00 local twice
 */
export function fromLocalGrid(
  grid: { firstWallHour: number; values: ArrayLike<number> },
  startMs: number,
  count: number,
  zone: IANAZone,
): number[] {
  const wall = localWallHours(startMs, count, zone);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const v = grid.values[wall[i]! - grid.firstWallHour];
    out.push(v === undefined ? Number.NaN : v);
  }
  return out;
}
