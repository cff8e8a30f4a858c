import type { CohortKernel } from './cohort-kernel.js';
import { weeksToMonths } from '../demand/weeks-to-months.js';

/** Limits on how fast the team can hire. */
export interface HiringLimits {
  /** Weeks from opening a requisition to the start date; requisitions open from the plan's first month. */
  leadTimeWeeks: number;
  classSize: number;
  maxClassesPerMonth: number;
}

export interface HiringSchedule {
  /** Whole hires starting (in classes) at the start of each plan month. */
  hires: number[];
  /** Productive FTE each month that these hires deliver (expected value). */
  productiveFte: number[];
  /** First month a class can start: ⌈leadTimeWeeks in months⌉. */
  earliestStartMonth: number;
}

/** Gaps below this many FTE are rounding noise, not a shortfall. */
export const FTE_TOLERANCE = 1e-9;

/**
 * Schedules hiring classes just in time for a monthly requirement of productive FTE.
 *
 * Each class starts on the first day of a month, no earlier than the lead time allows; a month takes
 * at most classSize × maxClassesPerMonth hires (in ⌈hires / classSize⌉ classes). Months are met in
 * order: for month t with a gap G = required − productive (given the classes already scheduled), the
 * hires go first to the just-in-time month s = t − k, k being the months a hire needs to be fully
 * productive all month (training plus ramp); if that month is full or too early, to earlier months
 * (fully productive, but paid longer and exposed to attrition longer), then to later months up to t
 * (partly productive, so more heads per FTE). A month s given n hires gains n·productive(t − s) at t,
 * so it gets n = ⌈G / productive(t − s)⌉ (capped by its spare places). The gap left when every month
 * that can help is full is the shortfall, and it is reported, not hidden.
 *
 * Properties (tested): hiring never lowers anyone's productive FTE, so months already met stay met;
 * if month t is short then every month whose hires could help t is full, so lowering a limit can
 * never shrink a shortfall; with room to hire, every month from s_min + k on is met.
 *
 * Units: hires are people, FTE are full-time equivalents. Complexity O(M² · M) for M months.
 *
 * @example
 * // 12 FTE needed from month 3, hires fully productive in their second month, no attrition or drop-out:
 * // classes of 12 start in month 2 (just in time for month 3).
 * scheduleHires([0, 0, 0, 12, 12], kernel, { leadTimeWeeks: 4, classSize: 12, maxClassesPerMonth: 1 }).hires // [0, 0, 12, 0, 0]
 */
export function scheduleHires(required: readonly number[], kernel: CohortKernel, limits: HiringLimits): HiringSchedule {
  const months = required.length;
  const capacity = limits.classSize * limits.maxClassesPerMonth;
  const earliest = Math.ceil(weeksToMonths(limits.leadTimeWeeks));
  const lag = kernel.fullyProductiveMonth;
  const hires = new Array<number>(months).fill(0);
  const productive = new Array<number>(months).fill(0);

  const hire = (s: number, n: number) => {
    hires[s]! += n;
    for (let u = s; u < months; u++) productive[u]! += n * kernel.productive[u - s]!;
  };

  for (let t = 0; t < months; t++) {
    if (required[t]! - productive[t]! <= FTE_TOLERANCE) continue;
    for (const s of candidateMonths(t, lag, earliest)) {
      const gap = required[t]! - productive[t]!;
      if (gap <= FTE_TOLERANCE) break;
      const perHire = kernel.productive[t - s]!;
      const spare = capacity - hires[s]!;
      if (perHire <= 0 || spare <= 0) continue;
      // The small allowance keeps 12 / (12 / 12) from rounding up to 13 in floating point.
      hire(s, Math.min(spare, Math.ceil(gap / perHire - 1e-9)));
    }
  }
  return { hires, productiveFte: productive, earliestStartMonth: earliest };
}

/** Start months that can help month t, best first: just in time, then earlier, then later. */
function candidateMonths(t: number, lag: number, earliest: number): number[] {
  const jit = Math.min(t - lag, t);
  const out: number[] = [];
  for (let s = jit; s >= earliest; s--) out.push(s);
  for (let s = Math.max(jit + 1, earliest); s <= t; s++) out.push(s);
  return out;
}
