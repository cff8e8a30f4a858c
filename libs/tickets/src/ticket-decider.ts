import {
  DomainError,
  TicketCreatedData,
  TicketCsatRatedData,
  TicketEscalatedData,
  TicketFirstRespondedData,
  TicketReopenedData,
  TicketResolvedData,
  commandInstant,
  sameData,
  type Decider,
  type TicketEvent,
} from '@staffcast/events';

/**
 * The ticket decider (`ticket-<id>` streams). A command's payload is the data of the event it
 * causes and is validated at the edge with that event's schema ({@link TICKET_COMMAND_SCHEMAS});
 * this decider enforces what depends on the ticket's history:
 * - a ticket is created once, and nothing happens to a ticket that was never created (404);
 * - first response, escalation, resolution, reopening and rating are not before creation;
 * - a ticket is resolved once until it is reopened, and reopened only while resolved;
 * - a CSAT score needs a resolved ticket and is given once per resolution.
 * Repeating the command that produced the current state is a no-op (`[]`), so retries are safe.
 */
export type TicketCommand =
  | { type: 'CreateTicket'; data: TicketCreatedData }
  | { type: 'RecordFirstResponse'; data: TicketFirstRespondedData }
  | { type: 'EscalateTicket'; data: TicketEscalatedData }
  | { type: 'ResolveTicket'; data: TicketResolvedData }
  | { type: 'ReopenTicket'; data: TicketReopenedData }
  | { type: 'RateCsat'; data: TicketCsatRatedData };

/** The zod schema that validates each command's `data` (the caused event's data schema). */
export const TICKET_COMMAND_SCHEMAS = {
  CreateTicket: TicketCreatedData,
  RecordFirstResponse: TicketFirstRespondedData,
  EscalateTicket: TicketEscalatedData,
  ResolveTicket: TicketResolvedData,
  ReopenTicket: TicketReopenedData,
  RateCsat: TicketCsatRatedData,
} as const;

export type TicketErrorCode =
  | 'TICKET_NOT_FOUND'
  | 'TICKET_ALREADY_CREATED'
  | 'BEFORE_CREATION'
  | 'FIRST_RESPONSE_ALREADY_RECORDED'
  | 'TICKET_RESOLVED'
  | 'TICKET_ALREADY_RESOLVED'
  | 'TICKET_NOT_RESOLVED'
  | 'BEFORE_REOPEN'
  | 'BEFORE_RESOLUTION'
  | 'CSAT_ALREADY_RATED';

export interface TicketState {
  created?: TicketCreatedData;
  createdAtMs: number;
  firstResponseAtMs?: number;
  /** Escalations as `instant|target|reason`, to recognise a repeated one. */
  escalations: readonly string[];
  /** The current resolution; undefined while open. */
  resolution?: { atMs: number; handleSeconds: number; rating?: { atMs: number; score: number } };
  /** The last reopening, while the ticket is open again. */
  reopenedAtMs?: number;
}

/**
 * Every field is present from the start, absent ones undefined: each evolve step then copies an
 * object of one shape, which V8 does several times faster than one that gains fields as it goes.
 */
export const initialTicketState: TicketState = {
  created: undefined,
  createdAtMs: Number.NaN,
  firstResponseAtMs: undefined,
  escalations: [],
  resolution: undefined,
  reopenedAtMs: undefined,
};

const fail = (code: TicketErrorCode, message: string, kind: 'not_found' | 'conflict' | 'invalid' = 'conflict', field?: string) => new DomainError(code, message, kind, field);

function notBeforeCreation(state: TicketState, atMs: number, field: string): void {
  if (atMs < state.createdAtMs) throw fail('BEFORE_CREATION', `${field} is before the ticket was created`, 'invalid', field);
}

const escalationKey = (atMs: number, e: TicketEscalatedData) => `${atMs}|${e.target}|${e.reasonCode}`;

export function decideTicket(command: TicketCommand, state: TicketState): TicketEvent[] {
  if (command.type === 'CreateTicket') {
    if (!state.created) return [{ type: 'TicketCreated', data: command.data }];
    const same = sameData({ ...state.created, createdAt: state.createdAtMs }, { ...command.data, createdAt: commandInstant(command.data.createdAt, 'createdAt') });
    if (same) return [];
    throw fail('TICKET_ALREADY_CREATED', `ticket ${command.data.ticketId} already exists with other attributes`, 'conflict', 'ticketId');
  }
  if (!state.created) throw fail('TICKET_NOT_FOUND', `ticket ${command.data.ticketId} was never created`, 'not_found', 'ticketId');

  switch (command.type) {
    case 'RecordFirstResponse': {
      const at = commandInstant(command.data.respondedAt, 'respondedAt');
      notBeforeCreation(state, at, 'respondedAt');
      if (state.firstResponseAtMs === undefined) return [{ type: 'TicketFirstResponded', data: command.data }];
      if (state.firstResponseAtMs === at) return [];
      throw fail('FIRST_RESPONSE_ALREADY_RECORDED', 'the first response is already recorded at another time', 'conflict', 'respondedAt');
    }
    case 'EscalateTicket': {
      const at = commandInstant(command.data.escalatedAt, 'escalatedAt');
      notBeforeCreation(state, at, 'escalatedAt');
      if (state.escalations.includes(escalationKey(at, command.data))) return [];
      if (state.resolution) throw fail('TICKET_RESOLVED', 'a resolved ticket cannot be escalated; reopen it first');
      if (state.reopenedAtMs !== undefined && at < state.reopenedAtMs) throw fail('BEFORE_REOPEN', 'escalatedAt is before the ticket was reopened', 'invalid', 'escalatedAt');
      return [{ type: 'TicketEscalated', data: command.data }];
    }
    case 'ResolveTicket': {
      const at = commandInstant(command.data.resolvedAt, 'resolvedAt');
      notBeforeCreation(state, at, 'resolvedAt');
      if (state.resolution) {
        if (state.resolution.atMs === at && state.resolution.handleSeconds === command.data.handleSeconds) return [];
        throw fail('TICKET_ALREADY_RESOLVED', 'the ticket is already resolved; reopen it before resolving it again', 'conflict', 'resolvedAt');
      }
      if (state.reopenedAtMs !== undefined && at < state.reopenedAtMs) throw fail('BEFORE_REOPEN', 'resolvedAt is before the ticket was reopened', 'invalid', 'resolvedAt');
      return [{ type: 'TicketResolved', data: command.data }];
    }
    case 'ReopenTicket': {
      const at = commandInstant(command.data.reopenedAt, 'reopenedAt');
      notBeforeCreation(state, at, 'reopenedAt');
      if (!state.resolution) {
        if (state.reopenedAtMs === at) return [];
        throw fail('TICKET_NOT_RESOLVED', 'only a resolved ticket can be reopened');
      }
      if (at < state.resolution.atMs) throw fail('BEFORE_RESOLUTION', 'reopenedAt is before the resolution', 'invalid', 'reopenedAt');
      return [{ type: 'TicketReopened', data: command.data }];
    }
    case 'RateCsat': {
      const at = commandInstant(command.data.ratedAt, 'ratedAt');
      notBeforeCreation(state, at, 'ratedAt');
      if (!state.resolution) throw fail('TICKET_NOT_RESOLVED', 'a CSAT score needs a resolved ticket');
      if (at < state.resolution.atMs) throw fail('BEFORE_RESOLUTION', 'ratedAt is before the resolution', 'invalid', 'ratedAt');
      const rating = state.resolution.rating;
      if (!rating) return [{ type: 'TicketCsatRated', data: command.data }];
      if (rating.atMs === at && rating.score === command.data.score) return [];
      throw fail('CSAT_ALREADY_RATED', 'this resolution already has a CSAT score', 'conflict', 'score');
    }
  }
}

export function evolveTicket(state: TicketState, event: TicketEvent): TicketState {
  switch (event.type) {
    case 'TicketCreated':
      return { ...state, created: event.data, createdAtMs: commandInstant(event.data.createdAt, 'createdAt') };
    case 'TicketFirstResponded':
      return state.firstResponseAtMs === undefined ? { ...state, firstResponseAtMs: commandInstant(event.data.respondedAt, 'respondedAt') } : state;
    case 'TicketEscalated':
      return { ...state, escalations: [...state.escalations, escalationKey(commandInstant(event.data.escalatedAt, 'escalatedAt'), event.data)] };
    case 'TicketResolved':
      return { ...state, resolution: { atMs: commandInstant(event.data.resolvedAt, 'resolvedAt'), handleSeconds: event.data.handleSeconds } };
    case 'TicketReopened':
      return { ...state, resolution: undefined, reopenedAtMs: commandInstant(event.data.reopenedAt, 'reopenedAt') };
    case 'TicketCsatRated':
      return state.resolution ? { ...state, resolution: { ...state.resolution, rating: { atMs: commandInstant(event.data.ratedAt, 'ratedAt'), score: event.data.score } } } : state;
  }
}

export const ticketDecider: Decider<TicketCommand, TicketState, TicketEvent> = {
  initialState: initialTicketState,
  decide: decideTicket,
  evolve: evolveTicket,
};
