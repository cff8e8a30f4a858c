/**
 * @staffcast/projections — pure read models over the event log. No framework, no I/O:
 * the runner in apps/planner-api feeds them from the store's checkpointed subscription.
 *
 * - `TicketModel` + `evolveTicketModel(model, event)`: queue definitions and compact per-ticket
 *   facts; routing is applied at read time, so a routing change re-routes history exactly.
 * - Serialisation: `exportChunk(model, marks)` / `applyChunk` / `modelFromChunks` (append-only chunks).
 * - Reads: `hourlyVolume`, `queueKpis`, `contactDrivers`; routing rule `compareSpecificity`, bucket `UNROUTED`.
 * - `directHourlyVolume`, `directKpis`, `directDrivers`: the same figures computed the slow obvious way, for tests.
 * - `RosterModel` + `evolveRoster`, `rosterHours` (productive agent-hours per UTC hour, by skill and
 *   site; schedules expanded in the site's zone, breaks, absences, departures, certification expiry,
 *   new-hire ramp) and `directRosterHours` for tests.
 * - `parseAsOf`, `inLogAsOf`: as-of bounds (a log position or a recorded-at instant).
 */
export * from './column.js';
export * from './quantile.js';
export * from './routing.js';
export * from './periods.js';
export * from './ticket-model.js';
export * from './queries.js';
export * from './direct.js';
export * from './roster-model.js';
export * from './direct-roster.js';
export * from './as-of.js';
export * from './queue-mix.js';
export * from './arrivals-until.js';
export * from './ticket-span.js';
