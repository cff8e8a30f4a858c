import { checkRules, minimumShortfalls, type RuleViolation } from './check-rules.js';
import { greedySchedule } from './greedy-schedule.js';
import { improveBreaks } from './improve-breaks.js';
import { solveOnWorker, type MilpOptions, type MilpResult } from './highs-worker.js';
import { allocateCoverage } from './allocate-coverage.js';
import { readSolution } from './read-solution.js';
import { INTERVAL_HOURS, type Assignments, type ScheduleInstance } from './schedule-instance.js';
import { buildScheduleModel } from './schedule-model.js';
import { scheduleReport, type ScheduleReport } from './schedule-report.js';

export interface SolverSummary {
  /** `milp` when the MILP's schedule stands; `greedy` when HiGHS returned none, or the greedy start covers the 15-minute requirement better. */
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
 * (completed by the same model with shifts and breaks fixed). Breaks are then moved inside their
 * windows on the 15-minute grid (improveBreaks), the coverage measured exactly per interval
 * (allocateCoverage), and the greedy start kept instead if it still covers more.
 * When HiGHS returns no solution at all, the greedy schedule stands, so an answer always comes
 * back with its unmet requirement named. `seconds` is HiGHS's MILP time. `bucket: 1` makes the
 * coverage rows 15-minute too (exact, larger).
 *
 * @example await solveSchedule(instance, { timeLimitSeconds: 20, mipRelGap: 0.01 })
 */
export async function solveSchedule(instance: ScheduleInstance, options: MilpOptions & { bucket?: number }): Promise<ScheduleOutcome> {
  const bucket = options.bucket ?? MODEL_BUCKET;
  const greedy = greedySchedule(instance);
  const start = await solveOnWorker(buildScheduleModel(instance, greedy, bucket).milp, { timeLimitSeconds: options.timeLimitSeconds, mipRelGap: 0 }).catch(solverFailed);
  const model = buildScheduleModel(instance, undefined, bucket);
  const result = await solveOnWorker(model.milp, { timeLimitSeconds: options.timeLimitSeconds, mipRelGap: options.mipRelGap, ...(start.colValue ? { start: start.colValue } : {}) }).catch(solverFailed);
  const size = { columns: model.milp.colCost.length, rows: model.milp.rowLower.length };
  const solution = result.colValue ?? start.colValue;
  if (!solution) {
    const short = minimumShortfalls(instance, greedy);
    return outcome(instance, greedy, allocateCoverage(instance, greedy).covered, short.hoursShort, short.daysShort, { method: 'greedy', ...pick(result), ...size });
  }
  const solved = readSolution(instance, model, solution);
  // The hourly model cannot see where in its hour a break sits: place breaks on the 15-minute grid.
  solved.assignments = improveBreaks(instance, solved.assignments, 1);
  const { covered } = allocateCoverage(instance, solved.assignments);
  // Keep the greedy start when it still serves the 15-minute requirement better.
  if (result.colValue && start.colValue) {
    const startCovered = allocateCoverage(instance, greedy).covered;
    if (underHours(instance, startCovered) < underHours(instance, covered) - 1e-9) {
      const fallback = readSolution(instance, model, start.colValue);
      return outcome(instance, greedy, startCovered, fallback.hoursShort, fallback.daysShort, { method: 'greedy', ...pick(result), ...size });
    }
  }
  return outcome(instance, solved.assignments, covered, solved.hoursShort, solved.daysShort, { method: result.colValue ? 'milp' : 'greedy', ...pick(result), ...size });
}

/** Required agent-hours a coverage leaves unmet. O(queues · intervals). */
export function underHours(instance: ScheduleInstance, covered: readonly (readonly number[])[]): number {
  let under = 0;
  instance.queues.forEach((q, qi) => q.required.forEach((r, t) => (under += Math.max(0, r - covered[qi]![t]!) * INTERVAL_HOURS)));
  return under;
}

/** A HiGHS worker that failed (it could not load the model, or died): no solution, the greedy schedule stands. */
function solverFailed(error: unknown): MilpResult {
  return { status: `solver-error: ${error instanceof Error ? error.message : String(error)}`.slice(0, 40), colValue: null, objective: null, lowerBound: null, mipGap: null, seconds: 0 };
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
