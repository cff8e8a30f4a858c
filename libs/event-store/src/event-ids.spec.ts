import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { deterministicEventId, uuidFromName, uuidv7 } from './event-ids.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('event ids', () => {
  it('uuidv7 is a version-7 UUID that sorts by time', () => {
    const a = uuidv7(Date.UTC(2026, 0, 1));
    const b = uuidv7(Date.UTC(2026, 0, 1, 0, 0, 1));
    expect(a).toMatch(UUID);
    expect(a[14]).toBe('7');
    expect(a < b).toBe(true);
    expect(a.slice(0, 13).replace('-', '')).toBe(Date.UTC(2026, 0, 1).toString(16).padStart(12, '0'));
  });

  it('uuidv7 writes its milliseconds, version, variant and random bits as 8-4-4-4-12 hex digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 48 - 1 }), fc.uint8Array({ minLength: 10, maxLength: 10 }), (ms, random) => {
        const bytes = Buffer.concat([Buffer.from(ms.toString(16).padStart(12, '0'), 'hex'), random]);
        bytes[6] = (bytes[6]! & 0x0f) | 0x70;
        bytes[8] = (bytes[8]! & 0x3f) | 0x80;
        const hex = bytes.toString('hex');
        expect(uuidv7(ms, random)).toBe(`${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`);
      }),
    );
  });

  it('deterministic ids repeat for the same fact and differ between facts', () => {
    expect(deterministicEventId('ticket-T1', 'created')).toBe(deterministicEventId('ticket-T1', 'created'));
    expect(deterministicEventId('ticket-T1', 'created')).not.toBe(deterministicEventId('ticket-T1', 'resolved'));
  });

  it('uuidFromName is a stable version-5 UUID', () => {
    const id = uuidFromName('ticket-T1/created');
    expect(id).toMatch(UUID);
    expect(id[14]).toBe('5');
    expect(uuidFromName('ticket-T1/created')).toBe(id);
    expect(uuidFromName('ticket-T1/resolved')).not.toBe(id);
    // The same text as the name-based layout spelled out: SHA-1 of namespace and name, version and variant set.
    const hash = createHash('sha1').update('staffcast').update('\u0000').update('ticket-T1/created').digest();
    hash[6] = (hash[6]! & 0x0f) | 0x50;
    hash[8] = (hash[8]! & 0x3f) | 0x80;
    const hex = hash.subarray(0, 16).toString('hex');
    expect(id).toBe(`${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`);
  });
});
