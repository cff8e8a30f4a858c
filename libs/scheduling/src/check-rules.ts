import { INTERVAL_HOURS, type Assignments, type ScheduleInstance } from './schedule-instance.js';

export interface RuleViolation {
  agentId: string;
  /** Day index, or the first day of the offending week or run. */
  day: number;
  rule: 'option-not-allowed' | 'break-outside-window' | 'weekly-hours-max' | 'weekly-hours-min' | 'days-max' | 'days-min' | 'rest-days' | 'min-rest' | 'max-consecutive';
}

/** Minimum slack for float comparisons of hours. */
const EPS = 1e-6;

/**
 * Every contract and template rule a schedule breaks, agent by agent (see {@link agentViolations}).
 * Minimums are checked against the pro-rata minimum less the shortfall the solver reported.
 * O(agents · days · window).
 *
 * @example checkRules(instance, solved.assignments, solved.hoursShort, solved.daysShort) // [] when every rule holds
 */
export function checkRules(instance: ScheduleInstance, assignments: Assignments, hoursShort?: readonly number[], daysShort?: readonly number[]): RuleViolation[] {
  return instance.agents.flatMap((_, a) => agentViolations(instance, assignments, a, { hoursShort: hoursShort?.[a] ?? 0, daysShort: daysShort?.[a] ?? 0, minimums: hoursShort !== undefined }));
}

/**
 * One agent's violations: an option it may not work that day, a break outside its window, weekly
 * paid hours or days above the maximum (or below the pro-rata minimum when `minimums`), a week
 * without two consecutive rest days (cyclic), shifts closer than the minimum rest (Sunday to the
 * week's Monday included), a run of working days longer than allowed (linear and cyclic per week).
 * O(days · window).
 */
export function agentViolations(instance: ScheduleInstance, assignments: Assignments, a: number, opts: { hoursShort: number; daysShort: number; minimums: boolean }): RuleViolation[] {
  const agent = instance.agents[a]!;
  const contract = instance.contracts[agent.contractId]!;
  const days = assignments[a]!;
  const out: RuleViolation[] = [];
  const v = (day: number, rule: RuleViolation['rule']) => out.push({ agentId: agent.agentId, day, rule });
  days.forEach((asg, d) => {
    if (!asg) return;
    if (!agent.days[d]!.options.includes(asg.option)) v(d, 'option-not-allowed');
    instance.options[asg.option]!.breaks.forEach((br, i) => {
      const k = asg.breakOffsets[i];
      if (k === undefined || k < br.earliest || k > br.latest) v(d, 'break-outside-window');
    });
  });
  const weeks = Math.round(days.length / 7);
  const worked = days.map((asg) => asg !== null);
  for (let w = 0; w < weeks; w++) {
    const idx = [0, 1, 2, 3, 4, 5, 6].map((k) => w * 7 + k);
    const hours = idx.reduce((s, d) => s + (days[d] ? instance.options[days[d]!.option]!.paidHours : 0), 0);
    const count = idx.filter((d) => worked[d]).length;
    const available = idx.filter((d) => agent.days[d]!.options.length > 0).length;
    const used = !agent.newHire || count > 0;
    if (hours > contract.weeklyHours.max + EPS) v(w * 7, 'weekly-hours-max');
    if (count > contract.daysPerWeek.max) v(w * 7, 'days-max');
    if (opts.minimums && used && hours + opts.hoursShort < (contract.weeklyHours.min * available) / 7 - EPS) v(w * 7, 'weekly-hours-min');
    if (opts.minimums && used && count + opts.daysShort < Math.floor((contract.daysPerWeek.min * available) / 7 + 1e-9) - EPS) v(w * 7, 'days-min');
    if (contract.restDays === 'two-consecutive' && !idx.some((d, k) => !worked[d] && !worked[idx[(k + 1) % 7]!])) v(w * 7, 'rest-days');
  }
  const restIntervals = contract.minRestHours / INTERVAL_HOURS;
  const weekIntervals = 7 * (instance.intervals / instance.days.length);
  const end = (d: number) => instance.days[d]!.startInterval[days[d]!.option]! + instance.options[days[d]!.option]!.lengthIntervals;
  const start = (d: number) => instance.days[d]!.startInterval[days[d]!.option]!;
  for (let d = 0; d < days.length; d++) {
    if (!days[d]) continue;
    if (d + 1 < days.length && days[d + 1] && start(d + 1) - end(d) < Math.max(restIntervals, EPS)) v(d, 'min-rest');
    if (d % 7 === 6 && days[d - 6] && start(d - 6) + weekIntervals - end(d) < Math.max(restIntervals, EPS)) v(d, 'min-rest');
  }
  const k = contract.maxConsecutiveDays;
  let run = 0;
  for (let d = 0; d < days.length; d++) {
    run = worked[d] ? run + 1 : 0;
    if (run > k) v(d, 'max-consecutive');
  }
  for (let w = 0; w < weeks && k < 7; w++) {
    for (let s = 0; s < 7; s++) if (Array.from({ length: k + 1 }, (_, j) => worked[w * 7 + ((s + j) % 7)]).every(Boolean)) v(w * 7 + s, 'max-consecutive');
  }
  return out;
}

/**
 * What each agent's paid hours and working days fall short of the contract's pro-rata minimums,
 * summed over the weeks (the same minimums the model and {@link agentViolations} use). O(agents · days).
 */
export function minimumShortfalls(instance: ScheduleInstance, assignments: Assignments): { hoursShort: number[]; daysShort: number[] } {
  const hoursShort = instance.agents.map(() => 0);
  const daysShort = instance.agents.map(() => 0);
  instance.agents.forEach((agent, a) => {
    const contract = instance.contracts[agent.contractId]!;
    const days = assignments[a]!;
    for (let w = 0; w < Math.round(days.length / 7); w++) {
      const idx = [0, 1, 2, 3, 4, 5, 6].map((k) => w * 7 + k);
      const count = idx.filter((d) => days[d]).length;
      if (agent.newHire && count === 0) continue;
      const hours = idx.reduce((s, d) => s + (days[d] ? instance.options[days[d]!.option]!.paidHours : 0), 0);
      const available = idx.filter((d) => agent.days[d]!.options.length > 0).length;
      hoursShort[a]! += Math.max(0, (contract.weeklyHours.min * available) / 7 - hours);
      daysShort[a]! += Math.max(0, Math.floor((contract.daysPerWeek.min * available) / 7 + 1e-9) - count);
    }
  });
  return { hoursShort, daysShort };
}
