import { createHash } from 'node:crypto';
import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  eventTypeFilter,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
  type AppendExpectedRevision,
  type EventData,
  type Filter,
  type JSONType,
  type Position,
  type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import { InvalidAppendError } from '../errors.js';
import type { EventFilter, EventMetadata, ExpectedRevision, ProposedEvent, RecordedEvent } from '../event-store.port.js';

/** Between the port's events and positions and the client's: ids, positions, filters, size accounting. */

/** Metadata key holding the caller's event id when it is not a UUID (ESDB ids must be UUIDs). */
const CALLER_ID_KEY = 'eventId';
/** Fixed namespace for the UUIDs derived from non-UUID caller ids. Never change it: ids would stop matching. */
const ID_NAMESPACE = Buffer.from('f3f5dd6d7f44453ca8379b4c3188ad87', 'hex');
const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NIL_UUID = '00000000-0000-0000-0000-000000000000';
/** What the server sends as a position it does not know (stream reads before 22.6). */
const NO_POSITION = 0xffffffffffffffffn;

export function decode(event: EsdbRecordedEvent): RecordedEvent {
  const raw = event.metadata;
  const metadata: Record<string, unknown> = raw !== null && typeof raw === 'object' && !(raw instanceof Uint8Array) && !Array.isArray(raw) ? { ...raw } : {};
  const callerId = metadata[CALLER_ID_KEY];
  delete metadata[CALLER_ID_KEY];
  if (typeof metadata.recordedAt !== 'string') metadata.recordedAt = event.created.toISOString();
  return {
    id: typeof callerId === 'string' ? callerId : event.id,
    type: event.type,
    stream: event.streamId,
    revision: event.revision,
    position: portPosition(event),
    data: event.data,
    metadata: metadata as unknown as EventMetadata,
  };
}

export function portPosition(event: EsdbRecordedEvent): bigint {
  const position = event.position;
  if (!position || position.commit === NO_POSITION) {
    throw new Error(`EventStoreDB sent no $all position for ${event.streamId}@${event.revision}: the esdb adapter needs EventStoreDB 22.6 or later`);
  }
  if (position.commit !== position.prepare) {
    throw new Error(
      `event ${event.streamId}@${event.revision} was written in an explicit transaction (commit ${position.commit}, prepare ${position.prepare}); its position is not unique`,
    );
  }
  return position.commit;
}

export function esdbPosition(position: bigint): Position {
  return { commit: position, prepare: position };
}

export function esdbExpected(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'any') return ANY;
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'exists') return STREAM_EXISTS;
  return expected;
}

export function encode(event: ProposedEvent, recordedAt: string): { data: EventData; bytes: number } {
  const dataJson = JSON.stringify(event.data);
  if (dataJson === undefined) throw new InvalidAppendError(`event ${event.id}: data must be JSON-serialisable`);
  const id = esdbEventId(event.id);
  const metadata: Record<string, unknown> = { ...event.metadata, recordedAt: event.metadata.recordedAt ?? recordedAt };
  if (id !== event.id) metadata[CALLER_ID_KEY] = event.id;
  // The server counts data + metadata bytes + 2 bytes per type character against its append limit.
  const bytes = Buffer.byteLength(dataJson) + Buffer.byteLength(JSON.stringify(metadata)) + event.type.length * 2;
  return { data: jsonEvent({ id, type: event.type, data: event.data as JSONType, metadata: metadata as JSONType }), bytes };
}

/** The events from `start` that fit in `limit` bytes as the server counts them (at least one). */
export function takeChunk(encoded: readonly { data: EventData; bytes: number }[], start: number, limit: number): { events: EventData[]; bytes: number } {
  const events: EventData[] = [];
  let bytes = 0;
  for (let i = start; i < encoded.length; i++) {
    const next = encoded[i]!;
    if (events.length > 0 && bytes + next.bytes > limit) break;
    events.push(next.data);
    bytes += next.bytes;
  }
  return { events, bytes };
}

/**
 * The ESDB event id for a caller's id: the id itself when it is a canonical lower-case UUID
 * (ESDB returns ids lower-case), otherwise a name-based UUID (version 5 layout: SHA-1 of a fixed
 * namespace and the id). The caller's id then travels in the event metadata so reads return it.
 */
export function esdbEventId(id: string): string {
  if (CANONICAL_UUID.test(id) && id !== NIL_UUID) return id;
  const hash = createHash('sha1').update(ID_NAMESPACE).update(id, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The server-side part of a filter: category prefixes, else event-type prefixes, else "no
 * system events". The exact filter (both dimensions, exact type names) is applied on the client.
 */
export function serverFilter(filter: EventFilter | undefined): Filter {
  if (filter?.streamCategories && filter.streamCategories.length > 0) {
    return streamNameFilter({ prefixes: filter.streamCategories.map((category) => `${category}-`) });
  }
  if (filter?.eventTypes && filter.eventTypes.length > 0) return eventTypeFilter({ prefixes: [...filter.eventTypes] });
  return excludeSystemEvents();
}
