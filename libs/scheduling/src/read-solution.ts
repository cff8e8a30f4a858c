import type { ScheduleModel } from './schedule-model.js';
import type { Assignments, ScheduleInstance } from './schedule-instance.js';

/** A solved schedule: each agent-day's shift and breaks, and what contract minimums it falls short by. */
export interface SolvedSchedule {
  assignments: Assignments;
  /** Per agent: paid hours below the contract minimum, summed over the weeks. */
  hoursShort: number[];
  daysShort: number[];
}

/**
 * Reads a column vector of the schedule model back into assignments: the option with x = 1 per
 * agent-day; break offsets handed out in agent order from each group's placement counts z
 * (apportioned when fractional; agents of a group on the same shift are interchangeable for
 * coverage); a break with one possible offset
 * sits there. O(columns + agents · days).
 *
 * @example readSolution(instance, model, colValue).assignments[0][0]?.option
 */
export function readSolution(instance: ScheduleInstance, model: ScheduleModel, colValue: ArrayLike<number>): SolvedSchedule {
  const { index } = model;
  const assignments: Assignments = instance.agents.map((agent, a) =>
    agent.days.map((_, d) => {
      const chosen = index.x[a]![d]!.find((v) => (colValue[v.col] ?? 0) > 0.5);
      if (!chosen) return null;
      return { option: chosen.option, breakOffsets: instance.options[chosen.option]!.breaks.map((br) => br.earliest) };
    }),
  );
  const onShift = new Map<string, number>();
  instance.agents.forEach((agent, a) =>
    agent.days.forEach((day, d) => {
      const assigned = assignments[a]![d];
      if (assigned) onShift.set(`${day.group}|${d}|${assigned.option}`, (onShift.get(`${day.group}|${d}|${assigned.option}`) ?? 0) + 1);
    }),
  );
  const placements = new Map<string, { offset: number; value: number }[]>();
  for (const v of index.z) {
    const key = `${v.group}|${v.day}|${v.option}|${v.brk}`;
    placements.set(key, [...(placements.get(key) ?? []), { offset: v.offset, value: Math.max(0, colValue[v.col] ?? 0) }]);
  }
  const pending = new Map<string, number[]>();
  for (const [key, list] of placements) pending.set(key, apportion(list, onShift.get(key.slice(0, key.lastIndexOf('|'))) ?? 0));
  instance.agents.forEach((agent, a) =>
    agent.days.forEach((day, d) => {
      const assigned = assignments[a]![d];
      if (!assigned) return;
      assigned.breakOffsets = assigned.breakOffsets.map((offset, brk) => pending.get(`${day.group}|${d}|${assigned.option}|${brk}`)?.shift() ?? offset);
    }),
  );
  const hoursShort = instance.agents.map(() => 0);
  const daysShort = instance.agents.map(() => 0);
  for (const v of index.contract.hoursShort) hoursShort[v.agent]! += Math.max(0, colValue[v.col] ?? 0);
  for (const v of index.contract.daysShort) daysShort[v.agent]! += Math.max(0, colValue[v.col] ?? 0);
  return { assignments, hoursShort, daysShort };
}

/**
 * `n` agents' break offsets from placement counts that may be fractional (an hourly model's
 * relaxation): whole parts first, then the largest remainders. O(placements · log placements + n).
 */
function apportion(list: readonly { offset: number; value: number }[], n: number): number[] {
  const total = list.reduce((s, p) => s + p.value, 0) || 1;
  const quotas = list.map((p) => ({ offset: p.offset, quota: (p.value / total) * n }));
  const counts = quotas.map((q) => Math.floor(q.quota + 1e-9));
  const order = quotas.map((q, i) => ({ i, rest: q.quota - counts[i]! })).sort((p, q) => q.rest - p.rest);
  for (let k = 0, left = n - counts.reduce((s, c) => s + c, 0); k < order.length && left > 0; k++, left--) counts[order[k]!.i]!++;
  return quotas.flatMap((q, i) => new Array<number>(counts[i]!).fill(q.offset));
}
