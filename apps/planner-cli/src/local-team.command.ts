import { randomUUID } from 'node:crypto';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { EntityId } from '@staffcast/events';
import { exampleLocalTeamPlan, LocalTeamPlanInput, parseAsOf, projectionCsv, type LocalTeamProjection } from '@staffcast/local-team';
import { parseOrThrow } from '../../planner-api/src/http/validation.js';
import { DraftLocalTeamPlan, GetLocalTeamProjection, type ProjectionResult } from '../../planner-api/src/local-team/local-team.messages.js';
import { EXIT, UsageError, describeFailure } from './cli-io.js';
import { jsonArgument, type CliCommand } from './command.js';
import type { CliContext } from './context.js';
import { fixed, percent, signed, textTable, whole } from './text-table.js';

const MISSING_PLAN_ID = 'give the plan id (the planId POST /v1/local-team/plans answered)';

export interface LocalTeamCommandOptions {
  asOf?: string;
  format?: 'table' | 'csv' | 'json';
}

/**
 * `local-team PLAN_ID`: the projection `GET /v1/local-team/plans/:id/projection` returns, through the
 * same query handler, printed as a table (or CSV / JSON). Returns the process exit code.
 */
export async function runLocalTeamCommand(ctx: CliContext, planId: string | undefined, options: LocalTeamCommandOptions, write: (text: string) => void): Promise<number> {
  let result: ProjectionResult;
  try {
    if (planId === undefined || !EntityId.safeParse(planId).success) throw new UsageError(MISSING_PLAN_ID);
    const asOf = options.asOf === undefined ? undefined : parseAsOf(options.asOf);
    result = await ctx.app.get(QueryBus).execute(new GetLocalTeamProjection(planId, asOf));
  } catch (error) {
    // The API's 4xx answers (unknown plan, a plan that cannot be projected, a bad --as-of) as one line.
    const failure = describeFailure('local-team', error);
    write(failure.message);
    return failure.code;
  }
  if (options.format === 'json') write(`${JSON.stringify({ planId, ...result.projection })}\n`);
  else if (options.format === 'csv') write(projectionCsv(result.projection));
  else write(formatLocalTeamTable(planId, result.projection));
  return EXIT.ok;
}

const createCommand: CliCommand = {
  words: ['local-team', 'create'],
  usage: 'local-team create PLAN.json|@FILE [--json]',
  summary: 'record a local-team plan (staffcast local-team example prints one to start from)',
  help: 'The plan is the body of POST /v1/local-team/plans: market, coverage, takeover phases, demand, hiring, attrition, structure and costs (/docs shows every field).',
  options: {},
  prepare({ positionals, format }, io) {
    const plan = parseOrThrow(LocalTeamPlanInput, jsonArgument(positionals[0], 'the plan (staffcast local-team example > plan.json, then @plan.json)'));
    return async (ctx) => {
      const { planId } = await ctx.app.get(CommandBus).execute(new DraftLocalTeamPlan(plan, { actor: 'cli', correlationId: `cli-${randomUUID()}` }, Date.now()));
      io.out(format === 'json' ? `${JSON.stringify({ planId })}\n` : `recorded local-team plan ${planId}\nnext: staffcast local-team ${planId}\n`);
      return EXIT.ok;
    };
  },
};

const exampleCommand: CliCommand = {
  words: ['local-team', 'example'],
  usage: 'local-team example',
  summary: 'print a complete example plan as JSON, to edit and record',
  help: 'An Australian team in Brisbane covering 08:00-20:00 every day takes over one KYC phone queue from June 2025 (explicit monthly volumes).',
  options: {},
  prepare: (_args, io) => {
    io.out(`${JSON.stringify(exampleLocalTeamPlan(), null, 2)}\n`);
    return EXIT.ok;
  },
};

export const localTeamProjectionCommand: CliCommand = {
  words: ['local-team'],
  usage: 'local-team PLAN_ID [--as-of POS|TIME] [--json|--csv]',
  summary: "a local-team plan's month-by-month projection",
  help: `  --as-of POS|TIME   the plan as the log stood at a position or an ISO time

Prints each month's required FTE, hires, graduates, agents in training, attrition losses, headcount,
productive FTE, support staff, local and offshore-equivalent cost, service level and shortfall; the
summary (peak headcount, hires, first month meeting the requirement, break-even); and how much each
assumption moves the results. --json prints what GET /v1/local-team/plans/:id/projection answers.`,
  options: { 'as-of': { type: 'string' } },
  csv: true,
  prepare({ positionals, values, format }, io) {
    const [planId] = positionals;
    if (planId === undefined || !EntityId.safeParse(planId).success) throw new UsageError(MISSING_PLAN_ID);
    const asOf = values['as-of'] as string | undefined;
    if (asOf !== undefined) parseAsOf(asOf);
    return (ctx) => runLocalTeamCommand(ctx, planId, { format, ...(asOf === undefined ? {} : { asOf }) }, io.out);
  },
};

export const localTeamCommands: readonly CliCommand[] = [createCommand, exampleCommand, localTeamProjectionCommand];

const COLUMNS: { title: string; value: (m: LocalTeamProjection['months'][number]) => string }[] = [
  { title: 'month', value: (m) => m.month },
  { title: 'req FTE', value: (m) => fixed(m.requiredFte, 1) },
  { title: 'hires', value: (m) => String(m.hires) },
  { title: 'grads', value: (m) => fixed(m.graduates, 1) },
  { title: 'training', value: (m) => fixed(m.inTraining, 1) },
  { title: 'losses', value: (m) => fixed(m.attritionLosses, 2) },
  { title: 'agents', value: (m) => fixed(m.agentHeadcount, 1) },
  { title: 'prod FTE', value: (m) => fixed(m.productiveFte, 1) },
  { title: 'support', value: (m) => String(m.supportHeadcount) },
  { title: 'cost local', value: (m) => whole(m.costLocal) },
  { title: 'cost offshore', value: (m) => whole(m.costOffshoreEquivalent) },
  { title: 'SL', value: (m) => percent(m.serviceLevel) },
  { title: 'short FTE', value: (m) => fixed(m.shortfallFte, 1) },
];

/** The projection as fixed-width text: the months, the summary, then the sensitivity table. O(months). */
export function formatLocalTeamTable(planId: string, projection: LocalTeamProjection): string {
  const rows = [COLUMNS.map((c) => c.title), ...projection.months.map((m) => COLUMNS.map((c) => c.value(m)))];
  const lines = [`local-team plan ${planId}`, '', ...textTable(rows, 1)];
  const s = projection.summary;
  lines.push(
    '',
    `peak agent headcount  ${fixed(s.peakAgentHeadcount, 1)}`,
    `total hires           ${s.totalHires}`,
    `meets requirement     ${s.firstMonthMeetingRequirement ?? 'never within the plan'}`,
    `break-even            ${s.breakEvenMonth ?? 'not within the plan'}`,
    `total cost local      ${whole(s.totalCostLocal)}`,
    `total cost offshore   ${whole(s.totalCostOffshoreEquivalent)}`,
    '',
  );
  const sensitivity = [['assumption', 'change', 'Δ peak agents', 'Δ total local cost'], ...projection.sensitivity.map((r) => [r.assumption, `${r.change > 0 ? '+' : ''}${Math.round(r.change * 100)}%`, signed(r.peakAgentHeadcountDelta, 1), signed(r.totalCostLocalDelta, 0)])];
  lines.push(...textTable(sensitivity, 1), '');
  return lines.join('\n');
}

