import { monthlyAttritionHazard } from './attrition-hazard.js';
import { cohortKernel } from './cohort-kernel.js';
import { meanProductivityByMonth, productivityAtWeek } from './ramp-productivity.js';
import { WEEKS_PER_MONTH, weeksToMonths } from '../demand/weeks-to-months.js';

const close = (a: number, b: number, tol = 1e-12) => expect(Math.abs(a - b)).toBeLessThanOrEqual(tol);

describe('attrition hazard', () => {
  it('compounds back to the annual rate over twelve months', () => {
    for (const annual of [0, 0.05, 0.2, 0.3, 0.6, 0.95]) {
      const h = monthlyAttritionHazard(annual);
      close(1 - (1 - h) ** 12, annual);
    }
    close(monthlyAttritionHazard(0.3), 1 - 0.7 ** (1 / 12));
  });
  it('rejects rates outside [0, 1)', () => {
    expect(() => monthlyAttritionHazard(1)).toThrow(RangeError);
    expect(() => monthlyAttritionHazard(-0.1)).toThrow(RangeError);
  });
});

describe('weeks and months', () => {
  it('uses 52/12 weeks a month and snaps whole months', () => {
    expect(WEEKS_PER_MONTH).toBeCloseTo(4.3333333, 6);
    expect(weeksToMonths(13)).toBe(3);
    expect(weeksToMonths(13 / 3)).toBe(1);
    close(weeksToMonths(4), 12 / 13);
  });
});

describe('ramp productivity', () => {
  const ramp = [0.5, 0.5, 0.75, 0.75];
  it('is 0 in training, the ramp value in each week after, then 1', () => {
    expect(productivityAtWeek(3.99, 4, ramp)).toBe(0);
    expect(productivityAtWeek(4, 4, ramp)).toBe(0.5);
    expect(productivityAtWeek(6.5, 4, ramp)).toBe(0.75);
    expect(productivityAtWeek(8, 4, ramp)).toBe(1);
  });
  it('averages exactly over each month (hand calculation)', () => {
    // Month 0 is weeks [0, 13/3): 1/3 week at 0.5 → (1/6) / (13/3) = 1/26.
    // Month 1 is weeks [13/3, 26/3): 2/3·0.5 + 1·0.5 + 1·0.75 + 1·0.75 + 2/3·1 = 3 → 3 / (13/3) = 9/13.
    const [m0, m1, m2] = meanProductivityByMonth(4, ramp, 3);
    close(m0!, 1 / 26);
    close(m1!, 9 / 13);
    expect(m2).toBe(1);
  });
  it('is a step at the month boundary when training fills whole months and there is no ramp', () => {
    expect(meanProductivityByMonth(13, [], 5)).toEqual([0, 0, 0, 1, 1]);
  });
});

describe('cohort kernel', () => {
  it('follows one hire through training, drop-out, ramp and attrition (hand calculation)', () => {
    // Training 13 weeks = 3 months exactly: graduates at the start of month 3. Yield 0.8, annual attrition 0.2.
    const h = 1 - 0.8 ** (1 / 12);
    const k = cohortKernel({ trainingWeeks: 13, trainingYield: 0.8, rampProductivity: [0.5], annualAttritionRate: 0.2 }, 6);
    expect(k.graduationMonth).toBe(3);
    expect(k.inTraining).toEqual([1, 1, 1, 0, 0, 0]);
    expect(k.graduates).toEqual([0, 0, 0, 0.8, 0, 0]);
    expect(k.training).toEqual([true, true, true, false, false, false]);
    const employed = [1, 1, 1, 0.8, 0.8 * (1 - h), 0.8 * (1 - h) ** 2];
    k.employed.forEach((e, i) => close(e, employed[i]!));
    const losses = [0, 0, 0, 0.2, 0.8 * h, 0.8 * (1 - h) * h];
    k.losses.forEach((l, i) => close(l, losses[i]!));
    // Month 3: one week at 0.5 and 10/3 weeks at 1 → (0.5 + 10/3) / (13/3) = 23/26 of 0.8 graduates.
    close(k.productive[3]!, 0.8 * (23 / 26));
    close(k.productive[4]!, 0.8 * (1 - h));
    expect(k.fullyProductiveMonth).toBe(4);
  });
  it('balances for every month: employed(d) = employed(d − 1) + [d = 0] − losses(d)', () => {
    const k = cohortKernel({ trainingWeeks: 6.5, trainingYield: 0.7, rampProductivity: [0.2, 0.4, 0.6], annualAttritionRate: 0.45 }, 24);
    let last = 0;
    k.employed.forEach((e, d) => {
      close(e, last + (d === 0 ? 1 : 0) - k.losses[d]!);
      expect(k.productive[d]!).toBeLessThanOrEqual(e + 1e-15);
      last = e;
    });
  });
});
