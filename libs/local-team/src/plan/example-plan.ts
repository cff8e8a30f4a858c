import type { LocalTeamPlanInput } from './plan-input.js';
import { daysInMonth, planMonths } from './plan-month.js';

/**
 * A complete example plan, used by the documentation, the demo and the worked example in the tests:
 * an Australian team in Brisbane (no DST) covering 08:00–20:00 every day takes over one KYC phone
 * queue at 100% from June 2025. Demand is constant: 200 calls an hour in every covered hour (so each
 * month's volume is 200 × 12 × its days), 180 s handle time, 300 s mean patience, 80% in 20 s.
 */
export function exampleLocalTeamPlan(): LocalTeamPlanInput {
  const months = planMonths('2025-01', 12);
  return {
    name: 'AU regulated queues, Brisbane',
    market: 'AU',
    timeZone: 'Australia/Brisbane',
    startMonth: '2025-01',
    months: 12,
    coverage: {
      mon: [['08:00', '20:00']],
      tue: [['08:00', '20:00']],
      wed: [['08:00', '20:00']],
      thu: [['08:00', '20:00']],
      fri: [['08:00', '20:00']],
      sat: [['08:00', '20:00']],
      sun: [['08:00', '20:00']],
    },
    takeover: [{ queueIds: ['au-kyc-phone'], fromMonth: '2025-06', share: 1 }],
    demand: { kind: 'explicit-volume', monthly: months.map((month) => ({ queueId: 'au-kyc-phone', month, volume: 200 * 12 * daysInMonth(month) })) },
    queues: [{ queueId: 'au-kyc-phone', channel: 'phone', ahtSeconds: 180, serviceTarget: { kind: 'sl', percent: 80, seconds: 20 }, patienceSeconds: 300 }],
    workload: { shrinkage: 0.3, occupancyCap: 0.85, hoursPerFtePerWeek: 40 },
    hiring: { leadTimeWeeks: 8, trainingWeeks: 4, classSize: 15, maxClassesPerMonth: 2, trainingYield: 0.9, rampProductivity: [0.5, 0.5, 0.75, 0.75] },
    attrition: { annualRate: 0.2 },
    structure: { agentsPerTeamLead: 10, agentsPerQa: 15, trainersPerClass: 1, fixedRoles: { manager: 1 } },
    costs: {
      currency: 'AUD',
      annualLoaded: { agent: 60_000, teamLead: 84_000, qa: 72_000, trainer: 72_000, manager: 120_000 },
      perHire: 3_000,
      trainingPerHire: 2_000,
      offshorePerProductiveHour: 95,
    },
  };
}
