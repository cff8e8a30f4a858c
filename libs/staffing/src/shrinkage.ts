import { requireNonNegative, requireShrinkage } from './validation.js';

/** Round-up that ignores binary rounding noise (14 / 0.7 = 20.000000000000004 must stay 20). */
const ROUNDING_SLACK = 1e-9;

/**
 * Gross (scheduled) staff from net (productive) staff: scheduled = required / (1 − shrinkage), where
 * shrinkage is the fraction of paid time that is not available for contacts (breaks, training, meetings,
 * absence), in [0, 1). Fractional result in agents (or FTE, or hours: any unit, kept). O(1).
 *
 * @example scheduledFromRequired(14, 0.3) // 20
 */
export function scheduledFromRequired(required: number, shrinkage: number): number {
  requireNonNegative('required', required);
  requireShrinkage('shrinkage', shrinkage);
  return required / (1 - shrinkage);
}

/**
 * Whole scheduled agents for `required` productive agents: ⌈required / (1 − shrinkage)⌉, ignoring
 * rounding noise below 1e-9. O(1).
 *
 * @example scheduledAgents(14, 0.3) // 20 (published check); scheduledAgents(14, 0.31) // 21
 */
export function scheduledAgents(required: number, shrinkage: number): number {
  return Math.max(0, Math.ceil(scheduledFromRequired(required, shrinkage) - ROUNDING_SLACK));
}
