import { DateTime } from 'luxon';
import { localMinutes, WEEKDAYS, type OpeningHours, type ShiftRules } from '@staffcast/events';
import { rampFactor, skillsOn, type RosterAgent } from '@staffcast/projections';
import { INTERVAL_MINUTES, INTERVAL_MS, type CoverageGroup, type InstanceAgent, type PlanningDay, type ScheduleInstance, type ShiftOption } from './schedule-instance.js';
import { SchedulingInputError } from './scheduling-input-error.js';

const HOUR_MS = 3_600_000;

export interface ScheduledAgentInput {
  roster: RosterAgent;
  hourlyCost: { amount: number; currency: string };
  newHire?: boolean;
  /** This agent's ramp when it is not the roster's (a scenario's hires). */
  ramp?: readonly number[];
}

export interface InstanceInput {
  rules: ShiftRules;
  /** Site-local Monday of the first planning week. */
  weekStart: string;
  weeks: number;
  /** Each queue's required productive agents per UTC hour from `requirementFromMs`. */
  queues: { queueId: string; requiredSkills: readonly string[]; requiredPerHour: readonly number[] }[];
  requirementFromMs: number;
  agents: readonly ScheduledAgentInput[];
  /** New-hire productivity by tenure week (the roster's ramp). */
  ramp: readonly number[];
}

/**
 * Expands shift rules, agents and the hourly requirement into a {@link ScheduleInstance}: the
 * planning days (site-local, luxon, so a DST change moves the UTC intervals), every template ×
 * start as a shift option, each hour's requirement spread evenly over its four 15-minute
 * intervals, and per agent and day the options it may work: inside employment, on a template of
 * its contract, inside its availability, not overlapping a recorded absence, and covering some
 * interval where a queue the agent may work needs anyone (no shift is offered where nothing is needed). Agents of a day are
 * grouped by the queues they are certified for (all required skills held that day) and ramp.
 *
 * Complexity: O(agents · days · options + queues · intervals).
 * @throws SchedulingInputError (field `weekStart`) when the date is not a Monday.
 * @example expandInstance({ rules, weekStart: '2026-06-01', weeks: 1, queues, requirementFromMs, agents, ramp: [0.25, 0.5, 0.75] }).intervals // 672
 */
export function expandInstance(input: InstanceInput): ScheduleInstance {
  const { rules } = input;
  const zone = rules.timeZone;
  const first = DateTime.fromISO(input.weekStart, { zone });
  if (!first.isValid || first.weekday !== 1) throw new SchedulingInputError('weekStart', 'must be a Monday (site-local date)');
  const startMs = first.toMillis();
  const endMs = first.plus({ weeks: input.weeks }).toMillis();
  const intervals = Math.round((endMs - startMs) / INTERVAL_MS);
  const options = shiftOptions(rules);
  const days: PlanningDay[] = [];
  for (let d = 0; d < input.weeks * 7; d++) {
    const date = first.plus({ days: d });
    const iso = date.toISODate()!;
    days.push({
      date: iso,
      weekday: WEEKDAYS[date.weekday - 1]!,
      week: Math.floor(d / 7),
      startInterval: options.map((o) => Math.round((DateTime.fromISO(`${iso}T${o.start}`, { zone }).toMillis() - startMs) / INTERVAL_MS)),
    });
  }
  const queues = input.queues.map((q) => ({
    queueId: q.queueId,
    requiredSkills: [...q.requiredSkills],
    required: Array.from({ length: intervals }, (_, t) => Math.max(0, q.requiredPerHour[Math.floor((startMs + t * INTERVAL_MS - input.requirementFromMs) / HOUR_MS)] ?? 0)),
  }));
  const groups: CoverageGroup[] = [];
  const groupIndex = new Map<string, number>();
  const groupOf = (queueIdx: number[], factor: number): number => {
    const key = `${queueIdx.join(',')}|${factor}`;
    let g = groupIndex.get(key);
    if (g === undefined) {
      groupIndex.set(key, (g = groups.length));
      groups.push({ queues: queueIdx, factor });
    }
    return g;
  };
  // Whether a set of queues needs anyone in an interval: a shift that meets no need is not offered.
  const needMemo = new Map<string, Uint8Array>();
  const needOf = (eligible: number[]) => {
    const key = eligible.join(',');
    let need = needMemo.get(key);
    if (!need) {
      need = new Uint8Array(intervals);
      for (const q of eligible) queues[q]!.required.forEach((r, t) => (r > 1e-9 ? (need![t] = 1) : undefined));
      needMemo.set(key, need);
    }
    return need;
  };
  const overrides = new Map(rules.agents.map((a) => [a.agentId, a]));
  const contracts = Object.fromEntries(rules.contracts.map((c) => [c.contractId, c]));
  const agents = input.agents.map((a): InstanceAgent => {
    const override = overrides.get(a.roster.agentId);
    const contractId = override?.contractId ?? rules.defaultContractId;
    const allowedTemplates = contracts[contractId]!.templateIds;
    return {
      agentId: a.roster.agentId,
      contractId,
      hourlyCost: a.hourlyCost,
      newHire: a.newHire ?? false,
      days: days.map((day) => {
        const skills = skillsOn(a.roster, day.date);
        const eligible = queues.flatMap((q, i) => (q.requiredSkills.every((s) => skills.includes(s)) ? [i] : []));
        const employed = day.date >= a.roster.startDate && (a.roster.departedOn === null || day.date <= a.roster.departedOn);
        const need = needOf(eligible);
        const allowed = employed
          ? options.flatMap((o, i) => {
              if (allowedTemplates && !allowedTemplates.includes(o.templateId)) return [];
              const first = day.startInterval[i]!;
              if (!need.subarray(Math.max(0, first), Math.max(0, first + o.lengthIntervals)).some((v) => v === 1)) return [];
              if (override?.availability && !insideAvailability(override.availability, day.weekday, o)) return [];
              const from = startMs + day.startInterval[i]! * INTERVAL_MS;
              const to = from + o.lengthIntervals * INTERVAL_MS;
              return a.roster.absences.some(([s, e]) => s < to && e > from) ? [] : [i];
            })
          : [];
        return { group: groupOf(eligible, rampFactor(a.roster, day.date, a.ramp ?? input.ramp)), options: allowed };
      }),
    };
  });
  return { startMs, intervals, days, queues, options, groups, agents, contracts, weights: rules.weights };
}

/** Every template at every allowed start. O(templates · starts). */
export function shiftOptions(rules: Pick<ShiftRules, 'templates'>): ShiftOption[] {
  return rules.templates.flatMap((t) =>
    t.starts.map((start) => ({
      templateId: t.templateId,
      start,
      lengthIntervals: t.lengthMinutes / INTERVAL_MINUTES,
      paidHours: (t.lengthMinutes - t.breaks.filter((b) => !b.paid).reduce((s, b) => s + b.minutes, 0)) / 60,
      breaks: t.breaks.map((b) => ({ kind: b.kind, lengthIntervals: b.minutes / INTERVAL_MINUTES, earliest: b.earliestAfterMinutes / INTERVAL_MINUTES, latest: b.latestAfterMinutes / INTERVAL_MINUTES, paid: b.paid })),
    })),
  );
}

/** Whether a shift lies inside one availability range of its weekday (and, past midnight, one of the next day's from 00:00). */
function insideAvailability(hours: OpeningHours, weekday: (typeof WEEKDAYS)[number], option: ShiftOption): boolean {
  const start = localMinutes(option.start);
  const end = start + option.lengthIntervals * INTERVAL_MINUTES;
  const today = hours[weekday];
  if (end <= 1440) return today.some((r) => localMinutes(r.from) <= start && localMinutes(r.to) >= end);
  const next = hours[WEEKDAYS[(WEEKDAYS.indexOf(weekday) + 1) % 7]!];
  return today.some((r) => localMinutes(r.from) <= start && r.to === '24:00') && next.some((r) => r.from === '00:00' && localMinutes(r.to) >= end - 1440);
}

