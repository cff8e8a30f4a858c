import { z } from 'zod';
import type { RouteDocs } from '../http/openapi/route-doc.js';
import { auditQuery } from './audit.dto.js';

const AuditEntryBody = z.strictObject({
  position: z.string().describe('Global log position'),
  stream: z.string(),
  revision: z.string(),
  type: z.string().describe('The event type'),
  recordedAt: z.string(),
  actor: z.string().describe('The token name the change was made under'),
  correlationId: z.string(),
});

/** The audit trail, for admins. */
export const auditRoutes: RouteDocs = ({ MAX_QUERY_RANGE_DAYS: maxDays, AUDIT_PAGE_MAX: pageMax }) => [
  {
    method: 'get',
    path: '/v1/audit',
    tag: 'audit',
    summary: 'Who changed what, and when',
    description: `Events recorded in [from, to) (at most ${maxDays} days), optionally by one actor, in log order, at most ${pageMax} a page; pass \`next\` as \`after\` for the next page.`,
    role: 'admin',
    query: { schema: auditQuery(maxDays, pageMax), example: { from: '2026-11-01T00:00:00Z', to: '2026-11-08T00:00:00Z', actor: 'planner', after: '1523311', limit: 50 } },
    responses: {
      200: {
        description: 'One page of the trail',
        schema: z.strictObject({ entries: z.array(AuditEntryBody), next: z.string().nullable() }),
        example: {
          entries: [{ position: '1523312', stream: 'queue-us-kyc-chat', revision: '3', type: 'QueueServiceTargetChanged', recordedAt: '2026-11-02T09:14:05.120Z', actor: 'planner', correlationId: '6f1c2b8e-7a43-4d0e-9b1a-2c5d8e9f0a11' }],
          next: null,
        },
      },
    },
  },
];
