import { chatMetrics, effectiveChatAhtSeconds, erlangAMetrics, erlangCMetrics } from '@staffcast/staffing';

export interface ProjectedService {
  /** Fraction of all arrivals answered within the target threshold. */
  serviceLevel: number;
  /** Fraction of arrivals who abandon (Erlang A only; 0 under Erlang C's infinite patience). */
  abandonment: number;
}

/**
 * Service a live queue gets in one hour from a possibly fractional number of agents: Erlang A
 * with the queue's caller patience (Erlang C without one; a queue at or below its offered load
 * then answers no one within the threshold), over chat slots for chat. A fractional staffing is
 * read on a straight line between the whole numbers either side; no agents serve no one.
 *
 * Units: arrivals per hour, seconds, agents. Complexity: two Erlang evaluations, O(N) each.
 *
 * @example projectedService({ arrivalsPerHour: 200, ahtSeconds: 180, agents: 14, thresholdSeconds: 20 }).serviceLevel // ≈ 0.888 (Erlang C)
 */
export function projectedService(input: {
  arrivalsPerHour: number;
  ahtSeconds: number;
  agents: number;
  thresholdSeconds: number;
  patienceSeconds?: number;
  chatConcurrency?: number;
  chatSlowdownPerExtraChat?: number;
}): ProjectedService {
  if (input.arrivalsPerHour <= 0) return { serviceLevel: 1, abandonment: 0 };
  const at = (n: number): ProjectedService => {
    if (n <= 0) return { serviceLevel: 0, abandonment: input.patienceSeconds ? 1 : 0 };
    const k = input.chatConcurrency ?? 1;
    if (k > 1) {
      const slowdownPerExtraChat = input.chatSlowdownPerExtraChat ?? 0;
      const load = (input.arrivalsPerHour * effectiveChatAhtSeconds(input.ahtSeconds, { concurrency: k, slowdownPerExtraChat })) / 3600;
      if (!input.patienceSeconds && n * k <= load) return { serviceLevel: 0, abandonment: 0 };
      const m = chatMetrics({ arrivalsPerHour: input.arrivalsPerHour, ahtSeconds: input.ahtSeconds, agents: n, concurrency: k, slowdownPerExtraChat, thresholdSeconds: input.thresholdSeconds, ...(input.patienceSeconds ? { patienceSeconds: input.patienceSeconds } : {}) });
      return { serviceLevel: m.serviceLevel, abandonment: 'pAbandon' in m ? (m as { pAbandon: number }).pAbandon : 0 };
    }
    if (input.patienceSeconds) {
      const m = erlangAMetrics({ arrivalsPerHour: input.arrivalsPerHour, ahtSeconds: input.ahtSeconds, patienceSeconds: input.patienceSeconds, agents: n, thresholdSeconds: input.thresholdSeconds });
      return { serviceLevel: m.serviceLevel, abandonment: m.pAbandon };
    }
    if (n <= (input.arrivalsPerHour * input.ahtSeconds) / 3600) return { serviceLevel: 0, abandonment: 0 };
    return { serviceLevel: erlangCMetrics({ arrivalsPerHour: input.arrivalsPerHour, ahtSeconds: input.ahtSeconds, agents: n, thresholdSeconds: input.thresholdSeconds }).serviceLevel, abandonment: 0 };
  };
  const lo = Math.floor(input.agents + 1e-9);
  const frac = input.agents - lo;
  const below = at(lo);
  if (frac < 1e-9) return below;
  const above = at(lo + 1);
  return { serviceLevel: below.serviceLevel + frac * (above.serviceLevel - below.serviceLevel), abandonment: below.abandonment + frac * (above.abandonment - below.abandonment) };
}
