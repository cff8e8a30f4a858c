import { breakEvenIndex, cumulativeSum } from './break-even.js';
import { monthlyLocalCost } from './local-cost.js';
import { offshoreEquivalentCost } from './offshore-equivalent-cost.js';
import { supportStaff } from '../workforce/support-staff.js';

const structure = { agentsPerTeamLead: 10, agentsPerQa: 15, trainersPerClass: 1, fixedRoles: { manager: 1, wfmAnalyst: 1 } };
const rates = { annualLoaded: { agent: 60_000, teamLead: 84_000, qa: 72_000, trainer: 72_000, manager: 120_000, wfmAnalyst: 96_000 }, perHire: 3_000, trainingPerHire: 2_000 };

describe('support staff', () => {
  it('rounds ratios up, counts trainers per class in training and every fixed role', () => {
    expect(supportStaff(23.5, 2, structure)).toEqual({ teamLeads: 3, qa: 2, trainers: 2, fixed: { manager: 1, wfmAnalyst: 1 }, total: 9 });
    expect(supportStaff(0, 0, structure)).toEqual({ teamLeads: 0, qa: 0, trainers: 0, fixed: { manager: 1, wfmAnalyst: 1 }, total: 2 });
  });
  it('does not tip over to one more lead for floating-point noise', () => {
    expect(supportStaff(30.0000000001, 0, structure).teamLeads).toBe(3);
    expect(supportStaff(30.01, 0, structure).teamLeads).toBe(4);
  });
});

describe('costs', () => {
  it('charges one twelfth of annual costs per person plus hiring costs (hand calculation)', () => {
    const support = supportStaff(10, 1, structure); // 1 lead, 1 QA, 1 trainer, manager, WFM analyst
    // 10·5000 + 7000 + 6000 + 6000 + 10000 + 8000 + 4·(3000 + 2000) = 107000
    expect(monthlyLocalCost(10, 4, support, rates)).toBeCloseTo(107_000, 6);
  });
  it('refuses a role without a cost', () => {
    expect(() => monthlyLocalCost(1, 0, supportStaff(1, 0, { ...structure, fixedRoles: { lawyer: 1 } }), rates)).toThrow(/lawyer/);
  });
  it('prices the work moved at the offshore rate per productive hour', () => {
    // 12 FTE · 40 h · 31/7 weeks · (1 − 0.25) productive · 30 = 47,828.57…
    expect(offshoreEquivalentCost(12, 40, 31 / 7, 0.25, 30)).toBeCloseTo((12 * 40 * 31 * 0.75 * 30) / 7, 9);
  });
  it('finds break-even as the first month cumulative local cost is covered', () => {
    expect(cumulativeSum([1, 2, 3])).toEqual([1, 3, 6]);
    expect(breakEvenIndex([100, 50, 50, 50], [0, 90, 90, 90])).toBe(3);
    expect(breakEvenIndex([100, 50, 50], [0, 60, 60])).toBeUndefined();
    expect(breakEvenIndex([0, 0], [0, 0])).toBeUndefined();
  });
});
