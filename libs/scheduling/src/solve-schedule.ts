import { checkRules, type RuleViolation } from './check-rules.js';
import { greedySchedule } from './greedy-schedule.js';
import { solveOnWorker, type MilpOptions } from './highs-worker.js';
import { allocateCoverage } from './allocate-coverage.js';
import { readSolution } from './read-solution.js';
import type { Assignments, ScheduleInstance } from './schedule-instance.js';
import { buildScheduleModel } from './schedule-model.js';
import { scheduleReport, type ScheduleReport } from './schedule-report.js';

export interface SolverSummary {
  /** `milp` when HiGHS returned a schedule; `greedy` when it returned none and the greedy start stands. */
  method: 'milp' | 'greedy';
  status: string;
  objective: number | null;
  lowerBound: number | null;
  mipGap: number | null;
  seconds: number;
  columns: number;
  rows: number;
}

export interface ScheduleOutcome {
  assignments: Assignments;
  report: ScheduleReport;
  solver: SolverSummary;
  /** Agents' paid hours and days below their contract minimums (summed over weeks). */
  contractShortfall: { agentId: string; hours: number; days: number }[];
  violations: RuleViolation[];
}

/** Intervals per coverage bucket of the optimised model: hourly, the plan's own granularity. */
export const MODEL_BUCKET = 4;

/**
 * Schedules an instance: shifts and breaks on the 15-minute grid, chosen by the MILP on a HiGHS
 * worker (time limit, relative gap) whose coverage rows are hourly (the plan's granularity; an
 * hour's requirement against the productive agent-hours the schedule gives it, so the bound it
 * proves is a lower bound for the 15-minute measure too). HiGHS starts from the greedy schedule
 * (completed by the same model with shifts and breaks fixed), so it never returns anything worse.
 * The schedule's coverage is then measured exactly per 15-minute interval (allocateCoverage).
 * When HiGHS returns no solution at all, the greedy schedule stands, so an answer always comes
 * back with its unmet requirement named. `seconds` is HiGHS's MILP time. `bucket: 1` makes the
 * coverage rows 15-minute too (exact, larger).
 *
 * @example await solveSchedule(instance, { timeLimitSeconds: 20, mipRelGap: 0.01 })
 */
export async function solveSchedule(instance: ScheduleInstance, options: MilpOptions & { bucket?: number }): Promise<ScheduleOutcome> {
  const bucket = options.bucket ?? MODEL_BUCKET;
  const greedy = greedySchedule(instance);
  const start = await solveOnWorker(buildScheduleModel(instance, greedy, bucket).milp, { timeLimitSeconds: options.timeLimitSeconds, mipRelGap: 0 });
  const model = buildScheduleModel(instance, undefined, bucket);
  const result = await solveOnWorker(model.milp, { timeLimitSeconds: options.timeLimitSeconds, mipRelGap: options.mipRelGap, ...(start.colValue ? { start: start.colValue } : {}) });
  const size = { columns: model.milp.colCost.length, rows: model.milp.rowLower.length };
  const solution = result.colValue ?? start.colValue;
  if (!solution) throw new Error(`HiGHS found no schedule, not even the greedy one (status ${result.status})`);
  const solved = readSolution(instance, model, solution);
  const { covered } = allocateCoverage(instance, solved.assignments);
  return outcome(instance, solved.assignments, covered, solved.hoursShort, solved.daysShort, { method: result.colValue ? 'milp' : 'greedy', ...pick(result), ...size });
}

function pick(r: { status: string; objective: number | null; lowerBound: number | null; mipGap: number | null; seconds: number }) {
  return { status: r.status, objective: r.objective, lowerBound: r.lowerBound, mipGap: r.mipGap, seconds: r.seconds };
}

function outcome(instance: ScheduleInstance, assignments: Assignments, covered: number[][], hoursShort: number[], daysShort: number[], solver: SolverSummary): ScheduleOutcome {
  return {
    assignments,
    report: scheduleReport(instance, assignments, covered),
    solver,
    contractShortfall: instance.agents.flatMap((a, i) => (hoursShort[i]! > 1e-6 || daysShort[i]! > 1e-6 ? [{ agentId: a.agentId, hours: hoursShort[i]!, days: daysShort[i]! }] : [])),
    violations: checkRules(instance, assignments, hoursShort, daysShort),
  };
}
