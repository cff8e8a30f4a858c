import type { DriverWeek, HourlyVolumeRow, KpiPeriod, RosterHour } from '@staffcast/projections';
import { z } from 'zod';
import { notFound, type RouteDoc, type RouteDocs } from '../http/openapi/route-doc.js';
import { driversQuery, kpisQuery, QueueIdParam, rosterQuery, statusQuery, volumeQuery } from './projections.dto.js';

const Position = z.string().nullable().describe('The log position the answer reflects');
const Share = z.number().nullable();

const VolumeHour: z.ZodType<HourlyVolumeRow> = z.strictObject({
  hour: z.string(),
  arrivals: z.number(),
  handled: z.number(),
  ahtSeconds: z.number().nullable(),
  backlogEnd: z.number(),
  escalations: z.number(),
  firstResponses: z.number(),
  meanFirstResponseSeconds: z.number().nullable(),
});

const Kpi: z.ZodType<KpiPeriod> = z.strictObject({
  period: z.string().describe('YYYY-MM-DD or YYYY-Www in the queue time zone'),
  start: z.string(),
  end: z.string(),
  arrivals: z.number(),
  resolutions: z.number(),
  resolutionSeconds: z.strictObject({ median: z.number(), p90: z.number() }).nullable(),
  csat: z.strictObject({ rated: z.number(), satisfied: z.number(), share: Share }),
  escalations: z.strictObject({ total: z.number(), rate: Share, byTarget: z.record(z.string(), z.number()) }),
  reopens: z.number(),
  reopenRate: Share,
});

const DriverWeekBody: z.ZodType<DriverWeek> = z.strictObject({
  week: z.string(),
  start: z.string(),
  rows: z.array(z.strictObject({ category: z.string(), market: z.string(), arrivals: z.number(), escalations: z.number(), previousArrivals: z.number(), previousEscalations: z.number(), arrivalsChange: Share, escalationsChange: Share })),
});

const RosterHourBody: z.ZodType<RosterHour> = z.strictObject({ hour: z.string(), productiveHours: z.number(), bySkill: z.record(z.string(), z.number()), bySite: z.record(z.string(), z.number()) });

const StatusFields = { name: z.string(), running: z.boolean(), durable: z.boolean(), position: Position, checkpoint: z.string().nullable(), head: z.string().nullable(), lag: z.string().nullable() };
const StatusBody = z.strictObject({
  ...StatusFields,
  tickets: z.strictObject({ first: z.string(), last: z.string() }).nullable().describe('The span of recorded ticket history, null before the first ticket'),
});

const unknownQueue = notFound('(request)', 'queue us-kyc-chat is not defined in the log read');
const ASOF = 'A log position (digits) or an ISO-8601 time: the answer as the log stood then.';

const volumeRoute = (maxDays: number): RouteDoc => ({
  method: 'get',
  path: '/v1/queues/:id/volume',
  tag: 'projections',
  summary: 'Hourly arrivals, handled, AHT, backlog, escalations and first response per UTC hour',
  description: `UTC hours [from, to), at most ${maxDays} days. \`asOf\`: ${ASOF} \`_unrouted\` is the bucket of tickets no queue takes.`,
  role: 'viewer',
  params: { schema: z.strictObject({ id: QueueIdParam }), example: { id: 'us-kyc-chat' } },
  query: { schema: volumeQuery(maxDays), example: { from: '2026-11-02T00:00:00Z', to: '2026-11-09T00:00:00Z', asOf: '1523311' } },
  responses: {
    200: {
      description: 'One row per hour',
      schema: z.strictObject({ queueId: z.string(), timeZone: z.string(), asOfPosition: Position, hours: z.array(VolumeHour) }),
      example: { queueId: 'us-kyc-chat', timeZone: 'America/New_York', asOfPosition: '1523311', hours: [{ hour: '2026-11-02T14:00:00.000Z', arrivals: 38, handled: 35, ahtSeconds: 604.2, backlogEnd: 9, escalations: 2, firstResponses: 36, meanFirstResponseSeconds: 48.5 }] },
    },
  },
  errors: { 404: unknownQueue },
});

const kpisRoute = (maxDays: number): RouteDoc => ({
  method: 'get',
  path: '/v1/kpis',
  tag: 'projections',
  summary: 'Resolution time, CSAT, escalations and reopens per local day or ISO week',
  description: `Local dates [from, to) of the queue's zone, at most ${maxDays} days; weeks whole. \`asOf\`: ${ASOF}`,
  role: 'viewer',
  query: { schema: kpisQuery(maxDays), example: { queueId: 'us-kyc-chat', from: '2026-11-02', to: '2026-11-09', granularity: 'day', asOf: '1523311' } },
  responses: {
    200: {
      description: 'One row per period',
      schema: z.strictObject({ queueId: z.string(), timeZone: z.string(), granularity: z.enum(['day', 'week']), periods: z.array(Kpi), asOfPosition: Position }),
      example: {
        queueId: 'us-kyc-chat',
        timeZone: 'America/New_York',
        granularity: 'day',
        asOfPosition: '1523311',
        periods: [{ period: '2026-11-02', start: '2026-11-02T05:00:00.000Z', end: '2026-11-03T05:00:00.000Z', arrivals: 412, resolutions: 398, resolutionSeconds: { median: 1510, p90: 7420 }, csat: { rated: 96, satisfied: 81, share: 0.84375 }, escalations: { total: 14, rate: 0.034, byTarget: { compliance: 9, tier2: 5 } }, reopens: 6, reopenRate: 0.015 }],
      },
    },
  },
  errors: { 404: unknownQueue },
});

const driversRoute = (maxDays: number): RouteDoc => ({
  method: 'get',
  path: '/v1/drivers',
  tag: 'projections',
  summary: 'Contact drivers: arrivals and escalations by category and market per ISO week',
  description: `UTC ISO weeks covering the dates [from, to), at most ${maxDays} days, with week-over-week change. \`asOf\`: ${ASOF}`,
  role: 'viewer',
  query: { schema: driversQuery(maxDays), example: { from: '2026-10-26', to: '2026-11-09', asOf: '1523311' } },
  responses: {
    200: {
      description: 'One entry per week',
      schema: z.strictObject({ asOfPosition: Position, weeks: z.array(DriverWeekBody) }),
      example: { asOfPosition: '1523311', weeks: [{ week: '2026-W45', start: '2026-11-02', rows: [{ category: 'kyc', market: 'US', arrivals: 2890, escalations: 97, previousArrivals: 2410, previousEscalations: 88, arrivalsChange: 0.199, escalationsChange: 0.102 }] }] },
    },
  },
});

const rosterRoute = (maxDays: number): RouteDoc => ({
  method: 'get',
  path: '/v1/roster',
  tag: 'projections',
  summary: 'Productive agent-hours per UTC hour, by skill and site',
  description: `UTC hours [from, to), at most ${maxDays} days; \`skill\` and \`site\` select agents; \`ramp\` overrides the new-hire ramp (productivity by tenure week). \`asOf\`: ${ASOF}`,
  role: 'viewer',
  query: { schema: rosterQuery(maxDays), example: { from: '2026-11-16T00:00:00Z', to: '2026-11-17T00:00:00Z', skill: 'kyc-us', site: 'kul', ramp: '0.25,0.5,0.75', asOf: '1523311' } },
  responses: {
    200: {
      description: 'One row per hour',
      schema: z.strictObject({ asOfPosition: Position, ramp: z.array(z.number()), hours: z.array(RosterHourBody) }),
      example: { asOfPosition: '1523311', ramp: [0.25, 0.5, 0.75], hours: [{ hour: '2026-11-16T14:00:00.000Z', productiveHours: 6.5, bySkill: { 'kyc-us': 6.5, chat: 6.5 }, bySite: { kul: 6.5 } }] },
    },
  },
});

const statusRoute = (): RouteDoc => ({
  method: 'get',
  path: '/v1/projections/status',
  tag: 'projections',
  summary: "The ticket projection's position, checkpoint, log head, lag and the span of ticket history",
  role: 'viewer',
  query: { schema: statusQuery, example: {} },
  responses: { 200: { description: 'Status', schema: z.strictObject({ projections: z.array(StatusBody) }), example: { projections: [{ name: 'tickets', running: true, durable: true, position: '1523311', checkpoint: '1523311', head: '1523311', lag: '0', tickets: { first: '2026-05-04T00:02:11.000Z', last: '2026-11-15T23:58:40.000Z' } }] } } },
});

/** Reads of the ticket and roster projections; their ranges are bounded by MAX_QUERY_RANGE_DAYS. */
export const projectionRoutes: RouteDocs = ({ MAX_QUERY_RANGE_DAYS: maxDays }) => [volumeRoute(maxDays), kpisRoute(maxDays), driversRoute(maxDays), rosterRoute(maxDays), statusRoute()];
