import { Command, Query } from '@nestjs/cqrs';
import type { CapacityPlan } from '@staffcast/planning';
import type { Assumption, RunRequest, ScenarioRunRecordedData, ScenarioState } from '@staffcast/scenarios';
import type { RequestContext } from '../http/request-context.js';

/** Create a scenario under the client's id (a retry with the same content creates nothing), else a fresh UUIDv7 of the request time. */
export class CreateScenario extends Command<{ scenarioId: string; created: boolean }> {
  constructor(
    readonly scenarioId: string | undefined,
    readonly name: string,
    readonly description: string | undefined,
    readonly ctx: RequestContext,
    readonly requestTimeMs: number,
  ) {
    super();
  }
}

/** Add an assumption; `assumptionId` makes a retried request idempotent, else a fresh id is minted. */
export class AddAssumption extends Command<{ assumptionId: string; added: boolean }> {
  constructor(
    readonly scenarioId: string,
    readonly assumptionId: string | undefined,
    readonly assumption: Assumption,
    readonly ctx: RequestContext,
    readonly requestTimeMs: number,
  ) {
    super();
  }
}

export class RemoveAssumption extends Command<void> {
  constructor(
    readonly scenarioId: string,
    readonly assumptionId: string,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}

/**
 * Evaluate the scenario on the baseline at the log head now, and record the run. `runId` makes a
 * retried request idempotent (the run recorded under it is returned, `recorded: false`), else a
 * fresh id is minted.
 */
export class RunScenario extends Command<{ run: ScenarioRunRecordedData; recorded: boolean }> {
  constructor(
    readonly scenarioId: string,
    readonly runId: string | undefined,
    readonly request: RunRequest,
    readonly ctx: RequestContext,
    readonly requestTimeMs: number,
  ) {
    super();
  }
}

export class GetScenario extends Query<Extract<ScenarioState, { status: 'created' }>> {
  constructor(readonly scenarioId: string) {
    super();
  }
}

/** A recorded run, re-evaluated from its recorded position and assumptions. */
export interface RunResult {
  run: ScenarioRunRecordedData;
  baseline: CapacityPlan;
  scenario: CapacityPlan;
  /** True when the re-evaluation's rows hash to the recorded digest and its summary equals the recorded one. */
  reproduced: boolean;
}

export class GetScenarioRun extends Query<RunResult> {
  constructor(
    readonly scenarioId: string,
    readonly runId: string,
  ) {
    super();
  }
}

/** One scenario in the list: its name, how many assumptions it holds now, and its latest run. */
export interface ScenarioListing {
  scenarioId: string;
  name: string;
  description?: string;
  assumptions: number;
  runs: number;
  lastRun?: { runId: string; ranAt: string };
}

/** Every scenario, newest first (scenario ids are UUIDv7 of their creation unless a client chose one). */
export class ListScenarios extends Query<{ scenarios: ScenarioListing[] }> {}
