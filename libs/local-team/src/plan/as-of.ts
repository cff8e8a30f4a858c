import { instantMs } from '@staffcast/events';
import { LocalTeamInputError } from './local-team-input-error.js';

/** A point in the log: a global position, or an instant (events recorded at or before it). */
export type AsOf = { kind: 'position'; position: bigint } | { kind: 'time'; ms: number; iso: string };

/** The fields of a stored event the as-of reads need (a subset of the store's RecordedEvent). */
export interface LoggedEvent {
  type: string;
  data: unknown;
  position: bigint;
  metadata: { recordedAt: string; schemaVersion: number };
}

/**
 * Parses an `asOf` query value: a log position (decimal digits, as the API prints positions) or an
 * ISO-8601 instant with an offset or Z. Anything else is an error naming `asOf`. O(length).
 *
 * @example parseAsOf('42') // { kind: 'position', position: 42n }
 * parseAsOf('2025-03-01T00:00:00Z') // { kind: 'time', ms: 1740787200000, iso: '2025-03-01T00:00:00Z' }
 */
export function parseAsOf(value: string): AsOf {
  if (/^\d{1,20}$/.test(value)) return { kind: 'position', position: BigInt(value) };
  const ms = instantMs(value);
  if (Number.isNaN(ms)) throw new LocalTeamInputError('asOf', 'must be a log position (digits) or an ISO-8601 time with an offset or Z, e.g. 2025-03-01T00:00:00Z');
  return { kind: 'time', ms, iso: value };
}

/**
 * True when an event was in the log at `asOf`: its position is at or before the given position, or
 * it was recorded at or before the given instant. No `asOf` means "now": every event. O(1).
 *
 * @example inLogAsOf(event, { kind: 'position', position: 10n }) // event.position <= 10n
 */
export function inLogAsOf(event: LoggedEvent, asOf: AsOf | undefined): boolean {
  if (asOf === undefined) return true;
  if (asOf.kind === 'position') return event.position <= asOf.position;
  return instantMs(event.metadata.recordedAt) <= asOf.ms;
}
