import { foldEvents, givenWhenThen } from '@staffcast/events';
import type { Assumption } from './assumptions.js';
import { MAX_ASSUMPTIONS, MAX_ASSUMPTIONS_BYTES, scenarioDecider as decider, type ScenarioCommand } from './scenario-decider.js';
import { parseScenarioEvent, type ScenarioEvent, type ScenarioRunRecordedData } from './scenario-events.js';

const then = (given: readonly ScenarioEvent[], when: ScenarioCommand) => givenWhenThen(decider, given, when);

const scenarioId = 'kyc-surge-q2';
const Created: ScenarioEvent = { type: 'ScenarioCreated', data: { scenarioId, name: 'KYC surge in Q2' } };

const aht: Assumption = { kind: 'aht-change', percent: 15, queueIds: ['us-kyc-phone'] };
const shrink: Assumption = { kind: 'shrinkage', shrinkage: 0.35, queueIds: [] };
const added = (assumptionId: string, assumption: Assumption): ScenarioEvent => ({ type: 'ScenarioAssumptionAdded', data: { scenarioId, assumptionId, assumption } });
const removed = (assumptionId: string): ScenarioEvent => ({ type: 'ScenarioAssumptionRemoved', data: { scenarioId, assumptionId } });
const add = (assumptionId: string, assumption: Assumption): ScenarioCommand => ({ type: 'AddAssumption', scenarioId, assumptionId, assumption });

const zeroMetrics = { volume: 0, requiredAgentHours: 0, scheduledAgentHours: 0, requiredFte: 0, rosteredAgentHours: 0, gapAgentHours: 0, hoursShort: 0, serviceLevel: null, abandonment: null };
const run = (runId: string): ScenarioRunRecordedData => ({
  scenarioId,
  runId,
  ranAt: '2026-03-01T10:00:00Z',
  baselinePosition: '42',
  request: { from: '2026-03-02T00:00:00Z', horizonHours: 24, planQuantile: 0.8, shrinkage: 0.3, occupancyCap: 0.9, hoursPerFte: 40 },
  assumptions: [{ assumptionId: 'a1', assumption: aht }],
  summary: {
    queues: [],
    total: { baseline: zeroMetrics, scenario: zeroMetrics, delta: zeroMetrics },
    cost: [],
    unpricedAgents: { baseline: 0, scenario: 0 },
    warnings: [],
  },
  digest: 'a'.repeat(64),
});
const Ran = (runId: string): ScenarioEvent => ({ type: 'ScenarioRunRecorded', data: run(runId) });

describe('scenario decider', () => {
  it('creates a scenario, with or without a description', () => {
    expect(then([], { type: 'CreateScenario', scenarioId, name: 'KYC surge in Q2' })).toEqual({ events: [Created] });
    expect(then([], { type: 'CreateScenario', scenarioId, name: 'KYC surge in Q2', description: 'launch doubles KYC' })).toEqual({
      events: [{ type: 'ScenarioCreated', data: { scenarioId, name: 'KYC surge in Q2', description: 'launch doubles KYC' } }],
    });
  });

  it('refuses to create a scenario twice, even with the same name', () => {
    expect(then([Created], { type: 'CreateScenario', scenarioId, name: 'KYC surge in Q2' })).toEqual({ events: [] });
    expect(then([Created], { type: 'CreateScenario', scenarioId, name: 'Another name' })).toEqual({ error: { code: 'SCENARIO_EXISTS', kind: 'conflict', field: 'scenarioId' } });
    expect(then([Created], { type: 'CreateScenario', scenarioId, name: 'KYC surge in Q2', description: 'other' })).toEqual({ error: { code: 'SCENARIO_EXISTS', kind: 'conflict', field: 'scenarioId' } });
  });

  it('answers not_found for every command on a scenario that was never created', () => {
    const notFound = { error: { code: 'SCENARIO_NOT_FOUND', kind: 'not_found', field: 'id' } };
    expect(then([], add('a1', aht))).toEqual(notFound);
    expect(then([], { type: 'RemoveAssumption', scenarioId, assumptionId: 'a1' })).toEqual(notFound);
    expect(then([], { type: 'RecordRun', run: run('r1') })).toEqual(notFound);
  });

  it('adds an assumption under a fresh id', () => {
    expect(then([Created], add('a1', aht))).toEqual({ events: [added('a1', aht)] });
    expect(then([Created, added('a1', aht)], add('a2', shrink))).toEqual({ events: [added('a2', shrink)] });
  });

  it('records nothing for a retried add of the same assumption under the same id, whatever the key order', () => {
    expect(then([Created, added('a1', aht)], add('a1', { ...aht }))).toEqual({ events: [] });
    const reordered = { queueIds: ['us-kyc-phone'], percent: 15, kind: 'aht-change' } as Assumption;
    expect(then([Created, added('a1', aht)], add('a1', reordered))).toEqual({ events: [] });
  });

  it('refuses the same id with different content', () => {
    expect(then([Created, added('a1', aht)], add('a1', { ...aht, percent: 20 }))).toEqual({ error: { code: 'ASSUMPTION_ID_REUSED', kind: 'conflict', field: 'assumptionId' } });
    expect(then([Created, added('a1', aht)], add('a1', shrink))).toEqual({ error: { code: 'ASSUMPTION_ID_REUSED', kind: 'conflict', field: 'assumptionId' } });
  });

  it('never reuses a removed id, even for the very assumption it held', () => {
    const given = [Created, added('a1', aht), removed('a1')];
    expect(then(given, add('a1', aht))).toEqual({ error: { code: 'ASSUMPTION_ID_REUSED', kind: 'conflict', field: 'assumptionId' } });
    expect(then(given, add('a1', shrink))).toEqual({ error: { code: 'ASSUMPTION_ID_REUSED', kind: 'conflict', field: 'assumptionId' } });
    // A fresh id for the same assumption is fine.
    expect(then(given, add('a1-again', aht))).toEqual({ events: [added('a1-again', aht)] });
  });

  it('removes an assumption by id, after which the state no longer lists it', () => {
    const given = [Created, added('a1', aht), added('a2', shrink)];
    expect(then(given, { type: 'RemoveAssumption', scenarioId, assumptionId: 'a1' })).toEqual({ events: [removed('a1')] });
    const state = foldEvents(decider, [...given, removed('a1')]);
    expect(state).toMatchObject({ status: 'created', assumptions: [{ assumptionId: 'a2', assumption: shrink }], usedAssumptionIds: ['a1', 'a2'] });
  });

  it('refuses to remove an unknown or already removed assumption', () => {
    const notFound = { error: { code: 'ASSUMPTION_NOT_FOUND', kind: 'not_found', field: 'assumptionId' } };
    expect(then([Created, added('a1', aht)], { type: 'RemoveAssumption', scenarioId, assumptionId: 'nope' })).toEqual(notFound);
    expect(then([Created, added('a1', aht), removed('a1')], { type: 'RemoveAssumption', scenarioId, assumptionId: 'a1' })).toEqual(notFound);
  });

  it('keeps the assumptions in the order they were added', () => {
    const state = foldEvents(decider, [Created, added('b', shrink), added('a', aht), added('c', { ...aht, percent: -10 })]);
    expect(state.status === 'created' ? state.assumptions.map((a) => a.assumptionId) : undefined).toEqual(['b', 'a', 'c']);
  });

  it(`holds at most ${MAX_ASSUMPTIONS} assumptions at once`, () => {
    const full = [Created, ...Array.from({ length: MAX_ASSUMPTIONS }, (_, i) => added(`a${i}`, { ...aht, percent: i }))];
    expect(then(full, add('one-more', shrink))).toEqual({ error: { code: 'TOO_MANY_ASSUMPTIONS', kind: 'conflict' } });
    // A retry of one already held is still a no-op at the limit, and one below the limit is accepted.
    expect(then(full, add('a7', { ...aht, percent: 7 }))).toEqual({ events: [] });
    expect(then(full.slice(0, -1), add('one-more', shrink))).toEqual({ events: [added('one-more', shrink)] });
    // Removing one makes room again.
    expect(then([...full, removed('a0')], add('one-more', shrink))).toEqual({ events: [added('one-more', shrink)] });
  });

  it(`holds at most ${MAX_ASSUMPTIONS_BYTES} bytes of assumptions, so that a run recording them stays a storable event`, () => {
    // Shrinkage assumptions naming 200 queues of 60 characters: about 12.6 KB each.
    const wide = (i: number): Assumption => ({ kind: 'shrinkage', shrinkage: 0.3, queueIds: Array.from({ length: 200 }, (_, k) => `queue-${String(i).padStart(3, '0')}-${String(k).padStart(3, '0')}-${'x'.repeat(44)}`) });
    const size = (list: Assumption[]) => new TextEncoder().encode(JSON.stringify(list)).length;
    let held: Assumption[] = [];
    while (size([...held, wide(held.length)]) <= MAX_ASSUMPTIONS_BYTES) held = [...held, wide(held.length)];
    const given = [Created, ...held.map((a, i) => added(`w${i}`, a))];
    expect(held.length).toBeLessThan(MAX_ASSUMPTIONS);
    expect(then(given, add('too-much', wide(held.length)))).toEqual({ error: { code: 'ASSUMPTIONS_TOO_LARGE', kind: 'conflict' } });
    // A small one still fits, and removing a wide one makes room for another.
    expect(then(given, add('small', aht))).toEqual({ events: [added('small', aht)] });
    expect(then([...given, removed('w0')], add('again', wide(held.length)))).toEqual({ events: [added('again', wide(held.length))] });
  });

  it('records a run once under its id', () => {
    expect(then([Created], { type: 'RecordRun', run: run('r1') })).toEqual({ events: [Ran('r1')] });
    // The same run retried (same id and request, evaluated again) records nothing; the same id with another request is a conflict.
    expect(then([Created, Ran('r1')], { type: 'RecordRun', run: { ...run('r1'), ranAt: '2026-06-02T00:00:00Z', digest: 'other' } })).toEqual({ events: [] });
    expect(then([Created, Ran('r1')], { type: 'RecordRun', run: { ...run('r1'), request: { ...run('r1').request, horizonHours: 48 } } })).toEqual({
      error: { code: 'RUN_EXISTS', kind: 'conflict', field: 'runId' },
    });
    expect(then([Created, Ran('r1')], { type: 'RecordRun', run: run('r2') })).toEqual({ events: [Ran('r2')] });
    const state = foldEvents(decider, [Created, Ran('r1'), Ran('r2')]);
    expect(state.status === 'created' ? state.runs.map((r) => r.runId) : undefined).toEqual(['r1', 'r2']);
  });

  it('ignores stream events that arrive before the scenario was created', () => {
    expect(foldEvents(decider, [added('a1', aht), removed('a1'), Ran('r1')])).toEqual({ status: 'none' });
  });

  it('emits events that read back through parseScenarioEvent', () => {
    for (const e of [Created, added('a1', aht), removed('a1'), Ran('r1')]) {
      expect(parseScenarioEvent(e.type, JSON.parse(JSON.stringify(e.data)), 1)).toEqual(e);
    }
  });
});
