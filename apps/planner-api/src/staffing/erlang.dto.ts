import { z } from 'zod';

/** Largest staffing evaluated or searched for; a target needing more is answered 400 (unreachable). */
export const MAX_AGENTS = 200_000;
const DAY_SECONDS = 86_400;

const seconds = (max: number) => z.number().finite().nonnegative().max(max);

/** The body of `POST /v1/staffing/erlang` (issue 6 §2). Probabilities are fractions 0–1. */
export const ErlangRequest = z
  .strictObject({
    model: z.enum(['erlang-c', 'erlang-a']),
    arrivalsPerHour: z.number().finite().nonnegative().max(10_000_000),
    ahtSeconds: z.number().finite().positive().max(DAY_SECONDS),
    /** mean patience before abandoning; required for erlang-a */
    patienceSeconds: z.number().finite().positive().max(7 * DAY_SECONDS).optional(),
    /** evaluate this staffing; without it, find the least agents meeting `target` */
    agents: z.number().int().min(1).max(MAX_AGENTS).optional(),
    target: z
      .strictObject({
        serviceLevel: z.number().gt(0).lt(1),
        thresholdSeconds: seconds(DAY_SECONDS),
        maxAsaSeconds: z.number().finite().positive().max(DAY_SECONDS).optional(),
        maxAbandon: z.number().gt(0).lt(1).optional(),
      })
      .optional(),
    maxOccupancy: z.number().gt(0).max(1).optional(),
    shrinkage: z.number().min(0).lt(1).optional(),
    /** threshold t for the reported service level when evaluating; defaults to target.thresholdSeconds */
    thresholdSeconds: seconds(DAY_SECONDS).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.model === 'erlang-a' && body.patienceSeconds === undefined) {
      ctx.addIssue({ code: 'custom', path: ['patienceSeconds'], message: 'is required for erlang-a (mean patience before abandoning, seconds)' });
    }
    if (body.model === 'erlang-c' && body.patienceSeconds !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['patienceSeconds'], message: 'applies to erlang-a only; Erlang C assumes nobody abandons' });
    }
    if (body.model === 'erlang-c' && body.target?.maxAbandon !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['target', 'maxAbandon'], message: 'Erlang C has no abandonment; use erlang-a with patienceSeconds' });
    }
    if (body.agents === undefined && body.target === undefined) {
      ctx.addIssue({ code: 'custom', path: ['target'], message: 'is required when agents is not given (the least agents meeting it are searched for)' });
    }
    if (body.agents !== undefined && body.thresholdSeconds === undefined && body.target === undefined) {
      ctx.addIssue({ code: 'custom', path: ['thresholdSeconds'], message: 'is required to report a service level when evaluating agents without a target' });
    }
  });
export type ErlangRequest = z.infer<typeof ErlangRequest>;

/** The answer: the staffing, what it delivers, and the scheduled staff once shrinkage is added. */
export interface ErlangResponse {
  model: 'erlang-c' | 'erlang-a';
  agents: number;
  /** Fractional requirement (search), or `agents` when evaluating. */
  rawAgents: number;
  /** ⌈agents / (1 − shrinkage)⌉. */
  scheduledAgents: number;
  offeredLoadErlangs: number;
  thresholdSeconds: number;
  serviceLevel: number;
  pWait: number;
  asaSeconds: number;
  occupancy: number;
  pAbandon?: number;
  meanWaitSeconds?: number;
  /** When evaluating against a target or maxOccupancy: whether this staffing meets it. */
  meetsTarget?: boolean;
  /** When searching: the constraints one agent fewer would break. */
  binding?: string[];
}
