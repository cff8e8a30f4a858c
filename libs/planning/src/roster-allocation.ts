/**
 * Shares each rostered agent's productive hours among the queues it may work, so that no agent is
 * counted twice. Rule: in each hour, an agent holding every skill a queue requires is eligible for
 * that queue, and its productive hours go to its eligible queues in proportion to their (fractional)
 * requirement that hour. Hours of an agent none of whose eligible queues needs anyone that hour stay
 * unallocated (idle). With this rule every queue sharing one pool of agents gets the same share of
 * its requirement.
 *
 * Units: agent-hours per hour. Complexity: O(hours · agents · queues · skills).
 *
 * @example allocateRoster([{ skills: ['kyc-us'], hours: [3] }], [{ requiredSkills: ['kyc-us'], required: [2] }, { requiredSkills: ['kyc-us'], required: [4] }]) // { perQueue: [[1], [2]], unallocated: [0] }
 */
export function allocateRoster(
  agents: readonly { skills: readonly string[]; hours: readonly number[] }[],
  queues: readonly { requiredSkills: readonly string[]; required: readonly number[] }[],
): { perQueue: number[][]; unallocated: number[] } {
  const hours = Math.max(0, ...queues.map((q) => q.required.length));
  const perQueue = queues.map(() => new Array<number>(hours).fill(0));
  const unallocated = new Array<number>(hours).fill(0);
  const eligible = agents.map((a) => queues.map((q, i) => (q.requiredSkills.every((s) => a.skills.includes(s)) ? i : -1)).filter((i) => i >= 0));
  for (let h = 0; h < hours; h++) {
    agents.forEach((agent, a) => {
      const supply = agent.hours[h] ?? 0;
      if (supply <= 0) return;
      const total = eligible[a]!.reduce((s, i) => s + (queues[i]!.required[h] ?? 0), 0);
      if (total <= 0) {
        unallocated[h]! += supply;
        return;
      }
      for (const i of eligible[a]!) perQueue[i]![h]! += (supply * (queues[i]!.required[h] ?? 0)) / total;
    });
  }
  return { perQueue, unallocated };
}
