import { DAY_HOURS, WEEK_HOURS } from '../time/local-time.js';

/** Days of evidence for "no persistence" the learned credibility is shrunk with. */
export const PERSISTENCE_PRIOR_DAYS = 10;
/** Past days read for the persistence: eight weeks. */
export const PERSISTENCE_DAYS = 56;
/** Weeks of the same-slot mean that stands for each past day's forecast. */
const PROXY_WEEKS = 4;

export interface PastDay {
  /** What a forecast of the day expected, per hour of the day. */
  expected: readonly number[];
  /** What arrived, per hour of the day. */
  observed: readonly number[];
}

export interface Persistence {
  /** Credibility Z in [0, 1]: the share of the day-so-far's deviation that carries into the rest of the day. */
  credibility: number;
  /** Past days it was learned from. */
  days: number;
}

/**
 * How much of a morning's deviation from forecast persists into the rest of the day, learned from
 * the queue's own past days (regression credibility). For each past day, x = observed/expected − 1
 * over hours [0, cut) and y = the same over [cut, end); Z is the least-squares slope of y on x through
 * the origin, Σxy/Σx², clamped to [0, 1] and shrunk toward 0 by n/(n + 10) for n days. Noise in a
 * small queue's morning ratio dilutes the slope, so Z grows with the volume seen by the cut-off.
 * Days with nothing expected or nothing observed on either side are left out.
 *
 * Units: none. Complexity: O(days · hours).
 * @example intradayPersistence([{ expected: [10, 10], observed: [12, 11] }], 1).credibility // (0.2·0.1 / 0.04) · 1/11
 */
export function intradayPersistence(days: readonly PastDay[], cutHour: number): Persistence {
  let sxy = 0;
  let sxx = 0;
  let n = 0;
  for (const day of days) {
    const x = ratio(day, 0, cutHour);
    const y = ratio(day, cutHour, day.expected.length);
    if (x === undefined || y === undefined) continue;
    sxy += (x - 1) * (y - 1);
    sxx += (x - 1) ** 2;
    n++;
  }
  if (n === 0 || sxx === 0) return { credibility: 0, days: n };
  const slope = Math.min(1, Math.max(0, sxy / sxx));
  return { credibility: (slope * n) / (n + PERSISTENCE_PRIOR_DAYS), days: n };
}

function ratio(day: PastDay, from: number, to: number): number | undefined {
  let expected = 0;
  let observed = 0;
  for (let h = from; h < to; h++) {
    expected += day.expected[h]!;
    observed += day.observed[h]!;
  }
  return expected > 0 && observed > 0 ? observed / expected : undefined;
}

/**
 * The past whole days of a local wall-clock grid (see toLocalGrid) that ends at a local midnight,
 * each with the same-slot mean of the 4 weeks before it as its expected volume: the evidence for
 * intradayPersistence. Days with a gap (NaN) in the day or in its proxy are left out; at most the
 * last `maxDays`.
 *
 * Units: those of `grid`. Complexity: O(maxDays · 24 · 4).
 * @throws RangeError when the grid does not start at a local midnight.
 * @example sameSlotPastDays(toLocalGrid(startMs, history, zone)) // up to 56 PastDay
 */
export function sameSlotPastDays(grid: { firstWallHour: number; values: ArrayLike<number> }, maxDays = PERSISTENCE_DAYS): PastDay[] {
  if (grid.firstWallHour % DAY_HOURS !== 0) throw new RangeError('grid: must start at a local midnight');
  const y = grid.values;
  const wholeDays = Math.floor(y.length / DAY_HOURS);
  const out: PastDay[] = [];
  for (let d = Math.max(PROXY_WEEKS * 7, wholeDays - maxDays); d < wholeDays; d++) {
    const expected: number[] = [];
    const observed: number[] = [];
    for (let h = 0; h < DAY_HOURS; h++) {
      const i = d * DAY_HOURS + h;
      let sum = 0;
      for (let w = 1; w <= PROXY_WEEKS; w++) sum += y[i - w * WEEK_HOURS]!;
      expected.push(sum / PROXY_WEEKS);
      observed.push(y[i]!);
    }
    if ([...expected, ...observed].every(Number.isFinite)) out.push({ expected, observed });
  }
  return out;
}
