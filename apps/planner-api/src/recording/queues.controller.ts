import { Body, Controller, Get, Inject, NotFoundException, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { queueStream } from '@staffcast/events';
import { QUEUE_COMMAND_SCHEMAS, queueDecider, type QueueCommand } from '@staffcast/tickets';
import { RequireRole } from '../http/auth.js';
import { Ctx, type RequestContext } from '../http/request-context.js';
import { parseOrThrow } from '../http/validation.js';
import { ListQueues, NoListParams } from './catalogue.js';
import { pathId, withPathId, type HttpCommandRequest as Http, type HttpReply as Reply } from './command-http.js';
import { StreamWriter, type WriteResult } from './stream-writer.service.js';

@Controller('v1/queues')
export class QueuesController {
  constructor(
    @Inject(StreamWriter) private readonly writer: StreamWriter,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  /** Every defined queue (retired ones flagged): the dashboard's queue picker. */
  @RequireRole('viewer')
  @Get()
  list(@Query() query: unknown): Promise<unknown> {
    parseOrThrow(NoListParams, query);
    return this.queries.execute(new ListQueues());
  }

  @RequireRole('planner')
  @Post()
  define(@Body() body: unknown, @Ctx() ctx: RequestContext, @Req() req: Http, @Res({ passthrough: true }) reply: Reply): Promise<WriteResult> {
    const data = parseOrThrow(QUEUE_COMMAND_SCHEMAS.DefineQueue, body);
    return this.run({ type: 'DefineQueue', data }, data.queueId, ctx, req, reply);
  }

  @RequireRole('planner')
  @Put(':id/routing')
  routing(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext, @Req() req: Http, @Res({ passthrough: true }) reply: Reply): Promise<WriteResult> {
    const data = parseOrThrow(QUEUE_COMMAND_SCHEMAS.ChangeQueueRouting, withPathId(body, 'queueId', pathId(id)));
    return this.run({ type: 'ChangeQueueRouting', data }, id, ctx, req, reply);
  }

  @RequireRole('planner')
  @Put(':id/service-target')
  serviceTarget(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext, @Req() req: Http, @Res({ passthrough: true }) reply: Reply): Promise<WriteResult> {
    const data = parseOrThrow(QUEUE_COMMAND_SCHEMAS.ChangeQueueServiceTarget, withPathId(body, 'queueId', pathId(id)));
    return this.run({ type: 'ChangeQueueServiceTarget', data }, id, ctx, req, reply);
  }

  @RequireRole('planner')
  @Post(':id/retirement')
  retire(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext, @Req() req: Http, @Res({ passthrough: true }) reply: Reply): Promise<WriteResult> {
    const data = parseOrThrow(QUEUE_COMMAND_SCHEMAS.RetireQueue, withPathId(body ?? {}, 'queueId', pathId(id)));
    return this.run({ type: 'RetireQueue', data }, id, ctx, req, reply);
  }

  @RequireRole('viewer')
  @Get(':id')
  async get(@Param('id') id: string): Promise<unknown> {
    const { state, revision } = await this.writer.load(queueStream(pathId(id)), queueDecider);
    if (revision === undefined) throw new NotFoundException({ error: 'not found', issues: [{ path: 'id', message: `queue ${id} is not defined` }] });
    return { ...state, revision: String(revision) };
  }

  private run(command: QueueCommand, id: string, ctx: RequestContext, req: Http, reply: Reply): Promise<WriteResult> {
    return this.writer.executeHttp({ stream: queueStream(id), decider: queueDecider, command, ctx }, req, reply);
  }
}
