import { Module } from '@nestjs/common';
import { PlanningModule } from '../planning/planning.module.js';
import { ProjectionsModule } from '../projections/projections.module.js';
import { ScenarioEvaluator } from './scenario-evaluator.service.js';
import { ScenarioRepository } from './scenario.repository.js';
import { ScenariosController } from './scenarios.controller.js';
import { AddAssumptionHandler, CreateScenarioHandler, GetScenarioHandler, GetScenarioRunHandler, ListScenariosHandler, PlanWithScenarioHandler, RemoveAssumptionHandler, RunScenarioHandler } from './scenarios.handlers.js';

/** What-if scenarios over the capacity plan. The store and config come from the global AppModule. */
@Module({
  imports: [PlanningModule, ProjectionsModule],
  controllers: [ScenariosController],
  providers: [ScenarioRepository, ScenarioEvaluator, CreateScenarioHandler, AddAssumptionHandler, RemoveAssumptionHandler, RunScenarioHandler, GetScenarioHandler, GetScenarioRunHandler, ListScenariosHandler, PlanWithScenarioHandler],
})
export class ScenariosModule {}
