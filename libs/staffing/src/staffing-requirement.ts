import type { QueueMetrics } from './queue-metrics.js';
import type { TargetConstraint } from './service-target.js';

/** Default ceiling on a search for the least agents; a target needing more is reported unreachable. */
export const DEFAULT_MAX_AGENTS = 200_000;

/** The least whole agents meeting a target, the fractional requirement, and what that staffing delivers. */
export interface StaffingRequirement<M extends QueueMetrics = QueueMetrics> {
  /** Least whole number of agents meeting every constraint of the target. */
  agents: number;
  /**
   * Fractional requirement in (agents − 1, agents]: where the binding constraint's curve, read as a
   * straight line between agents − 1 and agents, meets the target (see interpolateCrossing). Sum these
   * across queues or intervals and round once.
   */
  rawAgents: number;
  /** Metrics with `agents` agents. */
  metrics: M;
  /** The constraints that one agent fewer would break. */
  binding: TargetConstraint[];
}
