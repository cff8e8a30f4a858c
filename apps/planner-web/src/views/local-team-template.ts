import type { QueueListing } from '../api';

const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * A starting plan for the picked queue that the planner edits before drafting: a team in the
 * queue's market and zone, 08:00–20:00 on weekdays, taking the queue over from the third month,
 * its demand forecast from the recorded history. Every figure is an input to change, not a result.
 */
export function localTeamTemplate(queue: QueueListing, startMonth: string): Record<string, unknown> {
  const [y, m] = startMonth.split('-').map(Number) as [number, number];
  const takeoverMonth = `${y + Math.floor((m + 1) / 12)}-${String(((m + 1) % 12) + 1).padStart(2, '0')}`;
  const market = queue.routing.markets[0] ?? 'US';
  return {
    name: `${market} local team for ${queue.queueId}`,
    market,
    timeZone: queue.timeZone,
    startMonth,
    months: 12,
    coverage: Object.fromEntries(WEEK.map((d, i) => [d, i < 5 ? [['08:00', '20:00']] : []])),
    takeover: [{ queueIds: [queue.queueId], fromMonth: takeoverMonth, share: 1 }],
    demand: { kind: 'forecast', monthlyGrowthPct: 1 },
    workload: { shrinkage: 0.3, occupancyCap: 0.85, hoursPerFtePerWeek: 40 },
    hiring: { leadTimeWeeks: 6, trainingWeeks: 4, classSize: 5, maxClassesPerMonth: 1, trainingYield: 0.9, rampProductivity: [0.5, 0.75] },
    attrition: { annualRate: 0.25 },
    structure: { agentsPerTeamLead: 10, agentsPerQa: 15, trainersPerClass: 1, fixedRoles: { manager: 1 } },
    costs: {
      currency: 'USD',
      annualLoaded: { agent: 62_000, teamLead: 85_000, qa: 70_000, trainer: 72_000, manager: 120_000 },
      perHire: 4_000,
      trainingPerHire: 2_500,
      offshorePerProductiveHour: 28,
    },
  };
}
