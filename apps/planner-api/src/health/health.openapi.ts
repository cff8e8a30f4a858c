import { z } from 'zod';
import type { RouteDocs } from '../http/openapi/route-doc.js';

const Health = z.strictObject({ status: z.literal('ok'), store: z.string().describe('sqlite, esdb or memory'), position: z.string().describe('The log head position') });
const Ready = z.strictObject({ status: z.literal('ready') });
const WhoAmI = z.strictObject({ role: z.enum(['viewer', 'planner', 'admin']), name: z.string().describe('The token name, recorded as the actor of events'), correlationId: z.string() });

/** Liveness, readiness and the caller's identity. */
export const healthRoutes: RouteDocs = () => [
  { method: 'get', path: '/health', tag: 'health', summary: 'Liveness and the log head', role: 'public', responses: { 200: { description: 'The service is up', schema: Health, example: { status: 'ok', store: 'sqlite', position: '1523311' } } } },
  { method: 'get', path: '/ready', tag: 'health', summary: 'Readiness: the store answers a read', role: 'public', responses: { 200: { description: 'Ready for traffic', schema: Ready, example: { status: 'ready' } } } },
  {
    method: 'get',
    path: '/v1/whoami',
    tag: 'health',
    summary: 'The role and name a token acts under',
    description: 'Send `X-Correlation-Id` to have it echoed (and recorded on the events a request writes).',
    role: 'viewer',
    responses: { 200: { description: 'The principal', schema: WhoAmI, example: { role: 'planner', name: 'demo', correlationId: '0193a3c2-4f00-7b4e-9d2a-5c1f0e6b7a10' } } },
  },
];
