import { DateTime } from 'luxon';
import { takeoverShareAt } from '@staffcast/local-team';
import { coveredFraction } from '../covered-fraction.js';
import type { NamedOf, ScenarioWork } from './scenario-work.js';

/** Queues moved to a local team: the share it takes over each month, in the hours it covers, leaves the offshore plan. */
export function applyLocalTeamMove(work: ScenarioWork, a: NamedOf<'local-team-move'>): void {
  const m = a.assumption;
  work.unknownQueues(a, m.takeover.flatMap((p) => p.queueIds));
  // The team's month and covered share of each hour depend on the hour alone: once per hour, not per queue.
  const months: string[] = [];
  const covered: number[] = [];
  for (let h = 0; h < work.horizonHours; h++) {
    months.push(DateTime.fromMillis(work.hourMs(h), { zone: m.timeZone }).toFormat('yyyy-MM'));
    covered.push(coveredFraction(m.coverage, m.timeZone, work.hourMs(h)));
  }
  for (const q of work.queues) {
    if (!m.takeover.some((p) => p.queueIds.includes(q.queue.queueId))) continue;
    const shareOf = new Map<string, number>();
    for (let h = 0; h < work.horizonHours; h++) {
      if (covered[h]! <= 0) continue;
      let share = shareOf.get(months[h]!);
      if (share === undefined) shareOf.set(months[h]!, (share = takeoverShareAt(m.takeover, q.queue.queueId, months[h]!)));
      if (share > 0) work.scale(q, h, 1 - share * covered[h]!);
    }
  }
}
