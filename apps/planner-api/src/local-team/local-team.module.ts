import { Module } from '@nestjs/common';
import { PlanningModule } from '../planning/planning.module.js';
import { LocalTeamController } from './local-team.controller.js';
import { DraftLocalTeamPlanHandler, GetLocalTeamProjectionHandler, ListLocalTeamPlansHandler, ReviseLocalTeamPlanHandler } from './local-team.handlers.js';
import { LocalTeamPlanRepository } from './local-team-plan.repository.js';

/** Local-team scoping: plans, revisions and projections. The store and config come from the global AppModule. */
@Module({
  imports: [PlanningModule],
  controllers: [LocalTeamController],
  providers: [LocalTeamPlanRepository, DraftLocalTeamPlanHandler, ReviseLocalTeamPlanHandler, GetLocalTeamProjectionHandler, ListLocalTeamPlansHandler],
})
export class LocalTeamModule {}
