import { Query } from '@nestjs/cqrs';
import type { CapacityPlan } from '@staffcast/planning';
import type { RunSummary } from '@staffcast/scenarios';
import type { CapacityPlanRequest } from './capacity-plan.service.js';

/**
 * The capacity plan with a scenario's current assumptions applied (`POST /v1/plans` with
 * `scenarioId`). Asked on the query bus so that planning does not depend on the scenarios module
 * that answers it. Nothing is recorded: a recorded evaluation is a scenario run.
 */
export class PlanWithScenario extends Query<{ plan: CapacityPlan; baselinePosition: bigint; comparison: RunSummary }> {
  constructor(
    readonly scenarioId: string,
    readonly request: CapacityPlanRequest,
  ) {
    super();
  }
}
