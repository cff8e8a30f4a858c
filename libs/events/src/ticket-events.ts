import { z } from 'zod';
import { CategoryCode, Channel, EntityId, IsoDateTime, LanguageTag, MarketCode, Priority, ReasonCode } from './primitives.js';

/**
 * Ticket lifecycle events. Tickets carry routing metadata only: no free text, no customer identity.
 */

/** TicketCreated v1 (legacy): as v2 without `language`. Read through the upcaster, never written. */
export const TicketCreatedV1Data = z.strictObject({
  ticketId: EntityId,
  createdAt: IsoDateTime,
  channel: Channel,
  market: MarketCode,
  category: CategoryCode,
  priority: Priority,
});
export type TicketCreatedV1Data = z.infer<typeof TicketCreatedV1Data>;

/** TicketCreated v2: a ticket arrived, with the routing attributes that map it to a queue. */
export const TicketCreatedData = z.strictObject({
  ticketId: EntityId,
  createdAt: IsoDateTime,
  channel: Channel,
  market: MarketCode,
  category: CategoryCode,
  language: LanguageTag,
  priority: Priority,
});
export type TicketCreatedData = z.infer<typeof TicketCreatedData>;

/** TicketFirstResponded v1: the first agent response. */
export const TicketFirstRespondedData = z.strictObject({ ticketId: EntityId, respondedAt: IsoDateTime });
export type TicketFirstRespondedData = z.infer<typeof TicketFirstRespondedData>;

export const EscalationTarget = z.enum(['tier2', 'compliance', 'cdd', 'fraud', 'other']).describe('Escalation target team');
export type EscalationTarget = z.infer<typeof EscalationTarget>;

/** TicketEscalated v1: handed to another team; the reason is a short code, never free text. */
export const TicketEscalatedData = z.strictObject({
  ticketId: EntityId,
  escalatedAt: IsoDateTime,
  target: EscalationTarget,
  reasonCode: ReasonCode,
});
export type TicketEscalatedData = z.infer<typeof TicketEscalatedData>;

/** Longest handle time one ticket may report (7 days of agent work); more is a unit error. */
export const MAX_HANDLE_SECONDS = 7 * 24 * 3600;

/** TicketResolved v1: solved, with the agent handle time it took in seconds. */
export const TicketResolvedData = z.strictObject({
  ticketId: EntityId,
  resolvedAt: IsoDateTime,
  handleSeconds: z.number().finite().min(0).max(MAX_HANDLE_SECONDS),
});
export type TicketResolvedData = z.infer<typeof TicketResolvedData>;

/** TicketReopened v1: a resolved ticket came back. */
export const TicketReopenedData = z.strictObject({ ticketId: EntityId, reopenedAt: IsoDateTime });
export type TicketReopenedData = z.infer<typeof TicketReopenedData>;

/** TicketCsatRated v1: the customer's satisfaction score 1–5 for a resolution. */
export const TicketCsatRatedData = z.strictObject({
  ticketId: EntityId,
  ratedAt: IsoDateTime,
  score: z.number().int().min(1).max(5),
});
export type TicketCsatRatedData = z.infer<typeof TicketCsatRatedData>;
