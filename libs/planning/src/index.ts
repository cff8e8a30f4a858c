/**
 * @staffcast/planning — pure planning functions over forecasts: hourly staffing requirements per
 * queue and per required skill set, from the queue's channel, opening hours and service target;
 * the roster's supply per agent; and the capacity plan (requirement, roster, gap, projected service).
 */
export { openHours } from './opening-hours.js';
export { queueRequirements, requirementsBySkillSet, type QueueRequirementInput, type HourRequirement } from './queue-requirements.js';
export { allocateRoster } from './roster-allocation.js';
export { projectedService, type ProjectedService } from './projected-service.js';
export { agentSupply, type AgentSupply } from './agent-supply.js';
export { buildCapacityPlan, summarisePeriod, type CapacityPlan, type CapacityPlanInputs, type PlanQueueInput, type PlanRow, type PeriodSummary, type QueuePlanSummary } from './capacity-plan.js';
export { PLAN_COLUMNS, csvCell, toCsv, planCsv } from './plan-csv.js';
