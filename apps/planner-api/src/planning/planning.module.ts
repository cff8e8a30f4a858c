import { Module } from '@nestjs/common';
import { ProjectionsModule } from '../projections/projections.module.js';
import { CapacityPlanner } from './capacity-plan.service.js';
import { ForecastMemo } from './forecast-memo.js';
import { ForecastPublisher } from './forecast-publication.service.js';
import { PlanningController } from './planning.controller.js';
import { GetCapacityPlanHandler, GetQueueForecastsHandler } from './planning.handlers.js';
import { PlanningFactsReader } from './planning-facts.service.js';
import { QueueForecaster } from './queue-forecast.service.js';

/** Queue forecasts and staffing requirements, from the projections and the recorded queue facts. */
@Module({
  imports: [ProjectionsModule],
  controllers: [PlanningController],
  providers: [PlanningFactsReader, { provide: ForecastMemo, useFactory: () => new ForecastMemo() }, QueueForecaster, ForecastPublisher, CapacityPlanner, GetCapacityPlanHandler, GetQueueForecastsHandler],
  exports: [QueueForecaster, PlanningFactsReader, CapacityPlanner],
})
export class PlanningModule {}
