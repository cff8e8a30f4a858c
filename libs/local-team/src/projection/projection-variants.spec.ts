import { DateTime } from 'luxon';
import { erlangCRequirement } from '@staffcast/staffing';
import { exampleLocalTeamPlan } from '../plan/example-plan.js';
import type { LocalTeamPlanInput } from '../plan/plan-input.js';
import { projectionCsv, PROJECTION_CSV_COLUMNS } from './projection-csv.js';
import { projectLocalTeamPlan } from './projection.js';
import { ForecastUnavailableError, type QueueForecast } from '../demand/queue-demand.js';

const plan = exampleLocalTeamPlan();
const queueId = 'au-kyc-phone';

/** An hourly forecast for January–February 2025 in Brisbane: 200 an hour 08:00–20:00, 50 an hour otherwise. */
function forecast(): QueueForecast {
  const start = DateTime.fromISO('2025-01-01T00:00', { zone: 'Australia/Brisbane' });
  const hourly = Array.from({ length: (31 + 28) * 24 }, (_, i) => {
    const t = start.plus({ hours: i });
    return { startMs: t.toMillis(), volume: t.hour >= 8 && t.hour < 20 ? 200 : 50 };
  });
  return { queueId, hourly, history: [], ahtSeconds: 180 };
}

describe('projection variants', () => {
  it('carries a forecast: 80% of a 3,000-a-day forecast falls in 08:00–20:00, i.e. 200 an hour, so it needs what the worked example needs', () => {
    const withForecast: LocalTeamPlanInput = { ...plan, demand: { kind: 'forecast', monthlyGrowthPct: 0 }, queues: [{ queueId, channel: 'phone', serviceTarget: { kind: 'sl', percent: 80, seconds: 20 }, patienceSeconds: 300 }] };
    const projection = projectLocalTeamPlan(withForecast, { forecasts: new Map([[queueId, forecast()]]) });
    const example = projectLocalTeamPlan(plan);
    projection.months.forEach((m, i) => expect(m.requiredFte).toBeCloseTo(example.months[i]!.requiredFte, 9));
    expect(projection.summary).toEqual(example.summary);
  });

  it('grows a carried forecast month by month beyond its horizon', () => {
    const growing: LocalTeamPlanInput = { ...plan, demand: { kind: 'forecast', monthlyGrowthPct: 5 }, queues: [{ queueId, channel: 'phone', serviceTarget: { kind: 'sl', percent: 80, seconds: 20 }, patienceSeconds: 300 }] };
    const required = projectLocalTeamPlan(growing, { forecasts: new Map([[queueId, forecast()]]) }).months.map((m) => m.requiredFte);
    for (let i = 6; i < 12; i++) expect(required[i]!).toBeGreaterThanOrEqual(required[i - 1]!);
    expect(required[11]!).toBeGreaterThan(required[5]!);
  });

  it('refuses forecast demand for queues without a forecast, naming them', () => {
    const noHistory: LocalTeamPlanInput = { ...plan, demand: { kind: 'forecast', monthlyGrowthPct: 0 }, queues: undefined };
    expect(() => projectLocalTeamPlan(noHistory)).toThrow(ForecastUnavailableError);
    expect(() => projectLocalTeamPlan(noHistory)).toThrow(/forecast demand needs recorded ticket history for the queues au-kyc-phone/);
  });

  it('staffs infinitely patient callers with Erlang C and scales the work by the takeover share', () => {
    const erlangC: LocalTeamPlanInput = {
      ...plan,
      takeover: [
        { queueIds: [queueId], fromMonth: '2025-06', share: 0.5 },
        { queueIds: [queueId], fromMonth: '2025-09', share: 1 },
      ],
      queues: [{ queueId, channel: 'phone', ahtSeconds: 180, serviceTarget: { kind: 'sl', percent: 80, seconds: 20 } }],
    };
    const half = erlangCRequirement({ arrivalsPerHour: 100, ahtSeconds: 180, target: { serviceLevel: 0.8, thresholdSeconds: 20, maxOccupancy: 0.85 } }).agents;
    const full = erlangCRequirement({ arrivalsPerHour: 200, ahtSeconds: 180, target: { serviceLevel: 0.8, thresholdSeconds: 20, maxOccupancy: 0.85 } }).agents;
    const required = projectLocalTeamPlan(erlangC).months.map((m) => m.requiredFte);
    // n agents 12 hours a day: n · 12 · 7 / (0.7 · 40) FTE.
    expect(required[5]).toBeCloseTo((half * 84) / 28, 9);
    expect(required[8]).toBeCloseTo((full * 84) / 28, 9);
    expect(full).toBe(14);
  });

  it('staffs a chat agent as several parallel chats', () => {
    const chat: LocalTeamPlanInput = { ...plan, queues: [{ queueId, channel: 'chat', ahtSeconds: 180, serviceTarget: { kind: 'sl', percent: 80, seconds: 20 }, patienceSeconds: 300, chatConcurrency: 2 }] };
    // 13 chat slots (the phone answer) at 2 chats an agent is 7 agents.
    expect(projectLocalTeamPlan(chat).months[6]!.requiredFte).toBeCloseTo((7 * 84) / 28, 9);
  });

  it('reports a target no staffing reaches against the plan’s queues', () => {
    const impossible: LocalTeamPlanInput = { ...plan, queues: [{ ...plan.queues![0]!, serviceTarget: { kind: 'sl', percent: 100, seconds: 20 } }] };
    expect(() => projectLocalTeamPlan(impossible)).toThrow(expect.objectContaining({ field: 'queues.0.serviceTarget.percent' }));
  });

  it('writes the months as CSV', () => {
    const csv = projectionCsv(projectLocalTeamPlan(plan));
    const rows = csv.split('\r\n');
    expect(rows[0]).toBe(PROJECTION_CSV_COLUMNS.join(','));
    expect(rows).toHaveLength(14);
    expect(rows[13]).toBe('');
    expect(rows[6]!.split(',')[0]).toBe('2025-06');
    expect(Number(rows[6]!.split(',')[1])).toBeCloseTo(39, 9);
  });
});
