/**
 * @staffcast/local-team — scoping a new in-market support team (DESIGN §3.8).
 *
 * - Plan inputs: `LocalTeamPlanInput` (the API body), `LocalTeamPlanRevisionInput`, `exampleLocalTeamPlan`.
 * - Events and decider of `local-team-plan-<id>` streams: `LocalTeamPlanDrafted`, `LocalTeamPlanRevised`,
 *   `localTeamPlanDecider`, `parseLocalTeamPlanEvent`.
 * - The model, one concept per file: months, takeover phases, coverage hours, volume spreading,
 *   forecast carrying, cohort kernel (training, yield, ramp, attrition hazard), just-in-time hiring,
 *   workforce roll-up, support staff, local and offshore-equivalent costs, break-even, build-out.
 */
export * from './plan-month.js';
export * from './plan-input.js';
export * from './plan-events.js';
export * from './plan-decider.js';
export * from './example-plan.js';
export * from './local-team-input-error.js';
export * from './takeover.js';
export * from './coverage-hours.js';
export * from './volume-spread.js';
export * from './month-of-year-pattern.js';
export * from './forecast-carry.js';
export * from './hourly-forecast-shape.js';
export * from './weeks-to-months.js';
export * from './attrition-hazard.js';
export * from './ramp-productivity.js';
export * from './cohort-kernel.js';
export * from './hiring-schedule.js';
export * from './workforce.js';
export * from './support-staff.js';
export * from './local-cost.js';
export * from './offshore-equivalent-cost.js';
export * from './break-even.js';
export * from './build-out.js';
export * from './queue-profiles.js';
export * from './queue-demand.js';
export * from './fte-from-agent-hours.js';
export * from './hourly-requirement.js';
export * from './expected-service-level.js';
export * from './queue-staffing.js';
export * from './async-queue-requirement.js';
export * from './local-calendar.js';
export * from './requirement-model.js';
export * from './sensitivity.js';
export * from './projection.js';
export * from './as-of.js';
export * from './recorded-plan.js';
export * from './projection-csv.js';
