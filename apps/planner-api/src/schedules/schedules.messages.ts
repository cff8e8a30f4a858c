import { Command, Query } from '@nestjs/cqrs';
import type { ScheduleDraftedData, ScheduleRunSpec, ShiftRules } from '@staffcast/events';
import type { ScheduleState, ShiftRulesState } from '@staffcast/scheduling';
import type { RequestContext } from '../http/request-context.js';

/** Define or revise a site's shift rules (the same rules again write nothing). */
export class SetShiftRules extends Command<{ written: boolean; revision: string }> {
  constructor(
    readonly rules: ShiftRules,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}

export class GetShiftRules extends Query<ShiftRulesState & { revision: string }> {
  constructor(readonly siteId: string) {
    super();
  }
}

/** Solve and record a schedule draft; the response carries the full report. */
export class RunSchedule extends Command<{ draft: ScheduleDraftedData; report: unknown }> {
  constructor(
    readonly scheduleId: string | undefined,
    readonly spec: ScheduleRunSpec,
    readonly ctx: RequestContext,
    readonly requestTimeMs: number,
  ) {
    super();
  }
}

/** Publish a draft as the agents' AgentScheduleSet events, all or none. */
export class PublishSchedule extends Command<{ published: boolean; agentEvents: number }> {
  constructor(
    readonly scheduleId: string,
    readonly ctx: RequestContext,
    readonly requestTimeMs: number,
  ) {
    super();
  }
}

export class GetSchedule extends Query<ScheduleState> {
  constructor(readonly scheduleId: string) {
    super();
  }
}
