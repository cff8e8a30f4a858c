import { erlangAMetrics } from './erlang-a.js';
import { erlangARequirement } from './erlang-a-requirement.js';
import { erlangCMetrics } from './erlang-c.js';
import { erlangCRequirement } from './erlang-c-requirement.js';
import type { ErlangAMetrics, QueueMetrics } from './queue-metrics.js';
import type { ServiceTarget } from './service-target.js';
import { DEFAULT_MAX_AGENTS, type StaffingRequirement } from './staffing-requirement.js';
import { requireInteger, requireNonNegative, requirePositive } from './validation.js';

/**
 * Chat concurrency model. An agent handles up to k chats at once; each chat then takes longer,
 * because the agent's attention is shared:
 *
 *   effective handle time AHT(k) = AHT₁ · (1 + f·(k − 1))
 *
 * with AHT₁ the handle time of a chat handled alone and f ≥ 0 the configured slowdown per extra
 * concurrent chat (f = 0: no slowdown; f = 1: k chats take k times as long each, so concurrency gains
 * nothing). Each agent is modelled as k independent "chat slots", each serving one chat at a time
 * with handle time AHT(k); the queue is then an Erlang C (or, with a patience, Erlang A) queue over
 * N·k slots. The required agents are the required slots divided by k, rounded up; the raw requirement
 * is raw slots / k. Per-agent throughput is k·3600/AHT(k) chats per hour.
 *
 * The slot model assumes agents run at full concurrency whenever chats wait, and charges the
 * AHT(k) slowdown even when an agent is momentarily below k chats: it is slightly conservative.
 * Conversely, treating the slots as independent servers keeps some pooling gain even at f = 1 (3N
 * slower slots wait less than N faster agents for the same load), so do not read the slot requirement
 * at large f as exact.
 */
export interface ChatConcurrency {
  /** Chats an agent handles at once, k ≥ 1. */
  concurrency: number;
  /** Fractional handle-time increase per additional concurrent chat, f ≥ 0. */
  slowdownPerExtraChat: number;
}

/**
 * AHT(k) = AHT₁·(1 + f·(k − 1)) seconds. O(1).
 * @example effectiveChatAhtSeconds(300, { concurrency: 3, slowdownPerExtraChat: 0.25 }) // 450
 */
export function effectiveChatAhtSeconds(singleChatAhtSeconds: number, model: ChatConcurrency): number {
  requirePositive('ahtSeconds', singleChatAhtSeconds);
  requireInteger('concurrency', model.concurrency, 1, 100);
  requireNonNegative('slowdownPerExtraChat', model.slowdownPerExtraChat);
  return singleChatAhtSeconds * (1 + model.slowdownPerExtraChat * (model.concurrency - 1));
}

export interface ChatRequirementInput extends ChatConcurrency {
  arrivalsPerHour: number;
  /** Handle time of a chat handled alone (AHT₁), seconds. */
  ahtSeconds: number;
  /** Mean patience in seconds: use Erlang A over slots; without it, Erlang C. */
  patienceSeconds?: number;
  target: ServiceTarget;
  maxAgents?: number;
}

export interface ChatRequirement {
  /** Whole agents: ⌈slots / k⌉. */
  agents: number;
  /** Raw slots / k. */
  rawAgents: number;
  effectiveAhtSeconds: number;
  /** Chats one agent completes per hour at full concurrency, k·3600/AHT(k). */
  chatsPerAgentHour: number;
  /** The requirement over chat slots (metrics are per slot: occupancy is slot occupancy). */
  slots: StaffingRequirement<QueueMetrics | ErlangAMetrics>;
}

/**
 * Least agents for a chat queue under the slot model above. Complexity of the underlying Erlang
 * search over N·k slots. Throws a StaffingInputError on bad input or an unreachable target.
 *
 * @example
 * chatRequirement({ arrivalsPerHour: 120, ahtSeconds: 300, concurrency: 2, slowdownPerExtraChat: 0.2,
 *                   target: { serviceLevel: 0.8, thresholdSeconds: 60 } })
 * // slots ≈ 15 at AHT(2) = 360 s → 8 agents
 */
export function chatRequirement(input: ChatRequirementInput): ChatRequirement {
  const aht = effectiveChatAhtSeconds(input.ahtSeconds, input);
  const k = input.concurrency;
  const maxAgents = requireInteger('maxAgents', input.maxAgents ?? DEFAULT_MAX_AGENTS, 1, 10_000_000);
  const common = { arrivalsPerHour: input.arrivalsPerHour, ahtSeconds: aht, target: input.target, maxAgents: maxAgents * k };
  const slots = input.patienceSeconds === undefined ? erlangCRequirement(common) : erlangARequirement({ ...common, patienceSeconds: input.patienceSeconds });
  return {
    agents: Math.ceil(slots.agents / k),
    rawAgents: slots.rawAgents / k,
    effectiveAhtSeconds: aht,
    chatsPerAgentHour: (k * 3600) / aht,
    slots,
  };
}

/**
 * Metrics of a chat queue staffed with `agents` agents (N·k slots) under the slot model. Complexity of
 * the underlying Erlang evaluation.
 *
 * @example chatMetrics({ arrivalsPerHour: 120, ahtSeconds: 300, concurrency: 2, slowdownPerExtraChat: 0.2, agents: 8, thresholdSeconds: 60 })
 */
export function chatMetrics(input: ChatConcurrency & { arrivalsPerHour: number; ahtSeconds: number; patienceSeconds?: number; agents: number; thresholdSeconds: number }): QueueMetrics | ErlangAMetrics {
  const aht = effectiveChatAhtSeconds(input.ahtSeconds, input);
  requireInteger('agents', input.agents, 1);
  const slots = input.agents * input.concurrency;
  const common = { arrivalsPerHour: input.arrivalsPerHour, ahtSeconds: aht, agents: slots, thresholdSeconds: input.thresholdSeconds };
  return input.patienceSeconds === undefined ? erlangCMetrics(common) : erlangAMetrics({ ...common, patienceSeconds: input.patienceSeconds });
}
