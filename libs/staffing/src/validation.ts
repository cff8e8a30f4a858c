import { StaffingInputError } from './staffing-input-error.js';

/**
 * Guards shared by the staffing functions. Each throws a {@link StaffingInputError} naming the field
 * and the rule it broke, and returns the value so that callers can validate inline. O(1).
 *
 * @example requirePositive('ahtSeconds', 180) // 180; requirePositive('ahtSeconds', 0) throws
 */
export function requireFinite(field: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new StaffingInputError(field, `must be a finite number, got ${String(value)}`);
  return value;
}

/** value > 0 and finite. */
export function requirePositive(field: string, value: number): number {
  requireFinite(field, value);
  if (value <= 0) throw new StaffingInputError(field, `must be > 0, got ${value}`);
  return value;
}

/** value ≥ 0 and finite. */
export function requireNonNegative(field: string, value: number): number {
  requireFinite(field, value);
  if (value < 0) throw new StaffingInputError(field, `must be ≥ 0, got ${value}`);
  return value;
}

/** A probability strictly between 0 and 1 (a service-level target; 1 would need infinitely many agents). */
export function requireOpenFraction(field: string, value: number): number {
  requireFinite(field, value);
  if (value <= 0 || value >= 1) throw new StaffingInputError(field, `must be a fraction strictly between 0 and 1, got ${value}`);
  return value;
}

/** A fraction in [0, 1) (shrinkage: 1 would leave no productive time). */
export function requireShrinkage(field: string, value: number): number {
  requireFinite(field, value);
  if (value < 0 || value >= 1) throw new StaffingInputError(field, `must be a fraction in [0, 1), got ${value}`);
  return value;
}

/** A fraction in (0, 1] (a maximum occupancy or abandonment). */
export function requireUpperFraction(field: string, value: number): number {
  requireFinite(field, value);
  if (value <= 0 || value > 1) throw new StaffingInputError(field, `must be a fraction in (0, 1], got ${value}`);
  return value;
}

/** An integer in [min, max]. */
export function requireInteger(field: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  requireFinite(field, value);
  if (!Number.isInteger(value)) throw new StaffingInputError(field, `must be a whole number, got ${value}`);
  if (value < min || value > max) throw new StaffingInputError(field, `must be between ${min} and ${max}, got ${value}`);
  return value;
}
