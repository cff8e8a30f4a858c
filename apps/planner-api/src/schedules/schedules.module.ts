import { Module } from '@nestjs/common';
import { PlanningModule } from '../planning/planning.module.js';
import { ProjectionsModule } from '../projections/projections.module.js';
import { ScheduleRunner } from './schedule-runner.service.js';
import { ScheduleRepository } from './schedule.repository.js';
import { SchedulesController } from './schedules.controller.js';
import { GetScheduleHandler, GetShiftRulesHandler, PublishScheduleHandler, RunScheduleHandler, SetShiftRulesHandler } from './schedules.handlers.js';

/** Shift rules, schedule runs and publication. The store comes from the global AppModule. */
@Module({
  imports: [PlanningModule, ProjectionsModule],
  controllers: [SchedulesController],
  providers: [ScheduleRepository, ScheduleRunner, SetShiftRulesHandler, GetShiftRulesHandler, RunScheduleHandler, PublishScheduleHandler, GetScheduleHandler],
})
export class SchedulesModule {}
