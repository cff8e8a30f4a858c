import { checkRules, type RuleViolation } from './check-rules.js';
import { greedySchedule } from './greedy-schedule.js';
import { solveOnWorker, type MilpOptions } from './highs-worker.js';
import { readSolution } from './read-solution.js';
import type { Assignments, ScheduleInstance } from './schedule-instance.js';
import { buildScheduleModel } from './schedule-model.js';
import { scheduleReport, type ScheduleReport } from './schedule-report.js';

export interface SolverSummary {
  /** `milp` when HiGHS returned a schedule; `greedy` when it found none in time and the greedy schedule stands in. */
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

/**
 * Schedules an instance with the MILP on a HiGHS worker (time limit, relative gap). When HiGHS
 * returns no solution in time, the greedy schedule is used instead, its time allocated optimally
 * (the model with every shift and break fixed), so an answer always comes back with its unmet
 * requirement named.
 *
 * @example await solveSchedule(instance, { timeLimitSeconds: 20, mipRelGap: 0.01 })
 */
export async function solveSchedule(instance: ScheduleInstance, options: MilpOptions): Promise<ScheduleOutcome> {
  const model = buildScheduleModel(instance);
  const result = await solveOnWorker(model.milp, options);
  const size = { columns: model.milp.colCost.length, rows: model.milp.rowLower.length };
  if (result.colValue) {
    const solved = readSolution(instance, model, result.colValue);
    return outcome(instance, solved.assignments, solved.covered, solved.hoursShort, solved.daysShort, { method: 'milp', ...pick(result), ...size });
  }
  const assignments = greedySchedule(instance);
  const evaluated = await evaluateSchedule(instance, assignments);
  return outcome(instance, assignments, evaluated.covered, evaluated.hoursShort, evaluated.daysShort, { method: 'greedy', ...pick(result), ...size });
}

/**
 * Coverage of a given schedule with its agents' time allocated to queues optimally: the model
 * with x and z fixed to the schedule is a linear program. Contract minimum shortfalls come out of
 * the same solve.
 */
export async function evaluateSchedule(instance: ScheduleInstance, assignments: Assignments): Promise<{ covered: number[][]; hoursShort: number[]; daysShort: number[]; seconds: number }> {
  const model = buildScheduleModel(instance, assignments);
  const result = await solveOnWorker(model.milp, { timeLimitSeconds: 600, mipRelGap: 0 });
  if (!result.colValue) throw new Error(`evaluating a fixed schedule: HiGHS status ${result.status}`);
  return { ...readSolution(instance, model, result.colValue), seconds: result.seconds };
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
