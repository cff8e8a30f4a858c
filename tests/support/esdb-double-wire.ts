import * as grpc from '@grpc/grpc-js';
import sharedPb from '@eventstore/db-client/generated/shared_pb.js';
import streamsPb from '@eventstore/db-client/generated/streams_pb.js';

/** The double's wire helpers: ids, names, filters, cached read messages and status errors. */

type ReadResp = InstanceType<typeof streamsPb.ReadResp>;
type ReadOptions = InstanceType<typeof streamsPb.ReadReq.Options>;
type Uuid = InstanceType<typeof sharedPb.UUID>;
/** Read responses go out as message objects or as cached bytes. */
export type ReadCall = grpc.ServerWritableStream<InstanceType<typeof streamsPb.ReadReq>, ReadResp | Buffer>;

const { ReadResp } = streamsPb;

/** One record of the double's transaction log: an event with its `$all` position (commit == prepare). */
export interface LogRecord {
  stream: string;
  revision: bigint;
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  customMetadata: Uint8Array;
  /** .NET ticks (Unix ms × 10,000) as a string, like the server's `created` metadata entry. */
  created: string;
  position: bigint;
}

export interface Filter {
  on: 'stream' | 'type';
  prefixes: string[];
  regex: RegExp | undefined;
  checkpointEvery: number;
}

export type Expected = { kind: 'any' } | { kind: 'no_stream' } | { kind: 'exists' } | { kind: 'revision'; revision: bigint };

export interface Proposed {
  id: string;
  type: string | undefined;
  contentType: string | undefined;
  data: Uint8Array;
  customMetadata: Uint8Array;
}

/** What one append came to; the RPCs turn it into their own messages. */
export type Outcome =
  | { kind: 'ok'; current: bigint | undefined; position: bigint | undefined }
  | { kind: 'wrong'; current: bigint | undefined; expected: Expected }
  | { kind: 'deleted' }
  | { kind: 'too-big'; max: number }
  | { kind: 'missing-metadata'; missing: string[] }
  | { kind: 'timeout' };

export type NodeRole = 'leader' | 'follower';

export interface ActiveSubscription {
  call: ReadCall;
  closed: boolean;
  wake: () => void;
}

/** What the RPC handlers need of the double (EsdbTestDouble implements it). */
export interface DoubleNode {
  readonly records: LogRecord[];
  readonly streams: Map<string, LogRecord[]>;
  readonly subscriptions: Set<ActiveSubscription>;
  readonly truncatedBefore: Map<string, bigint>;
  readonly tombstoned: Set<string>;
  readonly nextPosition: bigint;
  readonly sendCaughtUp: boolean;
  readonly readDelayMs: number;
  readonly stats: Record<'unaryAppendCalls' | 'batchAppendCalls' | 'batchAppendRequests' | 'streamReads' | 'streamEventsRead' | 'allReads' | 'allEventsScanned' | 'headLookups' | 'headEventsRead' | 'subscriptionEvents', number>;
  refuseUnlessAllowed(metadata: grpc.Metadata, node: NodeRole, stream: string | undefined, operation: 'read' | 'write'): void;
  streamDeletedStatus(stream: string): Partial<grpc.StatusObject>;
  commitDelayed(stream: string, expected: Expected, proposed: Proposed[], deadline: number | undefined): Promise<Outcome>;
}

const DEFAULT_READ_BATCH = 32;

export function streamName(identifier: InstanceType<typeof sharedPb.StreamIdentifier> | undefined): string {
  if (!identifier) throw statusError(grpc.status.INVALID_ARGUMENT, 'stream identifier is required');
  return Buffer.from(identifier.getStreamName_asU8()).toString('utf8');
}

export function parseUuid(uuid: Uuid | undefined): string {
  if (!uuid) throw statusError(grpc.status.INVALID_ARGUMENT, 'event id is required');
  if (!uuid.hasString()) throw statusError(grpc.status.UNIMPLEMENTED, 'the double takes event ids as strings only');
  const text = uuid.getString().toLowerCase();
  // The server parses ids as GUIDs and refuses the empty one.
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(text) || /^[0-]+$/.test(text)) {
    throw statusError(grpc.status.INVALID_ARGUMENT, `invalid event id ${uuid.getString()}`);
  }
  return text;
}

const encodedEvents = new WeakMap<LogRecord, Map<'all' | 'stream', Buffer>>();

/** The serialised ReadResp carrying `record`; cached, since a record is immutable once written. */
export function eventMessage(record: LogRecord, withAllPosition: boolean): Buffer {
  const key = withAllPosition ? 'all' : 'stream';
  let cache = encodedEvents.get(record);
  const cached = cache?.get(key);
  if (cached) return cached;
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(new sharedPb.UUID().setString(record.id))
    .setStreamIdentifier(new sharedPb.StreamIdentifier().setStreamName(Buffer.from(record.stream, 'utf8')))
    .setStreamRevision(record.revision.toString())
    .setCommitPosition(record.position.toString())
    .setPreparePosition(record.position.toString())
    .setData(record.data)
    .setCustomMetadata(record.customMetadata);
  recorded.getMetadataMap().set('type', record.type).set('content-type', record.contentType).set('created', record.created);
  const event = new ReadResp.ReadEvent().setEvent(recorded);
  if (withAllPosition) event.setCommitPosition(record.position.toString());
  else event.setNoPosition(new sharedPb.Empty());
  const bytes = Buffer.from(new ReadResp().setEvent(event).serializeBinary());
  if (!cache) encodedEvents.set(record, (cache = new Map()));
  cache.set(key, bytes);
  return bytes;
}

export function parseFilter(options: ReadOptions): Filter | undefined {
  if (!options.hasFilter()) return undefined;
  const filter = options.getFilter()!;
  const on = filter.hasStreamIdentifier() ? 'stream' : filter.hasEventType() ? 'type' : undefined;
  if (!on) throw statusError(grpc.status.INVALID_ARGUMENT, 'filter needs a stream identifier or event type expression');
  const expression = (on === 'stream' ? filter.getStreamIdentifier() : filter.getEventType())!;
  const window = filter.hasMax() ? filter.getMax() : DEFAULT_READ_BATCH;
  const multiplier = filter.getCheckpointintervalmultiplier() || 1;
  return {
    on,
    prefixes: expression.getPrefixList(),
    regex: expression.getRegex() ? new RegExp(expression.getRegex()) : undefined,
    checkpointEvery: multiplier * window,
  };
}

export function matches(record: LogRecord, filter: Filter | undefined): boolean {
  if (!filter) return true;
  const value = filter.on === 'stream' ? record.stream : record.type;
  if (filter.regex) return filter.regex.test(value);
  return filter.prefixes.some((prefix) => value.startsWith(prefix));
}

export async function writeAll(call: ReadCall, messages: (ReadResp | Buffer)[]): Promise<void> {
  for (const message of messages) {
    if (call.cancelled) return;
    if (!call.write(message)) await drained(call);
  }
  call.end();
}

/** Resolves when the call can take more messages, or when the client has gone. */
export function drained(call: ReadCall): Promise<void> {
  return new Promise((resolve) => {
    if (call.cancelled) return resolve();
    const done = () => {
      call.off('drain', done);
      call.off('cancelled', done);
      resolve();
    };
    call.on('drain', done);
    call.on('cancelled', done);
  });
}

export function statusError(code: grpc.status, details: string, metadata: Record<string, string> = {}): Partial<grpc.StatusObject> {
  const trailers = new grpc.Metadata();
  for (const [key, value] of Object.entries(metadata)) trailers.set(key, value);
  return { code, details, metadata: trailers };
}
