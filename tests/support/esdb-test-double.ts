import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import serverFeaturesGrpc from '@eventstore/db-client/generated/serverfeatures_grpc_pb.js';
import serverFeaturesPb from '@eventstore/db-client/generated/serverfeatures_pb.js';
import streamsGrpc from '@eventstore/db-client/generated/streams_grpc_pb.js';
import streamsPb from '@eventstore/db-client/generated/streams_pb.js';
import { append, batchAppend } from './esdb-double-appends.js';
import { read } from './esdb-double-reads.js';
import { statusError, type ActiveSubscription, type DoubleNode, type Expected, type LogRecord, type NodeRole, type Outcome, type Proposed, type ReadCall } from './esdb-double-wire.js';

export type { LogRecord, NodeRole } from './esdb-double-wire.js';

export interface EsdbTestDoubleOptions {
  /** The server's MaxAppendSize (bytes of data + metadata + 2 per type character); 1 MiB like the server. */
  maxAppendSize?: number;
  /** Send the subscription caught-up message (servers 23.10+). False behaves like older servers. */
  sendCaughtUp?: boolean;
  /** Append a `$statsCollected` system event after every N client appends (0: never). */
  systemEventEvery?: number;
  serverVersion?: string;
  /** Advertise BatchAppend, as servers 21.10+ do (default); false lists Read and Append only, as older servers. */
  batchAppend?: boolean;
  /**
   * Users (name → password) the double accepts through basic authentication. When set, every call
   * needs one of them, as on a secured server; an unknown user or a wrong password is refused.
   */
  users?: Record<string, string>;
  /** Per stream-name prefix, the users allowed to write it (the server's `$w` ACL); others are refused. */
  writeAcl?: Record<string, string[]>;
  /** Serve TLS with this key and certificate (PEM), the certificate's file being the clients' CA: the client sends credentials only over TLS. */
  tls?: { key: Buffer; cert: Buffer; certFile: string };
}

/** A write failure to inject: a commit timeout, with or without the events having been committed first. */
export type InjectedFailure = 'timeout-before-commit' | 'timeout-after-commit';

/** Bytes a prepare record takes besides its stream name, type, data and metadata (roughly the server's). */
const RECORD_OVERHEAD = 90n;

/**
 * An in-process gRPC server speaking the EventStoreDB streams protocol, built on the stubs that
 * @eventstore/db-client ships. It implements:
 * - Streams/BatchAppend (advertised, as servers 21.10+ do, so the client's real write path runs)
 *   and Streams/Append: expected-revision checks answered with the server's wrong-expected-version
 *   messages; the server's idempotency for an exact retry at the same expected revision; the
 *   maximum append size; required `type` and `content-type` metadata entries; the BatchAppend
 *   deadline (an append still waiting when it passes answers Timeout);
 * - Streams/Read of a stream (StreamNotFound when missing or soft-deleted, StreamDeleted when
 *   tombstoned) and of `$all`, forwards and backwards, with count, start/end/revision/position,
 *   and stream-name or event-type filters (prefixes or regex); a forward `$all` read includes the
 *   record at its start position, a backward one starts before it, and a position that is not a
 *   record boundary is rejected;
 * - subscriptions to `$all` and to a stream (a Read with the subscription count option):
 *   confirmation, catch-up after the (exclusive) start, checkpoints every
 *   `checkpointIntervalMultiplier × window` considered events and at the end of catch-up when
 *   filtered, the caught-up message, then live events;
 * - a follower node ({@link startFollower}) sharing the leader's log: a call with
 *   `requires-leader: true` gets NotLeader naming the leader's host and port (the client then
 *   reconnects there); other reads are served, other writes are forwarded, as the server does;
 * - basic authentication (`users`) and a write ACL by stream prefix (`writeAcl`), refused with
 *   UNAUTHENTICATED and the `access-denied` exception as the server does;
 * - injected commit timeouts ({@link failNextWrites}) and a commit delay ({@link appendDelayMs});
 * - soft deletes ({@link softDelete}) and tombstones ({@link tombstone}), set through these
 *   methods rather than the Delete and Tombstone RPCs, which the adapter never calls.
 *
 * Positions are byte-offset-like: each record advances the log by its size, so they are
 * strictly increasing and never contiguous. System events (`$settings`, stream metadata in
 * `$$` streams, periodic `$statsCollected`) are in `$all` as on a real server.
 *
 * Where the double is laxer than the server: a follower is never behind the leader (the server's
 * followers lag by the replication delay); writing a soft-deleted stream with `no_stream` is
 * accepted and continues its revisions, as documented for the server, without the `$tb` metadata
 * event the server writes; ACLs cover writes only and come from the options, not from stream
 * metadata; the server's best-effort id cache for `any` appends is not modelled (an `any` retry
 * writes again); ids are checked for a UUID shape only. Not implemented: persistent subscriptions,
 * projections, structured (non-string) event ids, gossip (connect with
 * `esdb://127.0.0.1:PORT?tls=false`), link resolution, `$maxCount`/`$maxAge` (metadata events
 * are stored only), and explicit transactions.
 */
export class EsdbTestDouble implements DoubleNode {
  readonly records: LogRecord[] = [];
  /** @internal */ readonly streams = new Map<string, LogRecord[]>();
  /** @internal */ readonly subscriptions = new Set<ActiveSubscription>();
  /** @internal First visible revision of each soft-deleted stream. */ readonly truncatedBefore = new Map<string, bigint>();
  /** @internal */ readonly tombstoned = new Set<string>();
  /** @internal */ nextPosition = 4_096n;
  /** @internal */ readonly sendCaughtUp: boolean;
  /** Calls and events as the server saw them: the client's write path and the reads' cost. */
  readonly stats = {
    unaryAppendCalls: 0,
    batchAppendCalls: 0,
    batchAppendRequests: 0,
    streamReads: 0,
    streamEventsRead: 0,
    allReads: 0,
    /** Events passed by `$all` reads, head lookups (a few records backwards from the end) apart. */
    allEventsScanned: 0,
    headLookups: 0,
    headEventsRead: 0,
    subscriptionEvents: 0,
    notLeaderRefusals: 0,
    accessRefusals: 0,
  };
  /** Milliseconds each append waits before it commits, and each read before it is served (0: none): a network round trip. */
  appendDelayMs = 0;
  readDelayMs = 0;
  private readonly injected: InjectedFailure[] = [];
  private appendCount = 0;
  private readonly maxAppendSize: number;
  private readonly systemEventEvery: number;
  private readonly serverVersion: string;
  private readonly servers: grpc.Server[] = [];
  private port = 0;
  private followerPort: number | undefined;

  private constructor(private readonly options: EsdbTestDoubleOptions) {
    this.maxAppendSize = options.maxAppendSize ?? 1024 * 1024;
    this.sendCaughtUp = options.sendCaughtUp ?? true;
    this.systemEventEvery = options.systemEventEvery ?? 3;
    this.serverVersion = options.serverVersion ?? '23.10.0-test-double';
  }

  /** Starts the double's leader on an ephemeral loopback port. */
  static async start(options: EsdbTestDoubleOptions = {}): Promise<EsdbTestDouble> {
    const double = new EsdbTestDouble(options);
    double.port = await double.serve('leader');
    // A fresh server already has system records, before any client event.
    double.writeSystemEvent('$settings', '$settings', { $userStreamAcl: { $r: '$all', $w: '$all' } });
    double.writeSystemEvent(`$$$stats-127.0.0.1:${double.port}`, '$metadata', { $maxAge: 86400 });
    return double;
  }

  /** Append calls that reached the server, successful or not: unary calls plus BatchAppend requests. */
  get appendCalls(): number {
    return this.stats.unaryAppendCalls + this.stats.batchAppendRequests;
  }

  get connectionString(): string {
    return this.options.tls ? `esdb://127.0.0.1:${this.port}?tls=true&tlsCAFile=${encodeURIComponent(this.options.tls.certFile)}` : `esdb://127.0.0.1:${this.port}?tls=false`;
  }

  /** The connection string with basic credentials (TLS only: the client drops them on an insecure connection). */
  connectionStringFor(user: string, password: string): string {
    return `esdb://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${this.port}?tls=true&tlsCAFile=${encodeURIComponent(this.options.tls?.certFile ?? '')}`;
  }

  /** Starts a follower node on its own port, sharing this log; returns its connection string. */
  async startFollower(): Promise<string> {
    this.followerPort ??= await this.serve('follower');
    return `esdb://127.0.0.1:${this.followerPort}?tls=false`;
  }

  /** The next `count` appends fail with a commit timeout of the given kind. */
  failNextWrites(count: number, failure: InjectedFailure): void {
    for (let i = 0; i < count; i++) this.injected.push(failure);
  }

  /** A soft delete: the stream reads as missing; writing it again continues its revisions. */
  softDelete(stream: string): void {
    const records = this.streams.get(stream) ?? [];
    this.truncatedBefore.set(stream, BigInt(records.length));
  }

  /** A hard delete: the stream can never be read or written again. */
  tombstone(stream: string): void {
    this.tombstoned.add(stream);
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
    for (const server of this.servers) server.forceShutdown();
  }

  private async serve(node: NodeRole): Promise<number> {
    const server = new grpc.Server();
    // Read responses are cached per record as bytes (see eventMessage), so the service accepts
    // pre-serialised messages as well as message objects.
    const service = {
      ...streamsGrpc.StreamsService,
      read: { ...streamsGrpc.StreamsService.read, responseSerialize: (message: InstanceType<typeof streamsPb.ReadResp> | Buffer) => (Buffer.isBuffer(message) ? message : Buffer.from(message.serializeBinary())) },
    };
    server.addService(service, {
      read: (call: ReadCall) => read(this, call, node),
      append: (call: Parameters<typeof append>[2], callback: Parameters<typeof append>[3]) => append(this, node, call, callback),
      batchAppend: (call: Parameters<typeof batchAppend>[2]) => batchAppend(this, node, call),
    });
    server.addService(serverFeaturesGrpc.ServerFeaturesService, {
      getSupportedMethods: (_call: unknown, callback: grpc.sendUnaryData<unknown>) => callback(null, this.supportedMethods()),
    });
    this.servers.push(server);
    return new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', this.credentials(), (error, port) => (error ? reject(error) : resolve(port))),
    );
  }

  private credentials(): grpc.ServerCredentials {
    const tls = this.options.tls;
    return tls ? grpc.ServerCredentials.createSsl(null, [{ private_key: tls.key, cert_chain: tls.cert }], false) : grpc.ServerCredentials.createInsecure();
  }

  private supportedMethods(): InstanceType<typeof serverFeaturesPb.SupportedMethods> {
    const names = this.options.batchAppend === false ? ['read', 'append'] : ['read', 'append', 'batchappend'];
    const methods = names.map((name) => new serverFeaturesPb.SupportedMethod().setServiceName('event_store.client.streams.streams').setMethodName(name));
    return new serverFeaturesPb.SupportedMethods().setMethodsList(methods).setEventStoreServerVersion(this.serverVersion);
  }

  /**
   * @internal Refuses a call as the server would: bad credentials (UNAUTHENTICATED), a write the
   * ACL does not allow (access-denied), or a leader-only call on a follower (NotLeader).
   */
  refuseUnlessAllowed(metadata: grpc.Metadata, node: NodeRole, stream: string | undefined, operation: 'read' | 'write'): void {
    const user = this.authenticate(metadata);
    if (stream !== undefined && operation === 'write' && !this.mayWrite(user, stream)) {
      this.stats.accessRefusals++;
      throw statusError(grpc.status.PERMISSION_DENIED, `access to stream ${stream} denied`, { exception: 'access-denied' });
    }
    if (node === 'follower' && String(metadata.get('requires-leader')[0] ?? '') === 'true') {
      this.stats.notLeaderRefusals++;
      throw statusError(grpc.status.NOT_FOUND, 'leader info available', { exception: 'not-leader', 'leader-endpoint-host': '127.0.0.1', 'leader-endpoint-port': String(this.port) });
    }
  }

  /** The user the call's basic credentials name; undefined when the double runs without users. */
  private authenticate(metadata: grpc.Metadata): string | undefined {
    if (!this.options.users) return undefined;
    const header = String(metadata.get('authorization')[0] ?? '');
    const [name, password] = header.startsWith('Basic ') ? Buffer.from(header.slice(6), 'base64').toString('utf8').split(':', 2) : [];
    if (name === undefined || this.options.users[name] !== password) {
      this.stats.accessRefusals++;
      throw statusError(grpc.status.UNAUTHENTICATED, 'bad credentials', { exception: 'access-denied' });
    }
    return name;
  }

  private mayWrite(user: string | undefined, stream: string): boolean {
    for (const [prefix, allowed] of Object.entries(this.options.writeAcl ?? {})) {
      if (stream.startsWith(prefix)) return user !== undefined && allowed.includes(user);
    }
    return true;
  }

  /** @internal The server's answer to a call on a tombstoned stream. */
  streamDeletedStatus(stream: string): Partial<grpc.StatusObject> {
    return statusError(grpc.status.FAILED_PRECONDITION, `stream ${stream} is deleted`, { exception: 'stream-deleted', 'stream-name': stream });
  }

  /** @internal Commits after the injected delay; Timeout when the deadline (ms) passes first or a failure is injected. */
  async commitDelayed(stream: string, expected: Expected, proposed: Proposed[], deadline: number | undefined): Promise<Outcome> {
    if (this.appendDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.appendDelayMs));
    if (deadline !== undefined && Date.now() > deadline) return { kind: 'timeout' };
    const failure = this.injected.shift();
    if (failure === 'timeout-before-commit') return { kind: 'timeout' };
    const outcome = this.commit(stream, expected, proposed);
    return failure === 'timeout-after-commit' ? { kind: 'timeout' } : outcome;
  }

  /** Checks and writes one append atomically (JavaScript runs it without interleaving). */
  private commit(stream: string, expected: Expected, proposed: Proposed[]): Outcome {
    if (this.tombstoned.has(stream)) return { kind: 'deleted' };
    const existing = this.streams.get(stream) ?? [];
    const current = existing.length === 0 ? undefined : BigInt(existing.length - 1);
    const softDeleted = existing.length > 0 && this.truncatedBefore.get(stream) === BigInt(existing.length);
    let size = 0;
    for (const message of proposed) {
      const missing = (['type', 'content-type'] as const).filter((key) => (key === 'type' ? message.type : message.contentType) === undefined);
      if (missing.length > 0) return { kind: 'missing-metadata', missing };
      size += message.data.length + message.customMetadata.length + message.type!.length * 2;
      if (size > this.maxAppendSize) return { kind: 'too-big', max: this.maxAppendSize };
    }
    const holds =
      expected.kind === 'any' ||
      (expected.kind === 'no_stream' && (current === undefined || softDeleted)) ||
      (expected.kind === 'exists' && current !== undefined && !softDeleted) ||
      (expected.kind === 'revision' && current === expected.revision);
    if (!holds) {
      // The server's idempotency: the same ids right after the expected revision are a success, nothing written.
      const retried = this.idempotentRetry(existing, expected, proposed);
      if (retried) return { kind: 'ok', current, position: retried.position };
      return { kind: 'wrong', current: softDeleted ? undefined : current, expected };
    }
    let last: LogRecord | undefined;
    for (const message of proposed) last = this.write(stream, message.id, message.type!, message.contentType!, message.data, message.customMetadata);
    this.appendCount++;
    if (this.systemEventEvery > 0 && this.appendCount % this.systemEventEvery === 0) {
      this.writeSystemEvent(`$stats-127.0.0.1:${this.port}`, '$statsCollected', { 'proc-mem': 1024 * this.appendCount });
    }
    this.wakeSubscriptions();
    const after = this.streams.get(stream) ?? [];
    return { kind: 'ok', current: after.length === 0 ? undefined : BigInt(after.length - 1), position: last?.position };
  }

  private idempotentRetry(existing: LogRecord[], expected: Expected, proposed: Proposed[]): LogRecord | undefined {
    if (expected.kind !== 'revision' && expected.kind !== 'no_stream') return undefined;
    const first = expected.kind === 'no_stream' ? 0 : Number(expected.revision) + 1;
    if (proposed.length === 0 || first + proposed.length > existing.length) return undefined;
    for (let i = 0; i < proposed.length; i++) if (existing[first + i]!.id !== proposed[i]!.id) return undefined;
    return existing[first + proposed.length - 1];
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
}
