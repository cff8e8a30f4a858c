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
  return uuidText(bytes);
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
  return uuidText(hash);
}

/** The two lower-case hex digits of every byte value, as character codes. */
const HEX_CODES = Uint8Array.from({ length: 512 }, (_, i) => '0123456789abcdef'.charCodeAt(i % 2 ? (i >> 1) & 15 : i >> 5));

/**
 * The text of the UUID in `bytes[0..16)`: 8-4-4-4-12 lower-case hex digits, written into one
 * buffer. A string joined from slices is a rope of nine pieces, which SQLite's binding and every
 * hash of it must first copy into one (`String::WriteToFlat`, 4 % of a batched append's samples
 * under perf, BENCHMARKS.md).
 */
function uuidText(bytes: Uint8Array): string {
  const text = Buffer.allocUnsafe(36);
  let at = 0;
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) text[at++] = 0x2d; /* - */
    const byte = bytes[i]!;
    text[at++] = HEX_CODES[2 * byte]!;
    text[at++] = HEX_CODES[2 * byte + 1]!;
  }
  return text.toString('latin1');
}
