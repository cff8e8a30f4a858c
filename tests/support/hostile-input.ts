import fc from 'fast-check';

/** Hostile strings and values, and mutations of a valid body, for property tests of write endpoints. */
export const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', ' ', '../../etc/passwd', '$all', '\u0000', '\u202Eevil', 'x'.repeat(5000), '2026-02-30T25:61:00Z', 'NaN', '__proto__', '<script>', 'rules-x'),
);
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(null, true, false, 0, -1, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 0.5, [], {}),
  fc.double(),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
);

/** A valid body with one field removed, retyped or replaced, an unknown field added, or something else entirely. */
export function mutated(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid);
  return fc.oneof(
    fc.constantFrom(...keys).map((key) => {
      const copy = { ...valid };
      delete copy[key];
      return copy;
    }),
    fc.record({ key: fc.constantFrom(...keys), value: hostileValue }).map(({ key, value }) => ({ ...valid, [key]: value })),
    fc.record({ key: hostileString, value: hostileValue }).filter(({ key }) => !keys.includes(key)).map(({ key, value }) => ({ ...valid, [key]: value })),
    hostileValue,
  );
}
