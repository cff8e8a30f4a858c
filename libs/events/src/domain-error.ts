/**
 * A command the current state of a stream does not allow. `kind` says what an HTTP layer should
 * answer: `not_found` (404: the entity was never created), `conflict` (409: the state forbids it)
 * or `invalid` (400: the command contradicts itself or the recorded facts, e.g. a resolution
 * before the ticket's creation). Shape errors are zod's job at the edge; these are the rest.
 */
export type DomainErrorKind = 'not_found' | 'conflict' | 'invalid';

const STATUS: Record<DomainErrorKind, 400 | 404 | 409> = { not_found: 404, conflict: 409, invalid: 400 };

export class DomainError<C extends string = string> extends Error {
  override readonly name = 'DomainError';
  /** HTTP status that fits `kind`; the API's error filter reads it. */
  readonly status: 400 | 404 | 409;

  constructor(
    /** Stable machine-readable code, e.g. `TICKET_ALREADY_RESOLVED`. */
    readonly code: C,
    message: string,
    readonly kind: DomainErrorKind = 'conflict',
    /** Dotted path of the offending command field (`resolvedAt`, `shifts.tue.0`), when one is to blame. */
    readonly field?: string,
  ) {
    super(message);
    this.status = STATUS[kind];
  }
}
