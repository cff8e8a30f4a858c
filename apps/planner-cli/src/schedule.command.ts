import { randomUUID } from 'node:crypto';
import { HttpException } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { scheduleCsv } from '@staffcast/scheduling';
import { RunScheduleRequest } from '../../planner-api/src/schedules/schedules.dto.js';
import { PublishSchedule, RunSchedule } from '../../planner-api/src/schedules/schedules.messages.js';
import { numberOption, type CliCommand } from './command.js';
import type { CliContext } from './context.js';

export const SCHEDULE_USAGE = `  npm run cli -- schedule SITE WEEK_START [--weeks N] [--time-limit S] [--gap G] [--id ID] [--csv|--json]   draft a schedule (MILP)
  npm run cli -- schedule publish ID                                   publish a draft into the agents' schedules`;

const flag = (args: readonly string[], name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

/**
 * `schedule SITE WEEK_START`: the run `POST /v1/schedules/runs` makes, through the same command
 * handler (recorded as a draft), printed as a summary, CSV or JSON; `schedule publish ID` publishes
 * one. Bad arguments are reported by field with exit code 2. Returns the process exit code.
 */
export async function runScheduleCommand(ctx: CliContext, args: readonly string[], write: (text: string) => void): Promise<number> {
  const cli = { actor: 'cli', correlationId: randomUUID() };
  const bus = ctx.app.get(CommandBus);
  try {
    if (args[0] === 'publish') {
      const result = await bus.execute(new PublishSchedule(args[1] ?? '', cli, Date.now()));
      write(`${JSON.stringify({ scheduleId: args[1], ...result })}\n`);
      return 0;
    }
    const number = (name: string) => (flag(args, name) === undefined ? undefined : Number(flag(args, name)));
    const parsed = RunScheduleRequest.safeParse({
      siteId: args[0],
      weekStart: args[1],
      ...(number('weeks') !== undefined ? { weeks: number('weeks') } : {}),
      ...(number('time-limit') !== undefined ? { timeLimitSeconds: number('time-limit') } : {}),
      ...(number('gap') !== undefined ? { mipRelGap: number('gap') } : {}),
      ...(flag(args, 'id') !== undefined ? { scheduleId: flag(args, 'id') } : {}),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) write(`schedule: ${issue.path.join('.') || '(arguments)'}: ${issue.message}\n`);
      write(`${SCHEDULE_USAGE}\n`);
      return 2;
    }
    const { scheduleId, ...spec } = parsed.data;
    const { draft, report } = await bus.execute(new RunSchedule(scheduleId, spec, cli, Date.now()));
    if (args.includes('--csv')) write(scheduleCsv(draft.agents));
    else if (args.includes('--json')) write(`${JSON.stringify({ ...draft, ...(report ?? {}) })}\n`);
    else {
      const t = draft.totals;
      write(`schedule ${draft.scheduleId} (${spec.siteId}, week of ${spec.weekStart}, log position ${draft.position})\n`);
      write(`  agents ${new Set(draft.agents.map((a) => a.agentId)).size}, required ${t.requiredAgentHours.toFixed(1)} agent-h, under ${t.underAgentHours.toFixed(1)}, over ${t.overAgentHours.toFixed(1)}\n`);
      write(`  solver ${t.status} in ${t.seconds.toFixed(1)} s, objective ${t.objective ?? '-'}, bound ${t.lowerBound ?? '-'}, gap ${t.mipGap ?? '-'}\n`);
      write(`  payroll ${t.payrollCost.map((p) => `${p.amount.toFixed(2)} ${p.currency}`).join(', ')}\n`);
    }
    return 0;
  } catch (error) {
    // The API's 4xx answers (no rules for the site, unknown schedule) as one line.
    if (!(error instanceof HttpException) && !(error instanceof Error && 'field' in error)) throw error;
    write(`schedule: ${error instanceof HttpException ? JSON.stringify(error.getResponse()) : error.message}\n`);
    return 1;
  }
}

/** The argument list runScheduleCommand reads, rebuilt from the parsed options. */
function scheduleArgs(positionals: readonly string[], values: Record<string, unknown>, format: string): string[] {
  const args = [...positionals];
  for (const name of ['weeks', 'time-limit', 'gap', 'id']) if (typeof values[name] === 'string') args.push(`--${name}`, values[name] as string);
  if (format !== 'table') args.push(`--${format}`);
  return args;
}

export const scheduleCommands: readonly CliCommand[] = [
  {
    words: ['schedule'],
    usage: 'schedule SITE WEEK_START [--weeks N] [--time-limit S] [--gap G] [--id ID]',
    summary: "draft a schedule of the site's agents for the week(s): shifts, breaks and days off (MILP)",
    help: 'Solves the run POST /v1/schedules/runs makes and records it as a draft; prints its totals, the agents × days CSV (--csv) or the whole draft (--json).',
    options: { weeks: { type: 'string' }, 'time-limit': { type: 'string' }, gap: { type: 'string' }, id: { type: 'string' } },
    csv: true,
    prepare: ({ positionals, values, format }, io) => {
      // Numbers are checked before the store is opened, as every command's are.
      for (const name of ['weeks', 'time-limit', 'gap']) if (values[name] !== undefined) numberOption(values[name], name);
      return (ctx) => runScheduleCommand(ctx, scheduleArgs(positionals, values, format), io.out);
    },
  },
  {
    words: ['schedule', 'publish'],
    usage: 'schedule publish ID',
    summary: "publish a draft into the agents' schedules, all or none",
    help: 'Writes one AgentScheduleSet per agent and week of the draft.',
    options: {},
    prepare: ({ positionals }, io) => (ctx) => runScheduleCommand(ctx, ['publish', ...positionals], io.out),
  },
];
