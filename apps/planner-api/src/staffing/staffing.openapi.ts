import { z } from 'zod';
import type { RouteDoc, RouteDocs } from '../http/openapi/route-doc.js';
import { ErlangRequest, type ErlangResponse } from './erlang.dto.js';
import { answerErlang } from './staffing.controller.js';

const ErlangResponseBody: z.ZodType<ErlangResponse> = z.strictObject({
  model: z.enum(['erlang-c', 'erlang-a']),
  agents: z.number().int(),
  rawAgents: z.number().describe('Fractional requirement (search), or `agents` when evaluating'),
  scheduledAgents: z.number().int().describe('⌈agents / (1 − shrinkage)⌉'),
  offeredLoadErlangs: z.number(),
  thresholdSeconds: z.number(),
  serviceLevel: z.number().describe('Erlang A: the fraction of all arrivals answered within the threshold'),
  pWait: z.number(),
  asaSeconds: z.number().describe('Mean wait of the answered contacts'),
  occupancy: z.number(),
  pAbandon: z.number().optional(),
  meanWaitSeconds: z.number().optional(),
  meetsTarget: z.boolean().optional(),
  binding: z.array(z.string()).optional().describe('The constraints one agent fewer would break'),
});

/** Stateless Erlang C / Erlang A staffing. */
export const staffingRoutes: RouteDocs = (): RouteDoc[] => {
  const example = { model: 'erlang-a', arrivalsPerHour: 240, ahtSeconds: 300, patienceSeconds: 180, target: { serviceLevel: 0.8, thresholdSeconds: 20, maxAbandon: 0.05 }, shrinkage: 0.3 } as const;
  return [
    {
      method: 'post',
      path: '/v1/staffing/erlang',
      tag: 'staffing',
      summary: 'Erlang C or Erlang A: evaluate a staffing, or find the least agents meeting a target',
      description: 'Exact (birth–death chain, not an approximation built on Erlang C). Nothing is read from or written to the log. A target no staffing can meet is a 400 naming the field.',
      role: 'viewer',
      body: { schema: ErlangRequest, example },
      // The answer the handler gives for the example, computed by the same function.
      responses: { 200: { description: 'The staffing and what it delivers', schema: ErlangResponseBody, example: answerErlang(ErlangRequest.parse(example)) } },
    },
  ];
};
