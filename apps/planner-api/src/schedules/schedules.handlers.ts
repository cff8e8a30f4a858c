import { Inject, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { CommandHandler, QueryHandler, type ICommandHandler, type IQueryHandler } from '@nestjs/cqrs';
import { uuidFromName, uuidv7, type EventStore, type StreamWrite } from '@staffcast/event-store';
import { agentStream, DomainError, foldEvents, sameData, ScheduleDraftedData, scheduleRulesStream, scheduleStream, schemaVersionOf, type DomainEvent } from '@staffcast/events';
import { scheduleDecider, shiftRulesDecider } from '@staffcast/scheduling';
import { agentDecider } from '@staffcast/roster';
import { toDomainEvent } from '../recording/stream-writer.service.js';
import { EVENT_STORE } from '../tokens.js';
import { ScheduleRepository } from './schedule.repository.js';
import { ScheduleRunner, type ScheduleRunResult } from './schedule-runner.service.js';
import { GetSchedule, GetShiftRules, PublishSchedule, RunSchedule, SetShiftRules } from './schedules.messages.js';

const notFound = (path: string, message: string) => new NotFoundException({ error: 'not found', issues: [{ path, message }] });

@CommandHandler(SetShiftRules)
export class SetShiftRulesHandler implements ICommandHandler<SetShiftRules> {
  constructor(@Inject(ScheduleRepository) private readonly repo: ScheduleRepository) {}

  async execute({ rules, ctx }: SetShiftRules): Promise<{ written: boolean; revision: string }> {
    const { state, expectedRevision } = await this.repo.loadRules(rules.siteId);
    const events = shiftRulesDecider.decide({ type: 'SetShiftRules', rules }, state);
    await this.repo.append(scheduleRulesStream(rules.siteId), events, expectedRevision, ctx);
    const before = typeof expectedRevision === 'bigint' ? expectedRevision : -1n;
    return { written: events.length > 0, revision: String(before + BigInt(events.length)) };
  }
}

@QueryHandler(GetShiftRules)
export class GetShiftRulesHandler implements IQueryHandler<GetShiftRules> {
  constructor(@Inject(ScheduleRepository) private readonly repo: ScheduleRepository) {}

  async execute({ siteId }: GetShiftRules) {
    const { state, expectedRevision } = await this.repo.loadRules(siteId);
    if (state.rules === null) throw notFound('siteId', `no shift rules for site ${siteId}`);
    return { ...state, revision: String(expectedRevision) };
  }
}

@CommandHandler(RunSchedule)
export class RunScheduleHandler implements ICommandHandler<RunSchedule> {
  constructor(
    @Inject(ScheduleRepository) private readonly repo: ScheduleRepository,
    @Inject(ScheduleRunner) private readonly runner: ScheduleRunner,
  ) {}

  async execute({ scheduleId: requested, spec, ctx, requestTimeMs }: RunSchedule): Promise<{ draft: ScheduleDraftedData; report: unknown }> {
    const scheduleId = requested ?? uuidv7(requestTimeMs);
    const existing = await this.repo.loadSchedule(scheduleId);
    // A retried run with the same request answers with the draft already recorded, without solving again.
    if (existing.state.draft && sameData(existing.state.draft.request, spec)) return { draft: existing.state.draft, report: null };
    if (existing.state.draft) throw new DomainError('SCHEDULE_EXISTS', `schedule ${scheduleId} was drafted with another request`, 'conflict', 'scheduleId');
    const { state: rulesState, expectedRevision: rulesRevision } = await this.repo.loadRules(spec.siteId);
    if (rulesState.rules === null || rulesRevision === 'no_stream') throw notFound('siteId', `no shift rules for site ${spec.siteId} (PUT /v1/schedule-rules/${spec.siteId})`);
    const position = await this.repo.headPosition();
    const result = await this.runner.run(spec, rulesState.rules, position);
    const { report, solver } = result.outcome;
    const parsed = ScheduleDraftedData.safeParse({
      scheduleId,
      draftedAt: new Date(requestTimeMs).toISOString(),
      position: position.toString(),
      rulesRevision: String(rulesRevision),
      rules: rulesState.rules,
      request: spec,
      agents: report.agents,
      totals: {
        requiredAgentHours: report.requiredAgentHours,
        coveredAgentHours: report.coveredAgentHours,
        underAgentHours: report.underAgentHours,
        overAgentHours: report.overAgentHours,
        payrollCost: report.payrollCost,
        objective: solver.objective,
        lowerBound: solver.lowerBound,
        mipGap: solver.mipGap,
        status: solver.status,
        seconds: solver.seconds,
        newHiresUsed: report.newHiresUsed,
      },
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new UnprocessableEntityException({ error: 'schedule cannot be recorded', issues: [{ path: `draft.${issue.path.join('.')}`, message: issue.message }] });
    }
    const events = scheduleDecider.decide({ type: 'DraftSchedule', draft: parsed.data }, existing.state);
    await this.repo.append(scheduleStream(scheduleId), events, existing.expectedRevision, ctx);
    return { draft: parsed.data, report: reportBody(result) };
  }
}

/** The run's full answer: solver figures, totals, coverage and service per queue, unmet requirement, contract shortfalls, hires. */
function reportBody({ instance, outcome, baselineUnderAgentHours, serviceByQueue }: ScheduleRunResult) {
  const { report, solver } = outcome;
  return {
    solver,
    baselineUnderAgentHours,
    intervalStart: new Date(instance.startMs).toISOString(),
    intervalMinutes: 15,
    queues: report.queues.map((q, i) => ({ ...q, hours: serviceByQueue[i]!.hours })),
    unmet: report.unmet,
    contractShortfall: outcome.contractShortfall,
    newHires: { used: report.newHiresUsed, patterns: report.newHirePatterns },
    ruleViolations: outcome.violations,
  };
}

@CommandHandler(PublishSchedule)
export class PublishScheduleHandler implements ICommandHandler<PublishSchedule> {
  constructor(
    @Inject(ScheduleRepository) private readonly repo: ScheduleRepository,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /**
   * All agents' AgentScheduleSet events and SchedulePublished in one multi-stream append (one
   * transaction on the embedded store), each agent stream at the revision it was read at. Event
   * ids derive from the schedule, agent and week, and the agent decider writes nothing for a week
   * already set to the same shifts, so on a store without multi-stream transactions a publish
   * cut off half-way completes on retry without duplicates.
   */
  async execute({ scheduleId, ctx, requestTimeMs }: PublishSchedule): Promise<{ published: boolean; agentEvents: number }> {
    const { state, expectedRevision } = await this.repo.loadSchedule(scheduleId);
    const events = scheduleDecider.decide({ type: 'PublishSchedule', scheduleId, publishedAt: new Date(requestTimeMs).toISOString() }, state);
    if (events.length === 0) return { published: false, agentEvents: 0 };
    const stream = scheduleStream(scheduleId);
    const writes: StreamWrite[] = [];
    let agentEvents = 0;
    for (const week of state.draft!.agents.filter((a) => !a.newHire)) {
      const agent = agentStream(week.agentId);
      const recorded: DomainEvent[] = [];
      let revision: bigint | undefined;
      for await (const e of this.store.readStream(agent)) {
        recorded.push(toDomainEvent(e));
        revision = e.revision;
      }
      const decided = agentDecider.decide({ type: 'SetAgentSchedule', data: { agentId: week.agentId, effectiveFrom: week.weekStart, shifts: week.shifts } }, foldEvents(agentDecider, recorded));
      if (decided.length === 0) continue;
      agentEvents += decided.length;
      const previous = writes.find((w) => w.stream === agent);
      const proposed = decided.map((event) => ({
        id: uuidFromName(`${stream}/publication/${week.agentId}/${week.weekStart}`),
        type: event.type,
        data: event.data,
        metadata: { actor: ctx.actor, correlationId: ctx.correlationId, schemaVersion: schemaVersionOf(event.type) },
      }));
      if (previous) previous.events = [...previous.events, ...proposed];
      else writes.push({ stream: agent, events: proposed, expectedRevision: revision ?? 'no_stream' });
    }
    writes.push({ stream, events: this.repo.proposed(stream, events, expectedRevision, ctx), expectedRevision });
    await this.repo.appendAll(writes);
    return { published: true, agentEvents };
  }
}

@QueryHandler(GetSchedule)
export class GetScheduleHandler implements IQueryHandler<GetSchedule> {
  constructor(@Inject(ScheduleRepository) private readonly repo: ScheduleRepository) {}

  async execute({ scheduleId }: GetSchedule) {
    const { state } = await this.repo.loadSchedule(scheduleId);
    if (state.draft === null) throw notFound('id', `no schedule ${scheduleId}`);
    return state;
  }
}
