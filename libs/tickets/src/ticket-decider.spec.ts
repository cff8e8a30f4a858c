import { givenWhenThen, type TicketEvent } from '@staffcast/events';
import { ticketDecider, type TicketCommand } from './ticket-decider.js';

const then = (given: TicketEvent[], when: TicketCommand) => givenWhenThen(ticketDecider, given, when);

const created = { ticketId: 'T-1', createdAt: '2024-03-10T09:00:00+11:00', channel: 'chat', market: 'AU', category: 'kyc', language: 'en', priority: 'normal' } as const;
const T = (type: TicketEvent['type'], data: object) => ({ type, data }) as TicketEvent;
const Created = T('TicketCreated', created);
// 2024-03-09T22:00Z is the creation instant; these are expressed in other offsets on purpose.
const Resolved = T('TicketResolved', { ticketId: 'T-1', resolvedAt: '2024-03-10T01:00:00Z', handleSeconds: 600 });
const Reopened = T('TicketReopened', { ticketId: 'T-1', reopenedAt: '2024-03-10T03:00:00Z' });

describe('ticket decider', () => {
  describe('happy path', () => {
    it('creates a ticket', () => {
      expect(then([], { type: 'CreateTicket', data: created })).toEqual({ events: [Created] });
    });
    it('records the life of a ticket in order', () => {
      const steps: TicketCommand[] = [
        { type: 'RecordFirstResponse', data: { ticketId: 'T-1', respondedAt: '2024-03-10T09:05:00+11:00' } },
        { type: 'EscalateTicket', data: { ticketId: 'T-1', escalatedAt: '2024-03-09T22:30:00Z', target: 'compliance', reasonCode: 'aml-review' } },
        { type: 'ResolveTicket', data: { ticketId: 'T-1', resolvedAt: '2024-03-10T01:00:00Z', handleSeconds: 600 } },
        { type: 'RateCsat', data: { ticketId: 'T-1', ratedAt: '2024-03-10T02:00:00Z', score: 4 } },
        { type: 'ReopenTicket', data: { ticketId: 'T-1', reopenedAt: '2024-03-10T03:00:00Z' } },
        { type: 'ResolveTicket', data: { ticketId: 'T-1', resolvedAt: '2024-03-10T04:00:00Z', handleSeconds: 120 } },
        { type: 'RateCsat', data: { ticketId: 'T-1', ratedAt: '2024-03-10T05:00:00Z', score: 5 } },
      ];
      const history: TicketEvent[] = [Created];
      for (const step of steps) {
        const outcome = then(history, step);
        if (!('events' in outcome)) throw new Error(`${step.type} failed: ${JSON.stringify(outcome.error)}`);
        expect(outcome.events).toHaveLength(1);
        history.push(...outcome.events);
      }
      expect(history.map((e) => e.type)).toEqual([
        'TicketCreated', 'TicketFirstResponded', 'TicketEscalated', 'TicketResolved', 'TicketCsatRated', 'TicketReopened', 'TicketResolved', 'TicketCsatRated',
      ]);
    });
    it('allows several escalations to different teams', () => {
      const first = T('TicketEscalated', { ticketId: 'T-1', escalatedAt: '2024-03-09T23:00:00Z', target: 'tier2', reasonCode: 'complex' });
      const second = { type: 'EscalateTicket', data: { ticketId: 'T-1', escalatedAt: '2024-03-09T23:30:00Z', target: 'fraud', reasonCode: 'scam-report' } } as const;
      expect(then([Created, first], second)).toEqual({ events: [T('TicketEscalated', second.data)] });
    });
  });

  describe('repeated commands are no-ops', () => {
    it('creating the same ticket again, even with another offset for the same instant', () => {
      expect(then([Created], { type: 'CreateTicket', data: { ...created, createdAt: '2024-03-09T22:00:00Z' } })).toEqual({ events: [] });
    });
    it('resolving with the same time and handle seconds again', () => {
      expect(then([Created, Resolved], { type: 'ResolveTicket', data: { ticketId: 'T-1', resolvedAt: '2024-03-10T01:00:00Z', handleSeconds: 600 } })).toEqual({ events: [] });
    });
    it('the same escalation again', () => {
      const escalation = { ticketId: 'T-1', escalatedAt: '2024-03-09T23:00:00Z', target: 'tier2', reasonCode: 'complex' } as const;
      expect(then([Created, T('TicketEscalated', escalation), Resolved], { type: 'EscalateTicket', data: escalation })).toEqual({ events: [] });
    });
  });

  describe('invariants', () => {
    it('a ticket id is created once', () => {
      expect(then([Created], { type: 'CreateTicket', data: { ...created, category: 'withdrawals' } })).toEqual({
        error: { code: 'TICKET_ALREADY_CREATED', kind: 'conflict', field: 'ticketId' },
      });
    });
    it('cannot resolve a ticket that was never created', () => {
      expect(then([], { type: 'ResolveTicket', data: { ticketId: 'T-1', resolvedAt: '2024-03-10T01:00:00Z', handleSeconds: 1 } })).toEqual({
        error: { code: 'TICKET_NOT_FOUND', kind: 'not_found', field: 'ticketId' },
      });
    });
    it.each([
      ['RecordFirstResponse', { respondedAt: '2024-03-10T08:59:59+11:00' }, 'respondedAt'],
      ['EscalateTicket', { escalatedAt: '2024-03-09T21:59:00Z', target: 'tier2', reasonCode: 'x' }, 'escalatedAt'],
      ['ResolveTicket', { resolvedAt: '2024-03-10T05:59:00+08:00', handleSeconds: 1 }, 'resolvedAt'],
    ])('%s cannot be before creation', (type, data, field) => {
      const command = { type, data: { ticketId: 'T-1', ...data } } as TicketCommand;
      expect(then([Created], command)).toEqual({ error: { code: 'BEFORE_CREATION', kind: 'invalid', field } });
    });
    it('cannot be resolved twice without a reopen', () => {
      expect(then([Created, Resolved], { type: 'ResolveTicket', data: { ticketId: 'T-1', resolvedAt: '2024-03-10T02:00:00Z', handleSeconds: 600 } })).toEqual({
        error: { code: 'TICKET_ALREADY_RESOLVED', kind: 'conflict', field: 'resolvedAt' },
      });
    });
    it('can be resolved again after a reopen, but not before the reopen', () => {
      expect(then([Created, Resolved, Reopened], { type: 'ResolveTicket', data: { ticketId: 'T-1', resolvedAt: '2024-03-10T02:00:00Z', handleSeconds: 60 } })).toEqual({
        error: { code: 'BEFORE_REOPEN', kind: 'invalid', field: 'resolvedAt' },
      });
    });
    it('only a resolved ticket can be reopened, not before its resolution', () => {
      expect(then([Created], { type: 'ReopenTicket', data: { ticketId: 'T-1', reopenedAt: '2024-03-10T03:00:00Z' } })).toEqual({ error: { code: 'TICKET_NOT_RESOLVED', kind: 'conflict' } });
      expect(then([Created, Resolved], { type: 'ReopenTicket', data: { ticketId: 'T-1', reopenedAt: '2024-03-10T00:30:00Z' } })).toEqual({
        error: { code: 'BEFORE_RESOLUTION', kind: 'invalid', field: 'reopenedAt' },
      });
    });
    it('a CSAT score needs a resolved ticket', () => {
      const rate = { type: 'RateCsat', data: { ticketId: 'T-1', ratedAt: '2024-03-10T05:00:00Z', score: 3 } } as const;
      expect(then([Created], rate)).toEqual({ error: { code: 'TICKET_NOT_RESOLVED', kind: 'conflict' } });
      expect(then([Created, Resolved, Reopened], rate)).toEqual({ error: { code: 'TICKET_NOT_RESOLVED', kind: 'conflict' } });
    });
    it('a CSAT score is given once per resolution and not before it', () => {
      const rated = T('TicketCsatRated', { ticketId: 'T-1', ratedAt: '2024-03-10T02:00:00Z', score: 4 });
      expect(then([Created, Resolved, rated], { type: 'RateCsat', data: { ticketId: 'T-1', ratedAt: '2024-03-10T02:00:00Z', score: 1 } })).toEqual({
        error: { code: 'CSAT_ALREADY_RATED', kind: 'conflict', field: 'score' },
      });
      expect(then([Created, Resolved], { type: 'RateCsat', data: { ticketId: 'T-1', ratedAt: '2024-03-10T00:59:00Z', score: 4 } })).toEqual({
        error: { code: 'BEFORE_RESOLUTION', kind: 'invalid', field: 'ratedAt' },
      });
    });
    it('a resolved ticket cannot be escalated until it is reopened', () => {
      expect(then([Created, Resolved], { type: 'EscalateTicket', data: { ticketId: 'T-1', escalatedAt: '2024-03-10T02:00:00Z', target: 'fraud', reasonCode: 'scam' } })).toEqual({
        error: { code: 'TICKET_RESOLVED', kind: 'conflict' },
      });
    });
    it('the first response is recorded once', () => {
      const responded = T('TicketFirstResponded', { ticketId: 'T-1', respondedAt: '2024-03-09T22:10:00Z' });
      expect(then([Created, responded], { type: 'RecordFirstResponse', data: { ticketId: 'T-1', respondedAt: '2024-03-09T22:20:00Z' } })).toEqual({
        error: { code: 'FIRST_RESPONSE_ALREADY_RECORDED', kind: 'conflict', field: 'respondedAt' },
      });
    });
    it('names a malformed time instead of comparing NaN', () => {
      expect(then([Created], { type: 'ResolveTicket', data: { ticketId: 'T-1', resolvedAt: 'tomorrow', handleSeconds: 1 } })).toEqual({
        error: { code: 'INVALID_TIME', kind: 'invalid', field: 'resolvedAt' },
      });
    });
  });
});
