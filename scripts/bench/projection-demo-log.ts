import type { ProposedEvent, StreamWrite } from '@staffcast/event-store';
import { EVENT_CATALOGUE, agentStream, queueStream, ticketStream, type EventType } from '@staffcast/events';
import type { AgentCommand } from '@staffcast/roster';
import type { TicketCommand } from '@staffcast/tickets';
import { demoOperation, type DemoOptions } from '@staffcast/demo';

/** The event each ticket command of the demo causes (the demo's commands are valid by construction). */
const EVENT_OF: Record<TicketCommand['type'], EventType> = {
  CreateTicket: 'TicketCreated',
  RecordFirstResponse: 'TicketFirstResponded',
  EscalateTicket: 'TicketEscalated',
  ResolveTicket: 'TicketResolved',
  ReopenTicket: 'TicketReopened',
  RateCsat: 'TicketCsatRated',
};

/** The event each agent command of the demo causes. */
const AGENT_EVENT_OF: Record<AgentCommand['type'], EventType> = {
  HireAgent: 'AgentHired',
  CertifyAgent: 'AgentCertified',
  SetAgentSchedule: 'AgentScheduleSet',
  RecordAbsence: 'AgentAbsenceRecorded',
  DepartAgent: 'AgentDeparted',
};

function proposed(stream: string, index: number, type: EventType, data: unknown): ProposedEvent {
  return { id: `${stream}/${index}`, type, data, metadata: { actor: 'bench', correlationId: 'projection-log', schemaVersion: EVENT_CATALOGUE[type].schemaVersion } };
}

/**
 * The demo operation's queues, roster (agents with their hires, certifications, schedules, absences
 * and departures) and ticket lifecycles as stream writes (one write per stream), for
 * filling a store quickly with `appendMultiple` when the deciders' checks are not what is measured.
 * Ticket streams come in creation order, so the log is realistic: a ticket's whole lifecycle is
 * appended at once.
 */
export function* demoProjectionLog(options: DemoOptions = {}): Generator<StreamWrite> {
  const op = demoOperation(options);
  for (const q of op.queues) yield { stream: queueStream(q.queueId), events: [proposed(queueStream(q.queueId), 0, 'QueueDefined', q)], expectedRevision: 'no_stream' };
  for (const agent of op.agents) {
    const stream = agentStream(agent.agentId);
    yield { stream, events: agent.commands.map((c, i) => proposed(stream, i, AGENT_EVENT_OF[c.type], c.data)), expectedRevision: 'no_stream' };
  }
  for (const commands of op.tickets()) {
    const stream = ticketStream(commands[0]!.data.ticketId);
    yield { stream, events: commands.map((c, i) => proposed(stream, i, EVENT_OF[c.type], c.data)), expectedRevision: 'no_stream' };
  }
}
