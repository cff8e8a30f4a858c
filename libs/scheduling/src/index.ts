/**
 * @staffcast/scheduling — schedule generation: shift rules and the roster's agents
 * expanded into a 15-minute instance (`expandInstance`), the schedule MILP (`buildScheduleModel`),
 * solved by HiGHS on a worker thread (`solveOnWorker`, `solveSchedule`), read back
 * (`readSolution`), checked against every rule (`checkRules`), reported (`scheduleReport`), and
 * the greedy baseline it is measured against (`greedySchedule`).
 */
export * from './schedule-instance.js';
export { expandInstance, shiftOptions, type InstanceInput, type ScheduledAgentInput } from './expand-instance.js';
export { MilpBuilder, lpRelaxation, type SparseMilp } from './sparse-milp.js';
export { buildScheduleModel, type ModelIndex, type ScheduleModel } from './schedule-model.js';
export { solveOnWorker, type MilpOptions, type MilpResult } from './highs-worker.js';
export { readSolution, type SolvedSchedule } from './read-solution.js';
export { checkRules, agentViolations, type RuleViolation } from './check-rules.js';
export { scheduleReport, type ScheduleReport, type QueueCoverage, type UnmetRequirement, type UnmetReason } from './schedule-report.js';
export { greedySchedule } from './greedy-schedule.js';
export { improveBreaks } from './improve-breaks.js';
export { solveSchedule, underHours, MODEL_BUCKET, type ScheduleOutcome, type SolverSummary } from './solve-schedule.js';
export { allocateCoverage, groupCapacity } from './allocate-coverage.js';
export { SchedulingInputError } from './scheduling-input-error.js';
export { shiftRulesDecider, scheduleDecider, type ShiftRulesState, type ShiftRulesCommand, type ScheduleState, type ScheduleCommand } from './schedule-deciders.js';
export { projectedServiceByHour, type QueueHourService } from './projected-service-by-hour.js';
export { scheduleCsv, SCHEDULE_CSV_COLUMNS } from './schedule-csv.js';
