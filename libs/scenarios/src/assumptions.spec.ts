import fc from 'fast-check';
import { Assumption, type AssumptionKind } from './assumptions.js';
import { ScenarioEventParseError, parseScenarioEvent, type ScenarioEvent } from './scenario-events.js';

/** Paths of the issues zod reports for `value`, or [] when it parses. */
const issuePaths = (value: unknown): PropertyKey[][] => {
  const r = Assumption.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => i.path);
};

const weekdays9to17 = { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']], sat: [], sun: [] };
const shift = { start: '09:00', end: '17:00', breaks: [{ start: '12:00', end: '13:00' }] };

/** One valid example of each kind, as a client would send it (defaults left out). */
const valid: Record<AssumptionKind, Record<string, unknown>> = {
  launch: { kind: 'launch', name: 'Staking launch AU', markets: ['AU'], categories: ['staking'], startsAt: '2026-04-02T09:00:00+11:00', endsAt: '2026-04-05T09:00:00+11:00', uplift: { kind: 'percent', percent: 100 } },
  'volume-multiplier': { kind: 'volume-multiplier', factor: 1.3, from: '2026-03-02T00:00:00Z', to: '2026-03-09T00:00:00Z', categories: ['kyc'] },
  'aht-change': { kind: 'aht-change', percent: 15, queueIds: ['us-kyc-phone'] },
  'service-target': { kind: 'service-target', queueIds: ['us-kyc-phone'], target: { kind: 'sl', percent: 90, seconds: 30 } },
  shrinkage: { kind: 'shrinkage', shrinkage: 0.35 },
  hires: { kind: 'hires', count: 12, siteId: 'kl', timeZone: 'Asia/Kuala_Lumpur', skills: ['kyc-us', 'chat'], startDate: '2026-03-02', shifts: { mon: [shift], tue: [shift], wed: [shift], thu: [shift], fri: [shift], sat: [], sun: [] }, hourlyCost: { amount: 9.5, currency: 'USD' } },
  attrition: { kind: 'attrition', monthlyRate: 0.03, from: '2026-03-01', siteIds: ['kl'] },
  'local-team-move': { kind: 'local-team-move', market: 'US', timeZone: 'America/New_York', coverage: weekdays9to17, takeover: [{ queueIds: ['us-kyc-phone'], fromMonth: '2026-04', share: 0.5 }] },
};
const KINDS = Object.keys(valid) as AssumptionKind[];
const withField = (kind: AssumptionKind, field: string, value: unknown) => ({ ...valid[kind], [field]: value });

describe('Assumption schema', () => {
  it.each(KINDS)('accepts a valid %s assumption', (kind) => {
    expect(issuePaths(valid[kind])).toEqual([]);
  });

  it('fills the documented defaults', () => {
    const launch = Assumption.parse(valid.launch);
    expect(launch).toMatchObject({ launchKind: 'product', channels: [], profile: 'flat' });
    const vm = Assumption.parse(valid['volume-multiplier']);
    expect(vm).toMatchObject({ queueIds: [], markets: [] });
    const hires = Assumption.parse(valid.hires);
    expect(hires).toMatchObject({ contractedHoursPerWeek: 40, ramp: [0.25, 0.5, 0.75] });
    expect(Assumption.parse(valid.shrinkage)).toEqual({ kind: 'shrinkage', shrinkage: 0.35, queueIds: [] });
  });

  it('rejects an unknown kind and an unknown key', () => {
    expect(issuePaths({ ...valid.shrinkage, kind: 'headcount' })).toEqual([['kind']]);
    expect(Assumption.safeParse({ ...valid.shrinkage, note: 'x' }).success).toBe(false);
  });

  describe('names the offending field', () => {
    it('volume-multiplier: to not after from, negative or huge factor', () => {
      expect(issuePaths(withField('volume-multiplier', 'to', '2026-03-02T00:00:00Z'))).toEqual([['to']]);
      // Same instant written with another offset is still not after it.
      expect(issuePaths(withField('volume-multiplier', 'to', '2026-03-02T11:00:00+11:00'))).toEqual([['to']]);
      expect(issuePaths(withField('volume-multiplier', 'to', '2026-03-01T23:00:00Z'))).toEqual([['to']]);
      expect(issuePaths(withField('volume-multiplier', 'factor', -0.1))).toEqual([['factor']]);
      expect(issuePaths(withField('volume-multiplier', 'factor', 101))).toEqual([['factor']]);
      // A malformed `from` is blamed, and only it: the window check skips an unparseable end.
      expect(issuePaths(withField('volume-multiplier', 'from', '2026-03-02 00:00'))).toEqual([['from']]);
      expect(issuePaths(withField('volume-multiplier', 'categories', ['kyc', 'kyc']))).toEqual([['categories', 1]]);
    });

    it('launch: end before start, too long, bad uplift, bad market', () => {
      expect(issuePaths(withField('launch', 'endsAt', '2026-04-01T09:00:00+11:00'))).toEqual([['endsAt']]);
      expect(issuePaths(withField('launch', 'endsAt', '2027-04-05T09:00:00+11:00'))).toEqual([['endsAt']]);
      expect(issuePaths(withField('launch', 'uplift', { kind: 'percent', percent: -100 }))).toEqual([['uplift', 'percent']]);
      expect(issuePaths(withField('launch', 'uplift', { kind: 'extra-tickets', tickets: 1.5 }))).toEqual([['uplift', 'tickets']]);
      expect(issuePaths(withField('launch', 'markets', ['au']))).toEqual([['markets', 0]]);
      expect(issuePaths(withField('launch', 'profile', 'ramp-up'))).toEqual([['profile']]);
    });

    it('aht-change: −100 % or less, a reversed window; an open window is fine', () => {
      expect(issuePaths(withField('aht-change', 'percent', -100))).toEqual([['percent']]);
      expect(issuePaths({ ...valid['aht-change'], from: '2026-03-09T00:00:00Z', to: '2026-03-02T00:00:00Z' })).toEqual([['to']]);
      expect(issuePaths({ ...valid['aht-change'], from: '2026-03-09T00:00:00Z' })).toEqual([]);
      expect(issuePaths({ ...valid['aht-change'], to: '2026-03-09T00:00:00Z' })).toEqual([]);
    });

    it('service-target: no queueIds, a malformed target', () => {
      expect(issuePaths(withField('service-target', 'queueIds', []))).toEqual([['queueIds']]);
      const { queueIds: _omit, ...noQueues } = valid['service-target'];
      expect(issuePaths(noQueues)).toEqual([['queueIds']]);
      expect(issuePaths(withField('service-target', 'target', { kind: 'sl', percent: 0, seconds: 20 }))).toEqual([['target', 'percent']]);
      expect(issuePaths(withField('service-target', 'target', { kind: 'response', hours: 0 }))).toEqual([['target', 'hours']]);
    });

    it('shrinkage: outside [0, 0.95]', () => {
      expect(issuePaths(withField('shrinkage', 'shrinkage', 0.96))).toEqual([['shrinkage']]);
      expect(issuePaths(withField('shrinkage', 'shrinkage', -0.01))).toEqual([['shrinkage']]);
    });

    it('hires: count 0 or fractional, no skills, a zero ramp step, an impossible date, an unknown zone', () => {
      expect(issuePaths(withField('hires', 'count', 0))).toEqual([['count']]);
      expect(issuePaths(withField('hires', 'count', 2.5))).toEqual([['count']]);
      expect(issuePaths(withField('hires', 'skills', []))).toEqual([['skills']]);
      expect(issuePaths(withField('hires', 'ramp', [0.5, 0]))).toEqual([['ramp', 1]]);
      expect(issuePaths(withField('hires', 'startDate', '2026-02-30'))).toEqual([['startDate']]);
      expect(issuePaths(withField('hires', 'timeZone', 'Mars/Olympus_Mons'))).toEqual([['timeZone']]);
      expect(issuePaths(withField('hires', 'contractedHoursPerWeek', 0))).toEqual([['contractedHoursPerWeek']]);
      expect(issuePaths(withField('hires', 'hourlyCost', { amount: 10, currency: 'XXQ' }))).toEqual([['hourlyCost', 'currency']]);
    });

    it('attrition: a monthly rate of 1 or below 0, a date-time instead of a date', () => {
      expect(issuePaths(withField('attrition', 'monthlyRate', 1))).toEqual([['monthlyRate']]);
      expect(issuePaths(withField('attrition', 'monthlyRate', -0.01))).toEqual([['monthlyRate']]);
      const paths = issuePaths(withField('attrition', 'from', '2026-03-01T00:00:00Z'));
      expect(paths.length).toBeGreaterThan(0);
      for (const path of paths) expect(path).toEqual(['from']);
    });

    it('local-team-move: takeover share 0, no phases, a coverage range across midnight', () => {
      expect(issuePaths(withField('local-team-move', 'takeover', [{ queueIds: ['us-kyc-phone'], fromMonth: '2026-04', share: 0 }]))).toEqual([['takeover', 0, 'share']]);
      expect(issuePaths(withField('local-team-move', 'takeover', [{ queueIds: ['us-kyc-phone'], fromMonth: '2026-04', share: 1.01 }]))).toEqual([['takeover', 0, 'share']]);
      expect(issuePaths(withField('local-team-move', 'takeover', []))).toEqual([['takeover']]);
      expect(issuePaths(withField('local-team-move', 'coverage', { ...weekdays9to17, sat: [['22:00', '02:00']] }))).toEqual([['coverage', 'sat', 0, 1]]);
    });
  });

  describe('properties', () => {
    it('never throws on arbitrary JSON: it returns success or issues', () => {
      fc.assert(
        fc.property(fc.jsonValue(), (value) => {
          const r = Assumption.safeParse(value);
          expect(typeof r.success).toBe('boolean');
          if (!r.success) expect(r.error.issues.length).toBeGreaterThan(0);
        }),
        { numRuns: 500 },
      );
    });

    it('never throws on objects of a known kind with arbitrary fields', () => {
      const fields = fc.dictionary(fc.constantFrom('factor', 'from', 'to', 'queueIds', 'markets', 'categories', 'percent', 'target', 'shrinkage', 'count', 'skills', 'ramp', 'coverage', 'takeover', 'uplift', 'startsAt', 'endsAt', 'x'), fc.jsonValue());
      fc.assert(
        fc.property(fc.constantFrom(...KINDS), fields, (kind, rest) => {
          const r = Assumption.safeParse({ ...rest, kind });
          if (!r.success) expect(r.error.issues.length).toBeGreaterThan(0);
        }),
        { numRuns: 500 },
      );
    });

    it('a valid example with one field replaced by arbitrary JSON either parses or blames that field (or its window partner)', () => {
      const partner: Record<string, string> = { from: 'to', startsAt: 'endsAt' };
      const cases = fc.constantFrom(...KINDS).chain((kind) => fc.tuple(fc.constant(kind), fc.constantFrom(...Object.keys(valid[kind]).filter((k) => k !== 'kind')), fc.jsonValue()));
      fc.assert(
        fc.property(cases, ([kind, field, value]) => {
          for (const path of issuePaths(withField(kind, field, value))) expect([field, partner[field]]).toContain(path[0]);
        }),
        { numRuns: 500 },
      );
    });
  });
});

describe('parseScenarioEvent', () => {
  const events: ScenarioEvent[] = [
    { type: 'ScenarioCreated', data: { scenarioId: 's1', name: 'Hires in March', description: 'twelve KL agents' } },
    ...KINDS.map((kind, i): ScenarioEvent => ({ type: 'ScenarioAssumptionAdded', data: { scenarioId: 's1', assumptionId: `a${i}`, assumption: Assumption.parse(valid[kind]) } })),
    { type: 'ScenarioAssumptionRemoved', data: { scenarioId: 's1', assumptionId: 'a3' } },
  ];

  it.each(events.map((e) => [e.type, e] as const))('round-trips a valid %s through JSON', (_type, e) => {
    expect(parseScenarioEvent(e.type, JSON.parse(JSON.stringify(e.data)))).toEqual(e);
  });

  it('rejects unknown types and versions other than 1', () => {
    const created = events[0]!;
    expect(() => parseScenarioEvent('ScenarioDeleted', { scenarioId: 's1' })).toThrow(ScenarioEventParseError);
    expect(() => parseScenarioEvent('ScenarioDeleted', { scenarioId: 's1' })).toThrow(/unknown scenario event type "ScenarioDeleted"/);
    // A name inherited from Object.prototype is an unknown type too.
    expect(() => parseScenarioEvent('toString', {})).toThrow(/unknown scenario event type "toString"/);
    expect(() => parseScenarioEvent('__proto__', {})).toThrow(ScenarioEventParseError);
    expect(() => parseScenarioEvent(created.type, created.data, 2)).toThrow(/ScenarioCreated v2: only v1 exists/);
    expect(() => parseScenarioEvent(created.type, created.data, 0)).toThrow(ScenarioEventParseError);
  });

  it('rejects invalid data naming the field', () => {
    expect(() => parseScenarioEvent('ScenarioAssumptionAdded', { scenarioId: 's1', assumptionId: 'a1', assumption: { ...valid.attrition, monthlyRate: 1 } })).toThrow(/assumption\.monthlyRate/);
    expect(() => parseScenarioEvent('ScenarioCreated', { scenarioId: 'bad id', name: 'x' })).toThrow(/scenarioId/);
    expect(() => parseScenarioEvent('ScenarioAssumptionRemoved', { scenarioId: 's1' })).toThrow(/assumptionId/);
  });
});
