import { z } from 'zod';
import { EntityId, IsoDateTime, instantMs, uniqueList } from '@staffcast/events';
import { summarisePeriod, type CapacityPlan, type PeriodSummary } from '@staffcast/planning';

const HOUR_MS = 3_600_000;
/** Longest horizon a scenario run covers: 8 weeks of hours. */
export const MAX_RUN_HORIZON_HOURS = 8 * 7 * 24;

/** What a run plans: the capacity plan's request, plus the paid hours a full-time agent works a week. */
export const RunRequest = z.strictObject({
  queueIds: uniqueList(EntityId, 50).min(1).optional(),
  from: IsoDateTime.refine((v) => instantMs(v) % HOUR_MS === 0, 'must be a whole UTC hour'),
  horizonHours: z.number().int().min(1).max(MAX_RUN_HORIZON_HOURS),
  planQuantile: z.number().gt(0).lt(1).default(0.8),
  shrinkage: z.number().min(0).max(0.95).default(0.3),
  occupancyCap: z.number().gt(0).max(1).default(0.9),
  hoursPerFte: z.number().gt(0).max(60).default(40),
});
export type RunRequest = z.output<typeof RunRequest>;

const Fraction = z.number().nullable();
/** One side of a comparison: totals over the horizon. */
export const RunMetrics = z.strictObject({
  volume: z.number(),
  requiredAgentHours: z.number(),
  scheduledAgentHours: z.number(),
  /** Scheduled agent-hours over the horizon ÷ (hoursPerFte × weeks). */
  requiredFte: z.number(),
  rosteredAgentHours: z.number(),
  /** Agent-hours short of the requirement (the gap, summed over hours that are short). */
  gapAgentHours: z.number(),
  hoursShort: z.number(),
  serviceLevel: Fraction,
  abandonment: Fraction,
});
export type RunMetrics = z.infer<typeof RunMetrics>;

const Comparison = z.strictObject({ baseline: RunMetrics, scenario: RunMetrics, delta: RunMetrics });
export const RunSummary = z.strictObject({
  queues: z.array(Comparison.extend({ queueId: EntityId })),
  total: Comparison,
  cost: z.array(z.strictObject({ currency: z.string(), baseline: z.number(), scenario: z.number(), delta: z.number() })),
  unpricedAgents: z.strictObject({ baseline: z.number(), scenario: z.number() }),
  warnings: z.array(z.string()),
});
export type RunSummary = z.infer<typeof RunSummary>;

/** Totals of a plan's rows for one queue (or all) as run metrics. O(rows). */
export function runMetrics(plan: CapacityPlan, request: Pick<RunRequest, 'horizonHours' | 'hoursPerFte'>, queueId?: string): RunMetrics {
  const rows = queueId === undefined ? plan.rows : plan.rows.filter((r) => r.queueId === queueId);
  const total: PeriodSummary = summarisePeriod('total', rows);
  const weeks = request.horizonHours / 168;
  return {
    volume: rows.reduce((s, r) => s + r.forecastPlanned, 0),
    requiredAgentHours: total.requiredAgentHours,
    scheduledAgentHours: total.scheduledAgentHours,
    requiredFte: total.scheduledAgentHours / (request.hoursPerFte * weeks),
    rosteredAgentHours: total.rosteredAgentHours,
    gapAgentHours: total.shortAgentHours,
    hoursShort: total.hoursShort,
    serviceLevel: total.serviceLevel,
    abandonment: total.abandonment,
  };
}

/** scenario − baseline, field by field; null when either side is null. */
export function metricsDelta(baseline: RunMetrics, scenario: RunMetrics): RunMetrics {
  const d = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);
  return {
    volume: scenario.volume - baseline.volume,
    requiredAgentHours: scenario.requiredAgentHours - baseline.requiredAgentHours,
    scheduledAgentHours: scenario.scheduledAgentHours - baseline.scheduledAgentHours,
    requiredFte: scenario.requiredFte - baseline.requiredFte,
    rosteredAgentHours: scenario.rosteredAgentHours - baseline.rosteredAgentHours,
    gapAgentHours: scenario.gapAgentHours - baseline.gapAgentHours,
    hoursShort: scenario.hoursShort - baseline.hoursShort,
    serviceLevel: d(baseline.serviceLevel, scenario.serviceLevel),
    abandonment: d(baseline.abandonment, scenario.abandonment),
  };
}

/**
 * The comparison a run records: per queue and in total, the baseline and scenario metrics and
 * their difference; payroll cost per currency on both sides. O(rows).
 */
export function compareRuns(
  baseline: CapacityPlan,
  scenario: CapacityPlan,
  request: Pick<RunRequest, 'horizonHours' | 'hoursPerFte'>,
  cost: { baseline: { byCurrency: Record<string, number>; unpricedAgents: number }; scenario: { byCurrency: Record<string, number>; unpricedAgents: number } },
  warnings: readonly string[],
): RunSummary {
  const side = (queueId?: string) => {
    const b = runMetrics(baseline, request, queueId);
    const s = runMetrics(scenario, request, queueId);
    return { baseline: b, scenario: s, delta: metricsDelta(b, s) };
  };
  const currencies = [...new Set([...Object.keys(cost.baseline.byCurrency), ...Object.keys(cost.scenario.byCurrency)])].sort();
  return {
    queues: baseline.summaries.map((q) => ({ queueId: q.queueId, ...side(q.queueId) })),
    total: side(),
    cost: currencies.map((currency) => {
      const b = cost.baseline.byCurrency[currency] ?? 0;
      const s = cost.scenario.byCurrency[currency] ?? 0;
      return { currency, baseline: b, scenario: s, delta: s - b };
    }),
    unpricedAgents: { baseline: cost.baseline.unpricedAgents, scenario: cost.scenario.unpricedAgents },
    warnings: [...warnings],
  };
}

/** One queue-hour of a run compared with the baseline (`?compare=baseline`). */
export interface ComparisonRow {
  queueId: string;
  hour: string;
  open: boolean;
  baselineForecastPlanned: number;
  forecastPlanned: number;
  baselineAhtSeconds: number;
  ahtSeconds: number;
  baselineRawAgents: number;
  rawAgents: number;
  deltaRawAgents: number;
  baselineScheduledAgents: number;
  scheduledAgents: number;
  baselineRosteredAgents: number;
  rosteredAgents: number;
  baselineGap: number;
  gap: number;
  baselineServiceLevel: number | null;
  serviceLevel: number | null;
  baselineAbandonment: number | null;
  abandonment: number | null;
}

export const COMPARISON_COLUMNS: readonly (keyof ComparisonRow)[] = [
  'queueId', 'hour', 'open', 'baselineForecastPlanned', 'forecastPlanned', 'baselineAhtSeconds', 'ahtSeconds', 'baselineRawAgents', 'rawAgents', 'deltaRawAgents',
  'baselineScheduledAgents', 'scheduledAgents', 'baselineRosteredAgents', 'rosteredAgents', 'baselineGap', 'gap', 'baselineServiceLevel', 'serviceLevel', 'baselineAbandonment', 'abandonment',
];

/** The scenario's rows beside the baseline's, matched by queue and hour (both plans cover the same ones). O(rows). */
export function comparisonRows(baseline: CapacityPlan, scenario: CapacityPlan): ComparisonRow[] {
  const base = new Map(baseline.rows.map((r) => [`${r.queueId}|${r.hour}`, r]));
  return scenario.rows.map((s) => {
    const b = base.get(`${s.queueId}|${s.hour}`)!;
    return {
      queueId: s.queueId,
      hour: s.hour,
      open: s.open,
      baselineForecastPlanned: b.forecastPlanned,
      forecastPlanned: s.forecastPlanned,
      baselineAhtSeconds: b.ahtSeconds,
      ahtSeconds: s.ahtSeconds,
      baselineRawAgents: b.rawAgents,
      rawAgents: s.rawAgents,
      deltaRawAgents: s.rawAgents - b.rawAgents,
      baselineScheduledAgents: b.scheduledAgents,
      scheduledAgents: s.scheduledAgents,
      baselineRosteredAgents: b.rosteredAgents,
      rosteredAgents: s.rosteredAgents,
      baselineGap: b.gap,
      gap: s.gap,
      baselineServiceLevel: b.serviceLevel,
      serviceLevel: s.serviceLevel,
      baselineAbandonment: b.abandonment,
      abandonment: s.abandonment,
    };
  });
}
