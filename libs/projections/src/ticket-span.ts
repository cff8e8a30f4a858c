import type { TicketModel } from './ticket-model.js';

/**
 * The creation instants of the earliest and latest ticket in the model, epoch ms; undefined when
 * it holds no ticket. A client uses it to default its date range to the history there is.
 * O(tickets): tickets are stored in arrival order of their events, not of their creation times.
 *
 * @example ticketSpan(model) // { firstMs: 1777852800000, lastMs: 1794787199000 }
 */
export function ticketSpan(model: Pick<TicketModel, 'tickets'>): { firstMs: number; lastMs: number } | undefined {
  const created = model.tickets.createdMs;
  if (created.length === 0) return undefined;
  let firstMs = Infinity;
  let lastMs = -Infinity;
  for (let i = 0; i < created.length; i++) {
    const ms = created.get(i);
    if (ms < firstMs) firstMs = ms;
    if (ms > lastMs) lastMs = ms;
  }
  return { firstMs, lastMs };
}
