import * as grpc from '@grpc/grpc-js';
import sharedPb from '@eventstore/db-client/generated/shared_pb.js';
import anyPb from 'google-protobuf/google/protobuf/any_pb.js';
import statusPb from '@eventstore/db-client/generated/status_pb.js';
import streamsPb from '@eventstore/db-client/generated/streams_pb.js';
import { parseUuid, statusError, streamName, type DoubleNode as EsdbTestDouble, type Expected, type NodeRole, type Outcome, type Proposed } from './esdb-double-wire.js';

/** Streams/Append and Streams/BatchAppend of the double, over one commit step (see the double's header). */

type AppendReq = InstanceType<typeof streamsPb.AppendReq>;
type AppendResp = InstanceType<typeof streamsPb.AppendResp>;
type BatchAppendReq = InstanceType<typeof streamsPb.BatchAppendReq>;
type BatchAppendResp = InstanceType<typeof streamsPb.BatchAppendResp>;
const { AppendReq, AppendResp, BatchAppendResp } = streamsPb;
type Any = InstanceType<typeof anyPb.Any>;

// ---- Append (unary, client-streaming) ------------------------------------------------------

export function append(double: EsdbTestDouble, node: NodeRole, call: grpc.ServerReadableStream<AppendReq, AppendResp>, callback: grpc.sendUnaryData<AppendResp>): void {
  double.stats.unaryAppendCalls++;
  let options: InstanceType<typeof AppendReq.Options> | undefined;
  const proposed: Proposed[] = [];
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
    else proposed.push(proposedOf(message));
  });
  call.on('end', () => {
    if (failure || !options) return callback(failure ?? { code: grpc.status.INVALID_ARGUMENT, details: 'no options' });
    try {
      const stream = streamName(options.getStreamIdentifier());
      double.refuseUnlessAllowed(call.metadata, node, stream, 'write');
      const expected = unaryExpected(options);
      void double.commitDelayed(stream, expected, proposed, undefined).then((outcome) => {
        try {
          callback(null, unaryResponse(double, stream, outcome));
        } catch (error) {
          callback(error as Partial<grpc.StatusObject>);
        }
      });
    } catch (error) {
      callback(error as Partial<grpc.StatusObject>);
    }
  });
}

function unaryExpected(options: InstanceType<typeof AppendReq.Options>): Expected {
  const Case = AppendReq.Options.ExpectedStreamRevisionCase;
  switch (options.getExpectedStreamRevisionCase()) {
    case Case.ANY:
      return { kind: 'any' };
    case Case.NO_STREAM:
      return { kind: 'no_stream' };
    case Case.STREAM_EXISTS:
      return { kind: 'exists' };
    case Case.REVISION:
      return { kind: 'revision', revision: BigInt(options.getRevision()) };
    default:
      throw statusError(grpc.status.INVALID_ARGUMENT, 'expected stream revision not set');
  }
}

/** The unary answer: a response message, or the server's status errors with their trailers. */
function unaryResponse(double: EsdbTestDouble, stream: string, outcome: Outcome): AppendResp {
  const response = new AppendResp();
  switch (outcome.kind) {
    case 'ok': {
      const success = new AppendResp.Success();
      if (outcome.current === undefined) success.setNoStream(new sharedPb.Empty());
      else success.setCurrentRevision(outcome.current.toString());
      if (outcome.position === undefined) success.setNoPosition(new sharedPb.Empty());
      else success.setPosition(new AppendResp.Position().setCommitPosition(outcome.position.toString()).setPreparePosition(outcome.position.toString()));
      return response.setSuccess(success);
    }
    case 'wrong': {
      // Both the current fields and the 20.6.0 ones, as the server sends them.
      const wrong = new AppendResp.WrongExpectedVersion();
      if (outcome.current === undefined) wrong.setCurrentNoStream(new sharedPb.Empty()).setNoStream2060(new sharedPb.Empty());
      else wrong.setCurrentRevision(outcome.current.toString()).setCurrentRevision2060(Number(outcome.current));
      const expected = outcome.expected;
      if (expected.kind === 'revision') wrong.setExpectedRevision(expected.revision.toString()).setExpectedRevision2060(Number(expected.revision));
      else if (expected.kind === 'no_stream') wrong.setExpectedNoStream(new sharedPb.Empty());
      else if (expected.kind === 'exists') wrong.setExpectedStreamExists(new sharedPb.Empty()).setStreamExists2060(new sharedPb.Empty());
      return response.setWrongExpectedVersion(wrong);
    }
    case 'deleted':
      throw double.streamDeletedStatus(stream);
    case 'too-big':
      throw statusError(grpc.status.INVALID_ARGUMENT, `maximum append size of ${outcome.max} exceeded`, { exception: 'maximum-append-size-exceeded', 'maximum-append-size': String(outcome.max) });
    case 'missing-metadata':
      throw statusError(grpc.status.INVALID_ARGUMENT, `missing required metadata ${outcome.missing.join(',')}`, {
        exception: 'missing-required-metadata-property',
        'required-metadata-properties': outcome.missing.join(','),
      });
    case 'timeout':
      // A commit timeout: the client reads ABORTED as its TimeoutError.
      throw statusError(grpc.status.ABORTED, 'operation timed out', { exception: 'timeout' });
  }
}

// ---- BatchAppend (bidirectional, 21.10+) ---------------------------------------------------

/**
 * One call carries many appends, each a run of requests sharing a correlation id and ending with
 * `is_final`; each is answered on the same call, in the order it completes. The deadline travels
 * in the options: an append still waiting when it passes is answered with a Timeout.
 */
export function batchAppend(double: EsdbTestDouble, node: NodeRole, call: grpc.ServerDuplexStream<BatchAppendReq, BatchAppendResp>): void {
  double.stats.batchAppendCalls++;
  try {
    double.refuseUnlessAllowed(call.metadata, node, undefined, 'write');
  } catch (error) {
    call.emit('error', error);
    return;
  }
  const pending = new Map<string, { options: InstanceType<typeof streamsPb.BatchAppendReq.Options>; proposed: Proposed[] }>();
  call.on('data', (request: BatchAppendReq) => {
    const correlation = parseUuid(request.getCorrelationId());
    let entry = pending.get(correlation);
    if (!entry) {
      const options = request.getOptions();
      if (!options) return call.emit('error', statusError(grpc.status.INVALID_ARGUMENT, 'the first request of an append must carry the options'));
      pending.set(correlation, (entry = { options, proposed: [] }));
    }
    for (const message of request.getProposedMessagesList()) entry.proposed.push(proposedOf(message));
    if (!request.getIsFinal()) return;
    pending.delete(correlation);
    double.stats.batchAppendRequests++;
    const stream = streamName(entry.options.getStreamIdentifier());
    const identifier = entry.options.getStreamIdentifier()!;
    const deadline = entry.options.getDeadline()?.toDate().getTime();
    const options = entry.options;
    try {
      double.refuseUnlessAllowed(call.metadata, node, stream, 'write');
    } catch {
      return call.write(batchError(request, identifier, grpc.status.PERMISSION_DENIED, 'access denied', pack(new sharedPb.AccessDenied(), 'AccessDenied')));
    }
    void double.commitDelayed(stream, batchExpected(options), entry.proposed, deadline).then((outcome) => {
      if (!call.cancelled && call.writable) call.write(batchResponse(request, identifier, outcome));
    });
  });
  call.on('end', () => call.end());
}

function batchExpected(options: InstanceType<typeof streamsPb.BatchAppendReq.Options>): Expected {
  if (options.hasAny()) return { kind: 'any' };
  if (options.hasNoStream()) return { kind: 'no_stream' };
  if (options.hasStreamExists()) return { kind: 'exists' };
  return { kind: 'revision', revision: BigInt(options.getStreamPosition()) };
}

function batchResponse(request: BatchAppendReq, identifier: InstanceType<typeof sharedPb.StreamIdentifier>, outcome: Outcome): BatchAppendResp {
  switch (outcome.kind) {
    case 'ok': {
      const success = new BatchAppendResp.Success();
      if (outcome.current === undefined) success.setNoStream(new sharedPb.Empty());
      else success.setCurrentRevision(outcome.current.toString());
      if (outcome.position === undefined) success.setNoPosition(new sharedPb.Empty());
      else success.setPosition(new sharedPb.AllStreamPosition().setCommitPosition(outcome.position.toString()).setPreparePosition(outcome.position.toString()));
      return new BatchAppendResp().setCorrelationId(request.getCorrelationId()).setStreamIdentifier(identifier).setSuccess(success);
    }
    case 'wrong': {
      const wrong = new sharedPb.WrongExpectedVersion();
      if (outcome.current === undefined) wrong.setCurrentNoStream(new sharedPb.Empty());
      else wrong.setCurrentStreamRevision(outcome.current.toString());
      const expected = outcome.expected;
      if (expected.kind === 'revision') wrong.setExpectedStreamPosition(expected.revision.toString());
      else if (expected.kind === 'no_stream') wrong.setExpectedNoStream(new sharedPb.Empty());
      else if (expected.kind === 'exists') wrong.setExpectedStreamExists(new sharedPb.Empty());
      else wrong.setExpectedAny(new sharedPb.Empty());
      return batchError(request, identifier, grpc.status.FAILED_PRECONDITION, 'wrong expected version', pack(wrong, 'WrongExpectedVersion'));
    }
    case 'deleted':
      return batchError(request, identifier, grpc.status.FAILED_PRECONDITION, 'stream deleted', pack(new sharedPb.StreamDeleted().setStreamIdentifier(identifier), 'StreamDeleted'));
    case 'too-big':
      return batchError(request, identifier, grpc.status.INVALID_ARGUMENT, 'maximum append size exceeded', pack(new sharedPb.MaximumAppendSizeExceeded().setMaxappendsize(outcome.max), 'MaximumAppendSizeExceeded'));
    case 'missing-metadata':
      return batchError(request, identifier, grpc.status.INVALID_ARGUMENT, `missing required metadata ${outcome.missing.join(',')}`, pack(new sharedPb.Unknown(), 'Unknown'));
    case 'timeout':
      return batchError(request, identifier, grpc.status.DEADLINE_EXCEEDED, 'operation timed out', pack(new sharedPb.Timeout(), 'Timeout'));
  }
}

function batchError(request: BatchAppendReq, identifier: InstanceType<typeof sharedPb.StreamIdentifier>, code: grpc.status, message: string, details: Any): BatchAppendResp {
  const status = new statusPb.Status().setCode(code as number).setMessage(message).setDetails(details);
  return new BatchAppendResp().setCorrelationId(request.getCorrelationId()).setStreamIdentifier(identifier).setError(status);
}

function pack(message: { serializeBinary(): Uint8Array }, name: string): Any {
  const any = new anyPb.Any();
  any.pack(message.serializeBinary(), `event_store.client.${name}`);
  return any;
}

function proposedOf(message: InstanceType<typeof AppendReq.ProposedMessage> | InstanceType<typeof streamsPb.BatchAppendReq.ProposedMessage>): Proposed {
  const metadata = message.getMetadataMap();
  return {
    id: parseUuid(message.getId()),
    type: metadata.get('type'),
    contentType: metadata.get('content-type'),
    data: message.getData_asU8(),
    customMetadata: message.getCustomMetadata_asU8(),
  };
}
