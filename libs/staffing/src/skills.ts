import { StaffingInputError } from './staffing-input-error.js';
import { requireNonNegative } from './validation.js';

/** A queue's staffing need per interval and the skills an agent must ALL hold to work it. */
export interface SkilledQueueRequirement {
  queueId: string;
  /** E.g. ['market:US', 'topic:scam-fraud'] for a regulatory-sensitive queue; [] when anyone may work it. */
  requiredSkills: readonly string[];
  /** Required (productive) agents per interval. */
  requiredAgents: readonly number[];
}

/** An agent's certified skills and productive agent-hours per interval (from the roster). */
export interface SkilledAgentSupply {
  agentId: string;
  skills: readonly string[];
  productiveHours: readonly number[];
}

/** Requirement and eligible supply for one skill set, per interval. */
export interface SkillSetBalance {
  /** The skill set, sorted and joined with '+'; '' for queues anyone may work. */
  skillSet: string;
  skills: string[];
  queueIds: string[];
  required: number[];
  /** Productive hours of agents who hold every skill of the set (a shared pool counts in every set it qualifies for). */
  eligibleSupply: number[];
  /** eligibleSupply − required: negative means too few certified agents. */
  gap: number[];
}

/**
 * Staffing requirement per required skill set, against the supply of agents certified for it, so a
 * regulatory-sensitive queue (say US scam and fraud reports) counts only agents holding every required
 * certification. Queues that need the same skill set are summed; an agent counts towards a set when
 * they hold all its skills.
 *
 * This is a per-set check, not an allocation: an agent qualified for several sets appears in the
 * supply of each, so a set's gap ≥ 0 is necessary, not sufficient, for the whole roster to cover every
 * queue. Units: agents (= productive agent-hours per hourly interval). O((queues + agents·sets)·intervals).
 *
 * @example
 * skillRequirements(
 *   [{ queueId: 'us-fraud', requiredSkills: ['US', 'fraud'], requiredAgents: [3, 4] },
 *    { queueId: 'general', requiredSkills: [], requiredAgents: [10, 12] }],
 *   [{ agentId: 'a1', skills: ['US', 'fraud'], productiveHours: [1, 1] }, …])
 * // [{ skillSet: '', required: [10, 12], … }, { skillSet: 'US+fraud', required: [3, 4], eligibleSupply: [1, 1], gap: [-2, -3] }]
 */
export function skillRequirements(queues: readonly SkilledQueueRequirement[], agents: readonly SkilledAgentSupply[]): SkillSetBalance[] {
  const length = queues[0]?.requiredAgents.length ?? agents[0]?.productiveHours.length ?? 0;
  const sets = new Map<string, SkillSetBalance>();
  queues.forEach((queue, qi) => {
    if (queue.requiredAgents.length !== length) throw new StaffingInputError(`queues.${qi}.requiredAgents`, `has ${queue.requiredAgents.length} intervals, expected ${length}`);
    const skills = [...new Set(queue.requiredSkills)].sort();
    const key = skills.join('+');
    let set = sets.get(key);
    if (set === undefined) {
      set = { skillSet: key, skills, queueIds: [], required: new Array<number>(length).fill(0), eligibleSupply: new Array<number>(length).fill(0), gap: [] };
      sets.set(key, set);
    }
    set.queueIds.push(queue.queueId);
    queue.requiredAgents.forEach((r, i) => {
      set.required[i]! += requireNonNegative(`queues.${qi}.requiredAgents.${i}`, r);
    });
  });
  agents.forEach((agent, ai) => {
    if (agent.productiveHours.length !== length) throw new StaffingInputError(`agents.${ai}.productiveHours`, `has ${agent.productiveHours.length} intervals, expected ${length}`);
    const held = new Set(agent.skills);
    for (const set of sets.values()) {
      if (!set.skills.every((s) => held.has(s))) continue;
      agent.productiveHours.forEach((h, i) => {
        set.eligibleSupply[i]! += requireNonNegative(`agents.${ai}.productiveHours.${i}`, h);
      });
    }
  });
  const result = [...sets.values()].sort((a, b) => a.skillSet.localeCompare(b.skillSet));
  for (const set of result) set.gap = set.eligibleSupply.map((s, i) => s - set.required[i]!);
  return result;
}
