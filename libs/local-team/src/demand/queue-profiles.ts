import { isLiveChannel, serviceTargetKindFor, type Channel, type ServiceTarget } from '@staffcast/events';
import { LocalTeamInputError } from '../plan/local-team-input-error.js';
import type { LocalTeamPlanInput } from '../plan/plan-input.js';

/** What Staffcast has recorded about a queue (its QueueDefined data, with later target changes applied). */
export interface RecordedQueueFacts {
  queueId: string;
  channel: Channel;
  serviceTarget: ServiceTarget;
  callerPatienceSeconds?: number;
  chatConcurrency: number;
}

/** Everything needed to staff one queue's moved work. */
export interface ResolvedQueue {
  queueId: string;
  channel: Channel;
  /** Mean handle time, seconds; undefined for forecast demand (the forecast carries it). */
  ahtSeconds?: number;
  serviceTarget: ServiceTarget;
  /** Mean patience for Erlang A; undefined means infinitely patient callers (Erlang C). */
  patienceSeconds?: number;
  chatConcurrency: number;
}

/**
 * The staffing facts of every queue the plan moves: the plan's `queues[]` entry where it gives a
 * field, else the recorded queue definition ("inherited from the queues, or overridden"). A queue
 * that neither defines is an error naming `queues` (with the queue id), as is a combination that
 * cannot be staffed (a response target on a phone queue). O(queues).
 *
 * @example resolveQueueProfiles(plan, new Map([['kyc', recordedKyc]]))[0].serviceTarget // plan override or recorded target
 */
export function resolveQueueProfiles(plan: LocalTeamPlanInput, recorded: ReadonlyMap<string, RecordedQueueFacts>): ResolvedQueue[] {
  const ids: string[] = [];
  for (const phase of plan.takeover) for (const id of phase.queueIds) if (!ids.includes(id)) ids.push(id);
  const profiles = plan.queues ?? [];
  return ids.map((queueId) => {
    const index = profiles.findIndex((p) => p.queueId === queueId);
    const profile = index >= 0 ? profiles[index] : undefined;
    const field = index >= 0 ? `queues.${index}` : 'queues';
    const facts = recorded.get(queueId);
    const channel = profile?.channel ?? facts?.channel;
    const serviceTarget = profile?.serviceTarget ?? facts?.serviceTarget;
    if (channel === undefined) throw new LocalTeamInputError(`${field}.channel`, `queue ${queueId} is not defined in Staffcast: give its channel in queues[]`);
    if (serviceTarget === undefined) throw new LocalTeamInputError(`${field}.serviceTarget`, `queue ${queueId} is not defined in Staffcast: give its service target in queues[]`);
    if (serviceTarget.kind !== serviceTargetKindFor(channel)) {
      throw new LocalTeamInputError(`${field}.serviceTarget.kind`, `a ${channel} queue needs a "${serviceTargetKindFor(channel)}" target`);
    }
    if (serviceTarget.kind === 'sl' && serviceTarget.percent >= 100) {
      throw new LocalTeamInputError(`${field}.serviceTarget.percent`, 'no staffing answers 100% of contacts within a threshold: use a target below 100');
    }
    const live = isLiveChannel(channel);
    const patienceSeconds = live ? (profile?.patienceSeconds ?? facts?.callerPatienceSeconds) : undefined;
    const chatConcurrency = channel === 'chat' ? (profile?.chatConcurrency ?? facts?.chatConcurrency ?? 1) : 1;
    const resolved: ResolvedQueue = { queueId, channel, serviceTarget, chatConcurrency };
    if (profile?.ahtSeconds !== undefined) resolved.ahtSeconds = profile.ahtSeconds;
    if (patienceSeconds !== undefined) resolved.patienceSeconds = patienceSeconds;
    return resolved;
  });
}
