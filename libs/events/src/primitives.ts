import { IANAZone } from 'luxon';
import { z } from 'zod';

/**
 * Scalar building blocks shared by every event schema. Each one rejects hostile input (control
 * characters, path separators, over-long strings) because ids end up in stream names and every
 * string ends up in logs, CSV exports and the dashboard.
 */

/** Largest id: stream names are `<category>-<id>` and the store caps stream names at 256 characters. */
export const ID_MAX_LENGTH = 64;
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** True when `value` is a safe entity id (see {@link EntityId}). */
export function isEntityId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= ID_MAX_LENGTH && ID_PATTERN.test(value);
}

/**
 * An entity id: 1–64 characters, ASCII letters, digits, `_` and `-`, starting with a letter or digit.
 * No dots, slashes, spaces or control characters, so `queue-<id>` is always a safe stream name.
 */
export const EntityId = z
  .string()
  .min(1)
  .max(ID_MAX_LENGTH)
  .regex(ID_PATTERN, 'must be 1-64 characters of A-Z, a-z, 0-9, "_" or "-", starting with a letter or digit')
  .describe('Entity id: 1-64 characters [A-Za-z0-9_-], starting with a letter or digit');

/** A market: an ISO 3166-1 alpha-2 country code in upper case (`US`, `AU`). */
export const MarketCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be a two-letter upper-case country code such as US or AU')
  .describe('Market: ISO 3166-1 alpha-2 code, e.g. US, AU');
export type MarketCode = z.infer<typeof MarketCode>;

/**
 * A language tag in the simple BCP 47 form people put in ticket exports: a 2–3 letter language,
 * an optional script and an optional region (`en`, `en-US`, `zh-Hant-TW`, `es-419`). `und` means
 * "undetermined" and is what upcast legacy events carry.
 */
export const LanguageTag = z
  .string()
  .max(16)
  .regex(/^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?$/, 'must be a language tag such as en, en-US or zh-Hant-TW')
  .describe('Language: BCP 47 tag (language[-Script][-REGION]), e.g. en, en-AU; und = undetermined');
export type LanguageTag = z.infer<typeof LanguageTag>;

/** The tag for "language undetermined" (BCP 47). */
export const UNDETERMINED_LANGUAGE = 'und';

const SLUG_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;

/** A lower-case code (`kyc`, `scam-fraud`, `deposits_withdrawals`): 1–`max` characters of a-z, 0-9, `_`, `-`. */
export function codeSchema(what: string, max: number) {
  return z
    .string()
    .min(1)
    .max(max)
    .regex(SLUG_PATTERN, `must be a lower-case ${what} code: a-z, 0-9, "_" or "-", starting with a letter or digit`);
}

/** A contact driver, e.g. `kyc`, `scam-fraud`, `withdrawals`. Lower case so that routing compares exactly. */
export const CategoryCode = codeSchema('category', 48).describe('Contact driver (category) code, lower case, e.g. kyc');
export type CategoryCode = z.infer<typeof CategoryCode>;

/** A skill or certification, e.g. `kyc-us`, `fraud-au`, `chat`. Market-specific certifications carry the market in the code. */
export const SkillCode = codeSchema('skill', 48).describe('Skill code, lower case, e.g. kyc-us');
export type SkillCode = z.infer<typeof SkillCode>;

/** A short reason code (no free text): `sick`, `annual-leave`, `needs-kyc-review`. */
export const ReasonCode = codeSchema('reason', 32).describe('Short reason code, lower case; no free text');
export type ReasonCode = z.infer<typeof ReasonCode>;

/** Control characters, lone surrogates and bidi overrides: never legitimate in a display name. */
const UNSAFE_TEXT = /[\p{Cc}\p{Cs}\u202A-\u202E\u2066-\u2069]/u;

/** A human-readable name (queue, launch, holiday, site): 1–120 characters, trimmed, no control characters. */
export const DisplayName = z
  .string()
  .min(1)
  .max(120)
  .refine((s) => !UNSAFE_TEXT.test(s), 'must not contain control characters or bidirectional overrides')
  .refine((s) => s.trim() === s, 'must not start or end with white space')
  .describe('Display name, 1-120 characters');

/** Ticket channel. `phone` and `chat` are live (answered while the customer waits); `email` and `social` are async. */
export const Channel = z.enum(['phone', 'chat', 'email', 'social']).describe('Contact channel');
export type Channel = z.infer<typeof Channel>;
export const CHANNELS = Channel.options;

/** Live channels are staffed for a service level; async channels for a response time. */
export function isLiveChannel(channel: Channel): boolean {
  return channel === 'phone' || channel === 'chat';
}

/** Ticket priority as exported by the help desk. */
export const Priority = z.enum(['low', 'normal', 'high', 'urgent']).describe('Ticket priority');
export type Priority = z.infer<typeof Priority>;

const ZONE_SHAPE = /^[A-Za-z][A-Za-z0-9_+\-/]*$/;
/** Zones already checked; asking ICU costs ~0.1 ms, and a store holds only a handful of zones. */
const knownZones = new Map<string, string>();
const KNOWN_ZONES_MAX = 1024;

/** The ICU spelling of a valid IANA zone name, or undefined when luxon does not know the zone. */
function canonicalZone(zone: string): string | undefined {
  const known = knownZones.get(zone);
  if (known !== undefined) return known;
  if (!ZONE_SHAPE.test(zone) || !IANAZone.isValidZone(zone)) return undefined;
  const canonical = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  if (knownZones.size < KNOWN_ZONES_MAX) knownZones.set(zone, canonical);
  return canonical;
}

/** An IANA time zone name that luxon (and the platform's ICU) knows, spelled as ICU spells it. */
export const IanaTimeZone = z
  .string()
  .min(1)
  .max(64)
  .superRefine((zone, ctx) => {
    const canonical = canonicalZone(zone);
    if (canonical === undefined) {
      ctx.addIssue({ code: 'custom', message: `unknown IANA time zone "${zone.slice(0, 64)}"` });
      return;
    }
    // ICU accepts any letter case; a single spelling keeps equality checks and joins exact.
    if (canonical !== zone && canonical.toLowerCase() === zone.toLowerCase()) {
      ctx.addIssue({ code: 'custom', message: `spell the time zone "${canonical}"` });
    }
  })
  .describe('IANA time zone, e.g. Asia/Kuala_Lumpur');
export type IanaTimeZone = z.infer<typeof IanaTimeZone>;

/** Years a planning fact may fall in; anything outside is a typo or an attack, not history. */
export const MIN_YEAR = 1970;
export const MAX_YEAR = 2200;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Year, month, day form a calendar date within MIN_YEAR–MAX_YEAR. */
function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!);
}

const DATE_TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(0\d|1[0-8]):([0-5]\d))$/;

/**
 * Milliseconds since the Unix epoch of an ISO-8601 instant with an offset or `Z` and a year in
 * 1970–2200, or NaN when the string is not one. Fractions below a millisecond are truncated, as
 * luxon does. Pure: parses its argument, never reads the clock. O(length).
 * Written out rather than delegated to luxon's `DateTime.fromISO` (~13 µs a call) because ticket
 * imports validate several instants per ticket; a property test holds it equal to luxon.
 * Example: `instantMs('2024-03-10T09:00:00+11:00') === Date.UTC(2024, 2, 9, 22)`.
 */
export function instantMs(iso: string): number {
  if (iso.length === 20) {
    const canonical = canonicalUtcMs(iso);
    if (canonical !== undefined) return canonical;
  }
  const m = DATE_TIME_PATTERN.exec(iso);
  if (!m) return Number.NaN;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (!isCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return Number.NaN;
  const millis = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  const offsetMinutes = m[8] === undefined ? 0 : (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10]));
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
}

/** Value of the two decimal digits at iso[i], iso[i + 1], or NaN when either is not 0–9. */
function twoDigits(iso: string, i: number): number {
  const a = iso.charCodeAt(i) - 48;
  const b = iso.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : Number.NaN;
}

/**
 * instantMs of the canonical UTC form `YYYY-MM-DDTHH:mm:ssZ` read digit by digit (most stored and
 * imported instants have it; the regular expression costs several times more), with the same
 * checks; undefined when `iso` is not in that form, NaN when it is but names no real instant.
 */
function canonicalUtcMs(iso: string): number | undefined {
  if (iso.charCodeAt(19) !== 90 /* Z */ || iso.charCodeAt(10) !== 84 /* T */ || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45 || iso.charCodeAt(13) !== 58 || iso.charCodeAt(16) !== 58) {
    return undefined;
  }
  const year = twoDigits(iso, 0) * 100 + twoDigits(iso, 2);
  const month = twoDigits(iso, 5);
  const day = twoDigits(iso, 8);
  const hour = twoDigits(iso, 11);
  const minute = twoDigits(iso, 14);
  const second = twoDigits(iso, 17);
  // NaN fails every comparison, so a non-digit anywhere ends here too.
  if (!isCalendarDate(year, month, day) || !(hour <= 23 && minute <= 59 && second <= 59)) return Number.NaN;
  return (((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60 + second) * 1000;
}

/**
 * Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil), for
 * year ≥ 0: Date.UTC's day count in plain arithmetic, several times cheaper per call. O(1).
 * Example: `daysFromCivil(2026, 11, 1) === 20758`.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * An instant: ISO-8601 date-time with an explicit offset or `Z` (`2024-03-10T09:00:00+11:00`),
 * seconds and fractions optional, a real calendar date and clock time, year 1970–2200.
 * A local time without an offset is rejected: it would be ambiguous across DST changes.
 */
export const IsoDateTime = z
  .string()
  .max(40)
  .superRefine((value, ctx) => {
    // instantMs is a number only for a well-formed real instant; the pattern is asked only to say why not.
    if (!Number.isNaN(instantMs(value))) return;
    if (!DATE_TIME_PATTERN.test(value)) {
      ctx.addIssue({ code: 'custom', message: 'must be an ISO-8601 date-time with an offset or Z, e.g. 2024-03-10T09:00:00+11:00' });
    } else {
      ctx.addIssue({ code: 'custom', message: `must be a real date and time in the years ${MIN_YEAR}-${MAX_YEAR}` });
    }
  })
  .describe('ISO-8601 date-time with offset or Z');
export type IsoDateTime = z.infer<typeof IsoDateTime>;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a `YYYY-MM-DD` calendar date in 1970–2200 (no 2023-02-29). O(1). */
export function isIsoDate(value: string): boolean {
  const m = DATE_PATTERN.exec(value);
  return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** A calendar date `YYYY-MM-DD` that exists (no 2023-02-29), year 1970–2200. Local to whatever it describes. */
export const IsoDate = z
  .string()
  .max(10)
  .superRefine((value, ctx) => {
    if (!DATE_PATTERN.test(value)) ctx.addIssue({ code: 'custom', message: 'must be a date YYYY-MM-DD' });
    else if (!isIsoDate(value)) ctx.addIssue({ code: 'custom', message: `must be a calendar date in the years ${MIN_YEAR}-${MAX_YEAR}` });
  })
  .describe('Calendar date YYYY-MM-DD');
export type IsoDate = z.infer<typeof IsoDate>;

const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** An ISO 4217 currency code that the platform's ICU knows (`USD`, `AUD`, `MYR`). */
export const CurrencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 currency code such as USD')
  .refine((code) => CURRENCIES.has(code), 'unknown ISO 4217 currency code')
  .describe('ISO 4217 currency code');
export type CurrencyCode = z.infer<typeof CurrencyCode>;

/** An amount of money per unit (hour, month…) in a currency; amounts are decimal numbers, not minor units. */
export const Money = z
  .strictObject({
    amount: z.number().finite().min(0).max(1_000_000),
    currency: CurrencyCode,
  })
  .describe('Money: a non-negative amount with its ISO 4217 currency');
export type Money = z.infer<typeof Money>;

/** Adds an issue at `path` when the list holds the same value twice. */
export function uniqueList<T extends z.ZodType<string>>(item: T, max: number) {
  return z
    .array(item)
    .max(max)
    .superRefine((values, ctx) => {
      const seen = new Set<string>();
      values.forEach((value, index) => {
        if (seen.has(value)) ctx.addIssue({ code: 'custom', message: `duplicate value "${value}"`, path: [index] });
        seen.add(value);
      });
    });
}
