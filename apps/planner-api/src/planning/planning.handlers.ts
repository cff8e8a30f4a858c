import { Inject } from '@nestjs/common';
import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CapacityPlanner } from './capacity-plan.service.js';
import { GetCapacityPlan, GetQueueForecasts, PlanWithScenario, type PlanAnswer } from './planning.messages.js';
import { QueueForecaster, type QueueForecast } from './queue-forecast.service.js';

/** The plan of the roster as it stands, or asks the scenarios module for the plan with a scenario applied. */
@QueryHandler(GetCapacityPlan)
export class GetCapacityPlanHandler implements IQueryHandler<GetCapacityPlan> {
  constructor(
    @Inject(CapacityPlanner) private readonly planner: CapacityPlanner,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  async execute({ request, scenarioId }: GetCapacityPlan): Promise<PlanAnswer> {
    if (scenarioId === undefined) return { plan: await this.planner.plan(request) };
    const { plan, baselinePosition, comparison } = await this.queries.execute(new PlanWithScenario(scenarioId, request));
    return { plan, scenario: { scenarioId, baselinePosition: String(baselinePosition), comparison } };
  }
}

@QueryHandler(GetQueueForecasts)
export class GetQueueForecastsHandler implements IQueryHandler<GetQueueForecasts> {
  constructor(@Inject(QueueForecaster) private readonly forecaster: QueueForecaster) {}

  async execute({ request }: GetQueueForecasts): Promise<{ forecasts: QueueForecast[] }> {
    const { forecasts } = await this.forecaster.forecast(request);
    return { forecasts };
  }
}
