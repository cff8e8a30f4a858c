import { randomUUID } from 'node:crypto';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { toCsv } from '@staffcast/planning';
import { Assumption, RunRequest, type RunMetrics, type RunSummary } from '@staffcast/scenarios';
import { parseOrThrow } from '../../planner-api/src/http/validation.js';
import { AssumptionEnvelope, CreateScenarioRequest, runCsv, runReply, scenarioReply } from '../../planner-api/src/scenarios/scenarios.controller.js';
import { AddAssumption, CreateScenario, GetScenario, GetScenarioRun, RunScenario } from '../../planner-api/src/scenarios/scenarios.messages.js';
import { EXIT, UsageError, type CliIo } from './cli-io.js';
import { defined, jsonArgument, numberOption, type CliCommand, type ParsedArgs } from './command.js';
import type { CliContext } from './context.js';
import { PLAN_OPTIONS, PLAN_OPTIONS_HELP, planBody } from './plan.command.js';
import { withSpinner } from './progress.js';
import { fixed, percent, signed, textTable, whole } from './text-table.js';

const requestContext = () => ({ actor: 'cli', correlationId: `cli-${randomUUID()}` });

const METRICS: { key: keyof RunMetrics; title: string; show: (v: number | null) => string; delta: (v: number | null) => string }[] = [
  { key: 'volume', title: 'volume (planned)', show: (v) => fixed(v ?? 0, 1), delta: (v) => signed(v ?? 0, 1) },
  { key: 'requiredAgentHours', title: 'required agent-hours', show: (v) => fixed(v ?? 0, 1), delta: (v) => signed(v ?? 0, 1) },
  { key: 'scheduledAgentHours', title: 'scheduled agent-hours', show: (v) => fixed(v ?? 0, 1), delta: (v) => signed(v ?? 0, 1) },
  { key: 'requiredFte', title: 'required FTE', show: (v) => fixed(v ?? 0, 1), delta: (v) => signed(v ?? 0, 1) },
  { key: 'rosteredAgentHours', title: 'rostered agent-hours', show: (v) => fixed(v ?? 0, 1), delta: (v) => signed(v ?? 0, 1) },
  { key: 'gapAgentHours', title: 'short agent-hours', show: (v) => fixed(v ?? 0, 1), delta: (v) => signed(v ?? 0, 1) },
  { key: 'hoursShort', title: 'hours short', show: (v) => String(v ?? 0), delta: (v) => signed(v ?? 0, 0) },
  { key: 'serviceLevel', title: 'service level', show: percent, delta: (v) => (v === null ? '-' : `${signed(v * 100, 1)} pp`) },
  { key: 'abandonment', title: 'abandonment', show: percent, delta: (v) => (v === null ? '-' : `${signed(v * 100, 1)} pp`) },
];

/** A run's comparison: the totals beside the baseline, cost per currency, each queue's gap and SL. */
export function formatComparison(summary: RunSummary): string {
  const t = summary.total;
  const totals = METRICS.map((m) => [m.title, m.show(t.baseline[m.key]), m.show(t.scenario[m.key]), m.delta(t.delta[m.key])]);
  const cost = summary.cost.map((c) => [`cost ${c.currency}`, whole(c.baseline), whole(c.scenario), signed(c.delta, 0)]);
  const lines = textTable([['', 'baseline', 'scenario', 'change'], ...totals, ...cost], 1);
  const queues = summary.queues.map((q) => [q.queueId, fixed(q.baseline.gapAgentHours, 1), fixed(q.scenario.gapAgentHours, 1), signed(q.delta.gapAgentHours, 1), percent(q.baseline.serviceLevel), percent(q.scenario.serviceLevel)]);
  lines.push('', 'by queue', ...textTable([['queue', 'short h base', 'short h scen', 'change', 'SL base', 'SL scen'], ...queues], 1));
  if (summary.unpricedAgents.scenario > 0 || summary.unpricedAgents.baseline > 0) lines.push('', `agents without an hourly cost: ${summary.unpricedAgents.baseline} baseline, ${summary.unpricedAgents.scenario} scenario`);
  for (const warning of summary.warnings) lines.push(`warning: ${warning}`);
  return `${lines.join('\n')}\n`;
}

/** Each queue's metrics (and the total) beside the baseline, one CSV row per queue and metric. */
export function summaryCsv(summary: RunSummary): string {
  const sides = [...summary.queues, { queueId: '(total)', ...summary.total }];
  const rows = sides.flatMap((q) => METRICS.map((m) => ({ queueId: q.queueId, metric: m.key, baseline: q.baseline[m.key], scenario: q.scenario[m.key], delta: q.delta[m.key] })));
  return toCsv(['queueId', 'metric', 'baseline', 'scenario', 'delta'], rows);
}

function scenarioId(ctxWord: string, value: string | undefined): string {
  if (value === undefined) throw new UsageError(`give the scenario id (scenario create prints it) before the ${ctxWord}`);
  return value;
}

const createCommand: CliCommand = {
  words: ['scenario', 'create'],
  usage: 'scenario create NAME [--description TEXT] [--id ID] [--json]',
  summary: 'create a what-if scenario',
  help: `  --description TEXT  what the scenario is about
  --id ID             the scenario's id (a retry with the same name creates nothing); default a new one`,
  options: { description: { type: 'string' }, id: { type: 'string' } },
  prepare({ positionals, values, format }, io) {
    if (positionals.length !== 1) throw new UsageError('give the scenario name as one argument (quote it if it has spaces)');
    const { scenarioId: id, name, description } = parseOrThrow(CreateScenarioRequest, defined({ scenarioId: values.id, name: positionals[0], description: values.description }));
    return async (ctx) => {
      const result = await ctx.app.get(CommandBus).execute(new CreateScenario(id, name, description, requestContext(), Date.now()));
      if (format === 'json') io.out(`${JSON.stringify(result)}\n`);
      else io.out(`${result.created ? 'created' : 'already recorded:'} scenario ${result.scenarioId}\nnext: staffcast scenario assume ${result.scenarioId} '{"kind":"aht-change","percent":15}'\n`);
      return EXIT.ok;
    };
  },
};

const assumeCommand: CliCommand = {
  words: ['scenario', 'assume'],
  usage: "scenario assume SCENARIO_ID 'ASSUMPTION_JSON'|@FILE [--id ASSUMPTION_ID] [--json]",
  summary: 'add an assumption to a scenario',
  help: `The assumption is one of: launch, volume-multiplier, aht-change, service-target, shrinkage,
hires, attrition, local-team-move (the body of POST /v1/scenarios/:id/assumptions; /docs shows each).
  --id ID   the assumption's id (a retry adds nothing); default a new one`,
  options: { id: { type: 'string' } },
  prepare({ positionals, values, format }, io) {
    const id = scenarioId('assumption', positionals[0]);
    const example = `'{"kind":"volume-multiplier","factor":1.5,"from":"2026-11-17T00:00:00Z","to":"2026-11-20T00:00:00Z"}'`;
    const body = { ...(jsonArgument(positionals[1], `the assumption, e.g. ${example}`) as object), ...defined({ assumptionId: values.id }) };
    const { assumptionId, ...rest } = parseOrThrow(AssumptionEnvelope, body);
    const assumption = parseOrThrow(Assumption, rest);
    return async (ctx) => {
      const result = await ctx.app.get(CommandBus).execute(new AddAssumption(id, assumptionId, assumption, requestContext(), Date.now()));
      if (format === 'json') io.out(`${JSON.stringify(result)}\n`);
      else io.out(`${result.added ? 'added' : 'already recorded:'} ${assumption.kind} assumption ${result.assumptionId} in scenario ${id}\nnext: staffcast scenario run ${id} --from 2026-11-16 --weeks 1\n`);
      return EXIT.ok;
    };
  },
};

const runCommand: CliCommand = {
  words: ['scenario', 'run'],
  usage: 'scenario run SCENARIO_ID --from DATE [--weeks N] [--queue ID]... [--run-id ID] [--json|--csv]',
  summary: 'run a scenario against the baseline and record the comparison',
  help: `${PLAN_OPTIONS_HELP}
  --hours-per-fte H  weekly hours of one FTE (default 40)
  --run-id ID        the run's id (a retry records nothing); default a new one

Plans the horizon at the log head now with and without the scenario's assumptions, records the
position used and the comparison in the scenario's stream, and prints the totals side by side.
--json prints what POST /v1/scenarios/:id/runs answers; --csv each queue's metrics.`,
  options: { ...PLAN_OPTIONS, 'hours-per-fte': { type: 'string' }, 'run-id': { type: 'string' } },
  csv: true,
  prepare({ positionals, values, format }, io) {
    const id = scenarioId('options', positionals[0]);
    const hoursPerFte = values['hours-per-fte'] === undefined ? undefined : numberOption(values['hours-per-fte'], 'hours-per-fte');
    const request = parseOrThrow(RunRequest, { ...planBody(values), ...defined({ hoursPerFte }) });
    const runId = values['run-id'] as string | undefined;
    return async (ctx) => {
      const { run, recorded } = await withSpinner(io, 'running the scenario', () => ctx.app.get(CommandBus).execute(new RunScenario(id, runId, request, requestContext(), Date.now())));
      if (format === 'json') io.out(`${JSON.stringify(run)}\n`);
      else if (format === 'csv') io.out(summaryCsv(run.summary));
      else io.out(`${recorded ? 'recorded' : 'already recorded:'} run ${run.runId} of scenario ${id} at log position ${run.baselinePosition}, from ${run.request.from} for ${run.request.horizonHours} h\n\n${formatComparison(run.summary)}`);
      return EXIT.ok;
    };
  },
};

const showCommand: CliCommand = {
  words: ['scenario', 'show'],
  usage: 'scenario show SCENARIO_ID [--run RUN_ID [--compare]] [--json|--csv]',
  summary: "a scenario's assumptions and runs, or one run re-evaluated",
  help: `  --run RUN_ID   re-evaluate this run from its recorded log position and print its comparison
  --compare      with --run: JSON/CSV rows beside the baseline's (GET ...?compare=baseline)`,
  options: { run: { type: 'string' }, compare: { type: 'boolean' } },
  csv: true,
  prepare({ positionals, values, format }, io) {
    const id = scenarioId('options', positionals[0]);
    const runId = values.run as string | undefined;
    if (runId === undefined && values.compare) throw new UsageError('--compare needs --run RUN_ID');
    if (runId === undefined && format === 'csv') throw new UsageError('--csv needs --run RUN_ID (a scenario has no rows of its own)');
    return runId === undefined ? (ctx) => showScenario(ctx, id, format, io) : (ctx) => showRun(ctx, id, runId, values.compare === true, format, io);
  },
};

/** A recorded run, re-evaluated from its recorded position, as its comparison, JSON or CSV. */
async function showRun(ctx: CliContext, id: string, runId: string, compare: boolean, format: ParsedArgs['format'], io: CliIo): Promise<number> {
  const result = await withSpinner(io, 're-evaluating the run', () => ctx.app.get(QueryBus).execute(new GetScenarioRun(id, runId)));
  if (format === 'json') io.out(`${JSON.stringify(runReply(result, compare))}\n`);
  else if (format === 'csv') io.out(runCsv(result, compare));
  else io.out(`run ${result.run.runId} of scenario ${id}, ran ${result.run.ranAt} at log position ${result.run.baselinePosition}; ${result.reproduced ? 'reproduced exactly' : 'NOT reproduced: the re-evaluation differs from what was recorded'}\n\n${formatComparison(result.run.summary)}`);
  return EXIT.ok;
}

/** A scenario's name, assumptions and runs (each run's change in short agent-hours and service level). */
async function showScenario(ctx: CliContext, id: string, format: ParsedArgs['format'], io: CliIo): Promise<number> {
  const view = scenarioReply(await ctx.app.get(QueryBus).execute(new GetScenario(id)));
  if (format === 'json') {
    io.out(`${JSON.stringify(view)}\n`);
    return EXIT.ok;
  }
  const assumptions = view.assumptions.map((a) => {
    const { kind, ...rest } = a.assumption;
    return [a.assumptionId, kind, JSON.stringify(rest)];
  });
  const runs = view.runs.map((r) => [r.runId, r.ranAt, r.request.from, String(r.request.horizonHours), signed(r.total.delta.gapAgentHours, 1), r.total.delta.serviceLevel === null ? '-' : `${signed(r.total.delta.serviceLevel * 100, 1)} pp`]);
  const lines = [`scenario ${view.scenarioId}: ${view.name}`, ...(view.description ? [view.description] : []), ''];
  lines.push(assumptions.length === 0 ? 'no assumptions yet' : 'assumptions', ...(assumptions.length ? textTable([['id', 'kind', 'details'], ...assumptions], 3) : []), '');
  lines.push(runs.length === 0 ? 'no runs yet' : 'runs', ...(runs.length ? textTable([['run', 'ran at', 'from', 'hours', 'Δ short h', 'Δ SL'], ...runs], 3) : []), '');
  io.out(lines.join('\n'));
  return EXIT.ok;
}

export const scenarioCommands: readonly CliCommand[] = [createCommand, assumeCommand, runCommand, showCommand];
