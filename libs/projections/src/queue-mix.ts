import { ticketRouting } from './queries.js';
import type { TicketModel } from './ticket-model.js';

/** How many of a queue's tickets came with each market and category. */
export interface QueueMix {
  total: number;
  byMarketCategory: { market: string; category: string; count: number }[];
}

/**
 * The market × category mix of each queue's tickets created in [fromMs, toMs), routed by the
 * queue definitions as they stand (what a "KYC tickets in AU" assumption scales). O(tickets + keys).
 *
 * @example queueMix(model, from, to).get('au-kyc-chat') // { total: 812, byMarketCategory: [{ market: 'AU', category: 'kyc', count: 812 }] }
 */
export function queueMix(model: TicketModel, fromMs: number, toMs: number): Map<string, QueueMix> {
  const { queueIds, ticketQueue } = ticketRouting(model);
  const counts = queueIds.map(() => new Map<number, number>());
  const { key, createdMs } = model.tickets;
  for (let t = 0; t < key.length; t++) {
    const at = createdMs.get(t);
    if (at < fromMs || at >= toMs) continue;
    const byKey = counts[ticketQueue[t]!]!;
    const k = key.get(t);
    byKey.set(k, (byKey.get(k) ?? 0) + 1);
  }
  const out = new Map<string, QueueMix>();
  queueIds.forEach((queueId, slot) => {
    const pairs = new Map<string, { market: string; category: string; count: number }>();
    let total = 0;
    for (const [k, n] of counts[slot]!) {
      const { market, category } = model.keys[k]!;
      const id = `${market}|${category}`;
      const entry = pairs.get(id) ?? { market, category, count: 0 };
      entry.count += n;
      pairs.set(id, entry);
      total += n;
    }
    out.set(queueId, { total, byMarketCategory: [...pairs.values()].sort((a, b) => (a.market + a.category < b.market + b.category ? -1 : 1)) });
  });
  return out;
}
