import { EntityId, MarketCode } from '@staffcast/events';
import { CALENDAR_COMMAND_SCHEMAS, LAUNCH_COMMAND_SCHEMAS } from '@staffcast/launches';
import { AGENT_COMMAND_SCHEMAS } from '@staffcast/roster';
import { QUEUE_COMMAND_SCHEMAS } from '@staffcast/tickets';
import { z } from 'zod';
import { notFound, type ErrorExample, type RouteDoc, type RouteDocs } from '../http/openapi/route-doc.js';
import { WriteHeaders, withPathId } from './command-http.js';
import { TICKET_CSV_COLUMNS, type ImportReport } from './csv-import.service.js';
import type { IngestResult } from './ticket-ingest.service.js';
import type { WriteResult } from './stream-writer.service.js';
import { TicketBatchInput, TicketEventInput } from './tickets.controller.js';

const WriteResultBody: z.ZodType<WriteResult> = z
  .strictObject({
    stream: z.string(),
    revision: z.string().describe('Revision of the stream after the write; use it as If-Match next time'),
    position: z.string().nullable().describe('Log position of the last event written; null when nothing was'),
    written: z.number().int(),
    events: z.array(z.strictObject({ id: z.string(), type: z.string() })),
  })
  .describe('201 when events were written, 200 when the facts were already recorded (nothing written)');

const IngestResultBody: z.ZodType<IngestResult> = z.strictObject({
  eventsWritten: z.number().int(),
  duplicatesSkipped: z.number().int(),
  rejected: z.array(z.strictObject({ ref: z.number().int(), field: z.string().optional(), code: z.string(), reason: z.string(), status: z.number().int() })),
});

const ImportReportBody: z.ZodType<ImportReport> = z.strictObject({
  rowsRead: z.number().int(),
  eventsWritten: z.number().int(),
  duplicatesSkipped: z.number().int(),
  rejectedCount: z.number().int(),
  rejectedRows: z.array(z.strictObject({ line: z.number().int(), column: z.string().optional(), reason: z.string() })),
});

/** A folded entity: its current facts and its stream revision (the If-Match of the next write). */
const EntityState = z.looseObject({ revision: z.string() }).describe("The entity's current state, folded from its stream, and the stream revision");

const weekdays = (ranges: { from: string; to: string }[]) => ({ mon: ranges, tue: ranges, wed: ranges, thu: ranges, fri: ranges, sat: [], sun: [] });
const QUEUE = {
  queueId: 'us-kyc-chat',
  name: 'US KYC chat',
  channel: 'chat',
  routing: { markets: ['US'], categories: ['kyc'], languages: ['en'], channels: ['chat'] },
  timeZone: 'America/New_York',
  openingHours: weekdays([{ from: '08:00', to: '20:00' }]),
  serviceTarget: { kind: 'sl', percent: 80, seconds: 60 },
  requiredSkills: ['kyc-us'],
  chatConcurrency: 2,
  callerPatienceSeconds: 240,
  regulatory: true,
};
const LAUNCH = {
  launchId: 'staking-us',
  name: 'Staking launch',
  kind: 'product',
  markets: ['US'],
  channels: [],
  categories: ['trading'],
  startsAt: '2026-04-01T13:00:00Z',
  endsAt: '2026-04-04T13:00:00Z',
  uplift: { kind: 'percent', percent: 100 },
  profile: 'spike-decay',
};
const AGENT = {
  agentId: 'kul-0042',
  site: { siteId: 'kul', timeZone: 'Asia/Kuala_Lumpur' },
  markets: ['US', 'AU'],
  languages: ['en'],
  skills: ['chat', 'kyc-us'],
  startDate: '2026-01-05',
  contractedHoursPerWeek: 40,
  hourlyCost: { amount: 9.5, currency: 'USD' },
};
const SHIFT = [{ start: '21:00', end: '06:00', breaks: [{ start: '01:00', end: '02:00' }] }];
const TICKET_CREATED = { type: 'TicketCreated', data: { ticketId: 'T-1001', createdAt: '2026-03-02T14:05:00Z', channel: 'chat', market: 'US', category: 'kyc', language: 'en', priority: 'normal' } };

const written = (stream: string, type: string): WriteResult => ({ stream, revision: '0', position: '1842', written: 1, events: [{ id: '0193a3c2-4f00-7b4e-9d2a-5c1f0e6b7a10', type }] });
const stale: ErrorExample = {
  error: 'concurrency conflict',
  stream: 'queue-us-kyc-chat',
  expectedRevision: '0',
  actualRevision: '1',
  issues: [{ path: 'expectedRevision', message: 'stream queue-us-kyc-chat: expected revision 0, actual 1' }],
};
const idParams = (what: string, example: string) => ({ schema: z.strictObject({ id: EntityId.describe(`The ${what} id`) }), example: { id: example } });
const writeHeaders = { schema: WriteHeaders, example: { 'if-match': '"0"', 'idempotency-key': 'import-2026-03-02-batch-7' } };

interface WriteRoute {
  method: 'post' | 'put';
  path: string;
  tag: string;
  summary: string;
  description?: string;
  schema: z.ZodObject;
  example: Record<string, unknown>;
  /** The body field filled from the path's id (may be left out of the body). */
  pathField?: string;
  params?: RouteDoc['params'];
  stream: string;
  event: string;
  notFound?: ErrorExample;
  conflict: ErrorExample;
}

/** A recording write: the event's data schema is the body, answered with the write result. */
function write(route: WriteRoute): RouteDoc {
  const field = route.pathField;
  // The handler fills the field from the path before parsing, so the document shows it optional.
  const schema = field ? z.strictObject({ ...route.schema.shape, [field]: (route.schema.shape[field] as z.ZodType).optional() }) : route.schema;
  const pathValue = route.params ? Object.values(route.params.example)[0]! : '';
  const validator = field ? z.preprocess((body) => withPathId(body, field, pathValue), route.schema) : undefined;
  return {
    method: route.method,
    path: route.path,
    tag: route.tag,
    summary: route.summary,
    description: [route.description, route.pathField ? `\`${route.pathField}\` may be left out of the body; it is taken from the path (a different one is a 400).` : undefined, 'Validated and decided as a whole: written in one append with the loaded revision as the expected one, or not at all.']
      .filter(Boolean)
      .join(' '),
    role: 'planner',
    ...(route.params ? { params: route.params } : {}),
    headers: writeHeaders,
    body: { schema, example: route.example, ...(validator ? { validator } : {}) },
    responses: { 201: { description: 'Events written', schema: WriteResultBody, example: written(route.stream, route.event) }, 200: { description: 'Already recorded: nothing written', schema: WriteResultBody, example: { ...written(route.stream, route.event), written: 0, position: null, events: [] } } },
    errors: { ...(route.notFound ? { 404: route.notFound } : {}), 409: route.conflict },
  };
}

function read(path: string, tag: string, summary: string, params: NonNullable<RouteDoc['params']>, example: unknown, missing: ErrorExample): RouteDoc {
  return { method: 'get', path, tag, summary, role: 'viewer', params, responses: { 200: { description: 'The current state', schema: EntityState, example } }, errors: { 404: missing } };
}

const queueRoutes = (): RouteDoc[] => {
  const params = idParams('queue', 'us-kyc-chat');
  const missing: ErrorExample = { error: 'QUEUE_NOT_FOUND', issues: [{ path: 'queueId', message: 'queue us-kyc-chat is not defined' }] };
  const retired: ErrorExample = { error: 'QUEUE_RETIRED', issues: [{ path: '(state)', message: 'queue us-kyc-chat is retired and cannot change' }] };
  const base = { tag: 'queues', stream: 'queue-us-kyc-chat', pathField: 'queueId', params, notFound: missing, conflict: retired } as const;
  return [
    write({ ...base, pathField: undefined, params: undefined, notFound: undefined, method: 'post', path: '/v1/queues', summary: 'Define a queue', description: 'A queue: channel, routing rules, time zone, opening hours, service target and required skills.', schema: QUEUE_COMMAND_SCHEMAS.DefineQueue, example: QUEUE, event: 'QueueDefined', conflict: { error: 'QUEUE_ALREADY_DEFINED', issues: [{ path: 'queueId', message: 'queue us-kyc-chat is already defined' }] } }),
    write({ ...base, method: 'put', path: '/v1/queues/:id/routing', summary: "Change a queue's routing", description: 'Re-projects the history under the new rules.', schema: QUEUE_COMMAND_SCHEMAS.ChangeQueueRouting, example: { routing: { markets: ['US'], categories: ['kyc', 'account-restriction'], languages: ['en'], channels: ['chat'] } }, event: 'QueueRoutingChanged' }),
    write({ ...base, method: 'put', path: '/v1/queues/:id/service-target', summary: "Change a queue's service target", schema: QUEUE_COMMAND_SCHEMAS.ChangeQueueServiceTarget, example: { serviceTarget: { kind: 'sl', percent: 90, seconds: 30 } }, event: 'QueueServiceTargetChanged', conflict: stale }),
    write({ ...base, method: 'post', path: '/v1/queues/:id/retirement', summary: 'Retire a queue', schema: QUEUE_COMMAND_SCHEMAS.RetireQueue, example: { retiredAt: '2026-06-30T00:00:00Z', reasonCode: 'merged' }, event: 'QueueRetired' }),
    read('/v1/queues/:id', 'queues', 'Read a queue', params, { definition: QUEUE, defined: QUEUE, revision: '0' }, notFound('id', 'queue us-kyc-chat is not defined')),
  ];
};

const ticketRoutes = (importMaxBytes: number): RouteDoc[] => [
  {
    method: 'post',
    path: '/v1/tickets/events',
    tag: 'tickets',
    summary: 'Record ticket events',
    description: 'One ticket event `{ type, data }`, or `{ events: [...] }` with up to 5,000: validated and decided as a whole, then all written in one atomic append, or none. Event ids derive from the facts, so a resent event is skipped as a duplicate.',
    role: 'planner',
    body: { schema: z.union([TicketEventInput, TicketBatchInput.extend({ events: z.array(TicketEventInput).min(1).max(5000) })]), example: { events: [TICKET_CREATED, { type: 'TicketResolved', data: { ticketId: 'T-1001', resolvedAt: '2026-03-02T14:31:00Z', handleSeconds: 540 } }] } },
    responses: { 201: { description: 'Events written', schema: IngestResultBody, example: { eventsWritten: 2, duplicatesSkipped: 0, rejected: [] } }, 200: { description: 'Every event was already recorded', schema: IngestResultBody, example: { eventsWritten: 0, duplicatesSkipped: 2, rejected: [] } } },
    errors: {
      404: { error: 'TICKET_NOT_FOUND: nothing was written', issues: [{ path: 'events.0.data.ticketId', message: 'TICKET_NOT_FOUND: ticket T-9 was never created' }] },
      409: { error: 'TICKET_ALREADY_RESOLVED: nothing was written', issues: [{ path: 'events.1.data.resolvedAt', message: 'TICKET_ALREADY_RESOLVED: the ticket is already resolved; reopen it before resolving it again' }] },
    },
  },
  read('/v1/tickets/:id', 'tickets', 'Read a ticket', idParams('ticket', 'T-1001'), { created: TICKET_CREATED.data, createdAtMs: 1772460300000, escalations: [], revision: '1' }, notFound('id', 'ticket T-1001 was never created')),
  {
    method: 'post',
    path: '/v1/imports/tickets',
    tag: 'tickets',
    summary: 'Import a ticket CSV export',
    description:
      `Streamed, so memory stays flat whatever the size (at most ${importMaxBytes} bytes). One row per ticket with the header ${TICKET_CSV_COLUMNS.join(', ')} (the last six may be empty). Idempotent: ids derive from the facts, so a re-import writes nothing twice. Rejected rows are counted, the first ones listed with line, column and reason.`,
    role: 'planner',
    body: {
      schema: z.string().describe('CSV text with a header row'),
      contentType: 'text/csv',
      example: `${TICKET_CSV_COLUMNS.join(',')}\nT-1001,2026-03-02T14:05:00Z,chat,US,kyc,en,normal,2026-03-02T14:06:10Z,,,2026-03-02T14:31:00Z,540,5\n`,
    },
    responses: { 200: { description: 'The import report', schema: ImportReportBody, example: { rowsRead: 1, eventsWritten: 4, duplicatesSkipped: 0, rejectedCount: 0, rejectedRows: [] } } },
    errors: {
      400: { error: 'invalid input', issues: [{ path: 'header', message: `the header lacks the column(s) priority; expected ${TICKET_CSV_COLUMNS.join(', ')}` }] },
      413: { error: 'payload too large', issues: [{ path: '(body)', message: `an import may be at most ${importMaxBytes} bytes` }] },
      415: { error: 'unsupported media type', issues: [{ path: 'content-type', message: 'send the export as text/csv' }] },
    },
  },
];

const launchRoutes = (): RouteDoc[] => {
  const params = idParams('launch', 'staking-us');
  const missing: ErrorExample = { error: 'LAUNCH_NOT_FOUND', issues: [{ path: 'launchId', message: 'launch staking-us was never scheduled' }] };
  const cancelled: ErrorExample = { error: 'LAUNCH_CANCELLED', issues: [{ path: '(state)', message: 'launch staking-us is already cancelled' }] };
  const base = { tag: 'launches', stream: 'launch-staking-us', pathField: 'launchId', params, notFound: missing, conflict: cancelled } as const;
  const market = { schema: z.strictObject({ market: MarketCode }), example: { market: 'US' } };
  return [
    write({ ...base, pathField: undefined, params: undefined, notFound: undefined, method: 'post', path: '/v1/launches', summary: 'Schedule a launch', description: 'A product launch or campaign and the uplift it is expected to bring (learned from past launches when the forecast runs).', schema: LAUNCH_COMMAND_SCHEMAS.ScheduleLaunch, example: LAUNCH, event: 'LaunchScheduled', conflict: { error: 'LAUNCH_ALREADY_SCHEDULED', issues: [{ path: 'launchId', message: 'launch staking-us is already scheduled' }] } }),
    write({ ...base, method: 'put', path: '/v1/launches/:id/window', summary: 'Reschedule a launch', schema: LAUNCH_COMMAND_SCHEMAS.RescheduleLaunch, example: { startsAt: '2026-04-08T13:00:00Z', endsAt: '2026-04-11T13:00:00Z' }, event: 'LaunchRescheduled' }),
    write({ ...base, method: 'put', path: '/v1/launches/:id/uplift', summary: "Revise a launch's expected uplift", schema: LAUNCH_COMMAND_SCHEMAS.ReviseLaunchUplift, example: { uplift: { kind: 'extra-tickets', tickets: 4000 }, profile: 'flat' }, event: 'LaunchUpliftRevised' }),
    write({ ...base, method: 'post', path: '/v1/launches/:id/cancellation', summary: 'Cancel a launch', schema: LAUNCH_COMMAND_SCHEMAS.CancelLaunch, example: { cancelledAt: '2026-03-20T09:00:00Z', reasonCode: 'postponed' }, event: 'LaunchCancelled' }),
    read('/v1/launches/:id', 'launches', 'Read a launch', params, { scheduled: LAUNCH, current: LAUNCH, revision: '0' }, notFound('id', 'launch staking-us is not scheduled')),
    write({ ...base, tag: 'calendars', notFound: undefined, method: 'post', path: '/v1/calendars/:market/holidays', params: market, pathField: 'market', summary: 'Declare a public holiday in a market', schema: CALENDAR_COMMAND_SCHEMAS.DeclareHoliday, example: { date: '2026-11-26', name: 'Thanksgiving' }, stream: 'calendar-US', event: 'HolidayDeclared', conflict: { error: 'HOLIDAY_ALREADY_DECLARED', issues: [{ path: 'date', message: 'US already has "Thanksgiving Day" on 2026-11-26' }] } }),
    { method: 'get', path: '/v1/calendars/:market/holidays', tag: 'calendars', summary: "A market's holidays", role: 'viewer', params: market, responses: { 200: { description: 'Holiday names by local date', schema: z.strictObject({ market: z.string(), holidays: z.record(z.string(), z.string()), revision: z.string() }), example: { market: 'US', holidays: { '2026-11-26': 'Thanksgiving' }, revision: '0' } } } },
  ];
};

const agentRoutes = (): RouteDoc[] => {
  const params = idParams('agent', 'kul-0042');
  const missing: ErrorExample = { error: 'AGENT_NOT_FOUND', issues: [{ path: 'agentId', message: 'agent kul-0042 was never hired' }] };
  const departed: ErrorExample = { error: 'AGENT_DEPARTED', issues: [{ path: 'effectiveFrom', message: 'the agent departed on 2026-05-29' }] };
  const base = { tag: 'agents', stream: 'agent-kul-0042', pathField: 'agentId', params, notFound: missing, conflict: departed } as const;
  return [
    write({ ...base, pathField: undefined, params: undefined, notFound: undefined, method: 'post', path: '/v1/agents', summary: 'Hire an agent', description: 'Site and time zone, markets, languages, skills, start date, contracted hours and cost. No personal data.', schema: AGENT_COMMAND_SCHEMAS.HireAgent, example: AGENT, event: 'AgentHired', conflict: { error: 'AGENT_ALREADY_HIRED', issues: [{ path: 'agentId', message: 'agent kul-0042 is already hired' }] } }),
    write({ ...base, method: 'post', path: '/v1/agents/:id/certifications', summary: 'Certify an agent for a skill', description: 'Regulatory-sensitive queues take only certified agents.', schema: AGENT_COMMAND_SCHEMAS.CertifyAgent, example: { skill: 'fraud-us', certifiedOn: '2026-02-01', expiresOn: '2027-02-01' }, event: 'AgentCertified' }),
    write({ ...base, method: 'put', path: '/v1/agents/:id/schedule', summary: "Set an agent's weekly shifts", description: "Shifts in the site's local time, from a date on.", schema: AGENT_COMMAND_SCHEMAS.SetAgentSchedule, example: { effectiveFrom: '2026-01-05', shifts: { mon: SHIFT, tue: SHIFT, wed: SHIFT, thu: SHIFT, fri: SHIFT, sat: [], sun: [] } }, event: 'AgentScheduleSet' }),
    write({ ...base, method: 'post', path: '/v1/agents/:id/absences', summary: 'Record an absence', schema: AGENT_COMMAND_SCHEMAS.RecordAbsence, example: { from: '2026-03-09T13:00:00Z', to: '2026-03-11T13:00:00Z', reasonCode: 'annual-leave' }, event: 'AgentAbsenceRecorded' }),
    write({ ...base, method: 'post', path: '/v1/agents/:id/departure', summary: "Record an agent's departure", schema: AGENT_COMMAND_SCHEMAS.DepartAgent, example: { departedOn: '2026-05-29', reasonCode: 'resigned' }, event: 'AgentDeparted' }),
    read('/v1/agents/:id', 'agents', 'Read an agent', params, { hired: AGENT, certifications: [], absences: [], schedules: {}, revision: '0' }, notFound('id', 'agent kul-0042 was never hired')),
  ];
};

/** The recording routes: queues, tickets and imports, launches and calendars, agents. */
export const recordingRoutes: RouteDocs = (config) => [...queueRoutes(), ...ticketRoutes(config.IMPORT_MAX_BYTES), ...launchRoutes(), ...agentRoutes()];

