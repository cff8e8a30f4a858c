import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { EventStore, RecordedEvent } from '@staffcast/event-store';
import { instantMs } from '@staffcast/events';
import { EVENT_STORE } from '../tokens.js';
import type { AuditEntry, AuditPage, AuditQueryInput } from './audit.dto.js';

/** Events read per page at most, matching or not, so that a sparse filter cannot make one request scan the whole log. */
export const AUDIT_SCAN_BUDGET = 50_000;

export class GetAuditTrail extends Query<AuditPage> {
  constructor(readonly query: AuditQueryInput) {
    super();
  }
}

/** Whether an event belongs to the audit page asked for: recorded in [fromMs, toMs), by the actor if one is named. */
export function inAuditWindow(event: RecordedEvent, fromMs: number, toMs: number, actor: string | undefined): boolean {
  const at = Date.parse(event.metadata.recordedAt);
  return at >= fromMs && at < toMs && (actor === undefined || event.metadata.actor === actor);
}

function toEntry(event: RecordedEvent): AuditEntry {
  const { recordedAt, actor, correlationId } = event.metadata;
  return { position: String(event.position), stream: event.stream, revision: String(event.revision), type: event.type, recordedAt, actor, correlationId };
}

/**
 * Reads the log forwards after `after`, keeping the events in the window, until the page is full or
 * the scan budget is spent; `next` resumes where the scan stopped. O(budget) per page.
 */
@QueryHandler(GetAuditTrail)
export class GetAuditTrailHandler implements IQueryHandler<GetAuditTrail> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ query }: GetAuditTrail): Promise<AuditPage> {
    const fromMs = instantMs(query.from);
    const toMs = instantMs(query.to);
    const entries: AuditEntry[] = [];
    let scanned = 0;
    let last: bigint | undefined;
    const options = { direction: 'forwards' as const, maxCount: AUDIT_SCAN_BUDGET, ...(query.after === undefined ? {} : { fromPosition: BigInt(query.after) }) };
    for await (const event of this.store.readAll(options)) {
      scanned += 1;
      last = event.position;
      if (inAuditWindow(event, fromMs, toMs, query.actor)) entries.push(toEntry(event));
      if (entries.length === query.limit) break;
    }
    const more = entries.length === query.limit || scanned === AUDIT_SCAN_BUDGET;
    return { entries, next: more && last !== undefined ? String(last) : null };
  }
}
