import type { Channel, QueueDefinedData } from '@staffcast/events';
import type { QueueMix } from '@staffcast/projections';

/** Which tickets an assumption touches; an empty list means all. */
export interface TicketFilter {
  markets: readonly string[];
  categories: readonly string[];
  channels?: readonly Channel[];
}

/**
 * Share of a queue's volume that a market/category/channel filter touches: the fraction of the
 * queue's recent tickets (its `mix`) whose market and category pass the filter; 0 when the queue's
 * channel is filtered out. A queue without recent tickets falls back to its routing rule: 1 when
 * the filter overlaps what it routes (empty = all on either side), else 0.
 *
 * Units: fraction in [0, 1]. Complexity: O(mix pairs · filter size).
 *
 * @example affectedShare(mixWith({ US: { kyc: 30, fraud: 10 } }), usQueue, { markets: [], categories: ['kyc'] }) // 0.75
 */
export function affectedShare(mix: QueueMix | undefined, queue: Pick<QueueDefinedData, 'channel' | 'routing'>, filter: TicketFilter): number {
  if (filter.channels && filter.channels.length > 0 && !filter.channels.includes(queue.channel)) return 0;
  const passes = (list: readonly string[], value: string) => list.length === 0 || list.includes(value);
  if (mix && mix.total > 0) {
    const touched = mix.byMarketCategory.reduce((s, p) => s + (passes(filter.markets, p.market) && passes(filter.categories, p.category) ? p.count : 0), 0);
    return touched / mix.total;
  }
  const overlaps = (wanted: readonly string[], routed: readonly string[]) => wanted.length === 0 || routed.length === 0 || wanted.some((w) => routed.includes(w));
  return overlaps(filter.markets, queue.routing.markets) && overlaps(filter.categories, queue.routing.categories) ? 1 : 0;
}
