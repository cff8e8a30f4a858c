import { coverInterval, groupCapacity } from './allocate-coverage.js';
import type { Assignments, ScheduleInstance } from './schedule-instance.js';

const EPS = 1e-9;

/**
 * Moves breaks inside their windows while that lowers the 15-minute under-staffing: for each
 * agent-day and break in turn, the offset whose intervals, with the time allocated optimally
 * (coverInterval), leave the least requirement unmet; `passes` rounds. The shifts stay as they
 * are, so every rule still holds. Returns new assignments (the input is not changed).
 *
 * Complexity: O(passes · agent-days · window · break length · max-flow of an interval).
 * @example improveBreaks(instance, assignments)[0][0]?.breakOffsets
 */
export function improveBreaks(instance: ScheduleInstance, assignments: Assignments, passes = 2): Assignments {
  const out: Assignments = assignments.map((days) => days.map((a) => (a ? { option: a.option, breakOffsets: [...a.breakOffsets] } : null)));
  const cap = groupCapacity(instance, out);
  const T = instance.intervals;
  const unmet = (t: number) => (t < 0 || t >= T ? 0 : coverInterval(instance, cap, t).reduce((s, c, q) => s + Math.max(0, instance.queues[q]!.required[t]! - c), 0));
  for (let pass = 0; pass < passes; pass++) {
    let moved = false;
    out.forEach((days, a) =>
      days.forEach((asg, d) => {
        if (!asg) return;
        const group = instance.agents[a]!.days[d]!.group;
        const factor = instance.groups[group]!.factor;
        const o = instance.options[asg.option]!;
        const from = instance.days[d]!.startInterval[asg.option]!;
        o.breaks.forEach((br, i) => {
          if (br.earliest === br.latest) return;
          const place = (k: number, sign: 1 | -1) => {
            for (let j = 0; j < br.lengthIntervals; j++) if (from + k + j >= 0 && from + k + j < T) cap[group]![from + k + j]! -= sign * factor;
          };
          const span = Array.from({ length: br.latest - br.earliest + br.lengthIntervals }, (_, j) => from + br.earliest + j);
          const cost = () => span.reduce((s, t) => s + unmet(t), 0);
          const current = asg.breakOffsets[i]!;
          let best = current;
          let bestCost = cost();
          for (let k = br.earliest; k <= br.latest; k++) {
            if (k === current) continue;
            place(current, -1);
            place(k, 1);
            const c = cost();
            place(k, -1);
            place(current, 1);
            if (c < bestCost - EPS) [best, bestCost] = [k, c];
          }
          if (best !== current) {
            place(current, -1);
            place(best, 1);
            asg.breakOffsets[i] = best;
            moved = true;
          }
        });
      }),
    );
    if (!moved) break;
  }
  return out;
}
