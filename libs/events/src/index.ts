/**
 * @staffcast/events — the event catalogue (docs/ARCHITECTURE.md, Streams).
 *
 * - Scalars: `EntityId`, `MarketCode`, `LanguageTag`, `CategoryCode`, `SkillCode`, `ReasonCode`,
 *   `DisplayName`, `Channel`, `Priority`, `IanaTimeZone`, `IsoDateTime`, `IsoDate`, `CurrencyCode`, `Money`.
 * - Local time: `LocalTime`, `OpeningHours`, `Shift`, `WeeklyShiftPattern`, `findShiftOverlap`.
 * - One zod schema per event's data (`TicketCreatedData`…) and per event (`TicketCreatedEvent` =
 *   `{ type: 'TicketCreated', data }`), unions per stream (`TicketEvent`…) and overall (`DomainEvent`),
 *   and `EVENT_CATALOGUE` (type → schemaVersion, category, data schema, stream naming).
 * - Stream names: `queueStream(id)` → `queue-<id>`, … and `parseStreamName`.
 * - Reading: `parseEvent(type, data, schemaVersion)` validates and upcasts to the current version.
 * - Schedules: `ShiftRules` and the `schedule-rules-<site>` / `schedule-<id>` events, parsed by `parseScheduleEvent`.
 * - Deciders: the `Decider` interface, `foldEvents`, `givenWhenThen`, `sameData` and the `DomainError` they throw.
 */
export * from './primitives.js';
export * from './local-time.js';
export * from './queue-events.js';
export * from './ticket-events.js';
export * from './launch-events.js';
export * from './agent-events.js';
export * from './calendar-events.js';
export * from './forecast-events.js';
export * from './schedule-events.js';
export * from './streams.js';
export * from './catalogue.js';
export * from './upcasters.js';
export * from './parse-event.js';
export * from './domain-error.js';
export * from './decider.js';
export * from './same-data.js';
