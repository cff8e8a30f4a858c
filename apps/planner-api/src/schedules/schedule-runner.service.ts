import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { DateTime } from 'luxon';
import type { ScheduleRunSpec, ShiftRules } from '@staffcast/events';
import type { CapacityPlan } from '@staffcast/planning';
import type { Assumption } from '@staffcast/scenarios';
import { DEFAULT_NEW_HIRE_RAMP, type AsOf, type RosterAgent } from '@staffcast/projections';
import { expandInstance, projectedServiceByHour, SchedulingInputError, solveSchedule, type ScheduledAgentInput, type ScheduleInstance, type ScheduleOutcome } from '@staffcast/scheduling';
import { CapacityPlanner, type CapacityPlanRequest } from '../planning/capacity-plan.service.js';
import { PlanningFactsReader } from '../planning/planning-facts.service.js';
import { PlanWithScenario } from '../planning/planning.messages.js';
import { GetScenario } from '../scenarios/scenarios.messages.js';
import { TicketProjectionRunner } from '../projections/ticket-projection.runner.js';

const HOUR_MS = 3_600_000;

export interface ScheduleRunResult {
  instance: ScheduleInstance;
  outcome: ScheduleOutcome;
  /** Under-staffed agent-hours of the plan with the roster as recorded, over the same queues and weeks. */
  baselineUnderAgentHours: number;
  serviceByQueue: { queueId: string; hours: ReturnType<typeof projectedServiceByHour> }[];
}

/**
 * Reads a schedule run's inputs at one log position (the capacity plan's requirement, optionally
 * under a scenario; the site's roster, pay terms, certifications and absences), expands them with
 * the site's shift rules and solves on the HiGHS worker.
 */
@Injectable()
export class ScheduleRunner {
  constructor(
    @Inject(CapacityPlanner) private readonly planner: CapacityPlanner,
    @Inject(PlanningFactsReader) private readonly facts: PlanningFactsReader,
    @Inject(TicketProjectionRunner) private readonly projection: TicketProjectionRunner,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  async run(spec: ScheduleRunSpec, siteRules: ShiftRules, position: bigint): Promise<ScheduleRunResult> {
    const rules = withHireContracts(siteRules, spec);
    const asOf: AsOf = { kind: 'position', position };
    const startMs = DateTime.fromISO(spec.weekStart, { zone: rules.timeZone }).toMillis();
    const fromMs = Math.floor(startMs / HOUR_MS) * HOUR_MS;
    const planRequest: CapacityPlanRequest = {
      fromMs,
      horizonHours: spec.weeks * 168 + (startMs > fromMs ? 1 : 0),
      asOf,
      planQuantile: spec.planQuantile,
      shrinkage: spec.shrinkage,
      occupancyCap: spec.occupancyCap,
      ...(spec.queueIds ? { queueIds: spec.queueIds } : {}),
    };
    const plan: CapacityPlan = spec.scenarioId ? (await this.queries.execute(new PlanWithScenario(spec.scenarioId, planRequest))).plan : await this.planner.plan(planRequest);
    const facts = await this.facts.load(asOf);
    const terms = await this.facts.agentTerms(asOf);
    const { roster } = await this.projection.modelsAsOf(asOf);
    const lastDay = DateTime.fromISO(spec.weekStart).plus({ days: spec.weeks * 7 - 1 }).toISODate()!;
    // Agents employed during the planning weeks (a departed agent's stream takes no new schedule).
    const siteAgents = Object.values(roster.agents)
      .filter((a) => a.siteId === spec.siteId && a.startDate <= lastDay && (a.departedOn === null || a.departedOn >= spec.weekStart))
      .sort((a, b) => (a.agentId < b.agentId ? -1 : 1));
    if (siteAgents.length === 0 && (spec.openHeadcount?.count ?? 0) === 0) throw new NotFoundException({ error: 'not found', issues: [{ path: 'siteId', message: `no agents at site ${spec.siteId}` }] });
    const agents: ScheduledAgentInput[] = siteAgents.map((roster) => ({ roster, hourlyCost: terms.get(roster.agentId)?.hourlyCost ?? { amount: 0, currency: 'USD' } }));
    agents.push(...newHireLines(spec, rules, agents), ...(spec.scenarioId ? await this.scenarioHires(spec.scenarioId, spec.siteId, rules) : []));
    const rowsByQueue = new Map<string, CapacityPlan['rows']>();
    for (const row of plan.rows) rowsByQueue.set(row.queueId, [...(rowsByQueue.get(row.queueId) ?? []), row]);
    const queues = plan.summaries.map((s) => ({ queueId: s.queueId, requiredSkills: s.requiredSkills, requiredPerHour: (rowsByQueue.get(s.queueId) ?? []).map((r) => r.rawAgents) }));
    const instance = expandInstance({ rules, weekStart: spec.weekStart, weeks: spec.weeks, queues, requirementFromMs: fromMs, agents, ramp: DEFAULT_NEW_HIRE_RAMP });
    const outcome = await solveSchedule(instance, { timeLimitSeconds: spec.timeLimitSeconds, mipRelGap: spec.mipRelGap });
    const endMs = startMs + instance.intervals * 900_000;
    const inWeek = plan.rows.filter((r) => Date.parse(r.hour) >= startMs && Date.parse(r.hour) < endMs);
    const serviceByQueue = instance.queues.map((q, qi) => {
      const rows = new Map((rowsByQueue.get(q.queueId) ?? []).map((r) => [Date.parse(r.hour), r]));
      const definition = facts.queues.get(q.queueId)!;
      const hours = projectedServiceByHour(definition, instance.startMs, outcome.report.queues[qi]!.covered, (hourMs) => {
        const row = rows.get(hourMs);
        return row ? { arrivals: row.forecastPlanned, ahtSeconds: row.ahtSeconds } : undefined;
      });
      return { queueId: q.queueId, hours };
    });
    return { instance, outcome, baselineUnderAgentHours: inWeek.reduce((s, r) => s + Math.max(0, -r.gap), 0), serviceByQueue };
  }

  private async scenarioHires(scenarioId: string, siteId: string, rules: ShiftRules): Promise<ScheduledAgentInput[]> {
    const scenario = await this.queries.execute(new GetScenario(scenarioId));
    return hiresWithoutShifts(scenario.assumptions, siteId, rules);
  }
}

/** A scenario's hires at the site that give no shifts: new-hire lines the run places, with their own ramp and cost. */
function hiresWithoutShifts(assumptions: { assumptionId: string; assumption: Assumption }[], siteId: string, rules: ShiftRules): ScheduledAgentInput[] {
  return assumptions.flatMap(({ assumptionId, assumption: a }) => {
    if (a.kind !== 'hires' || a.shifts !== undefined || a.siteId !== siteId) return [];
    return Array.from({ length: a.count }, (_, i): ScheduledAgentInput => ({
      roster: { agentId: `${assumptionId}-hire-${i + 1}`, siteId, timeZone: rules.timeZone, skills: [...a.skills].sort(), startDate: a.startDate, departedOn: null, certifications: [], schedules: [], absences: [] },
      hourlyCost: a.hourlyCost ?? { amount: 0, currency: 'USD' },
      newHire: true,
      ramp: a.ramp,
    }));
  });
}

/** The rules with the new-hire lines on the contract the run names for them (else the site's default). */
function withHireContracts(rules: ShiftRules, spec: ScheduleRunSpec): ShiftRules {
  const hires = spec.openHeadcount;
  if (!hires?.contractId) return rules;
  if (!rules.contracts.some((c) => c.contractId === hires.contractId)) throw new SchedulingInputError('openHeadcount.contractId', `the site's rules have no contract ${hires.contractId}`);
  return { ...rules, agents: [...rules.agents, ...Array.from({ length: hires.count }, (_, i) => ({ agentId: newHireId(i), contractId: hires.contractId }))] };
}

const newHireId = (i: number) => `new-hire-${i + 1}`;

/** Up to `openHeadcount.count` anonymous new-hire lines with the requested skills, starting on their start date (ramp applies). */
function newHireLines(spec: ScheduleRunSpec, rules: ShiftRules, agents: readonly ScheduledAgentInput[]): ScheduledAgentInput[] {
  const hires = spec.openHeadcount;
  if (!hires || hires.count === 0) return [];
  const costs = agents.map((a) => a.hourlyCost).sort((a, b) => a.amount - b.amount);
  const hourlyCost = costs[Math.floor(costs.length / 2)] ?? { amount: 0, currency: 'USD' };
  return Array.from({ length: hires.count }, (_, i): ScheduledAgentInput => {
    const roster: RosterAgent = {
      agentId: newHireId(i),
      siteId: spec.siteId,
      timeZone: rules.timeZone,
      skills: [...hires.skills].sort(),
      startDate: hires.startDate ?? spec.weekStart,
      departedOn: null,
      certifications: [],
      schedules: [],
      absences: [],
    };
    return { roster, hourlyCost, newHire: true };
  });
}
