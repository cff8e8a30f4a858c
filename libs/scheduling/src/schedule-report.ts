import { WEEKDAYS, type DraftedAgentWeek, type Shift, type WeeklyShiftPattern } from '@staffcast/events';
import { localMinutes } from '@staffcast/events';
import { INTERVAL_HOURS, INTERVAL_MINUTES, type Assignments, type ScheduleInstance } from './schedule-instance.js';

export type UnmetReason = 'no-certified-agent' | 'no-certified-agent-available' | 'contract-limits';

/** Requirement a queue did not get, by why. */
export interface UnmetRequirement {
  queueId: string;
  reason: UnmetReason;
  agentHours: number;
  intervals: number;
  /** First interval affected, ISO instant. */
  firstAt: string;
}

export interface QueueCoverage {
  queueId: string;
  requiredAgentHours: number;
  coveredAgentHours: number;
  underAgentHours: number;
  /** Per interval from the instance's start: required and covered productive agents. */
  required: number[];
  covered: number[];
}

export interface ScheduleReport {
  agents: DraftedAgentWeek[];
  queues: QueueCoverage[];
  requiredAgentHours: number;
  coveredAgentHours: number;
  underAgentHours: number;
  overAgentHours: number;
  payrollCost: { currency: string; amount: number }[];
  unmet: UnmetRequirement[];
  newHiresUsed: number;
  /** Shift patterns (template@start) the new-hire lines used, with how many agent-days. */
  newHirePatterns: { pattern: string; agentDays: number }[];
}

const hhmm = (minutes: number) => {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

/**
 * The report of a schedule: each agent's weeks as weekly shift patterns (site-local times, the
 * shape AgentScheduleSet publishes), coverage against requirement per queue and interval, under-
 * and over-staffed agent-hours (over = productive time not allocated to a queue's requirement),
 * payroll per currency (hourly cost × paid hours), and the unmet requirement with its reason:
 * no agent certified for the queue at all, none available then (absent, off-contract hours,
 * not employed), or contract limits (certified agents existed but their rules left it open).
 * O(agents · days · shift length + queues · intervals · groups).
 *
 * @example scheduleReport(instance, solved.assignments, solved.covered).underAgentHours
 */
export function scheduleReport(instance: ScheduleInstance, assignments: Assignments, covered: readonly (readonly number[])[]): ScheduleReport {
  const T = instance.intervals;
  let capacity = 0;
  const payroll = new Map<string, number>();
  const hirePatterns = new Map<string, number>();
  const reach = instance.queues.map(() => new Uint8Array(T));
  instance.agents.forEach((agent, a) =>
    agent.days.forEach((day, d) => {
      const group = instance.groups[day.group]!;
      for (const option of day.options) {
        const from = instance.days[d]!.startInterval[option]!;
        for (const q of group.queues) for (let k = 0; k < instance.options[option]!.lengthIntervals; k++) if (from + k >= 0 && from + k < T) reach[q]![from + k] = 1;
      }
      const asg = assignments[a]![d];
      if (!asg) return;
      const o = instance.options[asg.option]!;
      const from = instance.days[d]!.startInterval[asg.option]!;
      const onBreak = new Set<number>();
      o.breaks.forEach((br, i) => {
        for (let k = 0; k < br.lengthIntervals; k++) onBreak.add(asg.breakOffsets[i]! + k);
      });
      for (let k = 0; k < o.lengthIntervals; k++) if (!onBreak.has(k) && from + k >= 0 && from + k < T) capacity += group.factor * INTERVAL_HOURS;
      payroll.set(agent.hourlyCost.currency, (payroll.get(agent.hourlyCost.currency) ?? 0) + agent.hourlyCost.amount * o.paidHours);
      if (agent.newHire) hirePatterns.set(`${o.templateId}@${o.start}`, (hirePatterns.get(`${o.templateId}@${o.start}`) ?? 0) + 1);
    }),
  );
  const certified = instance.queues.map((_, q) => instance.groups.some((g, gi) => g.queues.includes(q) && instance.agents.some((a) => a.days.some((d) => d.group === gi))));
  const unmet: UnmetRequirement[] = [];
  const queues = instance.queues.map((queue, q): QueueCoverage => {
    let required = 0;
    let got = 0;
    const byReason = new Map<UnmetReason, UnmetRequirement>();
    for (let t = 0; t < T; t++) {
      const need = queue.required[t]!;
      const have = Math.min(need, covered[q]![t]!);
      required += need * INTERVAL_HOURS;
      got += have * INTERVAL_HOURS;
      if (need - have <= 1e-6) continue;
      const reason: UnmetReason = !certified[q] ? 'no-certified-agent' : reach[q]![t] ? 'contract-limits' : 'no-certified-agent-available';
      let entry = byReason.get(reason);
      if (!entry) byReason.set(reason, (entry = { queueId: queue.queueId, reason, agentHours: 0, intervals: 0, firstAt: new Date(instance.startMs + t * INTERVAL_MINUTES * 60_000).toISOString() }));
      entry.agentHours += (need - have) * INTERVAL_HOURS;
      entry.intervals++;
    }
    unmet.push(...byReason.values());
    return { queueId: queue.queueId, requiredAgentHours: required, coveredAgentHours: got, underAgentHours: required - got, required: queue.required, covered: [...covered[q]!] };
  });
  const requiredAgentHours = queues.reduce((s, q) => s + q.requiredAgentHours, 0);
  const coveredAgentHours = queues.reduce((s, q) => s + q.coveredAgentHours, 0);
  const agents = agentWeeks(instance, assignments);
  return {
    agents,
    queues,
    requiredAgentHours,
    coveredAgentHours,
    underAgentHours: requiredAgentHours - coveredAgentHours,
    overAgentHours: Math.max(0, capacity - coveredAgentHours),
    payrollCost: [...payroll].map(([currency, amount]) => ({ currency, amount })),
    unmet,
    newHiresUsed: instance.agents.filter((a, i) => a.newHire && assignments[i]!.some((x) => x !== null)).length,
    newHirePatterns: [...hirePatterns].map(([pattern, agentDays]) => ({ pattern, agentDays })),
  };
}

/** Each agent's weeks as weekly patterns (used new-hire lines only). O(agents · days). */
function agentWeeks(instance: ScheduleInstance, assignments: Assignments): DraftedAgentWeek[] {
  const weeks = Math.round(instance.days.length / 7);
  return instance.agents.flatMap((agent, a) => {
    if (agent.newHire && assignments[a]!.every((x) => x === null)) return [];
    return Array.from({ length: weeks }, (_, w): DraftedAgentWeek => {
      const shifts = Object.fromEntries(WEEKDAYS.map((d) => [d, [] as Shift[]])) as WeeklyShiftPattern;
      let paidHours = 0;
      for (let k = 0; k < 7; k++) {
        const d = w * 7 + k;
        const asg = assignments[a]![d];
        if (!asg) continue;
        const o = instance.options[asg.option]!;
        const start = localMinutes(o.start);
        paidHours += o.paidHours;
        shifts[instance.days[d]!.weekday].push({
          start: o.start,
          end: hhmm(start + o.lengthIntervals * INTERVAL_MINUTES),
          breaks: o.breaks.map((br, i) => ({ start: hhmm(start + asg.breakOffsets[i]! * INTERVAL_MINUTES), end: hhmm(start + (asg.breakOffsets[i]! + br.lengthIntervals) * INTERVAL_MINUTES) })),
        });
      }
      return { agentId: agent.agentId, newHire: agent.newHire, weekStart: instance.days[w * 7]!.date, shifts, paidHours };
    });
  });
}
