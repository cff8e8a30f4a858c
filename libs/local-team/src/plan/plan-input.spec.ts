import { exampleLocalTeamPlan } from './example-plan.js';
import { LocalTeamPlanInput, LocalTeamPlanRevisionInput, mergeRevision, revisedFields } from './plan-input.js';

const plan = exampleLocalTeamPlan();
const pathsOf = (value: unknown) => {
  const result = LocalTeamPlanInput.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
};

describe('plan input', () => {
  it('accepts the example plan and the issue’s body shape', () => {
    expect(LocalTeamPlanInput.parse(plan)).toEqual(plan);
  });

  it('names the field of each cross-field mistake', () => {
    expect(pathsOf({ ...plan, takeover: [{ queueIds: ['au-kyc-phone'], fromMonth: '2026-06', share: 1 }] })).toEqual(['takeover.0.fromMonth']);
    expect(pathsOf({ ...plan, structure: { ...plan.structure, fixedRoles: { manager: 1, wfmAnalyst: 1 } } })).toEqual(['costs.annualLoaded.wfmAnalyst']);
    expect(pathsOf({ ...plan, structure: { ...plan.structure, fixedRoles: { agent: 3 } } })).toEqual(['structure.fixedRoles.agent']);
    expect(pathsOf({ ...plan, queues: [] })).toEqual(['queues']);
    expect(pathsOf({ ...plan, takeover: [] })).toContain('takeover');
    const twice = { ...plan, takeover: [...plan.takeover, { queueIds: ['au-kyc-phone'], fromMonth: '2025-06', share: 0.5 }] };
    expect(pathsOf(twice)).toEqual(['takeover.1.queueIds.0']);
    const closed = { ...plan, coverage: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } };
    expect(pathsOf(closed)).toEqual(['coverage']);
    const emailWithSl = { ...plan, queues: [{ ...plan.queues![0]!, channel: 'email' }] };
    expect(pathsOf(emailWithSl)).toEqual(['queues.0.serviceTarget.kind', 'queues.0.patienceSeconds']);
  });

  it('checks shapes: coverage ranges, shares, months, fractions', () => {
    expect(pathsOf({ ...plan, coverage: { ...plan.coverage, mon: [['20:00', '08:00']] } })).toEqual(['coverage.mon.0.1']);
    expect(pathsOf({ ...plan, coverage: { ...plan.coverage, mon: [['08:00', '12:00'], ['11:00', '13:00']] } })).toEqual(['coverage.mon.1']);
    expect(pathsOf({ ...plan, takeover: [{ ...plan.takeover[0]!, share: 25 }] })).toEqual(['takeover.0.share']);
    expect(pathsOf({ ...plan, startMonth: '2025-13' })).toEqual(['startMonth']);
    expect(pathsOf({ ...plan, workload: { ...plan.workload, shrinkage: 1 } })).toEqual(['workload.shrinkage']);
    expect(pathsOf({ ...plan, attrition: { annualRate: 1 } })).toEqual(['attrition.annualRate']);
    expect(pathsOf({ ...plan, hiring: { ...plan.hiring, rampProductivity: [0.5, 1.5] } })).toEqual(['hiring.rampProductivity.1']);
    expect(pathsOf({ ...plan, extra: 1 })).toEqual(['']);
  });

  it('accepts explicit FTE with no takeover and no coverage', () => {
    const fte = { ...plan, takeover: [], queues: undefined, coverage: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, demand: { kind: 'explicit-fte', monthly: [{ month: '2025-03', requiredFte: 10 }] } };
    expect(pathsOf(fte)).toEqual([]);
  });

  it('merges a revision field by field, whole fields replaced', () => {
    const revision = LocalTeamPlanRevisionInput.parse({ hiring: { ...plan.hiring, classSize: 8 }, expectedRevision: '3' });
    expect(revisedFields(revision)).toEqual(['hiring']);
    expect(mergeRevision(plan, revision)).toEqual({ ...plan, hiring: { ...plan.hiring, classSize: 8 } });
    expect(LocalTeamPlanRevisionInput.safeParse({ expectedRevision: '3' }).success).toBe(false);
    expect(LocalTeamPlanRevisionInput.safeParse({ nonsense: 1 }).success).toBe(false);
  });
});
