import { InvalidAppendError } from './errors.js';
import type { EventFilter, ExpectedRevision, ProposedEvent } from './event-store.port.js';

/** The category of `ticket-42` is `ticket`: the stream name up to its last-recognised prefix. */
export function streamMatchesCategory(stream: string, category: string): boolean {
  return stream.startsWith(`${category}-`);
}

export function isSystemStream(stream: string): boolean {
  return stream.startsWith('$');
}

export function matchesFilter(stream: string, type: string, filter: EventFilter | undefined): boolean {
  if (isSystemStream(stream) || type.startsWith('$')) return false;
  if (!filter) return true;
  if (filter.streamCategories && !filter.streamCategories.some((c) => streamMatchesCategory(stream, c))) return false;
  if (filter.eventTypes && !filter.eventTypes.includes(type)) return false;
  return true;
}

export function assertValidAppend(stream: string, events: readonly ProposedEvent[]): void {
  if (stream.length === 0 || stream.length > 256) throw new InvalidAppendError('stream name must be 1-256 characters');
  if (isSystemStream(stream)) throw new InvalidAppendError(`stream ${stream}: names starting with $ are reserved`);
  // Most appends carry a few events: comparing them pairwise costs less than building a set. With
  // a set, one add per id tells a repeat by the size (a batch of 1,000 spent 5 % of its append here).
  const ids = events.length > 8 ? new Set<string>() : undefined;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const id = event.id;
    if (!id) throw new InvalidAppendError('every event needs an id');
    const type = event.type;
    if (!type || type.charCodeAt(0) === 36 /* $ */) throw new InvalidAppendError(`invalid event type ${type}`);
    let repeated = false;
    if (ids) {
      const size = ids.size;
      repeated = ids.add(id).size === size;
    } else for (let j = 0; j < i && !repeated; j++) repeated = events[j]!.id === id;
    if (repeated) throw new InvalidAppendError(`event id ${id} appears twice in one append`);
  }
}

/** Checks an expected revision against the stream's current revision (undefined: no stream). */
export function expectedRevisionHolds(expected: ExpectedRevision, current: bigint | undefined): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return current === undefined;
  if (expected === 'exists') return current !== undefined;
  return current === expected;
}
