import { QueryBus } from '@nestjs/cqrs';
import { planCsv, type CapacityPlan, type PlanRow } from '@staffcast/planning';
import { DateTime } from 'luxon';
import { planQuery, planReply } from '../../planner-api/src/planning/planning.controller.js';
import { PlanRequest } from '../../planner-api/src/planning/planning.dto.js';
import { parseOrThrow } from '../../planner-api/src/http/validation.js';
import { EXIT } from './cli-io.js';
import { defined, fromOption, horizonOption, numberOption, type CliCommand, type OptionValues } from './command.js';
import { withSpinner } from './progress.js';
import { fixed, percent, textTable } from './text-table.js';

/** The options every plan-like command (plan, scenario run) reads into the API's request body. */
export const PLAN_OPTIONS = {
  from: { type: 'string' },
  weeks: { type: 'string' },
  hours: { type: 'string' },
  queue: { type: 'string', multiple: true },
  quantile: { type: 'string' },
  shrinkage: { type: 'string' },
  occupancy: { type: 'string' },
} as const;

export const PLAN_OPTIONS_HELP = `  --from DATE|HOUR   first hour: a date (its midnight UTC) or a UTC hour, e.g. 2026-11-16T13:00:00Z
  --weeks N          horizon in weeks (default 1), or --hours N
  --queue ID         only this queue (repeat for more); default every queue
  --quantile Q       the forecast quantile staffed to (default 0.8)
  --shrinkage S      share of paid time off contacts (default 0.3)
  --occupancy O      occupancy cap of a live agent (default 0.9)`;

/** The request body the options make, before the API's schema checks it. */
export function planBody(values: OptionValues): Record<string, unknown> {
  const optional = (name: string) => (values[name] === undefined ? undefined : numberOption(values[name], name));
  return defined({
    from: fromOption(values.from as string | undefined),
    horizonHours: horizonOption(values),
    queueIds: values.queue as string[] | undefined,
    planQuantile: optional('quantile'),
    shrinkage: optional('shrinkage'),
    occupancyCap: optional('occupancy'),
  });
}

const zoned = (hour: string, zone: string) => DateTime.fromISO(hour, { zone });

/** Totals per queue, short agent-hours by local day, and the worst hours: a plan in a screenful. */
export function formatPlanTable(plan: CapacityPlan, heading: string): string {
  const lines = [heading, ''];
  const total = ['all queues', '', ...sums(plan)];
  const queueRows = plan.summaries.map((s) => [s.queueId, s.timeZone, fixed(s.total.requiredAgentHours, 1), fixed(s.total.scheduledAgentHours, 1), fixed(s.total.rosteredAgentHours, 1), fixed(s.total.shortAgentHours, 1), String(s.total.hoursShort), percent(s.total.serviceLevel), percent(s.total.abandonment)]);
  lines.push(...textTable([['queue', 'time zone', 'required h', 'scheduled h', 'rostered h', 'short h', 'hours short', 'SL', 'abandon'], ...queueRows, total], 2), '');
  const days = [...new Set(plan.summaries.flatMap((s) => s.days.map((d) => d.period)))].sort();
  const dayRows = plan.summaries.map((s) => [s.queueId, ...days.map((day) => s.days.find((d) => d.period === day)?.shortAgentHours).map((v) => (v === undefined ? '' : fixed(v, 1)))]);
  lines.push('short agent-hours by local day', ...textTable([['queue', ...days.map((d) => DateTime.fromISO(d).toFormat('ccc MM-dd'))], ...dayRows], 1), '');
  const zones = new Map(plan.summaries.map((s) => [s.queueId, s.timeZone]));
  const worst = plan.worstHours.slice(0, 10).map((r: PlanRow) => {
    const local = zoned(r.hour, zones.get(r.queueId) ?? 'UTC');
    return [r.queueId, local.toFormat('ccc yyyy-MM-dd HH:mm ZZZZ'), fixed(r.forecastPlanned, 1), fixed(r.rawAgents, 1), fixed(r.rosteredAgents, 1), fixed(r.gap, 1), percent(r.serviceLevel)];
  });
  lines.push(worst.length === 0 ? 'no hour is short' : 'worst hours (local time)', ...(worst.length === 0 ? [] : textTable([['queue', 'hour', 'forecast', 'required', 'rostered', 'gap', 'SL'], ...worst], 2)), '');
  return lines.join('\n');
}

function sums(plan: CapacityPlan): string[] {
  const t = plan.summaries.reduce(
    (a, s) => ({ req: a.req + s.total.requiredAgentHours, sch: a.sch + s.total.scheduledAgentHours, ros: a.ros + s.total.rosteredAgentHours, short: a.short + s.total.shortAgentHours, hours: a.hours + s.total.hoursShort }),
    { req: 0, sch: 0, ros: 0, short: 0, hours: 0 },
  );
  return [fixed(t.req, 1), fixed(t.sch, 1), fixed(t.ros, 1), fixed(t.short, 1), String(t.hours), '', ''];
}

export const planCommand: CliCommand = {
  words: ['plan'],
  usage: 'plan --from DATE [--weeks N] [--queue ID]... [--scenario ID] [--as-of POS|TIME] [--json|--csv]',
  summary: 'the capacity plan: requirement, roster and gap, hour by hour',
  help: `${PLAN_OPTIONS_HELP}
  --scenario ID      apply this scenario's assumptions (nothing is recorded)
  --as-of POS|TIME   the plan as the log stood at a position or an ISO time

Prints each queue's agent-hours over the horizon (required, scheduled after shrinkage, rostered,
short), its projected service level and abandonment, short agent-hours by local day, and the ten
worst hours in the queue's local time. --json prints what POST /v1/plans answers; --csv its rows.`,
  options: { ...PLAN_OPTIONS, scenario: { type: 'string' }, 'as-of': { type: 'string' } },
  csv: true,
  prepare({ values, format }, io) {
    const body = { ...planBody(values), ...defined({ scenarioId: values.scenario as string | undefined, asOf: values['as-of'] as string | undefined }) };
    const request = parseOrThrow(PlanRequest, body);
    return async (ctx) => {
      const answer = await withSpinner(io, 'planning', () => ctx.app.get(QueryBus).execute(planQuery(request)));
      if (format === 'json') io.out(`${JSON.stringify(planReply(request, answer))}\n`);
      else if (format === 'csv') io.out(planCsv(answer.plan.rows));
      else {
        const basis = `staffed to the ${Math.round(request.planQuantile * 100)}% forecast, shrinkage ${Math.round(request.shrinkage * 100)}%`;
        const scenario = answer.scenario ? `, with scenario ${answer.scenario.scenarioId}` : '';
        io.out(formatPlanTable(answer.plan, `capacity plan from ${new Date(request.from).toISOString().slice(0, 16)}Z for ${request.horizonHours} h, ${basis}${scenario}`));
      }
      return EXIT.ok;
    };
  },
};
