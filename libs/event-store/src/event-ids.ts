import { createHash, randomBytes } from 'node:crypto';

/**
 * Event ids. Ids land in a UNIQUE index; random ids (UUIDv4, hashes) scatter inserts over the
 * whole index and slow batched appends several-fold as the log grows (see BENCHMARKS.md), so
 * new ids are time-ordered UUIDv7 and ids derived from natural keys keep the key's order.
 */

/** A UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then random bits. Sorts by creation time. */
export function uuidv7(unixMs: number, random: Uint8Array = randomBytes(10)): string {
  const bytes = new Uint8Array(16);
  let ms = Math.max(0, Math.floor(unixMs));
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes.set(random.subarray(0, 10), 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Buffer.from(bytes).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A deterministic id for the fact `key` of `stream`, e.g. `ticket-T1/created`: a retried
 * request or a re-imported file produces the same id, so the store writes it once.
 */
export function deterministicEventId(stream: string, key: string): string {
  return `${stream}/${key}`;
}

/** A deterministic UUID (version 5 layout, SHA-1) for stores that need UUID-shaped ids. */
export function uuidFromName(name: string, namespace = 'staffcast'): string {
  const hash = createHash('sha1').update(namespace).update('\u0000').update(name).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
