import { z } from 'zod';
import { AgentAbsenceRecordedData, AgentCertifiedData, AgentDepartedData, AgentHiredData, AgentScheduleSetData } from './agent-events.js';
import { HolidayDeclaredData } from './calendar-events.js';
import { ForecastPublishedData } from './forecast-events.js';
import { LaunchCancelledData, LaunchRescheduledData, LaunchScheduledData, LaunchUpliftRevisedData } from './launch-events.js';
import { QueueDefinedData, QueueRetiredData, QueueRoutingChangedData, QueueServiceTargetChangedData } from './queue-events.js';
import { agentStream, calendarStream, forecastStream, launchStream, queueStream, ticketStream, type StreamCategory } from './streams.js';
import {
  TicketCreatedData,
  TicketCsatRatedData,
  TicketEscalatedData,
  TicketFirstRespondedData,
  TicketReopenedData,
  TicketResolvedData,
} from './ticket-events.js';

/**
 * The event catalogue: for each event type its current schema version, the zod schema of its
 * data, its stream category and how to name its stream from its data.
 */
interface CatalogueEntry<D extends z.ZodType> {
  readonly schemaVersion: number;
  readonly category: StreamCategory;
  readonly data: D;
  readonly stream: (data: z.output<D>) => string;
}

function entry<D extends z.ZodType>(e: CatalogueEntry<D>): CatalogueEntry<D> {
  return e;
}

export const EVENT_CATALOGUE = {
  QueueDefined: entry({ schemaVersion: 1, category: 'queue', data: QueueDefinedData, stream: (d) => queueStream(d.queueId) }),
  QueueRoutingChanged: entry({ schemaVersion: 1, category: 'queue', data: QueueRoutingChangedData, stream: (d) => queueStream(d.queueId) }),
  QueueServiceTargetChanged: entry({ schemaVersion: 1, category: 'queue', data: QueueServiceTargetChangedData, stream: (d) => queueStream(d.queueId) }),
  QueueRetired: entry({ schemaVersion: 1, category: 'queue', data: QueueRetiredData, stream: (d) => queueStream(d.queueId) }),

  TicketCreated: entry({ schemaVersion: 2, category: 'ticket', data: TicketCreatedData, stream: (d) => ticketStream(d.ticketId) }),
  TicketFirstResponded: entry({ schemaVersion: 1, category: 'ticket', data: TicketFirstRespondedData, stream: (d) => ticketStream(d.ticketId) }),
  TicketEscalated: entry({ schemaVersion: 1, category: 'ticket', data: TicketEscalatedData, stream: (d) => ticketStream(d.ticketId) }),
  TicketResolved: entry({ schemaVersion: 1, category: 'ticket', data: TicketResolvedData, stream: (d) => ticketStream(d.ticketId) }),
  TicketReopened: entry({ schemaVersion: 1, category: 'ticket', data: TicketReopenedData, stream: (d) => ticketStream(d.ticketId) }),
  TicketCsatRated: entry({ schemaVersion: 1, category: 'ticket', data: TicketCsatRatedData, stream: (d) => ticketStream(d.ticketId) }),

  LaunchScheduled: entry({ schemaVersion: 1, category: 'launch', data: LaunchScheduledData, stream: (d) => launchStream(d.launchId) }),
  LaunchRescheduled: entry({ schemaVersion: 1, category: 'launch', data: LaunchRescheduledData, stream: (d) => launchStream(d.launchId) }),
  LaunchUpliftRevised: entry({ schemaVersion: 1, category: 'launch', data: LaunchUpliftRevisedData, stream: (d) => launchStream(d.launchId) }),
  LaunchCancelled: entry({ schemaVersion: 1, category: 'launch', data: LaunchCancelledData, stream: (d) => launchStream(d.launchId) }),

  AgentHired: entry({ schemaVersion: 1, category: 'agent', data: AgentHiredData, stream: (d) => agentStream(d.agentId) }),
  AgentCertified: entry({ schemaVersion: 1, category: 'agent', data: AgentCertifiedData, stream: (d) => agentStream(d.agentId) }),
  AgentScheduleSet: entry({ schemaVersion: 1, category: 'agent', data: AgentScheduleSetData, stream: (d) => agentStream(d.agentId) }),
  AgentAbsenceRecorded: entry({ schemaVersion: 1, category: 'agent', data: AgentAbsenceRecordedData, stream: (d) => agentStream(d.agentId) }),
  AgentDeparted: entry({ schemaVersion: 1, category: 'agent', data: AgentDepartedData, stream: (d) => agentStream(d.agentId) }),

  HolidayDeclared: entry({ schemaVersion: 1, category: 'calendar', data: HolidayDeclaredData, stream: (d) => calendarStream(d.market) }),

  ForecastPublished: entry({ schemaVersion: 1, category: 'forecast', data: ForecastPublishedData, stream: (d) => forecastStream(d.queueId) }),
} as const;

export type EventCatalogue = typeof EVENT_CATALOGUE;
export type EventType = keyof EventCatalogue;
export const EVENT_TYPES = Object.keys(EVENT_CATALOGUE) as EventType[];

/** The data of event type `T`, current version. */
export type EventData<T extends EventType> = z.output<EventCatalogue[T]['data']>;
/** An event as deciders produce it: `{ type, data }`; ids and metadata are the app layer's. */
export type EventOf<T extends EventType> = { type: T; data: EventData<T> };

export function isEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_CATALOGUE, type);
}

/** Current schema version of an event type (what the app layer writes into metadata). */
export function schemaVersionOf(type: EventType): number {
  return EVENT_CATALOGUE[type].schemaVersion;
}

/** The stream an event belongs to, named from its data: `ticketStream(data.ticketId)` for ticket events. */
export function streamOf(event: DomainEvent): string {
  const stream = EVENT_CATALOGUE[event.type].stream as (data: unknown) => string;
  return stream(event.data);
}

function eventSchema<T extends EventType>(type: T) {
  return z.strictObject({ type: z.literal(type), data: EVENT_CATALOGUE[type].data as EventCatalogue[T]['data'] });
}

export const QueueDefinedEvent = eventSchema('QueueDefined');
export const QueueRoutingChangedEvent = eventSchema('QueueRoutingChanged');
export const QueueServiceTargetChangedEvent = eventSchema('QueueServiceTargetChanged');
export const QueueRetiredEvent = eventSchema('QueueRetired');
export const TicketCreatedEvent = eventSchema('TicketCreated');
export const TicketFirstRespondedEvent = eventSchema('TicketFirstResponded');
export const TicketEscalatedEvent = eventSchema('TicketEscalated');
export const TicketResolvedEvent = eventSchema('TicketResolved');
export const TicketReopenedEvent = eventSchema('TicketReopened');
export const TicketCsatRatedEvent = eventSchema('TicketCsatRated');
export const LaunchScheduledEvent = eventSchema('LaunchScheduled');
export const LaunchRescheduledEvent = eventSchema('LaunchRescheduled');
export const LaunchUpliftRevisedEvent = eventSchema('LaunchUpliftRevised');
export const LaunchCancelledEvent = eventSchema('LaunchCancelled');
export const AgentHiredEvent = eventSchema('AgentHired');
export const AgentCertifiedEvent = eventSchema('AgentCertified');
export const AgentScheduleSetEvent = eventSchema('AgentScheduleSet');
export const AgentAbsenceRecordedEvent = eventSchema('AgentAbsenceRecorded');
export const AgentDepartedEvent = eventSchema('AgentDeparted');
export const HolidayDeclaredEvent = eventSchema('HolidayDeclared');
export const ForecastPublishedEvent = eventSchema('ForecastPublished');

/** Events of a `queue-<id>` stream. */
export const QueueEvent = z.discriminatedUnion('type', [QueueDefinedEvent, QueueRoutingChangedEvent, QueueServiceTargetChangedEvent, QueueRetiredEvent]);
export type QueueEvent = z.infer<typeof QueueEvent>;
/** Events of a `ticket-<id>` stream. */
export const TicketEvent = z.discriminatedUnion('type', [
  TicketCreatedEvent,
  TicketFirstRespondedEvent,
  TicketEscalatedEvent,
  TicketResolvedEvent,
  TicketReopenedEvent,
  TicketCsatRatedEvent,
]);
export type TicketEvent = z.infer<typeof TicketEvent>;
/** Events of a `launch-<id>` stream. */
export const LaunchEvent = z.discriminatedUnion('type', [LaunchScheduledEvent, LaunchRescheduledEvent, LaunchUpliftRevisedEvent, LaunchCancelledEvent]);
export type LaunchEvent = z.infer<typeof LaunchEvent>;
/** Events of an `agent-<id>` stream. */
export const AgentEvent = z.discriminatedUnion('type', [AgentHiredEvent, AgentCertifiedEvent, AgentScheduleSetEvent, AgentAbsenceRecordedEvent, AgentDepartedEvent]);
export type AgentEvent = z.infer<typeof AgentEvent>;
/** Events of a `calendar-<market>` stream. */
export const CalendarEvent = z.discriminatedUnion('type', [HolidayDeclaredEvent]);
export type CalendarEvent = z.infer<typeof CalendarEvent>;

/** Events of a `forecast-<queueId>` stream. */
export const ForecastEvent = z.discriminatedUnion('type', [ForecastPublishedEvent]);
export type ForecastEvent = z.infer<typeof ForecastEvent>;

/** Every event of the catalogue, current versions. */
export const DomainEvent = z.discriminatedUnion('type', [
  ...QueueEvent.options,
  ...TicketEvent.options,
  ...LaunchEvent.options,
  ...AgentEvent.options,
  ...CalendarEvent.options,
  ...ForecastEvent.options,
]);
export type DomainEvent = z.infer<typeof DomainEvent>;
