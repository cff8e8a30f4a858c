import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { EntityId, ShiftRules } from '@staffcast/events';
import { scheduleCsv } from '@staffcast/scheduling';
import { RequireRole } from '../http/auth.js';
import { Ctx, type RequestContext } from '../http/request-context.js';
import { parseOrThrow } from '../http/validation.js';
import { withPathId } from '../recording/command-http.js';
import { RunScheduleRequest, ScheduleId, ScheduleQuery } from './schedules.dto.js';
import { GetSchedule, GetShiftRules, PublishSchedule, RunSchedule, SetShiftRules } from './schedules.messages.js';

type Reply = { header(name: string, value: string): unknown; status(code: number): unknown };

/**
 * Schedule generation: a site's shift rules, schedule runs (a MILP on HiGHS, recorded
 * as a draft with the log position it read), and publication of a draft into the agents' streams.
 */
@Controller('v1')
export class SchedulesController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  /** Defines (201) or revises (201) a site's shift rules; the same rules again are a 200 that writes nothing. */
  @RequireRole('planner')
  @Put('schedule-rules/:siteId')
  async setRules(@Param('siteId') siteId: string, @Body() body: unknown, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: Reply): Promise<unknown> {
    const site = parseOrThrow(EntityId, siteId, 'siteId');
    const rules = parseOrThrow(ShiftRules, withPathId(body, 'siteId', site));
    const result = await this.commands.execute(new SetShiftRules(rules, ctx));
    reply.status(result.written ? 201 : 200);
    return { siteId: site, revision: result.revision };
  }

  @RequireRole('viewer')
  @Get('schedule-rules/:siteId')
  async getRules(@Param('siteId') siteId: string): Promise<unknown> {
    return this.queries.execute(new GetShiftRules(parseOrThrow(EntityId, siteId, 'siteId')));
  }

  /**
   * Runs the optimiser for a site's agents over its planning weeks against the capacity plan's
   * requirement and records the draft: 201 with the schedule, coverage, unmet requirement, bound
   * and gap; 200 with the recorded draft when the same `scheduleId` and request were run before.
   */
  @RequireRole('planner')
  @Post('schedules/runs')
  async run(@Body() body: unknown, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: Reply): Promise<unknown> {
    const { scheduleId, ...spec } = parseOrThrow(RunScheduleRequest, body);
    const { draft, report } = await this.commands.execute(new RunSchedule(scheduleId, spec, ctx, Date.now()));
    reply.status(report === null ? 200 : 201);
    reply.header('location', `/v1/schedules/${draft.scheduleId}`);
    const { rules: _rules, ...rest } = draft;
    return { ...rest, ...(report ?? {}) };
  }

  /** A recorded draft (`?format=csv`: one row per agent and day). */
  @RequireRole('viewer')
  @Get('schedules/:id')
  async get(@Param('id') id: string, @Query() query: unknown, @Res({ passthrough: true }) reply: Reply): Promise<unknown> {
    const { format } = parseOrThrow(ScheduleQuery, query);
    const state = await this.queries.execute(new GetSchedule(parseOrThrow(ScheduleId, id, 'id')));
    if (format === 'csv') {
      reply.header('content-type', 'text/csv; charset=utf-8');
      return scheduleCsv(state.draft!.agents);
    }
    return { ...state.draft, published: state.published };
  }

  /** Publishes a draft as the agents' AgentScheduleSet events, all or none; again is a 200 that writes nothing. */
  @RequireRole('planner')
  @HttpCode(201)
  @Post('schedules/:id/publication')
  async publish(@Param('id') id: string, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: Reply): Promise<unknown> {
    const scheduleId = parseOrThrow(ScheduleId, id, 'id');
    const result = await this.commands.execute(new PublishSchedule(scheduleId, ctx, Date.now()));
    reply.status(result.published ? 201 : 200);
    return { scheduleId, ...result };
  }
}
