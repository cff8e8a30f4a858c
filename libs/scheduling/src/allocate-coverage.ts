import type { Assignments, ScheduleInstance } from './schedule-instance.js';

const EPS = 1e-9;

/**
 * Productive agents per coverage group and interval of a schedule: on shift, not on a break,
 * weighted by the group's productivity. O(agents · days · shift length).
 */
export function groupCapacity(instance: ScheduleInstance, assignments: Assignments): Float64Array[] {
  const T = instance.intervals;
  const cap = instance.groups.map(() => new Float64Array(T));
  instance.agents.forEach((agent, a) =>
    assignments[a]!.forEach((asg, d) => {
      if (!asg) return;
      const group = agent.days[d]!.group;
      const o = instance.options[asg.option]!;
      const from = instance.days[d]!.startInterval[asg.option]!;
      const onBreak = new Set(o.breaks.flatMap((br, i) => Array.from({ length: br.lengthIntervals }, (_, j) => asg.breakOffsets[i]! + j)));
      for (let k = 0; k < o.lengthIntervals; k++) if (!onBreak.has(k) && from + k >= 0 && from + k < T) cap[group]![from + k]! += instance.groups[group]!.factor;
    }),
  );
  return cap;
}

/**
 * The most requirement a fixed schedule can cover in each 15-minute interval, and to which
 * queue: a maximum flow from the coverage groups (their productive agents) to the queues they
 * are certified for (up to each queue's requirement), by shortest augmenting paths. The result is
 * exact per interval, so a schedule's under-staffing is measured the same way whoever made it.
 *
 * Complexity: per interval O(V · E²) for V groups + queues and E certified pairs (small).
 * @example allocateCoverage(instance, assignments).covered[0][40] // productive agents on queue 0 in interval 40
 */
export function allocateCoverage(instance: ScheduleInstance, assignments: Assignments): { covered: number[][]; capacity: number } {
  const T = instance.intervals;
  const cap = groupCapacity(instance, assignments);
  const covered = instance.queues.map(() => new Array<number>(T).fill(0));
  let capacity = 0;
  const G = instance.groups.length;
  for (let t = 0; t < T; t++) {
    for (let g = 0; g < G; g++) capacity += cap[g]![t]!;
    coverInterval(instance, cap, t).forEach((v, q) => (covered[q]![t] = v));
  }
  return { covered, capacity: capacity * 0.25 };
}

/** The maximum flow of one interval: productive agents each queue gets from the groups' capacity `cap[g][t]`. */
export function coverInterval(instance: ScheduleInstance, cap: readonly Float64Array[], t: number): number[] {
  const out = instance.queues.map(() => 0);
  const groups: number[] = [];
  for (let g = 0; g < instance.groups.length; g++) if (cap[g]![t]! > EPS) groups.push(g);
  if (groups.length === 0) return out;
  const supply = groups.map((g) => cap[g]![t]!);
  const demand = instance.queues.map((q) => q.required[t]!);
  const flow = groups.map(() => new Map<number, number>());
  for (;;) {
    const path = augmentingPath(instance, groups, supply, demand, flow);
    if (!path) break;
    const { amount, steps } = path;
    for (const step of steps) flow[step.gi]!.set(step.q, (flow[step.gi]!.get(step.q) ?? 0) + step.sign * amount);
    supply[steps[0]!.gi]! -= amount;
    demand[steps[steps.length - 1]!.q]! -= amount;
  }
  flow.forEach((m) => m.forEach((v, q) => (out[q]! += v)));
  return out;
}

/** BFS over groups with spare supply → queues → (back along flow) groups …, to a queue with unmet demand. */
function augmentingPath(
  instance: ScheduleInstance,
  groups: number[],
  supply: number[],
  demand: number[],
  flow: Map<number, number>[],
): { amount: number; steps: { gi: number; q: number; sign: 1 | -1 }[] } | undefined {
  const parentOfQueue = new Map<number, number>();
  const parentOfGroup = new Map<number, number>();
  const queue: number[] = [];
  groups.forEach((_, gi) => {
    if (supply[gi]! > EPS) {
      parentOfGroup.set(gi, -1);
      queue.push(gi);
    }
  });
  while (queue.length > 0) {
    const gi = queue.shift()!;
    for (const q of instance.groups[groups[gi]!]!.queues) {
      if (parentOfQueue.has(q)) continue;
      parentOfQueue.set(q, gi);
      if (demand[q]! > EPS) return trace(q, parentOfQueue, parentOfGroup, supply, demand, flow);
      groups.forEach((_, gj) => {
        if (!parentOfGroup.has(gj) && (flow[gj]!.get(q) ?? 0) > EPS) {
          parentOfGroup.set(gj, q);
          queue.push(gj);
        }
      });
    }
  }
  return undefined;
}

function trace(end: number, parentOfQueue: Map<number, number>, parentOfGroup: Map<number, number>, supply: number[], demand: number[], flow: Map<number, number>[]) {
  const steps: { gi: number; q: number; sign: 1 | -1 }[] = [];
  let amount = demand[end]!;
  let q = end;
  for (;;) {
    const gi = parentOfQueue.get(q)!;
    steps.unshift({ gi, q, sign: 1 });
    const back = parentOfGroup.get(gi)!;
    if (back === -1) {
      amount = Math.min(amount, supply[gi]!);
      break;
    }
    amount = Math.min(amount, flow[gi]!.get(back) ?? 0);
    steps.unshift({ gi, q: back, sign: -1 });
    q = back;
  }
  return { amount, steps };
}
