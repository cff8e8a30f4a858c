import { DateTime } from 'luxon';

/** One agent (or a group of identical hires) on the payroll over a plan's horizon. */
export interface PayrollLine {
  agentId: string;
  siteId: string;
  /** How many identical agents the line stands for (hires come in groups). */
  count: number;
  contractedHoursPerWeek: number;
  hourlyCost: { amount: number; currency: string } | null;
  /** Share of each horizon hour the agent is employed (1 employed, 0 not; attrition lowers it). */
  employed: readonly number[];
}

/**
 * Payroll cost per currency over a horizon: for each line, contracted hours accrue evenly over the
 * week (contracted / 168 per hour employed) at the hourly cost. Lines without a rate are counted in
 * `unpricedAgents` instead, so a partial total is never shown as the whole.
 *
 * Units: the rate's currency; hours. Complexity: O(lines · hours).
 *
 * @example payrollCost([{ agentId: 'a', siteId: 'kl', count: 1, contractedHoursPerWeek: 40, hourlyCost: { amount: 10, currency: 'USD' }, employed: new Array(168).fill(1) }]) // { byCurrency: { USD: 400 }, unpricedAgents: 0 }
 */
export function payrollCost(lines: readonly PayrollLine[]): { byCurrency: Record<string, number>; unpricedAgents: number } {
  const byCurrency: Record<string, number> = {};
  let unpricedAgents = 0;
  for (const line of lines) {
    if (line.hourlyCost === null) {
      unpricedAgents += line.count;
      continue;
    }
    const employedHours = line.employed.reduce((a, b) => a + b, 0);
    const cost = (employedHours * line.contractedHoursPerWeek * line.hourlyCost.amount * line.count) / 168;
    byCurrency[line.hourlyCost.currency] = (byCurrency[line.hourlyCost.currency] ?? 0) + cost;
  }
  return { byCurrency, unpricedAgents };
}

/**
 * Which hours of a horizon an agent is employed: 1 from the start of its start date to the end of
 * its last day (site-local dates, so hours follow the site's time zone), else 0. O(hours).
 *
 * @example employment({ startDate: '2026-03-02', departedOn: null, timeZone: 'Asia/Kuala_Lumpur' }, Date.UTC(2026, 2, 1, 16), 3) // [1, 1, 1]
 */
export function employment(agent: { startDate: string; departedOn: string | null; timeZone: string }, fromMs: number, hours: number): number[] {
  const startMs = DateTime.fromISO(agent.startDate, { zone: agent.timeZone }).toMillis();
  const endMs = agent.departedOn === null ? Infinity : DateTime.fromISO(agent.departedOn, { zone: agent.timeZone }).plus({ days: 1 }).toMillis();
  return Array.from({ length: hours }, (_, h) => {
    const at = fromMs + h * 3_600_000;
    return at >= startMs && at < endMs ? 1 : 0;
  });
}
