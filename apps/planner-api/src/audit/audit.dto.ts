import { IsoDateTime, instantMs } from '@staffcast/events';
import { z } from 'zod';

const DAY_MS = 86_400_000;

/** A token name (or `cli`, `demo`): what events record as their actor. */
const ActorName = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be a token name: 1-64 characters of A-Z, a-z, 0-9, "_", "." or "-"');

/**
 * `GET /v1/audit`: events recorded in [from, to), optionally by one actor, in log order, a page at a
 * time: `after` is the `next` of the previous page.
 */
export const auditQuery = (maxDays: number, pageMax: number) =>
  z
    .strictObject({
      from: IsoDateTime,
      to: IsoDateTime,
      actor: ActorName.optional(),
      after: z.string().regex(/^\d{1,19}$/, 'must be a log position (digits), the next of an earlier page').optional(),
      limit: z.coerce.number().int().min(1).max(pageMax).default(Math.min(100, pageMax)),
    })
    .superRefine((q, ctx) => {
      const span = instantMs(q.to) - instantMs(q.from);
      if (!(span > 0)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
      else if (span > maxDays * DAY_MS) ctx.addIssue({ code: 'custom', path: ['to'], message: `the range from..to may span at most ${maxDays} days` });
    });

export type AuditQueryInput = z.infer<ReturnType<typeof auditQuery>>;

/** One change in the log: who recorded what, where and when. */
export interface AuditEntry {
  position: string;
  stream: string;
  revision: string;
  type: string;
  recordedAt: string;
  actor: string;
  correlationId: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `after` for the next page; null when the log has been read to its end. */
  next: string | null;
}
