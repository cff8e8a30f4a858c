import fc from 'fast-check';
import { ValidationError } from '../http/validation.js';
import { expectedRevisionFrom, idempotencyKeyFrom } from './command-http.js';

/** If-Match as RFC 9110 writes an entity tag, and the near-misses clients send. */
const ifMatch = fc
  .tuple(fc.constantFrom('', 'W/'), fc.constantFrom('"', ''), fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 19n - 1n }).map(String), fc.constant('-1'), fc.string({ maxLength: 22 })), fc.constantFrom('"', ''))
  .map(([weak, open, value, close]) => ({ header: `${weak}${open}${value}${close}`, value, quoted: open === close }));

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('write headers', () => {
  it('reads If-Match as the revision it names, weak or strong, quoted or bare; anything else is a 400 naming if-match', () => {
    fc.assert(
      fc.property(ifMatch, ({ header, value, quoted }) => {
        const wellFormed = quoted && (value === '-1' || /^\d{1,19}$/.test(value));
        if (wellFormed) {
          expect(expectedRevisionFrom({ headers: { 'if-match': header } })).toBe(value === '-1' ? 'no_stream' : BigInt(value));
        } else {
          const error = thrown(() => expectedRevisionFrom({ headers: { 'if-match': header } }));
          expect(error).toBeInstanceOf(ValidationError);
          expect((error as ValidationError).getResponse()).toEqual({ error: 'validation failed', issues: [{ path: 'if-match', message: 'must be a stream revision such as "3", or "-1" for a new stream' }] });
        }
      }),
      { numRuns: 500 },
    );
    expect(expectedRevisionFrom({ headers: {} })).toBeUndefined();
  });

  it('takes an Idempotency-Key of 1-128 letters, digits and ._:- only', () => {
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^[A-Za-z0-9._:-]{1,130}$/), fc.string({ maxLength: 140 })), (key) => {
        const ok = /^[A-Za-z0-9._:-]{1,128}$/.test(key);
        if (ok) expect(idempotencyKeyFrom({ headers: { 'idempotency-key': key } })).toBe(key);
        else expect(() => idempotencyKeyFrom({ headers: { 'idempotency-key': key } })).toThrow(ValidationError);
      }),
      { numRuns: 500 },
    );
  });
});
