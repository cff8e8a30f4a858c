import { givenWhenThen } from '@staffcast/events';
import { exampleLocalTeamPlan } from './example-plan.js';
import { localTeamPlanDecider as decider, type LocalTeamPlanCommand } from './plan-decider.js';
import type { LocalTeamPlanEvent } from './plan-events.js';
import { parseLocalTeamPlanEvent } from './plan-events.js';

const planId = '0192f4a8-1c00-7000-8000-000000000001';
const plan = exampleLocalTeamPlan();
const drafted: LocalTeamPlanEvent = { type: 'LocalTeamPlanDrafted', data: { planId, plan } };
const revise = (revision: Extract<LocalTeamPlanCommand, { type: 'ReviseLocalTeamPlan' }>['revision']): LocalTeamPlanCommand => ({ type: 'ReviseLocalTeamPlan', planId, revision });

describe('local-team plan decider', () => {
  it('drafts a new plan', () => {
    expect(givenWhenThen(decider, [], { type: 'DraftLocalTeamPlan', planId, plan })).toEqual({ events: [drafted] });
  });

  it('refuses to draft a plan twice', () => {
    expect(givenWhenThen(decider, [drafted], { type: 'DraftLocalTeamPlan', planId, plan })).toEqual({ error: { code: 'LOCAL_TEAM_PLAN_EXISTS', kind: 'conflict' } });
  });

  it('refuses to revise a plan that was never drafted', () => {
    expect(givenWhenThen(decider, [], revise({ months: 24 }))).toEqual({ error: { code: 'LOCAL_TEAM_PLAN_NOT_FOUND', kind: 'not_found' } });
  });

  it('replaces the revised top-level fields whole and records the full plan', () => {
    const hiring = { ...plan.hiring, classSize: 10 };
    expect(givenWhenThen(decider, [drafted], revise({ hiring, attrition: { annualRate: 0.35 } }))).toEqual({
      events: [{ type: 'LocalTeamPlanRevised', data: { planId, plan: { ...plan, hiring, attrition: { annualRate: 0.35 } }, changedFields: ['hiring', 'attrition'] } }],
    });
  });

  it('records nothing for a revision that changes nothing', () => {
    expect(givenWhenThen(decider, [drafted], revise({ hiring: { ...plan.hiring }, months: plan.months }))).toEqual({ events: [] });
  });

  it('lists only the fields that really changed', () => {
    const result = givenWhenThen(decider, [drafted], revise({ months: plan.months, attrition: { annualRate: 0.1 } }));
    expect(result).toMatchObject({ events: [{ data: { changedFields: ['attrition'] } }] });
  });

  it('refuses a revision that leaves the plan inconsistent, naming the field', () => {
    // Shortening the plan to 3 months leaves the June takeover outside it.
    expect(givenWhenThen(decider, [drafted], revise({ months: 3 }))).toEqual({ error: { code: 'LOCAL_TEAM_PLAN_INVALID', kind: 'invalid', field: 'takeover.0.fromMonth' } });
  });

  it('refuses a stale revision and accepts one made at the current revision', () => {
    const revised: LocalTeamPlanEvent = { type: 'LocalTeamPlanRevised', data: { planId, plan: { ...plan, months: 24 }, changedFields: ['months'] } };
    expect(givenWhenThen(decider, [drafted, revised], revise({ months: 18, expectedRevision: '0' }))).toEqual({
      error: { code: 'LOCAL_TEAM_PLAN_STALE', kind: 'conflict', field: 'expectedRevision' },
    });
    expect(givenWhenThen(decider, [drafted, revised], revise({ months: 18, expectedRevision: '1' }))).toMatchObject({ events: [{ data: { plan: { months: 18 } } }] });
  });

  it('reads back what it writes, and rejects unknown types and versions', () => {
    expect(parseLocalTeamPlanEvent('LocalTeamPlanDrafted', JSON.parse(JSON.stringify(drafted.data)), 1)).toEqual(drafted);
    expect(() => parseLocalTeamPlanEvent('LocalTeamPlanDeleted', {}, 1)).toThrow(/unknown/);
    expect(() => parseLocalTeamPlanEvent('LocalTeamPlanDrafted', drafted.data, 2)).toThrow(/only v1/);
    expect(() => parseLocalTeamPlanEvent('LocalTeamPlanDrafted', { planId, plan: { ...plan, months: 0 } }, 1)).toThrow(/plan\.months/);
  });
});
