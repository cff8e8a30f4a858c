import fc from 'fast-check';
import { DateTime } from 'luxon';
import { CurrencyCode, DisplayName, EntityId, IanaTimeZone, IsoDate, IsoDateTime, LanguageTag, MarketCode, MAX_YEAR, MIN_YEAR, instantMs, isIsoDate } from './primitives.js';

describe('scalars', () => {
  it.each(['q1', 'US-chat_kyc', 'A', 'a'.repeat(64), '0123'])('accepts the id %s', (id) => {
    expect(EntityId.safeParse(id).success).toBe(true);
  });
  it.each(['', '-x', '_x', '../etc', 'a/b', 'a b', 'a.b', 'tab\there', 'nul\u0000', 'a'.repeat(65), 'é'])('rejects the id %j', (id) => {
    expect(EntityId.safeParse(id).success).toBe(false);
  });

  it('accepts markets and languages in their documented forms only', () => {
    expect(['US', 'AU'].map((m) => MarketCode.safeParse(m).success)).toEqual([true, true]);
    expect(['us', 'USA', 'U', ''].map((m) => MarketCode.safeParse(m).success)).toEqual([false, false, false, false]);
    expect(['en', 'en-US', 'zh-Hant-TW', 'es-419', 'und'].map((l) => LanguageTag.safeParse(l).success)).toEqual([true, true, true, true, true]);
    expect(['EN', 'en_US', 'english', 'en-us'].map((l) => LanguageTag.safeParse(l).success)).toEqual([false, false, false, false]);
  });

  it('checks time zones with luxon and asks for the canonical spelling', () => {
    expect(IanaTimeZone.safeParse('Asia/Kuala_Lumpur').success).toBe(true);
    expect(IanaTimeZone.safeParse('Australia/Sydney').success).toBe(true);
    expect(IanaTimeZone.safeParse('Mars/Olympus').success).toBe(false);
    const lower = IanaTimeZone.safeParse('asia/kuala_lumpur');
    expect(lower.success).toBe(false);
    expect(lower.error?.issues[0]?.message).toContain('Asia/Kuala_Lumpur');
  });

  it('requires an offset or Z on date-times and a real calendar instant', () => {
    expect(IsoDateTime.safeParse('2024-03-10T09:00:00+11:00').success).toBe(true);
    expect(IsoDateTime.safeParse('2024-03-10T09:00Z').success).toBe(true);
    expect(IsoDateTime.safeParse('2024-03-10T09:00:00.123Z').success).toBe(true);
    for (const bad of ['2024-03-10T09:00:00', '2024-03-10 09:00:00Z', '2023-02-29T00:00:00Z', '2024-03-10T25:00:00Z', '2024-03-10T09:00:00+19:00', '1969-12-31T23:59:59Z', 'yesterday']) {
      expect({ bad, ok: IsoDateTime.safeParse(bad).success }).toEqual({ bad, ok: false });
    }
  });

  it('computes instants across offsets', () => {
    expect(instantMs('2024-03-10T09:00:00+11:00')).toBe(Date.UTC(2024, 2, 9, 22));
    expect(instantMs('2024-03-09T22:00:00Z')).toBe(instantMs('2024-03-10T06:00:00+08:00'));
    expect(instantMs('2024-03-10T09:00:00')).toBeNaN();
  });

  it('accepts only calendar dates', () => {
    expect(IsoDate.safeParse('2024-02-29').success).toBe(true);
    expect(['2023-02-29', '2024-13-01', '2024-1-1', '20240101', '2024-04-31'].map((d) => IsoDate.safeParse(d).success)).toEqual([false, false, false, false, false]);
  });

  it('accepts ISO 4217 currencies only', () => {
    expect(['USD', 'AUD', 'MYR'].map((c) => CurrencyCode.safeParse(c).success)).toEqual([true, true, true]);
    expect(['usd', 'US', 'XYZ', 'DOLLARS'].map((c) => CurrencyCode.safeParse(c).success)).toEqual([false, false, false, false]);
  });

  it('rejects control characters, bidi overrides and padding in names', () => {
    expect(DisplayName.safeParse('US chat — KYC (Tier 1)').success).toBe(true);
    for (const bad of ['', ' padded', 'bell\u0007', 'rtl\u202Eoverride', 'lone\uD800surrogate', 'x'.repeat(121)]) {
      expect({ bad, ok: DisplayName.safeParse(bad).success }).toEqual({ bad, ok: false });
    }
  });

  describe('agree with luxon', () => {
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    // Components deliberately run past their ranges so that invalid dates and times are common.
    const parts = fc.record({
      year: fc.integer({ min: 1965, max: 2205 }),
      month: fc.integer({ min: 0, max: 13 }),
      day: fc.integer({ min: 0, max: 32 }),
      hour: fc.integer({ min: 0, max: 25 }),
      minute: fc.integer({ min: 0, max: 60 }),
      second: fc.option(fc.integer({ min: 0, max: 60 })),
      fraction: fc.option(fc.stringMatching(/^\d{1,9}$/)),
      offset: fc.option(fc.record({ sign: fc.constantFrom('+', '-'), h: fc.integer({ min: 0, max: 18 }), m: fc.integer({ min: 0, max: 59 }) })),
    });
    const inRange = (year: number) => year >= MIN_YEAR && year <= MAX_YEAR;

    it('instantMs equals luxon on every instant luxon accepts but 24:00, and is NaN on every one it rejects', () => {
      fc.assert(
        fc.property(parts, (p) => {
          const seconds = p.second === null ? '' : `:${pad(p.second)}${p.fraction === null ? '' : `.${p.fraction}`}`;
          const offset = p.offset === null ? 'Z' : `${p.offset.sign}${pad(p.offset.h)}:${pad(p.offset.m)}`;
          const iso = `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}${seconds}${offset}`;
          const luxon = DateTime.fromISO(iso, { setZone: true });
          // ISO 8601's 24:00 (end of day), which luxon accepts, is refused: write 00:00 of the next day.
          const expected = luxon.isValid && inRange(p.year) && p.hour < 24 ? luxon.toMillis() : Number.NaN;
          expect({ iso, ms: instantMs(iso) }).toEqual({ iso, ms: expected });
          expect({ iso, ok: IsoDateTime.safeParse(iso).success }).toEqual({ iso, ok: !Number.isNaN(expected) });
        }),
        { numRuns: 3000 },
      );
    });

    it('instantMs reads the canonical YYYY-MM-DDTHH:mm:ssZ form as the same instant with +00:00, and refuses it with any digit replaced', () => {
      const digitPositions = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];
      fc.assert(
        fc.property(
          fc.date({ min: new Date('1960-01-01T00:00:00Z'), max: new Date('2210-12-31T23:59:59Z'), noInvalidDate: true }),
          fc.constantFrom(...digitPositions),
          fc.constantFrom('a', ' ', '/', ':', '-', '+', '\u0660', 'Z'),
          (date, position, replacement) => {
            const canonical = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
            const withOffset = canonical.replace('Z', '+00:00');
            expect(Object.is(instantMs(canonical), instantMs(withOffset))).toBe(true);
            const broken = canonical.slice(0, position) + replacement + canonical.slice(position + 1);
            expect({ broken, ms: instantMs(broken) }).toEqual({ broken, ms: Number.NaN });
          },
        ),
        { numRuns: 2000 },
      );
    });

    it('isIsoDate equals luxon on YYYY-MM-DD strings', () => {
      fc.assert(
        fc.property(parts, (p) => {
          const date = `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
          const expected = DateTime.fromISO(date, { zone: 'UTC' }).isValid && inRange(p.year);
          expect({ date, ok: isIsoDate(date) }).toEqual({ date, ok: expected });
        }),
        { numRuns: 2000 },
      );
    });
  });
});
