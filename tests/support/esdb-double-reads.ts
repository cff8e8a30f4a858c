import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import streamsPb from '@eventstore/db-client/generated/streams_pb.js';
import { drained, eventMessage, matches, parseFilter, statusError, streamName, writeAll, type ActiveSubscription, type DoubleNode as EsdbTestDouble, type Filter, type LogRecord, type NodeRole, type ReadCall } from './esdb-double-wire.js';

/** Streams/Read of the double: stream and `$all` reads, and subscriptions (see the double's header). */

type ReadResp = InstanceType<typeof streamsPb.ReadResp>;
type ReadOptions = InstanceType<typeof streamsPb.ReadReq.Options>;
const { ReadReq, ReadResp } = streamsPb;
const ReadDirection = ReadReq.Options.ReadDirection;

export function read(double: EsdbTestDouble, call: ReadCall, node: NodeRole): void {
  serveRead(double, call, node).catch((error: unknown) => {
    const status = error as Partial<grpc.StatusObject>;
    if (!call.cancelled) call.emit('error', typeof status.code === 'number' ? status : { code: grpc.status.INTERNAL, details: String(error) });
  });
}

async function serveRead(double: EsdbTestDouble, call: ReadCall, node: NodeRole): Promise<void> {
  double.refuseUnlessAllowed(call.metadata, node, undefined, 'read');
  if (double.readDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, double.readDelayMs));
  const options = call.request.getOptions();
  if (!options) throw statusError(grpc.status.INVALID_ARGUMENT, 'read options are required');
  if (!options.getUuidOption()) throw statusError(grpc.status.INVALID_ARGUMENT, 'uuid_option is required');
  // Client 6.2 always asks for (and sends) ids as strings; the structured form is not served.
  if (!options.getUuidOption()!.hasString()) throw statusError(grpc.status.UNIMPLEMENTED, 'the double serves event ids as strings only');
  const filter = parseFilter(options);

  if (options.hasSubscription()) {
    if (options.getReadDirection() !== ReadDirection.FORWARDS) throw statusError(grpc.status.INVALID_ARGUMENT, 'subscriptions read forwards');
    return serveSubscription(double, call, options, filter);
  }
  if (!options.hasCount()) throw statusError(grpc.status.INVALID_ARGUMENT, 'count or subscription is required');
  const count = BigInt(options.getCount());
  const backwards = options.getReadDirection() === ReadDirection.BACKWARDS;
  const out: (ReadResp | Buffer)[] = [];

  if (options.hasStream()) {
    const streamOptions = options.getStream()!;
    const stream = streamName(streamOptions.getStreamIdentifier());
    double.refuseUnlessAllowed(call.metadata, node, stream, 'read');
    if (double.tombstoned.has(stream)) throw double.streamDeletedStatus(stream);
    const records = double.streams.get(stream);
    // A soft delete hides the stream's events up to it, as the server's truncate-before does.
    const first = Number(double.truncatedBefore.get(stream) ?? 0n);
    double.stats.streamReads++;
    if (!records || records.length <= first) {
      const notFound = new ReadResp.StreamNotFound().setStreamIdentifier(streamOptions.getStreamIdentifier());
      return writeAll(call, [new ReadResp().setStreamNotFound(notFound)]);
    }
    let index: number;
    if (streamOptions.hasStart()) index = first;
    else if (streamOptions.hasEnd()) index = backwards ? records.length - 1 : records.length;
    else index = Math.max(first, Number(BigInt(streamOptions.getRevision())));
    if (backwards) index = Math.min(index, records.length - 1);
    for (let n = 0n; n < count && index >= first && index < records.length; n++) {
      out.push(eventMessage(records[index]!, false));
      index += backwards ? -1 : 1;
    }
    double.stats.streamEventsRead += out.length;
    return writeAll(call, out);
  }

  const allOptions = options.getAll();
  if (!allOptions) throw statusError(grpc.status.INVALID_ARGUMENT, 'stream or all is required');
  let index: number;
  if (allOptions.hasStart()) index = backwards ? -1 : 0;
  else if (allOptions.hasEnd()) index = backwards ? double.records.length - 1 : double.records.length;
  else {
    const boundary = boundaryIndex(double, allOptions.getPosition()!);
    // Forwards includes the record at the position; backwards starts before it.
    index = backwards ? boundary - 1 : boundary;
  }
  double.stats.allReads++;
  // Short backward pages are head lookups (the adapter's headPosition pages back past system and
  // reserved records at the log's end), counted apart from scans.
  const headLookup = backwards && count <= 8n;
  if (headLookup) double.stats.headLookups++;
  for (let n = 0n; n < count && index >= 0 && index < double.records.length; index += backwards ? -1 : 1) {
    const record = double.records[index]!;
    if (headLookup) double.stats.headEventsRead++;
    else double.stats.allEventsScanned++;
    if (!matches(record, filter)) continue;
    out.push(eventMessage(record, true));
    n++;
  }
  return writeAll(call, out);
}

/** Index of the record at `position`, or the log length for its end; anything else is not a record boundary. */
function boundaryIndex(double: EsdbTestDouble, position: InstanceType<typeof ReadReq.Options.Position>): number {
  const commit = BigInt(position.getCommitPosition());
  const prepare = BigInt(position.getPreparePosition());
  if (commit !== prepare) throw statusError(grpc.status.INVALID_ARGUMENT, `invalid position ${commit}/${prepare}`);
  if (commit === 0n) return 0;
  if (commit === double.nextPosition) return double.records.length;
  let low = 0;
  let high = double.records.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = double.records[mid]!.position;
    if (at === commit) return mid;
    if (at < commit) low = mid + 1;
    else high = mid - 1;
  }
  throw statusError(grpc.status.INVALID_ARGUMENT, `invalid position ${commit}: not a record boundary`);
}

function subscriptionStart(double: EsdbTestDouble, options: ReadOptions): { stream: string | undefined; cursor: number; streamRevision: bigint } {
  if (options.hasStream()) {
    const streamOptions = options.getStream()!;
    const stream = streamName(streamOptions.getStreamIdentifier());
    const existing = double.streams.get(stream) ?? [];
    let streamRevision = -1n;
    if (streamOptions.hasEnd()) streamRevision = BigInt(existing.length) - 1n;
    else if (!streamOptions.hasStart()) streamRevision = BigInt(streamOptions.getRevision());
    return { stream, cursor: 0, streamRevision };
  }
  const allOptions = options.getAll()!;
  if (allOptions.hasStart()) return { stream: undefined, cursor: 0, streamRevision: -1n };
  if (allOptions.hasEnd()) return { stream: undefined, cursor: double.records.length, streamRevision: -1n };
  // Subscriptions start after the given position.
  const boundary = boundaryIndex(double, allOptions.getPosition()!);
  const at = boundary < double.records.length && double.records[boundary]!.position === BigInt(allOptions.getPosition()!.getCommitPosition());
  return { stream: undefined, cursor: at ? boundary + 1 : boundary, streamRevision: -1n };
}

async function serveSubscription(double: EsdbTestDouble, call: ReadCall, options: ReadOptions, filter: Filter | undefined): Promise<void> {
  const start = subscriptionStart(double, options);
  const { stream, streamRevision } = start;
  let cursor = start.cursor;
  let wakeUp: (() => void) | undefined;
  const subscription: ActiveSubscription = { call, closed: false, wake: () => wakeUp?.() };
  double.subscriptions.add(subscription);
  call.on('cancelled', () => {
    subscription.closed = true;
    double.subscriptions.delete(subscription);
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
    while (cursor < double.records.length && !subscription.closed) {
      const record: LogRecord = double.records[cursor++]!;
      if (stream !== undefined && (record.stream !== stream || record.revision <= streamRevision)) continue;
      considered++;
      if (matches(record, filter)) {
        double.stats.subscriptionEvents++;
        await send(eventMessage(record, stream === undefined));
      }
      if (filter && considered % filter.checkpointEvery === 0) await send(checkpoint(record.position));
    }
    if (subscription.closed) break;
    if (!caughtUp) {
      caughtUp = true;
      const lastRecord = double.records[double.records.length - 1];
      if (filter && lastRecord) await send(checkpoint(lastRecord.position));
      if (double.sendCaughtUp) await send(new ReadResp().setCaughtUp(new ReadResp.CaughtUp()));
    }
    await new Promise<void>((resolve) => {
      wakeUp = resolve;
      if (subscription.closed || cursor < double.records.length) resolve();
    });
    wakeUp = undefined;
  }
}
