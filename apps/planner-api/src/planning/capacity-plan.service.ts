import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { isLiveChannel } from '@staffcast/events';
import { allocateRoster, openHours, projectedService, queueRequirements } from '@staffcast/planning';
import { rosterHours, skillsOn, DEFAULT_NEW_HIRE_RAMP, type AsOf, type RosterModel } from '@staffcast/projections';
import { asyncBacklogTrajectory, StaffingInputError } from '@staffcast/staffing';
import { TicketProjectionRunner } from '../projections/ticket-projection.runner.js';
import { QueueForecaster } from './queue-forecast.service.js';

const HOUR_MS = 3_600_000;

export interface CapacityPlanRequest {
  queueIds?: string[];
  fromMs: number;
  horizonHours: number;
  asOf?: AsOf;
  planQuantile: number;
  shrinkage: number;
  occupancyCap: number;
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
  rosteredAgentHours: number;
  shortAgentHours: number;
  hoursShort: number;
  /** Volume-weighted projected service level of the live hours (null for async queues or no volume). */
  serviceLevel: number | null;
}

/**
 * The capacity plan: forecast → requirement → roster → gap, hour by hour, with the service the
 * roster as it stands would give. Required agents are computed on the planned quantile of the
 * forecast; the projected service on the same volume with the rostered agents.
 */
@Injectable()
export class CapacityPlanner {
  constructor(
    @Inject(QueueForecaster) private readonly forecaster: QueueForecaster,
    @Inject(TicketProjectionRunner) private readonly projection: TicketProjectionRunner,
  ) {}

  async plan(request: CapacityPlanRequest) {
    const level = String(request.planQuantile);
    // One fold of the log for both read models: an as-of bound replays it from the start.
    const { tickets, roster } = await this.projection.modelsAsOf(request.asOf);
    const { facts, forecasts } = await this.forecaster.forecast(
      {
        fromMs: request.fromMs,
        horizonHours: request.horizonHours,
        quantiles: [request.planQuantile],
        ...(request.asOf ? { asOf: request.asOf } : {}),
        ...(request.queueIds ? { queueIds: request.queueIds } : {}),
      },
      { model: tickets },
    );
    const toMs = request.fromMs + request.horizonHours * HOUR_MS;

    const planned = forecasts.map((f) => {
      const queue = facts.queues.get(f.queueId)!;
      const volume = f.volume.quantiles[level]!;
      try {
        const hours = queueRequirements({ queue, startMs: request.fromMs, arrivals: volume, ahtSeconds: f.aht.meanSeconds, shrinkage: request.shrinkage, occupancyCap: request.occupancyCap });
        return { f, queue, volume, hours };
      } catch (error) {
        if (error instanceof StaffingInputError) throw new StaffingInputError('queueIds', `queue ${f.queueId}: ${error.reason}`);
        throw error;
      }
    });

    const agents = agentHours(roster, request.fromMs, toMs);
    const { perQueue, unallocated } = allocateRoster(
      agents,
      planned.map((p) => ({ requiredSkills: p.queue.requiredSkills, required: p.hours.map((h) => h.rawAgents) })),
    );

    const rows: PlanRow[] = [];
    const summaries = planned.map((p, qi) => {
      const rostered = perQueue[qi]!;
      const live = isLiveChannel(p.queue.channel);
      const target = p.queue.serviceTarget;
      let backlog: number[] | undefined;
      if (!live && target.kind === 'response') {
        const open = openHours(p.queue.openingHours, p.queue.timeZone, request.fromMs, request.horizonHours + 24 * 14 + 1);
        const meanAht = p.hours.reduce((s, h) => s + h.arrivals * h.ahtSeconds, 0) / Math.max(1e-9, p.hours.reduce((s, h) => s + h.arrivals, 0)) || (p.hours[0]?.ahtSeconds ?? 0);
        const trajectory = asyncBacklogTrajectory(
          { arrivals: p.volume, ahtSeconds: meanAht, responseTargetHours: target.hours, open: (h: number) => open[h] ?? false, productiveFraction: request.occupancyCap, maxExtraHours: 24 * 14 },
          rostered.map((n) => Math.floor(n + 1e-9)),
        );
        backlog = trajectory.backlog;
      }
      const queueRows = p.hours.map((h, i): PlanRow => {
        const service =
          live && target.kind === 'sl' && h.open
            ? projectedService({
                arrivalsPerHour: h.arrivals,
                ahtSeconds: h.ahtSeconds,
                agents: rostered[i]!,
                thresholdSeconds: target.seconds,
                ...(p.queue.callerPatienceSeconds ? { patienceSeconds: p.queue.callerPatienceSeconds } : {}),
                chatConcurrency: p.queue.chatConcurrency,
              })
            : undefined;
        return {
          queueId: p.queue.queueId,
          hour: new Date(h.hourMs).toISOString(),
          open: h.open,
          forecastMean: p.f.volume.mean[i]!,
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
      rows.push(...queueRows);
      return { queueId: p.queue.queueId, timeZone: p.queue.timeZone, requiredSkills: p.queue.requiredSkills, days: summarise(queueRows, p.queue.timeZone, 'day'), weeks: summarise(queueRows, p.queue.timeZone, 'week') };
    });
    const worstHours = [...rows].filter((r) => r.gap < -1e-9).sort((a, b) => a.gap - b.gap).slice(0, 20);
    return { rows, summaries, worstHours, idleAgentHours: unallocated.reduce((a, b) => a + b, 0) };
  }
}

/**
 * Each agent's productive hours per hour of the horizon (from the roster read model), split by the
 * skills held: an agent whose certifications start or expire inside the horizon appears once per
 * skill set, with the hours of the days it held that set.
 */
function agentHours(roster: RosterModel, fromMs: number, toMs: number): { skills: string[]; hours: number[] }[] {
  return Object.values(roster.agents).flatMap((agent) => {
    const single: RosterModel = { position: roster.position, agents: { [agent.agentId]: agent } };
    const hours = rosterHours(single, fromMs, toMs, {}, DEFAULT_NEW_HIRE_RAMP).map((h) => h.productiveHours);
    const bySkills = new Map<string, { skills: string[]; hours: number[] }>();
    hours.forEach((value, h) => {
      if (value <= 0) return;
      const skills = skillsOn(agent, DateTime.fromMillis(fromMs + h * HOUR_MS, { zone: agent.timeZone }).toISODate()!);
      const key = skills.join('+');
      const entry = bySkills.get(key) ?? { skills, hours: new Array<number>(hours.length).fill(0) };
      entry.hours[h] = value;
      bySkills.set(key, entry);
    });
    return [...bySkills.values()];
  });
}

function summarise(rows: readonly PlanRow[], timeZone: string, by: 'day' | 'week'): PeriodSummary[] {
  const groups = new Map<string, PlanRow[]>();
  for (const r of rows) {
    const local = DateTime.fromISO(r.hour, { zone: timeZone });
    const key = by === 'day' ? local.toISODate()! : `${local.weekYear}-W${String(local.weekNumber).padStart(2, '0')}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups].map(([period, list]) => {
    const live = list.filter((r) => r.serviceLevel !== null && r.forecastPlanned > 0);
    const volume = live.reduce((s, r) => s + r.forecastPlanned, 0);
    return {
      period,
      requiredAgentHours: list.reduce((s, r) => s + r.rawAgents, 0),
      rosteredAgentHours: list.reduce((s, r) => s + r.rosteredAgents, 0),
      shortAgentHours: list.reduce((s, r) => s + Math.max(0, -r.gap), 0),
      hoursShort: list.filter((r) => r.gap < -1e-9).length,
      serviceLevel: volume > 0 ? live.reduce((s, r) => s + r.serviceLevel! * r.forecastPlanned, 0) / volume : null,
    };
  });
}
