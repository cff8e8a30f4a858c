import fc from 'fast-check';
import { DateTime, FixedOffsetZone, IANAZone } from 'luxon';
import { EVENT_CATALOGUE, EVENT_TYPES, type EventType } from './catalogue.js';
import { WEEKDAYS } from './local-time.js';
import { safeParseEvent } from './parse-event.js';

/**
 * Property tests for the event schemas: random valid payloads parse, and random mutations of a
 * valid payload (a field removed, a wrong type, a hostile string, an out-of-range number, an
 * unknown key) are rejected with an issue whose path names the mutated field.
 */

const RUNS = 150;

// ---------- scalar arbitraries ----------
const id = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/);
const market = fc.stringMatching(/^[A-Z]{2}$/);
const language = fc.oneof(fc.constantFrom('en', 'es', 'und', 'zh-Hant-TW', 'es-419', 'en-AU'), fc.stringMatching(/^[a-z]{2,3}(-[A-Z]{2})?$/));
const code = (max: number) => fc.stringMatching(new RegExp(`^[a-z0-9][a-z0-9_-]{0,${max - 1}}$`));
const category = code(48);
const skill = code(48);
const reason = code(32);
const displayName = fc
  .tuple(fc.stringMatching(/^[A-Za-z0-9]{1,40}$/), fc.constantFrom('', ' — KYC', ' (Tier 2)', ' Café ☕', ' 客服', ' ../not-a-path'))
  .map(([a, b]) => `${a}${b}`);
const zones = Intl.supportedValuesOf('timeZone').filter((z) => IANAZone.isValidZone(z));
const timeZone = fc.constantFrom(...zones);
const channel = fc.constantFrom('phone', 'chat', 'email', 'social');
const LIVE = ['phone', 'chat'];
const ASYNC = ['email', 'social'];
const currency = fc.constantFrom('USD', 'AUD', 'MYR', 'EUR', 'GBP', 'JPY');

const MIN_MS = Date.UTC(1971, 0, 1);
const MAX_MS = Date.UTC(2199, 0, 1);
/** An instant as epoch ms plus an offset (minutes, quarter-hours between −12:00 and +14:00). */
const instant = fc.record({ ms: fc.integer({ min: MIN_MS, max: MAX_MS }), offset: fc.integer({ min: -48, max: 56 }).map((q) => q * 15), style: fc.constantFrom('ms', 's', 'm', 'Z') });
const iso = (ms: number, offset: number, style: string): string => {
  if (style === 'Z') return new Date(ms).toISOString();
  const dt = DateTime.fromMillis(ms, { zone: FixedOffsetZone.instance(offset) });
  if (style === 'm') return dt.toFormat("yyyy-MM-dd'T'HH:mmZZ");
  return dt.toISO({ suppressMilliseconds: style === 's' })!;
};
const dateTime = instant.map((i) => iso(i.ms, i.offset, i.style));
const date = fc.integer({ min: MIN_MS, max: MAX_MS }).map((ms) => new Date(ms).toISOString().slice(0, 10));
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const uniq = <T>(arb: fc.Arbitrary<T>, maxLength: number) => fc.uniqueArray(arb, { maxLength });

// ---------- composite arbitraries ----------
const dayRanges = uniq(fc.integer({ min: 0, max: 1440 }), 8).map((points) => {
  const sorted = [...points].sort((a, b) => a - b);
  const ranges = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) ranges.push({ from: hhmm(sorted[i]!), to: sorted[i + 1] === 1440 ? '24:00' : hhmm(sorted[i + 1]!) });
  return ranges;
});
const openingHours = fc.record(Object.fromEntries(WEEKDAYS.map((d) => [d, dayRanges])) as Record<(typeof WEEKDAYS)[number], typeof dayRanges>);

/**
 * Shifts that cannot overlap by construction: at most one per day, starting at or after 12:00 and
 * lasting at most 12 hours, so a shift may run past midnight (and Sunday into Monday) but always
 * ends before the next day's shift starts.
 */
const shift = fc
  .record({ start: fc.integer({ min: 720, max: 1439 }), length: fc.integer({ min: 1, max: 720 }), breakAt: fc.nat(), breakLength: fc.nat(), hasBreak: fc.boolean() })
  .map(({ start, length, breakAt, breakLength, hasBreak }) => {
    const bStart = breakAt % length;
    const bLength = 1 + (breakLength % (length - bStart));
    const breaks = hasBreak && bLength > 0 && length > 1 ? [{ start: hhmm((start + bStart) % 1440), end: hhmm((start + bStart + bLength) % 1440) }] : [];
    return { start: hhmm(start), end: hhmm((start + length) % 1440), breaks: bStart + bLength <= length ? breaks : [] };
  });
const week = fc.record(Object.fromEntries(WEEKDAYS.map((d) => [d, fc.array(shift, { maxLength: 1 })])) as Record<(typeof WEEKDAYS)[number], fc.Arbitrary<unknown[]>>);

const routing = (ch: string) =>
  fc.record({
    markets: uniq(market, 4),
    categories: uniq(category, 4),
    languages: uniq(language, 3),
    channels: fc.subarray(LIVE.includes(ch) ? LIVE : ASYNC),
  });
const serviceTarget = (ch: string) =>
  LIVE.includes(ch)
    ? fc.record({ kind: fc.constant('sl'), percent: fc.double({ min: 0.1, max: 100, noNaN: true }), seconds: fc.integer({ min: 1, max: 3600 }) })
    : fc.record({ kind: fc.constant('response'), hours: fc.double({ min: 0.01, max: 720, noNaN: true }) });
const queueDefined = channel.chain((ch) =>
  fc.record(
    {
      queueId: id,
      name: displayName,
      channel: fc.constant(ch),
      routing: routing(ch),
      timeZone,
      openingHours,
      serviceTarget: serviceTarget(ch),
      requiredSkills: uniq(skill, 4).filter((s) => s.length > 0),
      chatConcurrency: ch === 'chat' ? fc.integer({ min: 1, max: 10 }) : fc.constant(1),
      callerPatienceSeconds: fc.double({ min: 1, max: 3600, noNaN: true }),
      regulatory: fc.boolean(),
    },
    { requiredKeys: LIVE.includes(ch) ? ['queueId', 'name', 'channel', 'routing', 'timeZone', 'openingHours', 'serviceTarget', 'requiredSkills', 'chatConcurrency', 'regulatory'] : undefined },
  ).map((q) => (LIVE.includes(ch) ? q : (({ callerPatienceSeconds: _c, ...rest }) => rest)(q))),
);
const window = fc.record({ start: instant, lengthMs: fc.integer({ min: 60_000, max: 366 * 86_400_000 }), endOffset: fc.integer({ min: -48, max: 56 }).map((q) => q * 15) }).map(({ start, lengthMs, endOffset }) => ({
  startsAt: iso(start.ms, start.offset, start.style === 'm' ? 's' : start.style),
  endsAt: iso(Math.min(start.ms + lengthMs, MAX_MS + 86_400_000 * 300), endOffset, 's'),
}));
const uplift = fc.oneof(fc.record({ kind: fc.constant('percent'), percent: fc.double({ min: -99.9, max: 10_000, noNaN: true }) }), fc.record({ kind: fc.constant('extra-tickets'), tickets: fc.integer({ min: 0, max: 10_000_000 }) }));
const profile = fc.constantFrom('flat', 'spike-decay');
const absenceWindow = fc.record({ from: fc.integer({ min: MIN_MS, max: MAX_MS }), lengthMs: fc.integer({ min: 60_000, max: 30 * 86_400_000 }), offset: fc.constantFrom(0, 480, -300, 600) }).map(({ from, lengthMs, offset }) => ({
  from: iso(from, offset, 's'),
  to: iso(from + lengthMs, offset, 's'),
}));
const certified = fc.record({ agentId: id, skill, certifiedOn: date, years: fc.integer({ min: 0, max: 3 }) }).map(({ years, ...c }) => {
  if (years === 0) return c;
  const expires = DateTime.fromISO(c.certifiedOn, { zone: 'UTC' }).plus({ years }).toISODate()!;
  return expires <= '2200-12-31' ? { ...c, expiresOn: expires } : c;
});

const ARBITRARIES: Record<EventType, fc.Arbitrary<unknown>> = {
  QueueDefined: queueDefined,
  QueueRoutingChanged: channel.chain((ch) => fc.record({ queueId: id, routing: routing(ch) })),
  QueueServiceTargetChanged: channel.chain((ch) => fc.record({ queueId: id, serviceTarget: serviceTarget(ch) })),
  QueueRetired: fc.record({ queueId: id, retiredAt: dateTime, reasonCode: reason }, { requiredKeys: ['queueId', 'retiredAt'] }),
  TicketCreated: fc.record({ ticketId: id, createdAt: dateTime, channel, market, category, language, priority: fc.constantFrom('low', 'normal', 'high', 'urgent') }),
  TicketFirstResponded: fc.record({ ticketId: id, respondedAt: dateTime }),
  TicketEscalated: fc.record({ ticketId: id, escalatedAt: dateTime, target: fc.constantFrom('tier2', 'compliance', 'cdd', 'fraud', 'other'), reasonCode: reason }),
  TicketResolved: fc.record({ ticketId: id, resolvedAt: dateTime, handleSeconds: fc.double({ min: 0, max: 604_800, noNaN: true }) }),
  TicketReopened: fc.record({ ticketId: id, reopenedAt: dateTime }),
  TicketCsatRated: fc.record({ ticketId: id, ratedAt: dateTime, score: fc.integer({ min: 1, max: 5 }) }),
  LaunchScheduled: fc
    .record({ launchId: id, name: displayName, kind: fc.constantFrom('product', 'campaign', 'regulatory', 'incident', 'other'), markets: uniq(market, 3), channels: fc.subarray(['phone', 'chat', 'email', 'social']), categories: uniq(category, 3), window, uplift, profile })
    .map(({ window: w, ...rest }) => ({ ...rest, ...w })),
  LaunchRescheduled: fc.record({ launchId: id, window }).map(({ launchId, window: w }) => ({ launchId, ...w })),
  LaunchUpliftRevised: fc.record({ launchId: id, uplift, profile }),
  LaunchCancelled: fc.record({ launchId: id, cancelledAt: dateTime, reasonCode: reason }, { requiredKeys: ['launchId', 'cancelledAt'] }),
  AgentHired: fc.record({
    agentId: id,
    site: fc.record({ siteId: id, timeZone }),
    markets: uniq(market, 3).filter((m) => m.length > 0),
    languages: uniq(language, 3).filter((l) => l.length > 0),
    skills: uniq(skill, 5),
    startDate: date,
    contractedHoursPerWeek: fc.double({ min: 0.5, max: 60, noNaN: true }),
    hourlyCost: fc.record({ amount: fc.double({ min: 0, max: 1_000_000, noNaN: true }), currency }),
  }),
  AgentCertified: certified,
  AgentScheduleSet: fc.record({ agentId: id, effectiveFrom: date, shifts: week }),
  AgentAbsenceRecorded: fc.record({ agentId: id, window: absenceWindow, reasonCode: reason }).map(({ window: w, ...rest }) => ({ ...rest, ...w })),
  AgentDeparted: fc.record({ agentId: id, departedOn: date, reasonCode: reason }),
  HolidayDeclared: fc.record({ market, date, name: displayName }),
  ForecastPublished: fc.integer({ min: 1, max: 48 }).chain((horizonHours) => {
    const values = fc.array(fc.double({ min: 0, max: 10_000, noNaN: true }), { minLength: horizonHours, maxLength: horizonHours });
    return fc.record({
      queueId: id,
      publicationId: id,
      publishedAt: dateTime,
      computedAtPosition: fc.bigInt({ min: 0n, max: 2n ** 62n }).map(String),
      start: fc.integer({ min: 0, max: 1_500_000 }).map((h) => new Date(Date.UTC(2000, 0, 1) + h * 3_600_000).toISOString()),
      horizonHours: fc.constant(horizonHours),
      method: fc.constantFrom('combination', 'seasonal-naive-weekly'),
      mean: values,
      quantiles: fc.tuple(values, values).map(([lo, hi]) => [{ level: 0.1, values: lo }, { level: 0.9, values: hi }]),
    });
  }),
};

/** Keys a payload may omit; removing any other key must be rejected. */
const OPTIONAL: Partial<Record<EventType, string[]>> = {
  QueueDefined: ['callerPatienceSeconds'],
  QueueRetired: ['reasonCode'],
  LaunchCancelled: ['reasonCode'],
  AgentCertified: ['expiresOn'],
};

// ---------- mutation machinery ----------
type Path = (string | number)[];
type Json = unknown;

function paths(value: Json, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...paths(v, [...prefix, i])]);
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])]);
  return [];
}

function get(value: Json, path: Path): Json {
  return path.reduce<Json>((v, k) => (v as Record<string | number, Json>)[k], value);
}

function setAt(value: Json, path: Path, replacement: Json | typeof REMOVE): Json {
  const copy = structuredClone(value);
  const parent = get(copy, path.slice(0, -1)) as Record<string | number, Json>;
  const key = path[path.length - 1]!;
  if (replacement === REMOVE) delete parent[key];
  else parent[key] = replacement;
  return copy;
}
const REMOVE = Symbol('remove');

const HOSTILE = ['x'.repeat(10_000), 'a\u0000b', 'tab\there', 'line\nbreak', '', ' padded ', 'rtl\u202Eevil', 'bell\u0007'];
const HOSTILE_NOT_FREE_TEXT = ['../../etc/passwd', '$all', 'a/b', 'C:\\windows', "x' OR '1'='1", '<script>alert(1)</script>', 'queue-1 extra'];
const BAD_NUMBERS = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e12, -1e12];

interface Mutation {
  what: string;
  path: Path;
  apply(value: Json): Json;
}

function mutationsAt(type: EventType, sample: Json, path: Path): Mutation[] {
  const current = get(sample, path);
  const key = path[path.length - 1]!;
  const list: Mutation[] = [];
  const set = (what: string, v: Json) => list.push({ what, path, apply: (s) => setAt(s, path, v) });
  const isTopLevelOptional = path.length === 1 && (OPTIONAL[type] ?? []).includes(String(key));
  if (typeof key === 'string' && !isTopLevelOptional) list.push({ what: 'removed', path, apply: (s) => setAt(s, path, REMOVE) });
  if (typeof current === 'string') {
    for (const v of [42, true, null, {}, []]) set(`wrong type ${JSON.stringify(v)}`, v);
    for (const v of HOSTILE) set(`hostile ${JSON.stringify(v.slice(0, 20))}`, v);
    if (key !== 'name') for (const v of HOSTILE_NOT_FREE_TEXT) set(`hostile ${JSON.stringify(v)}`, v);
  } else if (typeof current === 'number') {
    for (const v of ['12', null, true, {}]) set(`wrong type ${JSON.stringify(v)}`, v);
    for (const v of BAD_NUMBERS) set(`out of range ${v}`, v);
  } else if (typeof current === 'boolean') {
    for (const v of ['true', 1, null]) set(`wrong type ${JSON.stringify(v)}`, v);
  } else if (Array.isArray(current)) {
    for (const v of ['x', {}, 7, null]) set(`wrong type ${JSON.stringify(v)}`, v);
  } else if (current !== null && typeof current === 'object') {
    for (const v of ['x', [], 7, null]) set(`wrong type ${JSON.stringify(v)}`, v);
    for (const extra of ['extra', '__proto__', 'constructor']) {
      list.push({
        what: `unknown key ${extra}`,
        path,
        apply: (s) => {
          const copy = structuredClone(s);
          Object.defineProperty(get(copy, path), extra, { value: 'x', enumerable: true, configurable: true, writable: true });
          return copy;
        },
      });
    }
  }
  return list;
}

const startsWith = (path: PropertyKey[], prefix: Path) => prefix.every((k, i) => path[i] === k);

describe('event schemas (property-based)', () => {
  describe.each(EVENT_TYPES)('%s', (type) => {
    const schema = EVENT_CATALOGUE[type].data;
    const arbitrary = ARBITRARIES[type];

    it('parses every random valid payload, also after a JSON round trip', () => {
      fc.assert(
        fc.property(arbitrary, (data) => {
          const direct = schema.safeParse(data);
          if (!direct.success) throw new Error(`${JSON.stringify(data)} → ${JSON.stringify(direct.error.issues)}`);
          const json: unknown = JSON.parse(JSON.stringify(data));
          expect(safeParseEvent(type, json)).toEqual({ success: true, event: { type, data: json } });
        }),
        { numRuns: RUNS },
      );
    });

    it('rejects every mutation with an issue naming the mutated field', () => {
      fc.assert(
        fc.property(arbitrary, fc.nat(), fc.nat(), (data, pickPath, pickMutation) => {
          const candidates = [[], ...paths(data)].flatMap((p) => mutationsAt(type, data, p));
          const mutation = candidates[(pickPath * 31 + pickMutation) % candidates.length]!;
          const result = schema.safeParse(mutation.apply(data));
          expect({ mutation: mutation.what, path: mutation.path, rejected: !result.success }).toEqual({ mutation: mutation.what, path: mutation.path, rejected: true });
          const issues = result.error!.issues;
          const named = issues.some((issue) => {
            if (issue.code === 'unrecognized_keys') return startsWith(issue.path, mutation.path) && issue.keys.length > 0;
            return startsWith(issue.path, mutation.path);
          });
          if (!named) throw new Error(`${mutation.what} at ${mutation.path.join('.')}: issues ${JSON.stringify(issues.map((i) => ({ path: i.path, message: i.message })))}`);
        }),
        { numRuns: RUNS * 2 },
      );
    });
  });

  it('rejects cross-field contradictions at the dependent field', () => {
    fc.assert(
      fc.property(queueDefined, (queue) => {
        const q = queue as { channel: string; serviceTarget: unknown };
        const wrong = LIVE.includes(q.channel) ? { kind: 'response', hours: 24 } : { kind: 'sl', percent: 80, seconds: 60 };
        const result = EVENT_CATALOGUE.QueueDefined.data.safeParse({ ...q, serviceTarget: wrong });
        expect(result.error?.issues.map((i) => i.path)).toContainEqual(['serviceTarget', 'kind']);
      }),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(ARBITRARIES.LaunchScheduled, (launch) => {
        const l = launch as { startsAt: string; endsAt: string };
        const swapped = EVENT_CATALOGUE.LaunchScheduled.data.safeParse({ ...l, startsAt: l.endsAt, endsAt: l.startsAt });
        expect(swapped.error?.issues.map((i) => i.path)).toEqual([['endsAt']]);
      }),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(ARBITRARIES.AgentAbsenceRecorded, (absence) => {
        const a = absence as { from: string; to: string };
        const swapped = EVENT_CATALOGUE.AgentAbsenceRecorded.data.safeParse({ ...a, from: a.to, to: a.from });
        expect(swapped.error?.issues.map((i) => i.path)).toEqual([['to']]);
      }),
      { numRuns: RUNS },
    );
  });

  it('rejects a weekly schedule once any shift is copied onto an overlapping slot', () => {
    fc.assert(
      fc.property(ARBITRARIES.AgentScheduleSet, fc.constantFrom(...WEEKDAYS), (schedule, day) => {
        const s = schedule as { shifts: Record<string, { start: string; end: string; breaks: unknown[] }[]> };
        const dayShifts = s.shifts[day]!;
        fc.pre(dayShifts.length > 0);
        const copy = { ...dayShifts[0]!, breaks: [] };
        const result = EVENT_CATALOGUE.AgentScheduleSet.data.safeParse({ ...s, shifts: { ...s.shifts, [day]: [...dayShifts, copy] } });
        expect(result.error?.issues.map((i) => i.path)).toEqual([['shifts', day, dayShifts.length]]);
      }),
      { numRuns: RUNS },
    );
  });

  it('rejects out-of-range values of the bounded numeric fields', () => {
    const csat = ARBITRARIES.TicketCsatRated;
    fc.assert(
      fc.property(csat, fc.oneof(fc.integer({ min: -1000, max: 0 }), fc.integer({ min: 6, max: 1000 }), fc.double({ min: 1.01, max: 4.99, noNaN: true }).filter((x) => !Number.isInteger(x))), (rating, score) => {
        const result = EVENT_CATALOGUE.TicketCsatRated.data.safeParse({ ...(rating as object), score });
        expect(result.error?.issues.map((i) => i.path)).toEqual([['score']]);
      }),
      { numRuns: RUNS },
    );
  });
});
