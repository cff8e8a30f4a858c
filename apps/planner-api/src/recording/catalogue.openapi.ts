import { z } from 'zod';
import type { RouteDoc, RouteDocs } from '../http/openapi/route-doc.js';
import { NoListParams } from './catalogue.js';

const QueueListingBody = z
  .looseObject({ queueId: z.string(), name: z.string(), channel: z.string(), timeZone: z.string(), retired: z.boolean(), revision: z.string() })
  .describe("The queue's current definition, as QueueDefined and its later changes give it, with `retired` and the stream revision");

const LaunchListingBody = z
  .looseObject({ launchId: z.string(), name: z.string(), startsAt: z.string(), endsAt: z.string(), cancelled: z.boolean(), revision: z.string() })
  .describe('The launch with its current window and uplift, `cancelled`, and the stream revision');

const listRoute = (path: string, tag: string, summary: string, schema: z.ZodType, example: unknown): RouteDoc => ({
  method: 'get',
  path,
  tag,
  summary,
  role: 'viewer',
  query: { schema: NoListParams, example: {} },
  responses: { 200: { description: summary, schema, example } },
});

/** The catalogue reads the dashboard lists its pickers from. */
export const catalogueRoutes: RouteDocs = () => [
  listRoute('/v1/queues', 'queues', 'Every defined queue, retired ones flagged, by id', z.strictObject({ queues: z.array(QueueListingBody) }), {
    queues: [{ queueId: 'us-kyc-chat', name: 'US ID verification (chat)', channel: 'chat', timeZone: 'America/New_York', retired: false, revision: '2' }],
  }),
  listRoute('/v1/launches', 'launches', 'Every scheduled launch, cancelled ones flagged, by start', z.strictObject({ launches: z.array(LaunchListingBody) }), {
    launches: [{ launchId: 'us-options', name: 'US options launch', startsAt: '2026-11-18T14:00:00.000Z', endsAt: '2026-11-21T14:00:00.000Z', cancelled: false, revision: '0' }],
  }),
  listRoute(
    '/v1/scenarios',
    'scenarios',
    'Every scenario, newest first',
    z.strictObject({
      scenarios: z.array(
        z.strictObject({
          scenarioId: z.string(),
          name: z.string(),
          description: z.string().optional(),
          assumptions: z.number().int(),
          runs: z.number().int(),
          lastRun: z.strictObject({ runId: z.string(), ranAt: z.string() }).optional(),
        }),
      ),
    }),
    { scenarios: [{ scenarioId: 'kyc-surge', name: 'KYC surge', assumptions: 1, runs: 1, lastRun: { runId: 'run-1', ranAt: '2026-11-16T09:00:00.000Z' } }] },
  ),
  listRoute(
    '/v1/local-team/plans',
    'local-team',
    'Every local-team plan, newest first',
    z.strictObject({
      plans: z.array(z.strictObject({ planId: z.string(), name: z.string(), market: z.string(), timeZone: z.string(), startMonth: z.string(), months: z.number().int(), revision: z.string() })),
    }),
    { plans: [{ planId: 'us-local-2027', name: 'US local team 2027', market: 'US', timeZone: 'America/New_York', startMonth: '2027-01', months: 24, revision: '0' }] },
  ),
];
