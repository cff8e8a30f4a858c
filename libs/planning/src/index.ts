/**
 * @staffcast/planning — pure planning functions over forecasts: hourly staffing requirements per
 * queue and per required skill set, from the queue's channel, opening hours and service target.
 */
export { openHours } from './opening-hours.js';
export { queueRequirements, requirementsBySkillSet, type QueueRequirementInput, type HourRequirement } from './queue-requirements.js';
export { allocateRoster } from './roster-allocation.js';
export { projectedService, type ProjectedService } from './projected-service.js';
