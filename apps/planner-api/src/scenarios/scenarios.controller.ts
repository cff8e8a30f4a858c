import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { DisplayName, EntityId } from '@staffcast/events';
import { planCsv, toCsv } from '@staffcast/planning';
import { Assumption, COMPARISON_COLUMNS, RunRequest, comparisonRows, type ScenarioState } from '@staffcast/scenarios';
import { z } from 'zod';
import { RequireRole } from '../http/auth.js';
import { Ctx, type RequestContext } from '../http/request-context.js';
import { parseOrThrow } from '../http/validation.js';
import { NoListParams } from '../recording/catalogue.js';
import { AddAssumption, CreateScenario, GetScenario, GetScenarioRun, ListScenarios, RemoveAssumption, RunScenario, type RunResult } from './scenarios.messages.js';

type Reply = { header(name: string, value: string): unknown };
type ScenarioView = Extract<ScenarioState, { status: 'created' }>;

/** An optional `scenarioId` makes a retried create idempotent. */
export const CreateScenarioRequest = z.strictObject({ scenarioId: EntityId.optional(), name: DisplayName, description: z.string().max(2000).optional() });
/** The body is the assumption itself; an optional `assumptionId` makes a retried add idempotent. */
export const AssumptionEnvelope = z.looseObject({ assumptionId: EntityId.optional() });
/** The body is the run request; an optional `runId` makes a retried run idempotent. */
export const RunEnvelope = z.looseObject({ runId: EntityId.optional() });
export const RunQuery = z.strictObject({ compare: z.enum(['baseline']).optional(), format: z.enum(['json', 'csv']).default('json') });

/**
 * What-if scenarios: a scenario holds assumptions; a run evaluates the capacity plan
 * on the baseline (the log head when the run starts) with and without them, records the position
 * it used and the comparison, and writes nothing but the scenario's own stream.
 */
@Controller('v1/scenarios')
export class ScenariosController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  /** Creates a scenario: 201 `{ scenarioId }`; 200 when the given `scenarioId` was already created with the same name and description, 409 with others. */
  @RequireRole('planner')
  @Post()
  async create(@Body() body: unknown, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: Reply & { status(code: number): unknown }): Promise<{ scenarioId: string }> {
    const { scenarioId, name, description } = parseOrThrow(CreateScenarioRequest, body);
    const result = await this.commands.execute(new CreateScenario(scenarioId, name, description, ctx, Date.now()));
    reply.status(result.created ? 201 : 200);
    reply.header('location', `/v1/scenarios/${result.scenarioId}`);
    return { scenarioId: result.scenarioId };
  }

  /** Every scenario, newest first, with its assumption and run counts. */
  @RequireRole('viewer')
  @Get()
  list(@Query() query: unknown): Promise<unknown> {
    parseOrThrow(NoListParams, query);
    return this.queries.execute(new ListScenarios());
  }

  /** The scenario: name, current assumptions (with ids) and the runs recorded so far (without rows). */
  @RequireRole('viewer')
  @Get(':id')
  async get(@Param('id') id: string): Promise<unknown> {
    return scenarioReply(await this.queries.execute(new GetScenario(parseOrThrow(EntityId, id, 'id'))));
  }

  /** Adds an assumption (see `Assumption` for the eight kinds). 201 `{ assumptionId }`; 200 when the same id and content were already added. */
  @RequireRole('planner')
  @Post(':id/assumptions')
  async addAssumption(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: Reply & { status(code: number): unknown }): Promise<{ assumptionId: string }> {
    const scenarioId = parseOrThrow(EntityId, id, 'id');
    const { assumptionId, ...rest } = parseOrThrow(AssumptionEnvelope, body);
    const assumption = parseOrThrow(Assumption, rest);
    const result = await this.commands.execute(new AddAssumption(scenarioId, assumptionId, assumption, ctx, Date.now()));
    reply.status(result.added ? 201 : 200);
    return { assumptionId: result.assumptionId };
  }

  @RequireRole('planner')
  @Delete(':id/assumptions/:assumptionId')
  @HttpCode(204)
  async removeAssumption(@Param('id') id: string, @Param('assumptionId') assumptionId: string, @Ctx() ctx: RequestContext): Promise<void> {
    await this.commands.execute(new RemoveAssumption(parseOrThrow(EntityId, id, 'id'), parseOrThrow(EntityId, assumptionId, 'assumptionId'), ctx));
  }

  /**
   * Runs the scenario against the baseline at the log head now; 201 with the run's id, position and
   * comparison. With a `runId` already recorded for the same request (a retry): 200 with that run,
   * recording nothing; for another request: 409.
   */
  @RequireRole('planner')
  @Post(':id/runs')
  async run(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: Reply & { status(code: number): unknown }): Promise<unknown> {
    const scenarioId = parseOrThrow(EntityId, id, 'id');
    const { runId, ...rest } = parseOrThrow(RunEnvelope, body);
    const request = parseOrThrow(RunRequest, rest);
    const { run, recorded } = await this.commands.execute(new RunScenario(scenarioId, runId, request, ctx, Date.now()));
    reply.status(recorded ? 201 : 200);
    reply.header('location', `/v1/scenarios/${scenarioId}/runs/${run.runId}`);
    return run;
  }

  /**
   * A recorded run, re-evaluated from its recorded baseline position and assumptions (so new
   * events since do not change it; `reproduced` says the result matches what was recorded): the
   * scenario plan's rows and summaries, or with `?compare=baseline` each row beside the baseline's.
   * `?format=csv` exports the rows.
   */
  @RequireRole('viewer')
  @Get(':id/runs/:runId')
  async getRun(@Param('id') id: string, @Param('runId') runId: string, @Query() query: unknown, @Res({ passthrough: true }) reply: Reply): Promise<unknown> {
    const { compare, format } = parseOrThrow(RunQuery, query);
    const result = await this.queries.execute(new GetScenarioRun(parseOrThrow(EntityId, id, 'id'), parseOrThrow(EntityId, runId, 'runId')));
    if (format === 'csv') {
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="scenario-run-${result.run.runId}.csv"`);
      return runCsv(result, compare === 'baseline');
    }
    return runReply(result, compare === 'baseline');
  }
}

/** The JSON answer of `GET /v1/scenarios/:id`. */
export function scenarioReply(state: ScenarioView) {
  return {
    scenarioId: state.scenarioId,
    name: state.name,
    ...(state.description !== undefined ? { description: state.description } : {}),
    assumptions: state.assumptions,
    runs: state.runs.map((r) => ({ runId: r.runId, ranAt: r.ranAt, baselinePosition: r.baselinePosition, request: r.request, total: r.summary.total })),
  };
}

/** The rows of a run as CSV: the scenario plan's, or each beside the baseline's. */
export function runCsv(result: RunResult, compare: boolean): string {
  return compare ? toCsv(COMPARISON_COLUMNS, comparisonRows(result.baseline, result.scenario) as unknown as Record<string, string | number | boolean | null>[]) : planCsv(result.scenario.rows);
}

/** The JSON answer of `GET /v1/scenarios/:id/runs/:runId` (with `?compare=baseline` when `compare`). */
export function runReply(result: RunResult, compare: boolean) {
  const { run } = result;
  const rows = compare ? comparisonRows(result.baseline, result.scenario) : undefined;
  return {
    scenarioId: run.scenarioId,
    runId: run.runId,
    ranAt: run.ranAt,
    baselinePosition: run.baselinePosition,
    request: run.request,
    assumptions: run.assumptions,
    summary: run.summary,
    digest: run.digest,
    reproduced: result.reproduced,
    plan: { summaries: result.scenario.summaries, worstHours: result.scenario.worstHours, idleAgentHours: result.scenario.idleAgentHours, rows: rows ?? result.scenario.rows },
    ...(rows ? { baselinePlan: { summaries: result.baseline.summaries, worstHours: result.baseline.worstHours, idleAgentHours: result.baseline.idleAgentHours } } : {}),
  };
}
