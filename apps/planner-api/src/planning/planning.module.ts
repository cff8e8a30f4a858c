import { availableParallelism } from 'node:os';
import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@staffcast/config';
import { ProjectionsModule } from '../projections/projections.module.js';
import { APP_CONFIG } from '../tokens.js';
import { CapacityPlanner } from './capacity-plan.service.js';
import { ForecastMemo } from './forecast-memo.js';
import { ForecastPublisher } from './forecast-publication.service.js';
import { ForecastWorkerPool, inProcessForecaster, type SeriesForecaster } from './forecast-workers.js';
import { IntradayForecastHandler } from './intraday.handler.js';
import { PlanningController } from './planning.controller.js';
import { GetCapacityPlanHandler, GetQueueForecastsHandler } from './planning.handlers.js';
import { PlanningFactsReader } from './planning-facts.service.js';
import { QueueForecaster } from './queue-forecast.service.js';

const SERIES_FORECASTER = Symbol('SERIES_FORECASTER');

/** Queue forecasts and staffing requirements, from the projections and the recorded queue facts. */
@Module({
  imports: [ProjectionsModule],
  controllers: [PlanningController],
  providers: [
    PlanningFactsReader,
    {
      provide: SERIES_FORECASTER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): SeriesForecaster => {
        const workers = config.FORECAST_WORKERS ?? availableParallelism();
        return workers === 0 ? inProcessForecaster : new ForecastWorkerPool(workers);
      },
    },
    { provide: ForecastMemo, inject: [SERIES_FORECASTER], useFactory: (forecaster: SeriesForecaster) => new ForecastMemo(undefined, forecaster) },
    QueueForecaster,
    ForecastPublisher,
    CapacityPlanner,
    IntradayForecastHandler,
    GetCapacityPlanHandler,
    GetQueueForecastsHandler,
  ],
  exports: [QueueForecaster, PlanningFactsReader, CapacityPlanner],
})
export class PlanningModule implements OnApplicationShutdown {
  constructor(@Inject(SERIES_FORECASTER) private readonly forecaster: SeriesForecaster) {}

  async onApplicationShutdown(): Promise<void> {
    await this.forecaster.close();
  }
}
