import { requireNonNegative, requirePositive } from './validation.js';

/**
 * Offered load A in Erlangs: the mean number of contacts that would be in service at once if
 * nobody waited, A = λ·AHT with λ in contacts per second (arrivalsPerHour / 3600) and AHT in seconds.
 * O(1). Throws a StaffingInputError for a negative rate or a non-positive handle time.
 *
 * @example offeredLoadErlangs(200, 180) // 10
 */
export function offeredLoadErlangs(arrivalsPerHour: number, ahtSeconds: number): number {
  requireNonNegative('arrivalsPerHour', arrivalsPerHour);
  requirePositive('ahtSeconds', ahtSeconds);
  return (arrivalsPerHour * ahtSeconds) / 3600;
}
