/**
 * @staffcast/local-team — scoping a new in-market support team.
 *
 * - Plan inputs: `LocalTeamPlanInput` (the API body), `LocalTeamPlanRevisionInput`, `exampleLocalTeamPlan`.
 * - Events and decider of `local-team-plan-<id>` streams: `LocalTeamPlanDrafted`, `LocalTeamPlanRevised`,
 *   `localTeamPlanDecider`, `parseLocalTeamPlanEvent`.
 * - The model, one concept per file, in folders by job:
 *   - `plan/`: the plan's input, events, decider, recorded plans and as-of reads;
 *   - `demand/`: months, takeover phases, coverage hours, volume spreading and forecast carrying;
 *   - `workforce/`: the cohort kernel (training, yield, ramp, attrition hazard), just-in-time hiring,
 *     the workforce roll-up and support staff;
 *   - `staffing/`: hourly requirements and the service level they give;
 *   - `cost/`: local and offshore-equivalent costs and break-even;
 *   - `projection/`: the build-out, its projection, sensitivity and CSV.
 */
export * from './plan/plan-month.js';
export * from './plan/plan-input.js';
export * from './plan/plan-events.js';
export * from './plan/plan-decider.js';
export * from './plan/example-plan.js';
export * from './plan/local-team-input-error.js';
export * from './demand/takeover.js';
export * from './demand/coverage-hours.js';
export * from './demand/volume-spread.js';
export * from './demand/month-of-year-pattern.js';
export * from './demand/forecast-carry.js';
export * from './demand/hourly-forecast-shape.js';
export * from './demand/weeks-to-months.js';
export * from './workforce/attrition-hazard.js';
export * from './workforce/ramp-productivity.js';
export * from './workforce/cohort-kernel.js';
export * from './workforce/hiring-schedule.js';
export * from './workforce/workforce.js';
export * from './workforce/support-staff.js';
export * from './cost/local-cost.js';
export * from './cost/offshore-equivalent-cost.js';
export * from './cost/break-even.js';
export * from './projection/build-out.js';
export * from './demand/queue-profiles.js';
export * from './demand/queue-demand.js';
export * from './workforce/fte-from-agent-hours.js';
export * from './staffing/hourly-requirement.js';
export * from './staffing/expected-service-level.js';
export * from './staffing/queue-staffing.js';
export * from './staffing/async-queue-requirement.js';
export * from './demand/local-calendar.js';
export * from './staffing/requirement-model.js';
export * from './projection/sensitivity.js';
export * from './projection/projection.js';
export * from './plan/as-of.js';
export * from './plan/recorded-plan.js';
export * from './projection/projection-csv.js';
