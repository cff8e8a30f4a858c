import { agentViolations } from './check-rules.js';
import { INTERVALS_PER_DAY, type Assignments, type DayAssignment, type ScheduleInstance } from './schedule-instance.js';

const EPS = 1e-9;

/**
 * The greedy baseline (what the optimiser is compared with): repeatedly take the interval with the
 * largest unmet requirement of any queue, and give it the allowed shift of a certified agent that
 * keeps every maximum rule (hours, days, rest, rest days, consecutive days) and covers the most
 * unmet requirement over its length, breaks placed where they cost least; allocate that agent's
 * time to its queues in order of unmet need. An interval no such shift can serve is left. It does
 * not look ahead, and it does not enforce contract minimums.
 *
 * Complexity: O(iterations · (queues · intervals + agents · options · shift length)).
 * @example greedySchedule(instance)[0][0] // { option: 3, breakOffsets: [8, 16] } or null
 */
export function greedySchedule(instance: ScheduleInstance): Assignments {
  const T = instance.intervals;
  const remaining = instance.queues.map((q) => [...q.required]);
  const assignments: Assignments = instance.agents.map((a) => a.days.map(() => null));
  const exhausted = new Set<number>();
  for (;;) {
    const worst = worstInterval(remaining, exhausted, T);
    if (!worst) return assignments;
    const pick = bestShiftFor(instance, assignments, remaining, worst.q, worst.t);
    if (!pick) {
      exhausted.add(worst.q * T + worst.t);
      continue;
    }
    assignments[pick.agent]![pick.day] = pick.assignment;
    const group = instance.groups[instance.agents[pick.agent]!.days[pick.day]!.group]!;
    for (const t of pick.productive) {
      let capacity = group.factor;
      for (const q of [...group.queues].sort((p, r) => remaining[r]![t]! - remaining[p]![t]!)) {
        const take = Math.min(capacity, remaining[q]![t]!);
        remaining[q]![t]! -= take;
        capacity -= take;
      }
    }
  }
}

function worstInterval(remaining: number[][], exhausted: Set<number>, T: number): { q: number; t: number } | undefined {
  let best: { q: number; t: number } | undefined;
  let most = EPS;
  remaining.forEach((row, q) => {
    for (let t = 0; t < T; t++) {
      if (row[t]! > most && !exhausted.has(q * T + t)) {
        most = row[t]!;
        best = { q, t };
      }
    }
  });
  return best;
}

interface Pick {
  agent: number;
  day: number;
  assignment: DayAssignment;
  productive: number[];
  gain: number;
}

/** The rule-keeping shift covering interval t for queue q that serves the most unmet need. */
function bestShiftFor(instance: ScheduleInstance, assignments: Assignments, remaining: number[][], q: number, t: number): Pick | undefined {
  let best: Pick | undefined;
  const around = Math.floor(t / INTERVALS_PER_DAY);
  instance.agents.forEach((agent, a) => {
    for (let d = Math.max(0, around - 1); d <= Math.min(instance.days.length - 1, around + 1); d++) {
      if (assignments[a]![d] !== null) continue;
      const group = instance.groups[agent.days[d]!.group]!;
      if (!group.queues.includes(q)) continue;
      for (const option of agent.days[d]!.options) {
        const from = instance.days[d]!.startInterval[option]!;
        const o = instance.options[option]!;
        if (t < from || t >= from + o.lengthIntervals) continue;
        const need = (u: number) => (u < 0 || u >= instance.intervals ? 0 : group.queues.reduce((s, p) => s + remaining[p]![u]!, 0));
        const breakOffsets = o.breaks.map((br) => {
          let at = br.earliest;
          let cost = Infinity;
          for (let k = br.earliest; k <= br.latest; k++) {
            let c = 0;
            for (let j = 0; j < br.lengthIntervals; j++) c += need(from + k + j);
            if (c < cost - EPS) [at, cost] = [k, c];
          }
          return at;
        });
        const onBreak = new Set(o.breaks.flatMap((br, i) => Array.from({ length: br.lengthIntervals }, (_, j) => breakOffsets[i]! + j)));
        if (onBreak.has(t - from)) continue;
        const productive: number[] = [];
        let gain = 0;
        for (let k = 0; k < o.lengthIntervals; k++) {
          if (onBreak.has(k) || from + k < 0 || from + k >= instance.intervals) continue;
          productive.push(from + k);
          gain += Math.min(group.factor, need(from + k));
        }
        if (best && gain <= best.gain + EPS) continue;
        const assignment = { option, breakOffsets };
        assignments[a]![d] = assignment;
        const ok = agentViolations(instance, assignments, a, { hoursShort: 0, daysShort: 0, minimums: false }).length === 0;
        assignments[a]![d] = null;
        if (ok) best = { agent: a, day: d, assignment, productive, gain };
      }
    }
  });
  return best;
}
