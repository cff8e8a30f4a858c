import { isLiveChannel, type QueueDefinedData } from '@staffcast/events';
import { projectedService } from '@staffcast/planning';
import { INTERVAL_MS } from './schedule-instance.js';

const HOUR_MS = 3_600_000;

export interface QueueHourService {
  hour: string;
  /** Mean productive agents the schedule gives the queue in the hour. */
  agents: number;
  /** Projected share answered within the target (live queues with volume), else null. */
  serviceLevel: number | null;
  abandonment: number | null;
}

/**
 * Projected service per queue and UTC hour from a schedule's coverage: the hour's mean covered
 * agents (four 15-minute intervals) through the plan's Erlang A/C or chat model
 * (projectedService) on the plan's volume and handle time. Async queues and hours without
 * volume have no service level. O(hours · Erlang).
 *
 * @example projectedServiceByHour(queue, startMs, covered, (h) => ({ arrivals: 40, ahtSeconds: 300 }))[0].serviceLevel
 */
export function projectedServiceByHour(
  queue: Pick<QueueDefinedData, 'channel' | 'serviceTarget' | 'chatConcurrency' | 'callerPatienceSeconds'>,
  startMs: number,
  covered: readonly number[],
  load: (hourMs: number) => { arrivals: number; ahtSeconds: number } | undefined,
): QueueHourService[] {
  const perHour = HOUR_MS / INTERVAL_MS;
  const out: QueueHourService[] = [];
  for (let i = 0; i < covered.length; i += perHour) {
    const hourMs = startMs + i * INTERVAL_MS;
    let sum = 0;
    for (let k = 0; k < perHour; k++) sum += covered[i + k] ?? 0;
    const agents = sum / perHour;
    const l = load(hourMs);
    const target = queue.serviceTarget;
    const live = isLiveChannel(queue.channel) && target.kind === 'sl' && l !== undefined && l.arrivals > 0;
    const service = live
      ? projectedService({
          arrivalsPerHour: l.arrivals,
          ahtSeconds: l.ahtSeconds,
          agents,
          thresholdSeconds: target.seconds,
          chatConcurrency: queue.chatConcurrency,
          ...(queue.callerPatienceSeconds ? { patienceSeconds: queue.callerPatienceSeconds } : {}),
        })
      : undefined;
    out.push({ hour: new Date(hourMs).toISOString(), agents, serviceLevel: service ? service.serviceLevel : null, abandonment: service ? service.abandonment : null });
  }
  return out;
}
