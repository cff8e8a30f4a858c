import { isLiveChannel, type QueueDefinedData } from '@staffcast/events';
import { asyncStaffingPlan, chatRequirement, erlangARequirement, erlangCRequirement, scheduledAgents, scheduledFromRequired, type ServiceTarget } from '@staffcast/staffing';
import { openHours } from './opening-hours.js';

const HOUR_MS = 3_600_000;

export interface QueueRequirementInput {
  queue: Pick<QueueDefinedData, 'queueId' | 'channel' | 'timeZone' | 'openingHours' | 'serviceTarget' | 'chatConcurrency' | 'callerPatienceSeconds' | 'requiredSkills'>;
  /** First UTC hour of the horizon, epoch ms. */
  startMs: number;
  /** Forecast tickets per hour. */
  arrivals: readonly number[];
  /** Forecast handle time per hour, seconds (one value applies to every hour). */
  ahtSeconds: readonly number[] | number;
  /** Share of paid time not spent on contacts, [0, 1). */
  shrinkage: number;
  /** Largest occupancy of a live agent, (0, 1]; for async work, the productive share of an hour. */
  occupancyCap?: number;
  /** Chat handle time growth per extra concurrent chat (see chatRequirement); default 0. */
  chatSlowdownPerExtraChat?: number;
  /** Async tickets already waiting when the horizon starts. */
  initialBacklog?: number;
}

export interface HourRequirement {
  /** Start of the UTC hour, epoch ms. */
  hourMs: number;
  open: boolean;
  arrivals: number;
  ahtSeconds: number;
  /** Least whole agents on contacts meeting the target (net). */
  requiredAgents: number;
  /** Fractional requirement: sum these across queues, then round once. */
  rawAgents: number;
  /** Agents to schedule: raw requirement grossed up for shrinkage, rounded up. */
  scheduledAgents: number;
  /** Async queues: tickets waiting at the end of the hour. */
  backlogEnd?: number;
}

/**
 * Hourly staffing requirement of one queue over a forecast horizon.
 * - phone: Erlang A with the queue's caller patience (Erlang C without one), target "percent within seconds";
 * - chat: the same over chat slots, `chatConcurrency` chats per agent (chatRequirement);
 * - email and social: the least hourly staffing, inside opening hours, that answers every ticket
 *   within the response target, carrying backlog across closed hours (asyncStaffingPlan).
 * Closed hours of live queues need no agents. Scheduled = raw / (1 − shrinkage), rounded up.
 *
 * Units: arrivals per hour, seconds, agents. Complexity: O(hours · Erlang search) for live queues,
 * the async plan's cost for async ones.
 *
 * @example queueRequirements({ queue: usFraudPhone, startMs, arrivals: [200], ahtSeconds: 180, shrinkage: 0.3 })[0].requiredAgents
 */
export function queueRequirements(input: QueueRequirementInput): HourRequirement[] {
  const { queue, startMs, arrivals, shrinkage } = input;
  const ahtAt = (h: number): number => (typeof input.ahtSeconds === 'number' ? input.ahtSeconds : (input.ahtSeconds[h] ?? input.ahtSeconds[input.ahtSeconds.length - 1] ?? 0));
  const open = openHours(queue.openingHours, queue.timeZone, startMs, arrivals.length);
  const occupancyCap = input.occupancyCap ?? 1;
  if (isLiveChannel(queue.channel)) {
    if (queue.serviceTarget.kind !== 'sl') throw new RangeError(`queue ${queue.queueId}: a live queue needs a service-level target`);
    const target: ServiceTarget = { serviceLevel: queue.serviceTarget.percent / 100, thresholdSeconds: queue.serviceTarget.seconds };
    if (occupancyCap < 1) target.maxOccupancy = occupancyCap;
    return arrivals.map((rate, h): HourRequirement => {
      const aht = ahtAt(h);
      const hourMs = startMs + h * HOUR_MS;
      if (!open[h] || rate <= 0) return { hourMs, open: open[h]!, arrivals: rate, ahtSeconds: aht, requiredAgents: 0, rawAgents: 0, scheduledAgents: 0 };
      const patience = queue.callerPatienceSeconds;
      const requirement =
        queue.channel === 'chat'
          ? chatRequirement({ arrivalsPerHour: rate, ahtSeconds: aht, concurrency: queue.chatConcurrency, slowdownPerExtraChat: input.chatSlowdownPerExtraChat ?? 0, target, ...(patience ? { patienceSeconds: patience } : {}) })
          : patience
            ? erlangARequirement({ arrivalsPerHour: rate, ahtSeconds: aht, patienceSeconds: patience, target })
            : erlangCRequirement({ arrivalsPerHour: rate, ahtSeconds: aht, target });
      return { hourMs, open: true, arrivals: rate, ahtSeconds: aht, requiredAgents: requirement.agents, rawAgents: requirement.rawAgents, scheduledAgents: scheduledAgents(requirement.rawAgents, shrinkage) };
    });
  }
  if (queue.serviceTarget.kind !== 'response') throw new RangeError(`queue ${queue.queueId}: an async queue needs a response target`);
  const meanAht = arrivals.reduce((s, a, h) => s + a * ahtAt(h), 0) / Math.max(1e-9, arrivals.reduce((s, a) => s + a, 0)) || ahtAt(0);
  const extra = 24 * 14;
  const openLong = openHours(queue.openingHours, queue.timeZone, startMs, arrivals.length + extra + 1);
  const plan = asyncStaffingPlan({
    arrivals,
    ahtSeconds: meanAht,
    responseTargetHours: queue.serviceTarget.hours,
    open: (hour: number) => openLong[hour] ?? false,
    initialBacklog: input.initialBacklog ?? 0,
    productiveFraction: occupancyCap,
    maxExtraHours: extra,
  });
  return arrivals.map((rate, h) => {
    const agents = plan.agents[h] ?? 0;
    return {
      hourMs: startMs + h * HOUR_MS,
      open: open[h]!,
      arrivals: rate,
      ahtSeconds: ahtAt(h),
      requiredAgents: Math.ceil(agents - 1e-9),
      rawAgents: agents,
      scheduledAgents: scheduledAgents(agents, shrinkage),
      backlogEnd: plan.backlog[h + 1] ?? 0,
    };
  });
}

/**
 * Requirement per required skill set and hour: the queues' fractional requirements summed, then
 * rounded up once, so pooling several queues that need the same certified skills does not stack
 * rounding. A queue needing skills {a, b} counts under the set "a+b" (its agents must hold both).
 * Complexity: O(queues · hours).
 */
export function requirementsBySkillSet(
  queues: readonly { requiredSkills: readonly string[]; hours: readonly HourRequirement[] }[],
  shrinkage: number,
): Map<string, { rawAgents: number[]; requiredAgents: number[]; scheduledAgents: number[] }> {
  const out = new Map<string, { rawAgents: number[]; requiredAgents: number[]; scheduledAgents: number[] }>();
  for (const q of queues) {
    const key = [...q.requiredSkills].sort().join('+') || '(none)';
    const entry = out.get(key) ?? { rawAgents: [], requiredAgents: [], scheduledAgents: [] };
    q.hours.forEach((h, i) => (entry.rawAgents[i] = (entry.rawAgents[i] ?? 0) + h.rawAgents));
    out.set(key, entry);
  }
  for (const entry of out.values()) {
    entry.requiredAgents = entry.rawAgents.map((r) => Math.ceil(r - 1e-9));
    entry.scheduledAgents = entry.rawAgents.map((r) => Math.ceil(scheduledFromRequired(r, shrinkage) - 1e-9));
  }
  return out;
}
