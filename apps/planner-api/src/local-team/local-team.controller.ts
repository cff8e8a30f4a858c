import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { EntityId } from '@staffcast/events';
import { LocalTeamPlanInput, LocalTeamPlanRevisionInput, parseAsOf, projectionCsv } from '@staffcast/local-team';
import { z } from 'zod';
import { RequireRole } from '../http/auth.js';
import { Ctx, type RequestContext } from '../http/request-context.js';
import { ValidationError, parseOrThrow } from '../http/validation.js';
import { NoListParams } from '../recording/catalogue.js';
import { DraftLocalTeamPlan, GetLocalTeamProjection, ListLocalTeamPlans, ReviseLocalTeamPlan } from './local-team.messages.js';

type Reply = { status(code: number): unknown; header(name: string, value: string): unknown };

export const ProjectionQuery = z.strictObject({
  /** A log position (digits) or an ISO-8601 instant: read only the events up to then. */
  asOf: z.string().max(40).optional(),
  format: z.enum(['json', 'csv']).optional(),
});

/**
 * Local-team plans: record a plan, revise it, project it (as of any point in the log).
 * Handlers are in local-team.handlers.ts; this class only parses HTTP and shapes replies.
 */
@Controller('v1/local-team/plans')
export class LocalTeamController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  /** Every plan, newest first: name, market, zone, months covered and current revision. */
  @RequireRole('viewer')
  @Get()
  list(@Query() query: unknown): Promise<unknown> {
    parseOrThrow(NoListParams, query);
    return this.queries.execute(new ListLocalTeamPlans());
  }

  /** Records a plan; the body is the plan (see LocalTeamPlanInput). 201 `{ planId }`. */
  @RequireRole('planner')
  @Post()
  @HttpCode(201)
  async draft(@Body() body: unknown, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: Reply): Promise<{ planId: string }> {
    const plan = parseOrThrow(LocalTeamPlanInput, body);
    // The request time mints the id (UUIDv7), so plan ids sort by creation.
    const { planId, revision } = await this.commands.execute(new DraftLocalTeamPlan(plan, ctx, Date.now()));
    reply.header('location', `/v1/local-team/plans/${planId}`);
    reply.header('etag', `"${revision}"`);
    return { planId };
  }

  /**
   * Revises a plan: the body holds the top-level fields to replace, each replaced whole (a partial
   * revision); sending every field is a full revision. The merged plan must be valid. A stale edit is
   * refused with 409 when `expectedRevision` (body) or `If-Match` names an older revision.
   * 201 when something changed, 200 when nothing did.
   */
  @RequireRole('planner')
  @Post(':id/revisions')
  async revise(
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<{ planId: string; revision: string; changedFields: string[] }> {
    const planId = parseOrThrow(EntityId, id, 'id');
    const revision = parseOrThrow(LocalTeamPlanRevisionInput, body);
    const pinned = ifMatchRevision(ifMatch);
    if (pinned !== undefined && revision.expectedRevision !== undefined && pinned !== revision.expectedRevision) {
      throw new ValidationError([{ path: 'expectedRevision', message: `disagrees with If-Match (${pinned})` }]);
    }
    const expectedRevision = revision.expectedRevision ?? pinned;
    const result = await this.commands.execute(new ReviseLocalTeamPlan(planId, expectedRevision === undefined ? revision : { ...revision, expectedRevision }, ctx));
    reply.status(result.changedFields.length > 0 ? 201 : 200);
    reply.header('etag', `"${result.revision}"`);
    return { planId, revision: String(result.revision), changedFields: result.changedFields };
  }

  /**
   * The month-by-month projection: `{ planId, months, summary, sensitivity }`, or with
   * `?format=csv` one CSV row per month. `?asOf=` (a log position or an ISO time) projects the plan
   * as the log had it then. The ETag is the plan stream revision used.
   */
  @RequireRole('viewer')
  @Get(':id/projection')
  async projection(@Param('id') id: string, @Query() query: unknown, @Res({ passthrough: true }) reply: Reply): Promise<unknown> {
    const planId = parseOrThrow(EntityId, id, 'id');
    const { asOf, format } = parseOrThrow(ProjectionQuery, query);
    const result = await this.queries.execute(new GetLocalTeamProjection(planId, asOf === undefined ? undefined : parseAsOf(asOf)));
    reply.header('etag', `"${result.revision}"`);
    if (format === 'csv') {
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="local-team-${planId}.csv"`);
      return projectionCsv(result.projection);
    }
    return { planId, ...result.projection };
  }
}

/** `If-Match: "3"` (weak or strong, quoted or not): the plan revision the client last saw. */
export const PlanIfMatchHeader = z
  .string()
  .regex(/^(W\/)?("\d{1,19}"|\d{1,19})$/, 'must be a plan revision such as "3"')
  .transform((header) => header.replace(/^W\//, '').replace(/^"(.*)"$/, '$1'))
  .describe('The plan revision the client last saw (the ETag); a stale one is a 409');

/** The revision in `If-Match`, or undefined; anything else is a 400. */
function ifMatchRevision(header: string | undefined): string | undefined {
  return header === undefined ? undefined : parseOrThrow(PlanIfMatchHeader, header, 'if-match');
}
