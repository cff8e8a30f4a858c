import { Module, type DynamicModule, type OnApplicationShutdown, Inject } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import type { AppConfig } from '@staffcast/config';
import type { EventStore } from '@staffcast/event-store';
import { AuditModule } from './audit/audit.module.js';
import { HealthController } from './health/health.controller.js';
import { WhoAmIController } from './health/whoami.controller.js';
import { AuthGuard } from './http/auth.js';
import { ErrorFilter } from './http/error.filter.js';
import { ForecastingModule } from './forecasting/forecasting.module.js';
import { LocalTeamModule } from './local-team/local-team.module.js';
import { ScenariosModule } from './scenarios/scenarios.module.js';
import { SchedulesModule } from './schedules/schedules.module.js';
import { PlanningModule } from './planning/planning.module.js';
import { ProjectionsModule } from './projections/projections.module.js';
import { RecordingModule } from './recording/recording.module.js';
import { StaffingModule } from './staffing/staffing.module.js';
import { APP_CONFIG, EVENT_STORE } from './tokens.js';

class StoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

@Module({})
export class AppModule {
  /** The store is opened by the caller (main or a test) so that start-up fails before Nest boots. */
  static forRoot(config: AppConfig, store: EventStore): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [CqrsModule.forRoot(), RecordingModule, LocalTeamModule, ForecastingModule, StaffingModule, ProjectionsModule, PlanningModule, ScenariosModule, AuditModule, SchedulesModule],
      controllers: [HealthController, WhoAmIController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: EVENT_STORE, useValue: store },
        StoreLifecycle,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
      ],
      exports: [APP_CONFIG, EVENT_STORE],
    };
  }
}
