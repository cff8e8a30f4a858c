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
