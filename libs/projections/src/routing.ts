import { routingMatches, type Channel, type RoutingMatch } from '@staffcast/events';

/** Reserved id of the bucket for tickets no queue takes. A real queue id must start with a letter or digit, so it cannot collide. */
export const UNROUTED = '_unrouted';

/** A ticket's routing attributes: the only inputs of routing, so facts are kept per distinct key. */
export interface RoutingKey {
  channel: Channel;
  market: string;
  category: string;
  language: string;
}

/** What the projection knows of a queue (from QueueDefined, QueueRoutingChanged, QueueRetired). */
export interface QueueInfo {
  queueId: string;
  timeZone: string;
  routing: RoutingMatch;
  /** Tickets created at or after this instant (ms) no longer route here; null while active. */
  retiredAtMs: number | null;
}

/** Number of routing lists that constrain (are not "any"). */
function constrained(r: RoutingMatch): number {
  return (r.markets.length > 0 ? 1 : 0) + (r.categories.length > 0 ? 1 : 0) + (r.languages.length > 0 ? 1 : 0) + (r.channels.length > 0 ? 1 : 0);
}

/** Total number of accepted values over the constraining lists (smaller = narrower). */
function breadth(r: RoutingMatch): number {
  return r.markets.length + r.categories.length + r.languages.length + r.channels.length;
}

/**
 * The order in which matching queues win a ticket, most specific first:
 * 1. more constraining lists (a queue naming market, category and channel beats one naming only the market);
 * 2. then fewer accepted values in total (`['kyc']` beats `['kyc', 'trading']`);
 * 3. then the queue id in code-unit order, so the choice never depends on log or map order.
 * Negative when `a` wins. O(1).
 *
 * @example compareSpecificity({queueId:'b', routing:{markets:['US'],categories:['kyc'],languages:[],channels:[]}}, {queueId:'a', routing:{markets:['US'],categories:[],languages:[],channels:[]}}) < 0
 */
export function compareSpecificity(a: Pick<QueueInfo, 'queueId' | 'routing'>, b: Pick<QueueInfo, 'queueId' | 'routing'>): number {
  const byConstrained = constrained(b.routing) - constrained(a.routing);
  if (byConstrained !== 0) return byConstrained;
  const byBreadth = breadth(a.routing) - breadth(b.routing);
  if (byBreadth !== 0) return byBreadth;
  return a.queueId < b.queueId ? -1 : a.queueId > b.queueId ? 1 : 0;
}

/**
 * The queues a routing key matches, most specific first ({@link compareSpecificity}). A ticket goes
 * to the first of them not retired when the ticket was created, else to {@link UNROUTED}.
 * O(q log q) for q queues.
 */
export function candidateQueues(queues: Iterable<QueueInfo>, key: RoutingKey): QueueInfo[] {
  const out: QueueInfo[] = [];
  for (const q of queues) if (routingMatches(q.routing, key)) out.push(q);
  return out.sort(compareSpecificity);
}

/** The winning queue id among ordered candidates for a ticket created at `createdMs`. O(candidates). */
export function pickQueue(candidates: readonly QueueInfo[], createdMs: number): string {
  for (const q of candidates) if (q.retiredAtMs === null || createdMs < q.retiredAtMs) return q.queueId;
  return UNROUTED;
}
