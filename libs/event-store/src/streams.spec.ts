import fc from 'fast-check';
import { InvalidAppendError } from './errors.js';
import type { ProposedEvent } from './event-store.port.js';
import { assertValidAppend } from './streams.js';

describe('assertValidAppend', () => {
  const proposed = (id: string): ProposedEvent => ({ id, type: 'Noted', data: {}, metadata: { actor: 'spec', correlationId: 'c', schemaVersion: 1 } });

  it('refuses an append that carries an id twice, at any length, and accepts distinct ids', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't'), { maxLength: 20 }), (ids) => {
        const append = () => assertValidAppend('s-1', ids.map(proposed));
        if (new Set(ids).size < ids.length) expect(append).toThrow(InvalidAppendError);
        else expect(append).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it('refuses reserved stream names and event types', () => {
    expect(() => assertValidAppend('$all', [proposed('a')])).toThrow(InvalidAppendError);
    expect(() => assertValidAppend('s-1', [{ ...proposed('a'), type: '$system' }])).toThrow(InvalidAppendError);
    expect(() => assertValidAppend('', [proposed('a')])).toThrow(InvalidAppendError);
  });
});
