import type { Random } from './random.js';
import { StaffingInputError } from './staffing-input-error.js';
import { requireNonNegative, requirePositive } from './validation.js';

/** A distribution of durations in seconds (handle time, patience). */
export type DurationDistribution =
  | { kind: 'exponential'; meanSeconds: number }
  /** Log-normal with the given mean and coefficient of variation (standard deviation / mean). */
  | { kind: 'lognormal'; meanSeconds: number; cv: number }
  | { kind: 'deterministic'; seconds: number };

/** Patience may also be unlimited: nobody abandons. */
export type PatienceDistribution = DurationDistribution | { kind: 'none' };

/**
 * Checks a duration distribution's parameters, naming the field. O(1).
 * @example checkDuration('handleTime', { kind: 'lognormal', meanSeconds: 300, cv: 0.8 })
 */
export function checkDuration(field: string, d: PatienceDistribution, allowNone = false): void {
  if (typeof d !== 'object' || d === null) throw new StaffingInputError(field, 'is required');
  switch (d.kind) {
    case 'exponential':
      requirePositive(`${field}.meanSeconds`, d.meanSeconds);
      return;
    case 'lognormal':
      requirePositive(`${field}.meanSeconds`, d.meanSeconds);
      requireNonNegative(`${field}.cv`, d.cv);
      return;
    case 'deterministic':
      requireNonNegative(`${field}.seconds`, d.seconds);
      return;
    case 'none':
      if (allowNone) return;
      break;
  }
  throw new StaffingInputError(`${field}.kind`, `must be one of exponential, lognormal, deterministic${allowNone ? ', none' : ''}`);
}

/**
 * One draw, in seconds, from a duration distribution (Infinity for `none`):
 * - exponential: −mean·ln(1 − U);
 * - log-normal: exp(m + s·Z) with s² = ln(1 + cv²), m = ln(mean) − s²/2 (so the mean is `meanSeconds`),
 *   Z standard normal by Box–Muller;
 * - deterministic: the value itself.
 * O(1).
 *
 * @example sampleDuration({ kind: 'exponential', meanSeconds: 180 }, seededRandom(1))
 */
export function sampleDuration(d: PatienceDistribution, random: Random): number {
  switch (d.kind) {
    case 'exponential':
      return -d.meanSeconds * Math.log(1 - random.next());
    case 'lognormal': {
      if (d.cv === 0) return d.meanSeconds;
      const s2 = Math.log1p(d.cv * d.cv);
      const z = Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
      return Math.exp(Math.log(d.meanSeconds) - s2 / 2 + Math.sqrt(s2) * z);
    }
    case 'deterministic':
      return d.seconds;
    case 'none':
      return Number.POSITIVE_INFINITY;
  }
}
