import { isLiveChannel } from '@staffcast/events';
import { erlangAMetrics, erlangARequirement, erlangCMetrics, erlangCRequirement, StaffingInputError, type ServiceTarget as StaffingTarget } from '@staffcast/staffing';
import type { QueueStaffing } from './hourly-requirement.js';
import { LocalTeamInputError } from '../plan/local-team-input-error.js';
import type { ResolvedQueue } from '../demand/queue-profiles.js';

/**
 * The staffing model of a live queue (phone, chat), from @staffcast/staffing:
 * - Erlang A (M/M/N+M) when the queue has a mean patience, Erlang C (infinitely patient) otherwise;
 * - the target is the queue's "percent within seconds" plus the plan's occupancy cap;
 * - a chat agent handling c chats at once is c servers with the same handle time, so the agents
 *   needed are ⌈servers / c⌉ (a simplification: handle time usually grows with concurrency);
 * - with a fractional number of agents (a roster scaled to the productive FTE) the service level is
 *   read on a straight line between the whole numbers either side; with no servers it is 0, and
 *   with Erlang C at or below the offered load (an unstable queue) it is 0.
 * Solutions are memoised per rate. Errors the staffing models raise (a target no staffing reaches)
 * are reported against the plan's `queues`, naming the queue.
 *
 * Complexity: one staffing search per distinct rate, O(N) each.
 *
 * @example liveQueueStaffing(kycPhone, 0.85).requiredAgents(200) // 13 (Erlang A, 180 s AHT, 300 s patience, 80/20)
 */
export function liveQueueStaffing(queue: ResolvedQueue & { ahtSeconds: number }, occupancyCap: number): QueueStaffing {
  if (!isLiveChannel(queue.channel) || queue.serviceTarget.kind !== 'sl') throw new RangeError(`queue ${queue.queueId} is not a live queue with a service-level target`);
  const aht = queue.ahtSeconds;
  const patience = queue.patienceSeconds;
  const concurrency = queue.chatConcurrency;
  const threshold = queue.serviceTarget.seconds;
  const target: StaffingTarget = { serviceLevel: queue.serviceTarget.percent / 100, thresholdSeconds: threshold };
  if (occupancyCap < 1) target.maxOccupancy = occupancyCap;
  const required = new Map<number, number>();
  const service = new Map<string, number>();

  const serversFor = (rate: number): number =>
    guard(queue.queueId, () =>
      patience === undefined
        ? erlangCRequirement({ arrivalsPerHour: rate, ahtSeconds: aht, target }).agents
        : erlangARequirement({ arrivalsPerHour: rate, ahtSeconds: aht, patienceSeconds: patience, target }).agents,
    );
  const slWithServers = (rate: number, servers: number): number => {
    if (servers <= 0) return 0;
    const key = `${rate}|${servers}`;
    let sl = service.get(key);
    if (sl === undefined) {
      if (patience !== undefined) sl = erlangAMetrics({ arrivalsPerHour: rate, ahtSeconds: aht, patienceSeconds: patience, agents: servers, thresholdSeconds: threshold }).serviceLevel;
      else sl = servers <= (rate * aht) / 3600 ? 0 : erlangCMetrics({ arrivalsPerHour: rate, ahtSeconds: aht, agents: servers, thresholdSeconds: threshold }).serviceLevel;
      service.set(key, sl);
    }
    return sl;
  };

  return {
    requiredAgents(rate) {
      let n = required.get(rate);
      if (n === undefined) {
        n = Math.ceil(serversFor(rate) / concurrency);
        required.set(rate, n);
      }
      return n;
    },
    serviceWithAgents(rate, agents) {
      if (rate <= 0) return 1;
      const servers = agents * concurrency;
      const lo = Math.floor(servers);
      const hi = Math.ceil(servers);
      const slLo = slWithServers(rate, lo);
      return lo === hi ? slLo : slLo + (servers - lo) * (slWithServers(rate, hi) - slLo);
    },
  };
}

function guard<T>(queueId: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof StaffingInputError) throw new LocalTeamInputError('queues', `queue ${queueId}: ${error.field} ${error.reason}`);
    throw error;
  }
}

