import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import serverFeaturesGrpc from '@eventstore/db-client/generated/serverfeatures_grpc_pb.js';
import serverFeaturesPb from '@eventstore/db-client/generated/serverfeatures_pb.js';
import sharedPb from '@eventstore/db-client/generated/shared_pb.js';
import streamsGrpc from '@eventstore/db-client/generated/streams_grpc_pb.js';
import streamsPb from '@eventstore/db-client/generated/streams_pb.js';

type ReadReq = InstanceType<typeof streamsPb.ReadReq>;
type ReadResp = InstanceType<typeof streamsPb.ReadResp>;
type AppendReq = InstanceType<typeof streamsPb.AppendReq>;
type AppendResp = InstanceType<typeof streamsPb.AppendResp>;
type ProposedMessage = InstanceType<typeof streamsPb.AppendReq.ProposedMessage>;
type ReadOptions = InstanceType<typeof streamsPb.ReadReq.Options>;
type Uuid = InstanceType<typeof sharedPb.UUID>;
/** Read responses go out as message objects or as cached bytes. */
type ReadCall = grpc.ServerWritableStream<ReadReq, ReadResp | Buffer>;

const { ReadReq, ReadResp, AppendReq, AppendResp } = streamsPb;
const ReadDirection = ReadReq.Options.ReadDirection;

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

export interface EsdbTestDoubleOptions {
  /** The server's MaxAppendSize (bytes of data + metadata + 2 per type character); 1 MiB like the server. */
  maxAppendSize?: number;
  /** Send the subscription caught-up message (servers 23.10+). False behaves like older servers. */
  sendCaughtUp?: boolean;
  /** Append a `$statsCollected` system event after every N client appends (0: never). */
  systemEventEvery?: number;
  serverVersion?: string;
}

interface Filter {
  on: 'stream' | 'type';
  prefixes: string[];
  regex: RegExp | undefined;
  checkpointEvery: number;
}

interface ActiveSubscription {
  call: ReadCall;
  closed: boolean;
  wake: () => void;
}

const DEFAULT_READ_BATCH = 32;
/** Bytes a prepare record takes besides its stream name, type, data and metadata (roughly the server's). */
const RECORD_OVERHEAD = 90n;

/**
 * An in-process gRPC server speaking the EventStoreDB streams protocol, built on the stubs that
 * @eventstore/db-client ships. It implements:
 * - Streams/Append: options then proposed messages; expected-revision checks answered with the
 *   server's wrong-expected-version message; the maximum append size; required `type` and
 *   `content-type` metadata entries;
 * - Streams/Read of a stream (StreamNotFound when missing) and of `$all`, forwards and backwards,
 *   with count, start/end/revision/position, and stream-name or event-type filters (prefixes or
 *   regex); a forward `$all` read includes the record at its start position, a backward one
 *   starts before it, and a position that is not a record boundary is rejected;
 * - subscriptions to `$all` and to a stream (a Read with the subscription count option):
 *   confirmation, catch-up after the (exclusive) start, checkpoints every
 *   `checkpointIntervalMultiplier × window` considered events and at the end of catch-up when
 *   filtered, the caught-up message, then live events;
 * - ServerFeatures/GetSupportedMethods, listing Read and Append only, so the client uses Append.
 *
 * Positions are byte-offset-like: each record advances the log by its size, so they are
 * strictly increasing and never contiguous. System events (`$settings`, stream metadata in
 * `$$` streams, periodic `$statsCollected`) are in `$all` as on a real server.
 *
 * Not implemented: BatchAppend, Delete, Tombstone, persistent subscriptions, projections,
 * structured (non-string) event ids,
 * gossip (connect with `esdb://127.0.0.1:PORT?tls=false`), authentication, link resolution,
 * stream metadata semantics ($maxCount, $maxAge, ACLs: metadata events are stored only),
 * explicit transactions and the server's best-effort event-id deduplication.
 */
export class EsdbTestDouble {
  readonly records: LogRecord[] = [];
  /** Append calls that reached the server, successful or not. */
  appendCalls = 0;
  private readonly streams = new Map<string, LogRecord[]>();
  private readonly subscriptions = new Set<ActiveSubscription>();
  private nextPosition = 4_096n;
  private appendCount = 0;
  private readonly maxAppendSize: number;
  private readonly sendCaughtUp: boolean;
  private readonly systemEventEvery: number;
  private readonly serverVersion: string;
  private port = 0;

  private constructor(
    private readonly server: grpc.Server,
    options: EsdbTestDoubleOptions,
  ) {
    this.maxAppendSize = options.maxAppendSize ?? 1024 * 1024;
    this.sendCaughtUp = options.sendCaughtUp ?? true;
    this.systemEventEvery = options.systemEventEvery ?? 3;
    this.serverVersion = options.serverVersion ?? '23.10.0-test-double';
  }

  /** Starts the double on an ephemeral loopback port. */
  static async start(options: EsdbTestDoubleOptions = {}): Promise<EsdbTestDouble> {
    const server = new grpc.Server();
    const double = new EsdbTestDouble(server, options);
    // Read responses are cached per record as bytes (see eventMessage), so the service accepts
    // pre-serialised messages as well as message objects.
    const service = {
      ...streamsGrpc.StreamsService,
      read: { ...streamsGrpc.StreamsService.read, responseSerialize: (message: ReadResp | Buffer) => (Buffer.isBuffer(message) ? message : Buffer.from(message.serializeBinary())) },
    };
    server.addService(service, {
      read: (call: ReadCall) => double.read(call),
      append: (call: grpc.ServerReadableStream<AppendReq, AppendResp>, callback: grpc.sendUnaryData<AppendResp>) => double.append(call, callback),
    });
    server.addService(serverFeaturesGrpc.ServerFeaturesService, {
      getSupportedMethods: (_call: unknown, callback: grpc.sendUnaryData<unknown>) => callback(null, double.supportedMethods()),
    });
    double.port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) => (error ? reject(error) : resolve(port))),
    );
    // A fresh server already has system records, before any client event.
    double.writeSystemEvent('$settings', '$settings', { $userStreamAcl: { $r: '$all', $w: '$all' } });
    double.writeSystemEvent(`$$$stats-127.0.0.1:${double.port}`, '$metadata', { $maxAge: 86400 });
    return double;
  }

  get connectionString(): string {
    return `esdb://127.0.0.1:${this.port}?tls=false`;
  }

  /** Ends every live subscription with `code` (UNAVAILABLE, as when a node goes away); returns how many. */
  dropSubscriptions(code: grpc.status = grpc.status.UNAVAILABLE): number {
    const active = [...this.subscriptions];
    for (const subscription of active) {
      subscription.closed = true;
      subscription.wake();
      subscription.call.emit('error', { code, details: 'subscription dropped by the test double' });
    }
    this.subscriptions.clear();
    return active.length;
  }

  get activeSubscriptions(): number {
    return this.subscriptions.size;
  }

  async stop(): Promise<void> {
    for (const subscription of this.subscriptions) {
      subscription.closed = true;
      subscription.wake();
    }
    this.subscriptions.clear();
    this.server.forceShutdown();
  }

  private supportedMethods(): InstanceType<typeof serverFeaturesPb.SupportedMethods> {
    const methods = ['read', 'append'].map((name) =>
      new serverFeaturesPb.SupportedMethod().setServiceName('event_store.client.streams.streams').setMethodName(name),
    );
    return new serverFeaturesPb.SupportedMethods().setMethodsList(methods).setEventStoreServerVersion(this.serverVersion);
  }

  // ---- Append ------------------------------------------------------------------------------

  private append(call: grpc.ServerReadableStream<AppendReq, AppendResp>, callback: grpc.sendUnaryData<AppendResp>): void {
    this.appendCalls++;
    let options: InstanceType<typeof AppendReq.Options> | undefined;
    const proposed: ProposedMessage[] = [];
    let failure: Partial<grpc.StatusObject> | undefined;
    call.on('data', (request: AppendReq) => {
      if (failure) return;
      if (!options) {
        options = request.getOptions();
        if (!options) failure = { code: grpc.status.INVALID_ARGUMENT, details: 'the first append message must carry the options' };
        return;
      }
      const message = request.getProposedMessage();
      if (!message) failure = { code: grpc.status.INVALID_ARGUMENT, details: 'expected a proposed message' };
      else proposed.push(message);
    });
    call.on('end', () => {
      if (failure || !options) return callback(failure ?? { code: grpc.status.INVALID_ARGUMENT, details: 'no options' });
      try {
        callback(null, this.commit(options, proposed));
      } catch (error) {
        callback(error as Partial<grpc.StatusObject>);
      }
    });
  }

  /** Checks and writes one append atomically (JavaScript runs it without interleaving). */
  private commit(options: InstanceType<typeof AppendReq.Options>, proposed: ProposedMessage[]): AppendResp {
    const stream = streamName(options.getStreamIdentifier());
    const existing = this.streams.get(stream) ?? [];
    const current = existing.length === 0 ? undefined : BigInt(existing.length - 1);
    const Case = AppendReq.Options.ExpectedStreamRevisionCase;
    const expectedCase = options.getExpectedStreamRevisionCase();
    const holds =
      expectedCase === Case.ANY ||
      (expectedCase === Case.NO_STREAM && current === undefined) ||
      (expectedCase === Case.STREAM_EXISTS && current !== undefined) ||
      (expectedCase === Case.REVISION && current === BigInt(options.getRevision()));
    if (expectedCase === Case.EXPECTED_STREAM_REVISION_NOT_SET) throw statusError(grpc.status.INVALID_ARGUMENT, 'expected stream revision not set');

    let size = 0;
    for (const message of proposed) {
      const metadata = message.getMetadataMap();
      const missing = ['type', 'content-type'].filter((key) => !metadata.has(key));
      if (missing.length > 0) {
        throw statusError(grpc.status.INVALID_ARGUMENT, `missing required metadata ${missing.join(',')}`, {
          exception: 'missing-required-metadata-property',
          'required-metadata-properties': missing.join(','),
        });
      }
      size += message.getData_asU8().length + message.getCustomMetadata_asU8().length + String(metadata.get('type')).length * 2;
      if (size > this.maxAppendSize) {
        throw statusError(grpc.status.INVALID_ARGUMENT, `maximum append size of ${this.maxAppendSize} exceeded`, {
          exception: 'maximum-append-size-exceeded',
          'maximum-append-size': String(this.maxAppendSize),
        });
      }
    }

    const response = new AppendResp();
    if (!holds) {
      // Both the current fields and the 20.6.0 ones, as the server sends them.
      const wrong = new AppendResp.WrongExpectedVersion();
      if (current === undefined) wrong.setCurrentNoStream(new sharedPb.Empty()).setNoStream2060(new sharedPb.Empty());
      else wrong.setCurrentRevision(current.toString()).setCurrentRevision2060(Number(current));
      if (expectedCase === Case.REVISION) wrong.setExpectedRevision(options.getRevision()).setExpectedRevision2060(Number(options.getRevision()));
      else if (expectedCase === Case.NO_STREAM) wrong.setExpectedNoStream(new sharedPb.Empty());
      else if (expectedCase === Case.STREAM_EXISTS) wrong.setExpectedStreamExists(new sharedPb.Empty()).setStreamExists2060(new sharedPb.Empty());
      return response.setWrongExpectedVersion(wrong);
    }

    let last: LogRecord | undefined;
    for (const message of proposed) {
      const metadata = message.getMetadataMap();
      last = this.write(stream, parseUuid(message.getId()), String(metadata.get('type')), String(metadata.get('content-type')), message.getData_asU8(), message.getCustomMetadata_asU8());
    }
    this.appendCount++;
    if (this.systemEventEvery > 0 && this.appendCount % this.systemEventEvery === 0) {
      this.writeSystemEvent(`$stats-127.0.0.1:${this.port}`, '$statsCollected', { 'proc-mem': 1024 * this.appendCount });
    }
    this.wakeSubscriptions();

    const success = new AppendResp.Success();
    const after = this.streams.get(stream) ?? [];
    if (after.length === 0) success.setNoStream(new sharedPb.Empty());
    else success.setCurrentRevision(BigInt(after.length - 1).toString());
    if (last) {
      success.setPosition(new AppendResp.Position().setCommitPosition(last.position.toString()).setPreparePosition(last.position.toString()));
    } else {
      success.setNoPosition(new sharedPb.Empty());
    }
    return response.setSuccess(success);
  }

  private write(stream: string, id: string, type: string, contentType: string, data: Uint8Array, customMetadata: Uint8Array): LogRecord {
    const records = this.streams.get(stream) ?? [];
    const record: LogRecord = {
      stream,
      revision: BigInt(records.length),
      id,
      type,
      contentType,
      data: Uint8Array.from(data),
      customMetadata: Uint8Array.from(customMetadata),
      created: (BigInt(Date.now()) * 10_000n).toString(),
      position: this.nextPosition,
    };
    const bytes = Buffer.byteLength(stream) + Buffer.byteLength(type) + data.length + customMetadata.length;
    this.nextPosition += RECORD_OVERHEAD + BigInt(bytes);
    records.push(record);
    this.streams.set(stream, records);
    this.records.push(record);
    return record;
  }

  private writeSystemEvent(stream: string, type: string, data: unknown): void {
    this.write(stream, randomUUID(), type, 'application/json', Buffer.from(JSON.stringify(data)), new Uint8Array());
    this.wakeSubscriptions();
  }

  private wakeSubscriptions(): void {
    for (const subscription of this.subscriptions) subscription.wake();
  }

  // ---- Read --------------------------------------------------------------------------------

  private read(call: ReadCall): void {
    this.serveRead(call).catch((error: unknown) => {
      const status = error as Partial<grpc.StatusObject>;
      if (!call.cancelled) call.emit('error', typeof status.code === 'number' ? status : { code: grpc.status.INTERNAL, details: String(error) });
    });
  }

  private async serveRead(call: ReadCall): Promise<void> {
    const options = call.request.getOptions();
    if (!options) throw statusError(grpc.status.INVALID_ARGUMENT, 'read options are required');
    if (!options.getUuidOption()) throw statusError(grpc.status.INVALID_ARGUMENT, 'uuid_option is required');
    // Client 6.2 always asks for (and sends) ids as strings; the structured form is not served.
    if (!options.getUuidOption()!.hasString()) throw statusError(grpc.status.UNIMPLEMENTED, 'the double serves event ids as strings only');
    const filter = parseFilter(options);
    const toMessage = (record: LogRecord, withPosition: boolean) => eventMessage(record, withPosition);

    if (options.hasSubscription()) {
      if (options.getReadDirection() !== ReadDirection.FORWARDS) throw statusError(grpc.status.INVALID_ARGUMENT, 'subscriptions read forwards');
      return this.serveSubscription(call, options, filter, toMessage);
    }
    if (!options.hasCount()) throw statusError(grpc.status.INVALID_ARGUMENT, 'count or subscription is required');
    const count = BigInt(options.getCount());
    const backwards = options.getReadDirection() === ReadDirection.BACKWARDS;
    const out: (ReadResp | Buffer)[] = [];

    if (options.hasStream()) {
      const streamOptions = options.getStream()!;
      const stream = streamName(streamOptions.getStreamIdentifier());
      const records = this.streams.get(stream);
      if (!records) {
        const notFound = new ReadResp.StreamNotFound().setStreamIdentifier(streamOptions.getStreamIdentifier());
        return writeAll(call, [new ReadResp().setStreamNotFound(notFound)]);
      }
      let index: number;
      if (streamOptions.hasStart()) index = 0;
      else if (streamOptions.hasEnd()) index = backwards ? records.length - 1 : records.length;
      else index = Number(BigInt(streamOptions.getRevision()));
      if (backwards) index = Math.min(index, records.length - 1);
      for (let n = 0n; n < count && index >= 0 && index < records.length; n++) {
        out.push(toMessage(records[index]!, false));
        index += backwards ? -1 : 1;
      }
      return writeAll(call, out);
    }

    const allOptions = options.getAll();
    if (!allOptions) throw statusError(grpc.status.INVALID_ARGUMENT, 'stream or all is required');
    let index: number;
    if (allOptions.hasStart()) index = backwards ? -1 : 0;
    else if (allOptions.hasEnd()) index = backwards ? this.records.length - 1 : this.records.length;
    else {
      const boundary = this.boundaryIndex(allOptions.getPosition()!);
      // Forwards includes the record at the position; backwards starts before it.
      index = backwards ? boundary - 1 : boundary;
    }
    for (let n = 0n; n < count && index >= 0 && index < this.records.length; index += backwards ? -1 : 1) {
      const record = this.records[index]!;
      if (!matches(record, filter)) continue;
      out.push(toMessage(record, true));
      n++;
    }
    return writeAll(call, out);
  }

  /** Index of the record at `position`, or the log length for its end; anything else is not a record boundary. */
  private boundaryIndex(position: InstanceType<typeof ReadReq.Options.Position>): number {
    const commit = BigInt(position.getCommitPosition());
    const prepare = BigInt(position.getPreparePosition());
    if (commit !== prepare) throw statusError(grpc.status.INVALID_ARGUMENT, `invalid position ${commit}/${prepare}`);
    if (commit === 0n) return 0;
    if (commit === this.nextPosition) return this.records.length;
    let low = 0;
    let high = this.records.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const at = this.records[mid]!.position;
      if (at === commit) return mid;
      if (at < commit) low = mid + 1;
      else high = mid - 1;
    }
    throw statusError(grpc.status.INVALID_ARGUMENT, `invalid position ${commit}: not a record boundary`);
  }

  private async serveSubscription(
    call: ReadCall,
    options: ReadOptions,
    filter: Filter | undefined,
    toMessage: (record: LogRecord, withPosition: boolean) => Buffer,
  ): Promise<void> {
    let stream: string | undefined;
    let cursor: number;
    let streamRevision = -1n;
    if (options.hasStream()) {
      const streamOptions = options.getStream()!;
      stream = streamName(streamOptions.getStreamIdentifier());
      const existing = this.streams.get(stream) ?? [];
      if (streamOptions.hasEnd()) streamRevision = BigInt(existing.length) - 1n;
      else if (!streamOptions.hasStart()) streamRevision = BigInt(streamOptions.getRevision());
      cursor = 0;
    } else {
      const allOptions = options.getAll()!;
      if (allOptions.hasStart()) cursor = 0;
      else if (allOptions.hasEnd()) cursor = this.records.length;
      else {
        // Subscriptions start after the given position.
        const boundary = this.boundaryIndex(allOptions.getPosition()!);
        cursor = boundary < this.records.length && this.records[boundary]!.position === BigInt(allOptions.getPosition()!.getCommitPosition()) ? boundary + 1 : boundary;
      }
    }

    let wakeUp: (() => void) | undefined;
    const subscription: ActiveSubscription = { call, closed: false, wake: () => wakeUp?.() };
    this.subscriptions.add(subscription);
    call.on('cancelled', () => {
      subscription.closed = true;
      this.subscriptions.delete(subscription);
      subscription.wake();
    });
    const send = async (message: ReadResp | Buffer) => {
      if (!subscription.closed && !call.write(message)) await drained(call);
    };
    const checkpoint = (position: bigint) =>
      new ReadResp().setCheckpoint(new ReadResp.Checkpoint().setCommitPosition(position.toString()).setPreparePosition(position.toString()));

    await send(new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID())));
    let considered = 0;
    let caughtUp = false;
    while (!subscription.closed) {
      while (cursor < this.records.length && !subscription.closed) {
        const record = this.records[cursor++]!;
        if (stream !== undefined && (record.stream !== stream || record.revision <= streamRevision)) continue;
        considered++;
        if (matches(record, filter)) await send(toMessage(record, stream === undefined));
        if (filter && considered % filter.checkpointEvery === 0) await send(checkpoint(record.position));
      }
      if (subscription.closed) break;
      if (!caughtUp) {
        caughtUp = true;
        const lastRecord = this.records[this.records.length - 1];
        if (filter && lastRecord) await send(checkpoint(lastRecord.position));
        if (this.sendCaughtUp) await send(new ReadResp().setCaughtUp(new ReadResp.CaughtUp()));
      }
      await new Promise<void>((resolve) => {
        wakeUp = resolve;
        if (subscription.closed || cursor < this.records.length) resolve();
      });
      wakeUp = undefined;
    }
  }
}

function streamName(identifier: InstanceType<typeof sharedPb.StreamIdentifier> | undefined): string {
  if (!identifier) throw statusError(grpc.status.INVALID_ARGUMENT, 'stream identifier is required');
  return Buffer.from(identifier.getStreamName_asU8()).toString('utf8');
}

function parseUuid(uuid: Uuid | undefined): string {
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
function eventMessage(record: LogRecord, withAllPosition: boolean): Buffer {
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

function parseFilter(options: ReadOptions): Filter | undefined {
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

function matches(record: LogRecord, filter: Filter | undefined): boolean {
  if (!filter) return true;
  const value = filter.on === 'stream' ? record.stream : record.type;
  if (filter.regex) return filter.regex.test(value);
  return filter.prefixes.some((prefix) => value.startsWith(prefix));
}

async function writeAll(call: ReadCall, messages: (ReadResp | Buffer)[]): Promise<void> {
  for (const message of messages) {
    if (call.cancelled) return;
    if (!call.write(message)) await drained(call);
  }
  call.end();
}

/** Resolves when the call can take more messages, or when the client has gone. */
function drained(call: ReadCall): Promise<void> {
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

function statusError(code: grpc.status, details: string, metadata: Record<string, string> = {}): Partial<grpc.StatusObject> {
  const trailers = new grpc.Metadata();
  for (const [key, value] of Object.entries(metadata)) trailers.set(key, value);
  return { code, details, metadata: trailers };
}
