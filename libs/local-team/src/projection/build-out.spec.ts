import fc from 'fast-check';
import { buildOut, type BuildOutAssumptions } from './build-out.js';
import { cohortKernel } from '../workforce/cohort-kernel.js';
import { exampleLocalTeamPlan } from '../plan/example-plan.js';
import { weeksToMonths } from '../demand/weeks-to-months.js';

const base = exampleLocalTeamPlan();

interface Case {
  plan: BuildOutAssumptions;
  required: number[];
  goLive: number;
}

const assumptions = fc.record({
  months: fc.integer({ min: 4, max: 30 }),
  leadTimeWeeks: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 16 }), fc.double({ min: 0, max: 16, noNaN: true })),
  trainingWeeks: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 12 }), fc.double({ min: 0, max: 12, noNaN: true })),
  classSize: fc.integer({ min: 1, max: 20 }),
  maxClassesPerMonth: fc.integer({ min: 1, max: 4 }),
  trainingYield: fc.double({ min: 0.3, max: 1, noNaN: true }),
  rampProductivity: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 10 }),
  annualRate: fc.double({ min: 0, max: 0.8, noNaN: true }),
  shrinkage: fc.double({ min: 0, max: 0.5, noNaN: true }),
});

/** A plan and a requirement that is 0 before go-live and arbitrary (often constant) after. */
const cases: fc.Arbitrary<Case> = assumptions.chain((a) =>
  fc
    .record({
      goLive: fc.integer({ min: 0, max: a.months - 1 }),
      level: fc.double({ min: 0.5, max: 80, noNaN: true }),
      noise: fc.array(fc.double({ min: 0, max: 40, noNaN: true }), { minLength: a.months, maxLength: a.months }),
      constant: fc.boolean(),
    })
    .map(({ goLive, level, noise, constant }) => ({
      goLive,
      required: noise.map((n, i) => (i < goLive ? 0 : constant ? level : n)),
      plan: {
        ...base,
        months: a.months,
        workload: { ...base.workload, shrinkage: a.shrinkage },
        hiring: {
          leadTimeWeeks: a.leadTimeWeeks,
          trainingWeeks: a.trainingWeeks,
          classSize: a.classSize,
          maxClassesPerMonth: a.maxClassesPerMonth,
          trainingYield: a.trainingYield,
          rampProductivity: a.rampProductivity,
        },
        attrition: { annualRate: a.annualRate },
      },
    })),
);

const TOL = 1e-9;

describe('build-out invariants (fast-check)', () => {
  it('balances headcount month by month: last month + hires − attrition losses', () => {
    fc.assert(
      fc.property(cases, ({ plan, required }) => {
        let last = 0;
        for (const m of buildOut(plan, required).months) {
          expect(Math.abs(m.agentHeadcount - (last + m.hires - m.attritionLosses))).toBeLessThanOrEqual(TOL * Math.max(1, last));
          expect(Number.isInteger(m.hires)).toBe(true);
          expect(m.attritionLosses).toBeGreaterThanOrEqual(0);
          last = m.agentHeadcount;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never has more productive FTE than agents on staff, nor more trainees than agents', () => {
    fc.assert(
      fc.property(cases, ({ plan, required }) => {
        for (const m of buildOut(plan, required).months) {
          expect(m.productiveFte).toBeLessThanOrEqual(m.agentHeadcount + TOL);
          expect(m.inTraining).toBeLessThanOrEqual(m.agentHeadcount + TOL);
          expect(m.productiveFte).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('with loose hiring limits, has no shortfall from go-live on when go-live leaves time to hire and train', () => {
    fc.assert(
      fc.property(cases, fc.integer({ min: 0, max: 6 }), ({ plan, required }, slack) => {
        const kernel = cohortKernel(
          { trainingWeeks: plan.hiring.trainingWeeks, trainingYield: plan.hiring.trainingYield, rampProductivity: plan.hiring.rampProductivity, annualAttritionRate: plan.attrition.annualRate },
          plan.months,
        );
        const ready = Math.ceil(weeksToMonths(plan.hiring.leadTimeWeeks)) + kernel.fullyProductiveMonth;
        const goLive = ready + slack;
        fc.pre(goLive < plan.months);
        const demand = required.map((r, i) => (i < goLive ? 0 : Math.max(r, 0.5)));
        const loose = { ...plan, hiring: { ...plan.hiring, classSize: 500, maxClassesPerMonth: 50 } };
        const result = buildOut(loose, demand);
        for (const m of result.months.slice(goLive)) expect(m.shortfallFte).toBe(0);
        expect(result.summary.firstMonthMeetingRequirement).toBe(result.months[goLive]!.month);
      }),
      { numRuns: 300 },
    );
  });

  it('never reduces any month’s shortfall when a hiring limit is tightened', () => {
    fc.assert(
      fc.property(cases, fc.constantFrom('classSize', 'maxClassesPerMonth', 'leadTimeWeeks') as fc.Arbitrary<'classSize' | 'maxClassesPerMonth' | 'leadTimeWeeks'>, fc.integer({ min: 1, max: 10 }), ({ plan, required }, limit, by) => {
        const tighter = { ...plan.hiring };
        if (limit === 'leadTimeWeeks') tighter.leadTimeWeeks += by;
        else tighter[limit] = Math.max(1, tighter[limit] - by);
        const loose = buildOut(plan, required).months;
        const tight = buildOut({ ...plan, hiring: tighter }, required).months;
        tight.forEach((m, i) => expect(m.shortfallFte).toBeGreaterThanOrEqual(loose[i]!.shortfallFte - TOL));
      }),
      { numRuns: 400 },
    );
  });

  it('never lowers total hires when attrition is higher', () => {
    fc.assert(
      fc.property(cases, fc.double({ min: 0, max: 0.5, noNaN: true }), ({ plan, required }, extra) => {
        const higher = Math.min(0.95, plan.attrition.annualRate + extra);
        const low = buildOut(plan, required).summary.totalHires;
        const high = buildOut({ ...plan, attrition: { annualRate: higher } }, required).summary.totalHires;
        expect(high).toBeGreaterThanOrEqual(low);
      }),
      { numRuns: 400 },
    );
  });
});
