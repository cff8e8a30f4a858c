import { QueryBus } from '@nestjs/cqrs';
import { EntityId } from '@staffcast/events';
import { LocalTeamInputError, parseAsOf, projectionCsv, type LocalTeamProjection } from '@staffcast/local-team';
import { HttpException } from '@nestjs/common';
import { GetLocalTeamProjection, type ProjectionResult } from '../../planner-api/src/local-team/local-team.messages.js';
import type { CliContext } from './context.js';

export const LOCAL_TEAM_USAGE = '  npm run cli -- local-team PLAN_ID [--as-of POSITION|ISO-TIME] [--csv|--json]   print a local-team plan projection';

export interface LocalTeamCommandOptions {
  asOf?: string;
  format?: 'table' | 'csv' | 'json';
}

/**
 * `local-team PLAN_ID`: the projection `GET /v1/local-team/plans/:id/projection` returns, through the
 * same query handler, printed as a table (or CSV / JSON). Returns the process exit code.
 */
export async function runLocalTeamCommand(ctx: CliContext, planId: string | undefined, options: LocalTeamCommandOptions, write: (text: string) => void): Promise<number> {
  if (planId === undefined || !EntityId.safeParse(planId).success) {
    write(`local-team: give the plan id\n${LOCAL_TEAM_USAGE}\n`);
    return 2;
  }
  let result: ProjectionResult;
  try {
    const asOf = options.asOf === undefined ? undefined : parseAsOf(options.asOf);
    result = await ctx.app.get(QueryBus).execute(new GetLocalTeamProjection(planId, asOf));
  } catch (error) {
    // The API's 4xx answers (unknown plan, a plan that cannot be projected, a bad --as-of) as one line.
    const problem = describeProblem(error);
    if (problem === undefined) throw error;
    write(`local-team: ${problem}\n`);
    return 1;
  }
  if (options.format === 'json') write(`${JSON.stringify({ planId, ...result.projection })}\n`);
  else if (options.format === 'csv') write(projectionCsv(result.projection));
  else write(formatLocalTeamTable(planId, result.projection));
  return 0;
}

/** Reads `--as-of X` / `--as-of=X`, `--csv`, `--json` from the arguments after `local-team`. */
export function parseLocalTeamArgs(args: readonly string[]): { planId: string | undefined; options: LocalTeamCommandOptions } {
  const options: LocalTeamCommandOptions = { format: args.includes('--json') ? 'json' : args.includes('--csv') ? 'csv' : 'table' };
  let planId: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--as-of') options.asOf = args[++i];
    else if (arg.startsWith('--as-of=')) options.asOf = arg.slice('--as-of='.length);
    else if (!arg.startsWith('--') && planId === undefined) planId = arg;
  }
  return { planId, options };
}

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
  { title: 'cost local', value: (m) => money(m.costLocal) },
  { title: 'cost offshore', value: (m) => money(m.costOffshoreEquivalent) },
  { title: 'SL', value: (m) => (m.serviceLevel === null ? '-' : `${(m.serviceLevel * 100).toFixed(1)}%`) },
  { title: 'short FTE', value: (m) => fixed(m.shortfallFte, 1) },
];

/** The projection as fixed-width text: the months, the summary, then the sensitivity table. O(months). */
export function formatLocalTeamTable(planId: string, projection: LocalTeamProjection): string {
  const rows = [COLUMNS.map((c) => c.title), ...projection.months.map((m) => COLUMNS.map((c) => c.value(m)))];
  const lines = [`local-team plan ${planId}`, '', ...table(rows, 1)];
  const s = projection.summary;
  lines.push(
    '',
    `peak agent headcount  ${fixed(s.peakAgentHeadcount, 1)}`,
    `total hires           ${s.totalHires}`,
    `meets requirement     ${s.firstMonthMeetingRequirement ?? 'never within the plan'}`,
    `break-even            ${s.breakEvenMonth ?? 'not within the plan'}`,
    `total cost local      ${money(s.totalCostLocal)}`,
    `total cost offshore   ${money(s.totalCostOffshoreEquivalent)}`,
    '',
  );
  const sensitivity = [['assumption', 'change', 'Δ peak agents', 'Δ total local cost'], ...projection.sensitivity.map((r) => [r.assumption, `${r.change > 0 ? '+' : ''}${Math.round(r.change * 100)}%`, signed(r.peakAgentHeadcountDelta, 1), signed(r.totalCostLocalDelta, 0)])];
  lines.push(...table(sensitivity, 1), '');
  return lines.join('\n');
}

function table(rows: string[][], leftAligned: number): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c < leftAligned ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd());
}

function fixed(value: number, digits: number): string {
  return value.toFixed(digits);
}

function money(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** A change with its sign; one that rounds to zero prints as plain zero. */
function signed(value: number, digits: number): string {
  const text = digits === 0 ? money(value) : value.toFixed(digits);
  if (/^-?[0,.]+$/.test(text)) return text.replace('-', '');
  return value > 0 ? `+${text}` : text;
}

function describeProblem(error: unknown): string | undefined {
  if (error instanceof LocalTeamInputError) return `${error.field}: ${error.reason}`;
  if (error instanceof HttpException) {
    const body = error.getResponse() as { issues?: { path: string; message: string }[] };
    return body.issues?.map((i) => `${i.path}: ${i.message}`).join('; ') ?? error.message;
  }
  return undefined;
}
