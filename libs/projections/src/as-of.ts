import { instantMs } from '@staffcast/events';

/** A point in the log: a global position, or an instant ("events recorded at or before it"). */
export type AsOf = { kind: 'position'; position: bigint } | { kind: 'time'; ms: number };

/**
 * Parses an `asOf` value: decimal digits are a log position (positions print as strings), anything
 * else must be an ISO-8601 instant with an offset or Z. Returns undefined when it is neither, so the
 * caller can name the field in its error. O(length).
 *
 * @example parseAsOf('42') // { kind: 'position', position: 42n }
 * parseAsOf('2026-03-01T00:00:00Z') // { kind: 'time', ms: 1772323200000 }
 */
export function parseAsOf(value: string): AsOf | undefined {
  if (/^\d{1,20}$/.test(value)) return { kind: 'position', position: BigInt(value) };
  const ms = instantMs(value);
  return Number.isNaN(ms) ? undefined : { kind: 'time', ms };
}

/**
 * True when the event was in the log at `asOf`: position at or before the bound, or recorded at or
 * before the instant (metadata.recordedAt). O(1).
 */
export function inLogAsOf(event: { position: bigint; metadata: { recordedAt: string } }, asOf: AsOf): boolean {
  return asOf.kind === 'position' ? event.position <= asOf.position : instantMs(event.metadata.recordedAt) <= asOf.ms;
}
