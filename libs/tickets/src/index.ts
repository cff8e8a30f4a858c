/**
 * @staffcast/tickets — the tickets bounded context: pure deciders for `ticket-<id>` and
 * `queue-<id>` streams. Use with `foldEvents(decider, storedEvents)` then `decider.decide(command, state)`;
 * decisions throw `DomainError` (from @staffcast/events) with a code, kind and field.
 */
export {
  ticketDecider,
  decideTicket,
  evolveTicket,
  initialTicketState,
  TICKET_COMMAND_SCHEMAS,
  type TicketCommand,
  type TicketState,
  type TicketErrorCode,
} from './ticket-decider.js';
export { queueDecider, decideQueue, evolveQueue, initialQueueState, QUEUE_COMMAND_SCHEMAS, type QueueCommand, type QueueState, type QueueErrorCode } from './queue-decider.js';
