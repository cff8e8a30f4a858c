import { Body, Controller, Get, Inject, NotFoundException, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { calendarStream, launchStream, MarketCode } from '@staffcast/events';
import { CALENDAR_COMMAND_SCHEMAS, calendarDecider, LAUNCH_COMMAND_SCHEMAS, launchDecider, type LaunchCommand } from '@staffcast/launches';
import { RequireRole } from '../http/auth.js';
import { Ctx, type RequestContext } from '../http/request-context.js';
import { parseOrThrow } from '../http/validation.js';
import { ListLaunches, NoListParams } from './catalogue.js';
import { pathId, withPathId, type HttpCommandRequest as Http, type HttpReply as Reply } from './command-http.js';
import { StreamWriter, type WriteResult } from './stream-writer.service.js';

@Controller('v1/launches')
export class LaunchesController {
  constructor(
    @Inject(StreamWriter) private readonly writer: StreamWriter,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  /** Every launch with its current window and uplift (cancelled ones flagged): the forecast chart's markers. */
  @RequireRole('viewer')
  @Get()
  list(@Query() query: unknown): Promise<unknown> {
    parseOrThrow(NoListParams, query);
    return this.queries.execute(new ListLaunches());
  }

  @RequireRole('planner')
  @Post()
  schedule(@Body() body: unknown, @Ctx() ctx: RequestContext, @Req() req: Http, @Res({ passthrough: true }) reply: Reply): Promise<WriteResult> {
    const data = parseOrThrow(LAUNCH_COMMAND_SCHEMAS.ScheduleLaunch, body);
    return this.run({ type: 'ScheduleLaunch', data }, data.launchId, ctx, req, reply);
  }

  @RequireRole('planner')
  @Put(':id/window')
  reschedule(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext, @Req() req: Http, @Res({ passthrough: true }) reply: Reply): Promise<WriteResult> {
    const data = parseOrThrow(LAUNCH_COMMAND_SCHEMAS.RescheduleLaunch, withPathId(body, 'launchId', pathId(id)));
    return this.run({ type: 'RescheduleLaunch', data }, id, ctx, req, reply);
  }

  @RequireRole('planner')
  @Put(':id/uplift')
  reviseUplift(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext, @Req() req: Http, @Res({ passthrough: true }) reply: Reply): Promise<WriteResult> {
    const data = parseOrThrow(LAUNCH_COMMAND_SCHEMAS.ReviseLaunchUplift, withPathId(body, 'launchId', pathId(id)));
    return this.run({ type: 'ReviseLaunchUplift', data }, id, ctx, req, reply);
  }

  @RequireRole('planner')
  @Post(':id/cancellation')
  cancel(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext, @Req() req: Http, @Res({ passthrough: true }) reply: Reply): Promise<WriteResult> {
    const data = parseOrThrow(LAUNCH_COMMAND_SCHEMAS.CancelLaunch, withPathId(body, 'launchId', pathId(id)));
    return this.run({ type: 'CancelLaunch', data }, id, ctx, req, reply);
  }

  @RequireRole('viewer')
  @Get(':id')
  async get(@Param('id') id: string): Promise<unknown> {
    const { state, revision } = await this.writer.load(launchStream(pathId(id)), launchDecider);
    if (revision === undefined) throw new NotFoundException({ error: 'not found', issues: [{ path: 'id', message: `launch ${id} is not scheduled` }] });
    return { ...state, revision: String(revision) };
  }

  private run(command: LaunchCommand, id: string, ctx: RequestContext, req: Http, reply: Reply): Promise<WriteResult> {
    return this.writer.executeHttp({ stream: launchStream(id), decider: launchDecider, command, ctx }, req, reply);
  }
}

@Controller('v1/calendars')
export class CalendarsController {
  constructor(@Inject(StreamWriter) private readonly writer: StreamWriter) {}

  /** Declares a public holiday in a market (`{ date, name }`). */
  @RequireRole('planner')
  @Post(':market/holidays')
  declare(@Param('market') market: string, @Body() body: unknown, @Ctx() ctx: RequestContext, @Req() req: Http, @Res({ passthrough: true }) reply: Reply): Promise<WriteResult> {
    const code = parseOrThrow(MarketCode, market, 'market');
    const data = parseOrThrow(CALENDAR_COMMAND_SCHEMAS.DeclareHoliday, withPathId(body, 'market', code));
    return this.writer.executeHttp({ stream: calendarStream(code), decider: calendarDecider, command: { type: 'DeclareHoliday', data }, ctx }, req, reply);
  }

  @RequireRole('viewer')
  @Get(':market/holidays')
  async list(@Param('market') market: string): Promise<unknown> {
    const code = parseOrThrow(MarketCode, market, 'market');
    const { state, revision } = await this.writer.load(calendarStream(code), calendarDecider);
    return { market: code, holidays: state.holidays, revision: String(revision ?? -1n) };
  }
}
