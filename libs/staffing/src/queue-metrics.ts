/**
 * What a staffing level delivers on one queue in steady state. Probabilities are fractions in [0, 1];
 * times are seconds.
 */
export interface QueueMetrics {
  /** Agents (servers) on the queue. */
  agents: number;
  /** Offered load A = λ·AHT in Erlangs. */
  offeredLoadErlangs: number;
  /** Probability that an arriving contact finds every agent busy and has to wait. */
  pWait: number;
  /** Fraction of all arriving contacts answered within `thresholdSeconds`. */
  serviceLevel: number;
  thresholdSeconds: number;
  /** Average speed of answer in seconds: mean wait of answered contacts (Erlang C: of all contacts, since all are answered). */
  asaSeconds: number;
  /** Fraction of agent time spent handling contacts. */
  occupancy: number;
}

/** Erlang A (M/M/N+M) adds abandonment to the common metrics. */
export interface ErlangAMetrics extends QueueMetrics {
  /** Fraction of all arriving contacts who abandon before being answered. */
  pAbandon: number;
  /** Mean time in queue over all arrivals (answered, abandoned and unqueued alike), seconds. */
  meanWaitSeconds: number;
  /** Mean patience θ⁻¹ in seconds. */
  patienceSeconds: number;
}

/** The metrics of a queue with no arrivals: nobody waits and nobody is busy. O(1). */
export function idleQueueMetrics(agents: number, thresholdSeconds: number): QueueMetrics {
  return { agents, offeredLoadErlangs: 0, pWait: 0, serviceLevel: 1, thresholdSeconds, asaSeconds: 0, occupancy: 0 };
}
