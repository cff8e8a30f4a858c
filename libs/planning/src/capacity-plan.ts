import { isLiveChannel, type QueueDefinedData } from '@staffcast/events';
import { ianaZone, localWallHours, wallHourDate } from '@staffcast/forecasting';
import { asyncBacklogTrajectory, StaffingInputError } from '@staffcast/staffing';
import { openHours } from './opening-hours.js';
import { projectedService } from './projected-service.js';
import { queueRequirements } from './queue-requirements.js';
import { allocateRoster } from './roster-allocation.js';

/** One queue's demand over the horizon, as the plan staffs it. */
export interface PlanQueueInput {
  queue: Pick<QueueDefinedData, 'queueId' | 'channel' | 'timeZone' | 'openingHours' | 'serviceTarget' | 'chatConcurrency' | 'callerPatienceSeconds' | 'requiredSkills'>;
  /** Forecast mean tickets per hour. */
  volumeMean: readonly number[];
  /** The forecast quantile the plan staffs to, tickets per hour. */
  volumePlanned: readonly number[];
  /** Forecast handle time per hour, seconds. */
  ahtSeconds: readonly number[];
  /** Share of paid time away from contacts, [0, 1). */
  shrinkage: number;
}

export interface CapacityPlanInputs {
  /** First UTC hour, epoch ms. */
  fromMs: number;
  horizonHours: number;
  /** Largest occupancy of a live agent; productive share of an async hour. */
  occupancyCap: number;
  queues: readonly PlanQueueInput[];
  /** Productive agent-hours per hour, per agent and skill set (see agentSupply). */
  agents: readonly { skills: readonly string[]; hours: readonly number[] }[];
}

export interface PlanRow {
  queueId: string;
  hour: string;
  open: boolean;
  forecastMean: number;
  forecastPlanned: number;
  ahtSeconds: number;
  requiredAgents: number;
  rawAgents: number;
  scheduledAgents: number;
  /** Productive agents the roster gives this queue (shared agents allocated by requirement). */
  rosteredAgents: number;
  /** rosteredAgents − rawAgents: negative is a shortfall. */
  gap: number;
  serviceLevel: number | null;
  abandonment: number | null;
  backlogEnd: number | null;
}

export interface PeriodSummary {
  period: string;
  requiredAgentHours: number;
  scheduledAgentHours: number;
  rosteredAgentHours: number;
  shortAgentHours: number;
  hoursShort: number;
  /** Volume-weighted projected service level of the live open hours (null for async queues or no volume). */
  serviceLevel: number | null;
  /** Volume-weighted projected abandonment of the live open hours (null as for serviceLevel). */
  abandonment: number | null;
}

export interface QueuePlanSummary {
  queueId: string;
  timeZone: string;
  requiredSkills: string[];
  total: PeriodSummary;
  days: PeriodSummary[];
  weeks: PeriodSummary[];
}

export interface CapacityPlan {
  rows: PlanRow[];
  summaries: QueuePlanSummary[];
  /** The 20 hours with the largest shortfall, worst first. */
  worstHours: PlanRow[];
  /** Rostered productive agent-hours no queue in the plan needed. */
  idleAgentHours: number;
}

/**
 * The capacity plan: requirement → roster → gap, hour by hour, and the service the roster as it
 * stands would give. Required agents come from the planned quantile of the forecast (Erlang A/C
 * or chat slots for live queues, the response-target backlog model for async ones); rostered
 * agents from `agents` shared among the queues they are certified for in proportion to
 * requirement (allocateRoster); projected service level and abandonment on the same volume with
 * the rostered agents; for async queues the backlog those agents leave. Summaries per local day,
 * ISO week and the whole horizon, in the queue's time zone.
 *
 * Units: tickets/hour, seconds, agents. Complexity: O(queues · hours · Erlang) + allocation.
 * Throws StaffingInputError (field `queueIds`) naming a queue whose target no staffing can meet.
 *
 * @example buildCapacityPlan({ fromMs, horizonHours: 672, occupancyCap: 0.9, queues, agents }).summaries[0].total.shortAgentHours
 */
export function buildCapacityPlan(inputs: CapacityPlanInputs): CapacityPlan {
  const { fromMs, horizonHours, occupancyCap } = inputs;
  const planned = inputs.queues.map((q) => {
    try {
      return { q, hours: queueRequirements({ queue: q.queue, startMs: fromMs, arrivals: q.volumePlanned, ahtSeconds: q.ahtSeconds, shrinkage: q.shrinkage, occupancyCap }) };
    } catch (error) {
      if (error instanceof StaffingInputError) throw new StaffingInputError('queueIds', `queue ${q.queue.queueId}: ${error.reason}`);
      throw error;
    }
  });
  const { perQueue, unallocated } = allocateRoster(
    inputs.agents,
    planned.map((p) => ({ requiredSkills: p.q.queue.requiredSkills, required: p.hours.map((h) => h.rawAgents) })),
  );

  const rows: PlanRow[] = [];
  const hourLabels = Array.from({ length: horizonHours }, (_, h) => new Date(fromMs + h * 3_600_000).toISOString());
  const summaries = planned.map(({ q, hours }, qi): QueuePlanSummary => {
    const { queue } = q;
    const rostered = perQueue[qi]!;
    const target = queue.serviceTarget;
    const live = isLiveChannel(queue.channel);
    let backlog: number[] | undefined;
    if (!live && target.kind === 'response') {
      const extra = 24 * 14;
      const open = openHours(queue.openingHours, queue.timeZone, fromMs, horizonHours + extra + 1);
      const volume = hours.reduce((s, h) => s + h.arrivals, 0);
      const meanAht = volume > 0 ? hours.reduce((s, h) => s + h.arrivals * h.ahtSeconds, 0) / volume : (hours[0]?.ahtSeconds ?? 0);
      backlog = asyncBacklogTrajectory(
        { arrivals: q.volumePlanned, ahtSeconds: meanAht, responseTargetHours: target.hours, open: (h: number) => open[h] ?? false, productiveFraction: occupancyCap, maxExtraHours: extra },
        rostered.map((n) => Math.floor(n + 1e-9)),
      ).backlog;
    }
    const patience = queue.callerPatienceSeconds ? { patienceSeconds: queue.callerPatienceSeconds } : {};
    const queueRows = hours.map((h, i): PlanRow => {
      const service =
        live && target.kind === 'sl' && h.open
          ? projectedService({ arrivalsPerHour: h.arrivals, ahtSeconds: h.ahtSeconds, agents: rostered[i]!, thresholdSeconds: target.seconds, chatConcurrency: queue.chatConcurrency, ...patience })
          : undefined;
      return {
        queueId: queue.queueId,
        hour: hourLabels[i]!,
        open: h.open,
        forecastMean: q.volumeMean[i] ?? 0,
        forecastPlanned: h.arrivals,
        ahtSeconds: h.ahtSeconds,
        requiredAgents: h.requiredAgents,
        rawAgents: h.rawAgents,
        scheduledAgents: h.scheduledAgents,
        rosteredAgents: rostered[i]!,
        gap: rostered[i]! - h.rawAgents,
        serviceLevel: service ? service.serviceLevel : null,
        abandonment: service ? service.abandonment : null,
        backlogEnd: backlog ? (backlog[i + 1] ?? null) : null,
      };
    });
    for (const r of queueRows) rows.push(r);
    return {
      queueId: queue.queueId,
      timeZone: queue.timeZone,
      requiredSkills: [...queue.requiredSkills],
      total: summarisePeriod('total', queueRows),
      days: summariseBy(queueRows, fromMs, queue.timeZone, 'day'),
      weeks: summariseBy(queueRows, fromMs, queue.timeZone, 'week'),
    };
  });
  const worstHours = rows
    .filter((r) => r.gap < -1e-9)
    .sort((a, b) => a.gap - b.gap)
    .slice(0, 20);
  return { rows, summaries, worstHours, idleAgentHours: unallocated.reduce((a, b) => a + b, 0) };
}

/** Totals of a set of plan rows (one queue, one period). O(rows). */
export function summarisePeriod(period: string, rows: readonly PlanRow[]): PeriodSummary {
  let required = 0;
  let scheduled = 0;
  let rostered = 0;
  let short = 0;
  let hoursShort = 0;
  let liveVolume = 0;
  let served = 0;
  let abandoned = 0;
  for (const r of rows) {
    required += r.rawAgents;
    scheduled += r.scheduledAgents;
    rostered += r.rosteredAgents;
    if (r.gap < -1e-9) {
      short -= r.gap;
      hoursShort++;
    }
    if (r.serviceLevel !== null && r.forecastPlanned > 0) {
      liveVolume += r.forecastPlanned;
      served += r.serviceLevel * r.forecastPlanned;
      abandoned += (r.abandonment ?? 0) * r.forecastPlanned;
    }
  }
  return {
    period,
    requiredAgentHours: required,
    scheduledAgentHours: scheduled,
    rosteredAgentHours: rostered,
    shortAgentHours: short,
    hoursShort,
    serviceLevel: liveVolume > 0 ? served / liveVolume : null,
    abandonment: liveVolume > 0 ? abandoned / liveVolume : null,
  };
}

/** Rows (consecutive hours from `fromMs`) grouped by local day or ISO week in the queue's zone. O(rows). */
function summariseBy(rows: readonly PlanRow[], fromMs: number, timeZone: string, by: 'day' | 'week'): PeriodSummary[] {
  const wall = localWallHours(fromMs, rows.length, ianaZone(timeZone));
  const groups = new Map<string, PlanRow[]>();
  const keys = new Map<number, string>();
  rows.forEach((r, i) => {
    const day = Math.floor(wall[i]! / 24);
    let key = keys.get(day);
    if (key === undefined) keys.set(day, (key = by === 'day' ? wallHourDate(day * 24) : isoWeekOf(day)));
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(r);
  });
  return [...groups].map(([period, list]) => summarisePeriod(period, list));
}

/** ISO week label (`2026-W23`) of a local day number (days since 1970-01-01): the week belongs to the year of its Thursday. */
function isoWeekOf(day: number): string {
  const weekday = (((day + 3) % 7) + 7) % 7; // Monday = 0; day 0 was a Thursday
  const thursday = day - weekday + 3;
  const year = new Date(thursday * 86_400_000).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1) / 86_400_000) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
