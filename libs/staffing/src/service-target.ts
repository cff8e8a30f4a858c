import type { ErlangAMetrics, QueueMetrics } from './queue-metrics.js';
import { StaffingInputError } from './staffing-input-error.js';
import { requireNonNegative, requireOpenFraction, requirePositive, requireUpperFraction } from './validation.js';

/**
 * What a queue must achieve. Any combination applies together; at least one of `serviceLevel`,
 * `maxAsaSeconds` or (Erlang A) `maxAbandon` is needed.
 */
export interface ServiceTarget {
  /** Fraction of contacts answered within `thresholdSeconds`, in (0, 1). */
  serviceLevel?: number;
  /** The service-level threshold t in seconds (needed with `serviceLevel`). */
  thresholdSeconds?: number;
  /** Largest acceptable average speed of answer, seconds. */
  maxAsaSeconds?: number;
  /** Largest acceptable fraction of arrivals abandoning, in (0, 1) (Erlang A only). */
  maxAbandon?: number;
  /** Largest acceptable occupancy, in (0, 1]. */
  maxOccupancy?: number;
}

export type TargetConstraint = 'serviceLevel' | 'maxAsaSeconds' | 'maxAbandon' | 'maxOccupancy';

/** A validated target; `thresholdSeconds` is always set (0 when no service level is asked for). */
export interface CheckedTarget extends ServiceTarget {
  thresholdSeconds: number;
}

/**
 * Validates a target for a model, naming the field (`target.<name>`) that is wrong. O(1).
 *
 * @example checkServiceTarget({ serviceLevel: 0.8, thresholdSeconds: 20 }, 'erlang-c') // ok
 * checkServiceTarget({ serviceLevel: 1.2, thresholdSeconds: 20 }, 'erlang-c') // throws target.serviceLevel
 */
export function checkServiceTarget(target: ServiceTarget, model: 'erlang-c' | 'erlang-a', prefix = 'target'): CheckedTarget {
  if (typeof target !== 'object' || target === null) throw new StaffingInputError(prefix, 'is required');
  const { serviceLevel, thresholdSeconds, maxAsaSeconds, maxAbandon, maxOccupancy } = target;
  if (serviceLevel !== undefined) {
    requireOpenFraction(`${prefix}.serviceLevel`, serviceLevel);
    if (thresholdSeconds === undefined) throw new StaffingInputError(`${prefix}.thresholdSeconds`, 'is required with a service-level target');
  }
  if (thresholdSeconds !== undefined) requireNonNegative(`${prefix}.thresholdSeconds`, thresholdSeconds);
  if (maxAsaSeconds !== undefined) requirePositive(`${prefix}.maxAsaSeconds`, maxAsaSeconds);
  if (maxAbandon !== undefined) {
    if (model === 'erlang-c') throw new StaffingInputError(`${prefix}.maxAbandon`, 'Erlang C has no abandonment; use Erlang A with a patience');
    requireOpenFraction(`${prefix}.maxAbandon`, maxAbandon);
  }
  if (maxOccupancy !== undefined) requireUpperFraction(`${prefix}.maxOccupancy`, maxOccupancy);
  if (serviceLevel === undefined && maxAsaSeconds === undefined && maxAbandon === undefined) {
    throw new StaffingInputError(prefix, model === 'erlang-a' ? 'needs serviceLevel, maxAsaSeconds or maxAbandon' : 'needs serviceLevel or maxAsaSeconds');
  }
  return { serviceLevel, thresholdSeconds: thresholdSeconds ?? 0, maxAsaSeconds, maxAbandon, maxOccupancy };
}

/** The constraints of `target` that `metrics` break (empty when it meets them all). O(1). */
export function unmetConstraints(target: CheckedTarget, metrics: QueueMetrics | ErlangAMetrics): TargetConstraint[] {
  const unmet: TargetConstraint[] = [];
  if (target.serviceLevel !== undefined && metrics.serviceLevel < target.serviceLevel) unmet.push('serviceLevel');
  if (target.maxAsaSeconds !== undefined && metrics.asaSeconds > target.maxAsaSeconds) unmet.push('maxAsaSeconds');
  if (target.maxAbandon !== undefined && 'pAbandon' in metrics && metrics.pAbandon > target.maxAbandon) unmet.push('maxAbandon');
  if (target.maxOccupancy !== undefined && metrics.occupancy > target.maxOccupancy) unmet.push('maxOccupancy');
  return unmet;
}

/** True when `metrics` meet every constraint of `target`. O(1). */
export function meetsTarget(target: CheckedTarget, metrics: QueueMetrics | ErlangAMetrics): boolean {
  return unmetConstraints(target, metrics).length === 0;
}
