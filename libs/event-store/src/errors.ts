import type { ExpectedRevision } from './event-store.port.js';

/** The stream's actual revision did not match the expected one; nothing was written. */
export class ConcurrencyError extends Error {
  override readonly name = 'ConcurrencyError';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** Revision of the stream's last event, or `no_stream` when it does not exist. */
    readonly actual: bigint | 'no_stream',
  ) {
    super(`stream ${stream}: expected revision ${String(expected)}, actual ${String(actual)}`);
  }
}

/** An event id already stored with a different stream, type or data; nothing was written. */
export class DuplicateEventIdError extends Error {
  override readonly name = 'DuplicateEventIdError';
  constructor(
    readonly eventId: string,
    readonly stream: string,
  ) {
    super(`event id ${eventId} is already stored with different content (appending to ${stream})`);
  }
}

/** A stream name or event the store cannot accept. */
export class InvalidAppendError extends Error {
  override readonly name = 'InvalidAppendError';
}

/** A projection's stored checkpoint is not the one its commit extends: another process moved it; nothing was written. */
export class CheckpointMovedError extends Error {
  override readonly name = 'CheckpointMovedError';
  constructor(
    readonly projection: string,
    readonly expected: bigint | undefined,
    readonly stored: bigint | undefined,
  ) {
    super(`projection ${projection}: stored checkpoint ${stored ?? '(none)'} is not ${expected ?? '(none)'}; another process changed it`);
  }
}

/**
 * The stream was deleted: `tombstoned` streams can never be written again (410), soft-deleted ones
 * refuse a write that expects their old revision (409).
 */
export class StreamDeletedError extends Error {
  override readonly name = 'StreamDeletedError';
  constructor(
    readonly stream: string,
    readonly tombstoned: boolean,
  ) {
    super(`stream ${stream} ${tombstoned ? 'was permanently deleted' : 'was deleted'}`);
  }
}

/** The store refused the credentials or the stream's access rules refused the operation. */
export class StoreAccessDeniedError extends Error {
  override readonly name = 'StoreAccessDeniedError';
  constructor(readonly stream: string | undefined) {
    super(stream ? `the event store refused access to stream ${stream}` : 'the event store refused access');
  }
}

/** The store did not answer in time, even after retries; a write may or may not be stored, and retrying it is safe. */
export class StoreTimeoutError extends Error {
  override readonly name = 'StoreTimeoutError';
  constructor(
    readonly stream: string | undefined,
    readonly attempts: number,
  ) {
    super(`the event store did not answer in time${stream ? ` for stream ${stream}` : ''} (${attempts} attempts)`);
  }
}
