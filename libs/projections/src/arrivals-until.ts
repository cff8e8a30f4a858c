import { ticketRouting } from './queries.js';
import type { TicketModel } from './ticket-model.js';

const HOUR_MS = 3_600_000;

/**
 * Tickets created in each hour begun from `fromMs` up to the instant `untilMs` (exclusive): one
 * count per hour begun, the last one partial when `untilMs` is not a whole hour. The intraday
 * re-forecast reads the day so far with it, to the millisecond.
 *
 * Units: tickets. Complexity: O(tickets) (one scan of the created times).
 * @throws RangeError when `fromMs` is not a whole UTC hour, `untilMs` < `fromMs`, or the queue is unknown.
 * @example arrivalsUntil(model, 'q-us-chat', Date.parse('2026-03-02T05:00:00Z'), Date.parse('2026-03-02T15:30:00Z')) // 11 counts
 */
export function arrivalsUntil(model: TicketModel, queueId: string, fromMs: number, untilMs: number): number[] {
  if (fromMs % HOUR_MS !== 0 || !(untilMs >= fromMs)) throw new RangeError('fromMs must be a whole UTC hour and untilMs ≥ fromMs');
  const { queueIds, ticketQueue } = ticketRouting(model);
  const slot = queueIds.indexOf(queueId);
  if (slot < 0) throw new RangeError(`unknown queue ${queueId}`);
  const counts = new Array<number>(Math.ceil((untilMs - fromMs) / HOUR_MS)).fill(0);
  const created = model.tickets.createdMs;
  for (let t = 0; t < created.length; t++) {
    const at = created.get(t);
    if (at >= fromMs && at < untilMs && ticketQueue[t] === slot) counts[Math.floor((at - fromMs) / HOUR_MS)]!++;
  }
  return counts;
}
