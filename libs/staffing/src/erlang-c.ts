import { erlangB } from './erlang-b.js';
import { offeredLoadErlangs } from './offered-load.js';
import { idleQueueMetrics, type QueueMetrics } from './queue-metrics.js';
import { StaffingInputError } from './staffing-input-error.js';
import { requireInteger, requireNonNegative } from './validation.js';

/**
 * Erlang C probability of waiting C(N, A) for the M/M/N queue, from Erlang B:
 * C = N·B / (N − A·(1 − B)). Defined for N > A; for N ≤ A the queue is unstable and every contact
 * waits, so the result is 1. Dimensionless. O(N) (the Erlang B recurrence).
 *
 * @example erlangC(14, 10) // ≈ 0.1741
 */
export function erlangC(agents: number, offeredLoadErlangs: number): number {
  return erlangCFromB(agents, offeredLoadErlangs, erlangB(agents, offeredLoadErlangs));
}

/** C(N, A) given B(N, A), for searches that already hold B. O(1). */
export function erlangCFromB(agents: number, offeredLoadErlangs: number, blocking: number): number {
  if (agents <= offeredLoadErlangs) return 1;
  return (agents * blocking) / (agents - offeredLoadErlangs * (1 - blocking));
}

export interface ErlangCInput {
  arrivalsPerHour: number;
  ahtSeconds: number;
  /** Whole agents, more than the offered load (the queue is unstable otherwise). */
  agents: number;
  /** The service-level threshold t, seconds. */
  thresholdSeconds: number;
}

/**
 * Erlang C (M/M/N) metrics for N agents (docs/ARCHITECTURE.md, Definitions):
 * - P(wait) = C(N, A);
 * - service level SL(t) = 1 − C·exp(−(N − A)·t / AHT);
 * - ASA = C·AHT / (N − A) seconds (mean wait over all contacts, who are all answered);
 * - occupancy = A / N.
 * O(N). Throws a StaffingInputError for bad inputs and for N ≤ A (unstable: queues grow without bound).
 *
 * @example
 * erlangCMetrics({ arrivalsPerHour: 200, ahtSeconds: 180, agents: 14, thresholdSeconds: 20 })
 * // { pWait ≈ 0.1741, serviceLevel ≈ 0.8884, asaSeconds ≈ 7.84, occupancy ≈ 0.714, … }
 */
export function erlangCMetrics(input: ErlangCInput): QueueMetrics {
  const a = offeredLoadErlangs(input.arrivalsPerHour, input.ahtSeconds);
  requireInteger('agents', input.agents, 1);
  requireNonNegative('thresholdSeconds', input.thresholdSeconds);
  if (input.agents <= a) {
    throw new StaffingInputError(
      'agents',
      `Erlang C needs more agents than the offered load (${a.toFixed(3)} Erlangs); with ${input.agents} the queue grows without bound`,
    );
  }
  return erlangCMetricsFromB(input.agents, a, erlangB(input.agents, a), input.ahtSeconds, input.thresholdSeconds);
}

/** The Erlang C metrics given B(N, A); inputs trusted, N > A or A = 0. O(1). */
export function erlangCMetricsFromB(agents: number, load: number, blocking: number, ahtSeconds: number, thresholdSeconds: number): QueueMetrics {
  if (load === 0) return idleQueueMetrics(agents, thresholdSeconds);
  const c = erlangCFromB(agents, load, blocking);
  const excess = agents - load;
  return {
    agents,
    offeredLoadErlangs: load,
    pWait: c,
    serviceLevel: 1 - c * Math.exp((-excess * thresholdSeconds) / ahtSeconds),
    thresholdSeconds,
    asaSeconds: (c * ahtSeconds) / excess,
    occupancy: load / agents,
  };
}
