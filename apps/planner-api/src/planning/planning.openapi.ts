import { planCsv, type PeriodSummary, type PlanRow, type QueuePlanSummary } from '@staffcast/planning';
import { RunSummary } from '@staffcast/scenarios';
import { z } from 'zod';
import type { ErrorExample, RouteDoc, RouteDocs } from '../http/openapi/route-doc.js';
import { SeriesBacktestReport } from '../forecasting/forecast-series.dto.js';
import type { AccuracyRow } from './forecast-publication.service.js';
import { AccuracyQuery, IntradayRequest, PlanQuery, PlanRequest, PublishRequest, QueueForecastRequest, RequirementsRequest } from './planning.dto.js';
import type { QueueForecast } from './queue-forecast.service.js';

const Fraction = z.number().nullable();

/** A queue whose history has no resolved tickets has no handle time to staff from. */
const NO_HANDLE_TIME: ErrorExample = { error: 'no handle time', issues: [{ path: 'queueIds', message: 'queue us-kyc-chat has no resolved tickets in the 26 weeks before from, so there is no handle time to forecast' }] };

export const PlanRowBody: z.ZodType<PlanRow> = z.strictObject({
  queueId: z.string(),
  hour: z.string().describe('UTC hour, ISO-8601'),
  open: z.boolean(),
  forecastMean: z.number(),
  forecastPlanned: z.number().describe('The forecast at the planned quantile'),
  ahtSeconds: z.number(),
  requiredAgents: z.number().describe('Net agents on contacts the target needs'),
  rawAgents: z.number(),
  scheduledAgents: z.number().describe('Required agents grossed up for shrinkage'),
  rosteredAgents: z.number().describe('Productive agents the roster gives this queue (shared agents allocated by requirement)'),
  gap: z.number().describe('rosteredAgents − rawAgents: negative is a shortfall'),
  serviceLevel: Fraction.describe('Projected with the roster as it stands; null for async queues'),
  abandonment: Fraction,
  backlogEnd: z.number().nullable(),
});

export const PeriodSummaryBody: z.ZodType<PeriodSummary> = z.strictObject({
  period: z.string().describe('`total`, a local date or an ISO week'),
  requiredAgentHours: z.number(),
  scheduledAgentHours: z.number(),
  rosteredAgentHours: z.number(),
  shortAgentHours: z.number(),
  hoursShort: z.number(),
  serviceLevel: Fraction,
  abandonment: Fraction,
});

const QueueSummaryBody: z.ZodType<QueuePlanSummary> = z.strictObject({
  queueId: z.string(),
  timeZone: z.string(),
  requiredSkills: z.array(z.string()),
  total: PeriodSummaryBody,
  days: z.array(PeriodSummaryBody),
  weeks: z.array(PeriodSummaryBody),
});

/** The rows, summaries and worst hours of a capacity plan. */
export const PlanParts = {
  rows: z.array(PlanRowBody),
  summaries: z.array(QueueSummaryBody),
  worstHours: z.array(PlanRowBody).describe('The 20 hours with the largest shortfall, worst first'),
  idleAgentHours: z.number().describe('Rostered productive agent-hours no queue in the plan needed'),
};

const PlanBody = z.strictObject({
  from: z.string(),
  horizonHours: z.number().int(),
  planQuantile: z.number(),
  shrinkage: z.number(),
  scenarioId: z.string().optional(),
  baselinePosition: z.string().optional(),
  comparison: RunSummary.optional(),
  ...PlanParts,
});

export const ROW_EXAMPLE: PlanRow = {
  queueId: 'us-kyc-chat',
  hour: '2026-11-16T14:00:00.000Z',
  open: true,
  forecastMean: 41.2,
  forecastPlanned: 46.8,
  ahtSeconds: 610,
  requiredAgents: 5,
  rawAgents: 4.6,
  scheduledAgents: 8,
  rosteredAgents: 3.5,
  gap: -1.1,
  serviceLevel: 0.62,
  abandonment: 0.07,
  backlogEnd: null,
};
const SUMMARY_EXAMPLE: PeriodSummary = { period: 'total', requiredAgentHours: 412, scheduledAgentHours: 589, rosteredAgentHours: 398.5, shortAgentHours: 31.5, hoursShort: 19, serviceLevel: 0.77, abandonment: 0.03 };
export const PLAN_EXAMPLE = {
  rows: [ROW_EXAMPLE],
  summaries: [{ queueId: 'us-kyc-chat', timeZone: 'America/New_York', requiredSkills: ['kyc-us'], total: SUMMARY_EXAMPLE, days: [{ ...SUMMARY_EXAMPLE, period: '2026-11-16' }], weeks: [{ ...SUMMARY_EXAMPLE, period: '2026-W47' }] }],
  worstHours: [ROW_EXAMPLE],
  idleAgentHours: 12.5,
};

const ForecastBody: z.ZodType<QueueForecast> = z.strictObject({
  queueId: z.string(),
  timeZone: z.string(),
  channel: z.string(),
  start: z.string(),
  horizonHours: z.number().int(),
  method: z.string().describe('The method the rolling-origin backtest chose'),
  weights: z.record(z.string(), z.number()),
  backtest: SeriesBacktestReport,
  historyHours: z.number().int(),
  volume: z.strictObject({ mean: z.array(z.number()), quantiles: z.record(z.string(), z.array(z.number())) }),
  aht: z.strictObject({ meanSeconds: z.array(z.number()), trendPctPerWeek: z.number() }),
  launches: z.strictObject({ applied: z.array(z.unknown()), past: z.array(z.unknown()) }),
});

const AccuracyRowBody: z.ZodType<AccuracyRow> = z.strictObject({
  horizon: z.string().describe('Hours-ahead bucket: 1-24, 25-48, 49-168, 169+'),
  hours: z.number().int(),
  actual: z.number(),
  forecast: z.number(),
  wape: Fraction,
  bias: Fraction,
  coverage: Fraction,
  interval: z.tuple([z.number(), z.number()]).nullable(),
});

const ACCURACY_EXAMPLE: AccuracyRow = { horizon: '1-24', hours: 48, actual: 1520, forecast: 1478.5, wape: 0.094, bias: -0.027, coverage: 0.79, interval: [0.1, 0.9] };
const REQUEST = { queueIds: ['us-kyc-chat'], from: '2026-11-16T00:00:00Z', horizonHours: 168 };
const planned = (s: number) => [s, s * 1.1, s * 0.9].map((v) => Math.round(v * 10) / 10);

const forecastsRoute: RouteDoc = {
  method: 'post',
  path: '/v1/forecasts',
  tag: 'forecasts',
  summary: 'Hourly volume and AHT forecasts per queue',
  description: "From the recorded history, in each queue's local time (DST-correct), with holidays and launches; the method is chosen per queue by a rolling-origin backtest. `asOf` reproduces the forecast as the log stood then.",
  role: 'viewer',
  body: { schema: QueueForecastRequest, example: { ...REQUEST, quantiles: [0.1, 0.9] } },
  responses: {
    200: {
      description: 'One forecast per queue',
      schema: z.strictObject({ from: z.string(), horizonHours: z.number().int(), queues: z.array(ForecastBody) }),
      example: {
        from: '2026-11-16T00:00:00.000Z',
        horizonHours: 168,
        queues: [{ queueId: 'us-kyc-chat', timeZone: 'America/New_York', channel: 'chat', start: '2026-11-16T00:00:00.000Z', horizonHours: 168, method: 'mstl-ets', weights: { 'mstl-ets': 1 }, backtest: { origins: 4, horizonHours: 168, wape: 0.112, baseline: { method: 'same-slot-mean-4w', wape: 0.131 }, combinationShare: 0.75 }, historyHours: 2184, volume: { mean: planned(12), quantiles: { '0.1': planned(8), '0.9': planned(16) } }, aht: { meanSeconds: [610, 612, 608], trendPctPerWeek: 0.4 }, launches: { applied: [], past: [] } }],
      },
    },
  },
  errors: { 422: NO_HANDLE_TIME },
};

const publishRoute: RouteDoc = {
  method: 'post',
  path: '/v1/forecasts/publish',
  tag: 'forecasts',
  summary: 'Publish the forecasts computed at the log head',
  description: 'Records each queue forecast as a ForecastPublished event with the log position it was computed at, so it can be reproduced and scored against the actuals (`GET /v1/accuracy`).',
  role: 'planner',
  body: { schema: PublishRequest, example: { ...REQUEST, quantiles: [0.1, 0.9] } },
  responses: {
    201: {
      description: 'The publications recorded',
      schema: z.strictObject({ publications: z.array(z.strictObject({ queueId: z.string(), publicationId: z.string(), computedAtPosition: z.string(), position: z.string() })) }),
      example: { publications: [{ queueId: 'us-kyc-chat', publicationId: '0193a3c2-4f00-7b4e-9d2a-5c1f0e6b7a10', computedAtPosition: '1523311', position: '1523312' }] },
    },
  },
};

const accuracyRoute: RouteDoc = {
  method: 'get',
  path: '/v1/accuracy',
  tag: 'forecasts',
  summary: 'Accuracy of published forecasts against the actuals',
  description: 'WAPE, bias and interval coverage by hours ahead, over forecast hours [from, to) (at most 366 days).',
  role: 'viewer',
  query: { schema: AccuracyQuery, example: { queueId: 'us-kyc-chat', from: '2026-11-01T00:00:00Z', to: '2026-11-15T00:00:00Z' } },
  responses: {
    200: {
      description: 'Accuracy by horizon bucket',
      schema: z.strictObject({ queueId: z.string(), from: z.string(), to: z.string(), publications: z.number().int(), hoursCompared: z.number().int(), byHorizon: z.array(AccuracyRowBody), overall: AccuracyRowBody }),
      example: { queueId: 'us-kyc-chat', from: '2026-11-01T00:00:00.000Z', to: '2026-11-15T00:00:00.000Z', publications: 2, hoursCompared: 48, byHorizon: [ACCURACY_EXAMPLE], overall: { ...ACCURACY_EXAMPLE, horizon: 'all' } },
    },
  },
};

const requirementsRoute: RouteDoc = {
  method: 'post',
  path: '/v1/staffing/requirements',
  tag: 'planning',
  summary: 'Hourly required and scheduled agents per queue and skill set',
  description: 'Erlang A for phone, Erlang C with concurrency for chat, backlog staffing for email, after occupancy caps and shrinkage.',
  role: 'viewer',
  body: { schema: RequirementsRequest, example: { ...REQUEST, shrinkage: 0.3, occupancyCap: 0.85, planQuantile: 0.8 } },
  responses: {
    200: {
      description: 'Requirements per queue and per skill set',
      schema: z.strictObject({
        from: z.string(),
        horizonHours: z.number().int(),
        forecastBasis: z.string(),
        shrinkage: z.number(),
        queues: z.array(z.strictObject({ queueId: z.string(), channel: z.string(), requiredSkills: z.array(z.string()), hours: z.array(z.looseObject({ hour: z.string(), open: z.boolean(), arrivals: z.number(), ahtSeconds: z.number(), requiredAgents: z.number(), rawAgents: z.number(), scheduledAgents: z.number(), backlogEnd: z.number().optional() })) })),
        skills: z.array(z.strictObject({ skillSet: z.string(), hours: z.array(z.strictObject({ hour: z.string(), rawAgents: z.number(), requiredAgents: z.number(), scheduledAgents: z.number() })) })),
      }),
      example: {
        from: '2026-11-16T00:00:00.000Z',
        horizonHours: 168,
        forecastBasis: 'quantile 0.8',
        shrinkage: 0.3,
        queues: [{ queueId: 'us-kyc-chat', channel: 'chat', requiredSkills: ['kyc-us'], hours: [{ hour: '2026-11-16T14:00:00.000Z', open: true, arrivals: 46.8, ahtSeconds: 610, requiredAgents: 5, rawAgents: 4.6, scheduledAgents: 8 }] }],
        skills: [{ skillSet: 'kyc-us', hours: [{ hour: '2026-11-16T14:00:00.000Z', rawAgents: 4.6, requiredAgents: 5, scheduledAgents: 8 }] }],
      },
    },
  },
};

const plansRoute: RouteDoc = {
  method: 'post',
  path: '/v1/plans',
  tag: 'planning',
  summary: 'The capacity plan: forecast, requirement, roster and gap, hour by hour',
  description:
    'For every queue: the forecast (mean and planned quantile), AHT, required agents (net, raw, scheduled), the rostered productive agents, the gap, and the service level, abandonment and backlog the roster gives; summaries per local day and ISO week, and the worst hours. With `scenarioId` the scenario\'s assumptions are applied (nothing is recorded). `?format=csv` answers the rows as CSV.',
  role: 'viewer',
  query: { schema: PlanQuery, example: { format: 'json' } },
  body: { schema: PlanRequest, example: { ...REQUEST, planQuantile: 0.8, shrinkage: 0.3 } },
  responses: {
    200: { description: 'The plan (JSON), or its rows as `text/csv` with `?format=csv`', schema: PlanBody, example: { from: '2026-11-16T00:00:00.000Z', horizonHours: 168, planQuantile: 0.8, shrinkage: 0.3, ...PLAN_EXAMPLE }, csvExample: planCsv([ROW_EXAMPLE]) },
  },
  errors: { 422: NO_HANDLE_TIME },
};

/** Forecasts, requirements, capacity plans, publication and accuracy. */
const IntradayBody = z.strictObject({
  queueId: z.string(),
  timeZone: z.string(),
  date: z.string().describe("The queue's local date re-forecast"),
  asOf: z.string(),
  elapsedHours: z.number().int().describe("Hours of the day elapsed at asOf"),
  scale: z.strictObject({
    observed: z.number().describe('Arrivals so far'),
    expected: z.number().describe('What the day-ahead forecast expected so far'),
    ratio: z.number().nullable(),
    credibility: z.number().describe('Credibility weight Z in [0, 1], learned from the queue\'s last 8 weeks'),
    applied: z.number().describe('1 + Z·(observed/expected − 1)'),
  }),
  credibilityDays: z.number().int(),
  dayAhead: z.strictObject({ start: z.string(), horizonHours: z.number().int(), method: z.string() }),
  observed: z.array(z.strictObject({ hour: z.string(), arrivals: z.number(), dayAheadMean: z.number() })),
  forecast: z.array(z.strictObject({ hour: z.string(), dayAheadMean: z.number(), mean: z.number(), quantiles: z.record(z.string(), z.number()) })),
  plan: z.strictObject({ from: z.string(), horizonHours: z.number().int(), planQuantile: z.number(), shrinkage: z.number(), ...PlanParts }),
});

const intradayRoute: RouteDoc = {
  method: 'post',
  path: '/v1/forecasts/intraday',
  tag: 'forecasts',
  summary: "The rest of a queue's day re-forecast from its arrivals so far",
  description: "The morning's forecast of the queue's local day scaled by observed/expected so far, shrunk toward 1 by a credibility weight, with intervals, and the capacity plan of the rest of the day. `asOf` (default now) must not be in the future.",
  role: 'viewer',
  body: { schema: IntradayRequest, example: { queueId: 'us-kyc-chat', asOf: '2026-11-16T17:00:00Z' } },
  responses: {
    200: {
      description: 'The re-forecast and its plan',
      schema: IntradayBody,
      example: {
        queueId: 'us-kyc-chat',
        timeZone: 'America/New_York',
        date: '2026-11-16',
        asOf: '2026-11-16T17:00:00.000Z',
        elapsedHours: 12,
        scale: { observed: 96, expected: 80, ratio: 1.2, credibility: 0.5, applied: 1.1 },
        credibilityDays: 40,
        dayAhead: { start: '2026-11-16T05:00:00.000Z', horizonHours: 24, method: 'combination' },
        observed: [{ hour: '2026-11-16T16:00:00.000Z', arrivals: 14, dayAheadMean: 12.1 }],
        forecast: [{ hour: '2026-11-16T17:00:00.000Z', dayAheadMean: 12.4, mean: 13.6, quantiles: { '0.1': 9.2, '0.9': 18.3 } }],
        plan: { from: '2026-11-16T17:00:00.000Z', horizonHours: 12, planQuantile: 0.8, shrinkage: 0.3, ...PLAN_EXAMPLE },
      },
    },
  },
};

export const planningRoutes: RouteDocs = () => [forecastsRoute, intradayRoute, publishRoute, accuracyRoute, requirementsRoute, plansRoute];
