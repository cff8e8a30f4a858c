import { Body, Controller, Get, Inject, NotFoundException, Param, Post, Put, Req, Res } from '@nestjs/common';
import { agentStream } from '@staffcast/events';
import { AGENT_COMMAND_SCHEMAS, agentDecider, type AgentCommand } from '@staffcast/roster';
import { RequireRole } from '../http/auth.js';
import { Ctx, type RequestContext } from '../http/request-context.js';
import { parseOrThrow } from '../http/validation.js';
import { pathId, withPathId, type HttpCommandRequest as Http, type HttpReply as Reply } from './command-http.js';
import { StreamWriter, type WriteResult } from './stream-writer.service.js';

@Controller('v1/agents')
export class AgentsController {
  constructor(@Inject(StreamWriter) private readonly writer: StreamWriter) {}

  @RequireRole('planner')
  @Post()
  hire(@Body() body: unknown, @Ctx() ctx: RequestContext, @Req() req: Http, @Res({ passthrough: true }) reply: Reply): Promise<WriteResult> {
    const data = parseOrThrow(AGENT_COMMAND_SCHEMAS.HireAgent, body);
    return this.run({ type: 'HireAgent', data }, data.agentId, ctx, req, reply);
  }

  @RequireRole('planner')
  @Post(':id/certifications')
  certify(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext, @Req() req: Http, @Res({ passthrough: true }) reply: Reply): Promise<WriteResult> {
    const data = parseOrThrow(AGENT_COMMAND_SCHEMAS.CertifyAgent, withPathId(body, 'agentId', pathId(id)));
    return this.run({ type: 'CertifyAgent', data }, id, ctx, req, reply);
  }

  @RequireRole('planner')
  @Put(':id/schedule')
  schedule(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext, @Req() req: Http, @Res({ passthrough: true }) reply: Reply): Promise<WriteResult> {
    const data = parseOrThrow(AGENT_COMMAND_SCHEMAS.SetAgentSchedule, withPathId(body, 'agentId', pathId(id)));
    return this.run({ type: 'SetAgentSchedule', data }, id, ctx, req, reply);
  }

  @RequireRole('planner')
  @Post(':id/absences')
  absence(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext, @Req() req: Http, @Res({ passthrough: true }) reply: Reply): Promise<WriteResult> {
    const data = parseOrThrow(AGENT_COMMAND_SCHEMAS.RecordAbsence, withPathId(body, 'agentId', pathId(id)));
    return this.run({ type: 'RecordAbsence', data }, id, ctx, req, reply);
  }

  @RequireRole('planner')
  @Post(':id/departure')
  depart(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext, @Req() req: Http, @Res({ passthrough: true }) reply: Reply): Promise<WriteResult> {
    const data = parseOrThrow(AGENT_COMMAND_SCHEMAS.DepartAgent, withPathId(body, 'agentId', pathId(id)));
    return this.run({ type: 'DepartAgent', data }, id, ctx, req, reply);
  }

  @RequireRole('viewer')
  @Get(':id')
  async get(@Param('id') id: string): Promise<unknown> {
    const { state, revision } = await this.writer.load(agentStream(pathId(id)), agentDecider);
    if (revision === undefined) throw new NotFoundException({ error: 'not found', issues: [{ path: 'id', message: `agent ${id} was never hired` }] });
    return { ...state, revision: String(revision) };
  }

  private run(command: AgentCommand, id: string, ctx: RequestContext, req: Http, reply: Reply): Promise<WriteResult> {
    return this.writer.executeHttp({ stream: agentStream(id), decider: agentDecider, command, ctx }, req, reply);
  }
}
