/**
 * @staffcast/scenarios — what-if scenarios over the capacity plan, pure.
 *
 * - `Assumption`: the eight validated assumption kinds (launch, volume-multiplier, aht-change,
 *   service-target, shrinkage, hires, attrition, local-team-move).
 * - Events and decider of `scenario-<id>` streams: `ScenarioCreated`, `ScenarioAssumptionAdded`,
 *   `ScenarioAssumptionRemoved`, `ScenarioRunRecorded`, `scenarioDecider`, `parseScenarioEvent`.
 * - Applying assumptions to a baseline plan's inputs (`applyScenario`), one concept per file:
 *   `affectedShare`, `coveredFraction`, `attritionSurvival`, `hiredAgent`, `payrollCost`.
 * - Runs: `RunRequest`, `RunSummary`, `compareRuns`, `runMetrics`, `comparisonRows`.
 */
export * from './assumptions.js';
export * from './scenario-events.js';
export * from './scenario-decider.js';
export * from './scenario-input-error.js';
export * from './affected-share.js';
export * from './covered-fraction.js';
export * from './attrition-survival.js';
export * from './hired-agent.js';
export * from './payroll-cost.js';
export * from './apply-scenario.js';
export * from './run.js';
