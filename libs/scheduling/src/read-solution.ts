import type { ScheduleModel } from './schedule-model.js';
import type { Assignments, ScheduleInstance } from './schedule-instance.js';

/** A solved schedule: each agent-day's shift and breaks, and the productive agents each queue got per interval. */
export interface SolvedSchedule {
  assignments: Assignments;
  /** covered[q][t]: productive agents allocated to queue q in interval t. */
  covered: number[][];
  /** Per agent: paid hours below the contract minimum, summed over the weeks. */
  hoursShort: number[];
  daysShort: number[];
}

/**
 * Reads a column vector of the schedule model back into assignments: the option with x = 1 per
 * agent-day; break offsets handed out in agent order from each group's placement counts z (agents
 * of a group on the same shift are interchangeable for coverage); a break with one possible offset
 * sits there. Coverage is Σ_g w. O(columns + agents · days).
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
  const pending = new Map<string, number[]>();
  for (const v of index.z) {
    const count = Math.round(colValue[v.col] ?? 0);
    const key = `${v.group}|${v.day}|${v.option}|${v.brk}`;
    const list = pending.get(key) ?? [];
    for (let i = 0; i < count; i++) list.push(v.offset);
    pending.set(key, list);
  }
  instance.agents.forEach((agent, a) =>
    agent.days.forEach((day, d) => {
      const assigned = assignments[a]![d];
      if (!assigned) return;
      assigned.breakOffsets = assigned.breakOffsets.map((offset, brk) => pending.get(`${day.group}|${d}|${assigned.option}|${brk}`)?.shift() ?? offset);
    }),
  );
  const covered = instance.queues.map(() => new Array<number>(instance.intervals).fill(0));
  for (const v of index.w) covered[v.queue]![v.t]! += Math.max(0, colValue[v.col] ?? 0);
  const hoursShort = instance.agents.map(() => 0);
  const daysShort = instance.agents.map(() => 0);
  for (const v of index.contract.hoursShort) hoursShort[v.agent]! += Math.max(0, colValue[v.col] ?? 0);
  for (const v of index.contract.daysShort) daysShort[v.agent]! += Math.max(0, colValue[v.col] ?? 0);
  return { assignments, covered, hoursShort, daysShort };
}
