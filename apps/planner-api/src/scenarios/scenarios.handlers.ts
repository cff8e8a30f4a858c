import { Inject, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { CommandHandler, QueryHandler, type ICommandHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ConcurrencyError, DuplicateEventIdError, uuidv7 } from '@staffcast/event-store';
import { sameData } from '@staffcast/events';
import { ScenarioInputError, ScenarioRunRecordedData, scenarioDecider, type RunRequest, type ScenarioState } from '@staffcast/scenarios';
import { ValidationError } from '../http/validation.js';
import { PlanWithScenario } from '../planning/planning.messages.js';
import { ScenarioEvaluator, type Evaluation } from './scenario-evaluator.service.js';
import { ScenarioRepository } from './scenario.repository.js';
import { AddAssumption, CreateScenario, GetScenario, GetScenarioRun, ListScenarios, RemoveAssumption, RunScenario, type RunResult, type ScenarioListing } from './scenarios.messages.js';

/** Another writer appended to the stream first (expected revision, or the revision-derived event id, taken). */
function isWriteConflict(error: unknown): boolean {
  return error instanceof ConcurrencyError || error instanceof DuplicateEventIdError;
}

function notFound(path: string, message: string): NotFoundException {
  return new NotFoundException({ error: 'not found', issues: [{ path, message }] });
}

/** An assumption that cannot apply to the plan it meets is a 422 naming it; the request itself was well-formed. */
async function evaluateOr422(evaluate: () => Promise<Evaluation>): Promise<Evaluation> {
  try {
    return await evaluate();
  } catch (error) {
    if (error instanceof ScenarioInputError) throw new UnprocessableEntityException({ error: 'scenario cannot be evaluated', issues: [{ path: error.field, message: error.reason }] });
    throw error;
  }
}

@CommandHandler(CreateScenario)
export class CreateScenarioHandler implements ICommandHandler<CreateScenario> {
  constructor(@Inject(ScenarioRepository) private readonly scenarios: ScenarioRepository) {}

  async execute({ scenarioId: requestedId, name, description, ctx, requestTimeMs }: CreateScenario): Promise<{ scenarioId: string; created: boolean }> {
    const scenarioId = requestedId ?? uuidv7(requestTimeMs);
    const command = { type: 'CreateScenario' as const, scenarioId, name, ...(description !== undefined ? { description } : {}) };
    const { state, expectedRevision } = await this.scenarios.load(scenarioId);
    const events = scenarioDecider.decide(command, state);
    try {
      await this.scenarios.append(scenarioId, events, expectedRevision, ctx);
    } catch (error) {
      // A concurrent retry created it first: that is this create, done (anything else stays a conflict).
      if (!isWriteConflict(error) || scenarioDecider.decide(command, (await this.scenarios.load(scenarioId)).state).length > 0) throw error;
      return { scenarioId, created: false };
    }
    return { scenarioId, created: events.length > 0 };
  }
}

@CommandHandler(AddAssumption)
export class AddAssumptionHandler implements ICommandHandler<AddAssumption> {
  constructor(@Inject(ScenarioRepository) private readonly scenarios: ScenarioRepository) {}

  async execute({ scenarioId, assumptionId, assumption, ctx, requestTimeMs }: AddAssumption): Promise<{ assumptionId: string; added: boolean }> {
    const { state, expectedRevision } = await this.scenarios.load(scenarioId);
    const id = assumptionId ?? uuidv7(requestTimeMs);
    const events = scenarioDecider.decide({ type: 'AddAssumption', scenarioId, assumptionId: id, assumption }, state);
    await this.scenarios.append(scenarioId, events, expectedRevision, ctx);
    return { assumptionId: id, added: events.length > 0 };
  }
}

@CommandHandler(RemoveAssumption)
export class RemoveAssumptionHandler implements ICommandHandler<RemoveAssumption> {
  constructor(@Inject(ScenarioRepository) private readonly scenarios: ScenarioRepository) {}

  async execute({ scenarioId, assumptionId, ctx }: RemoveAssumption): Promise<void> {
    const { state, expectedRevision } = await this.scenarios.load(scenarioId);
    await this.scenarios.append(scenarioId, scenarioDecider.decide({ type: 'RemoveAssumption', scenarioId, assumptionId }, state), expectedRevision, ctx);
  }
}

@CommandHandler(RunScenario)
export class RunScenarioHandler implements ICommandHandler<RunScenario> {
  constructor(
    @Inject(ScenarioRepository) private readonly scenarios: ScenarioRepository,
    @Inject(ScenarioEvaluator) private readonly evaluator: ScenarioEvaluator,
  ) {}

  async execute({ scenarioId, runId, request, ctx, requestTimeMs }: RunScenario): Promise<{ run: ScenarioRunRecordedData; recorded: boolean }> {
    const loaded = await this.scenarios.load(scenarioId);
    if (loaded.state.status === 'none') throw notFound('id', `no scenario ${scenarioId}`);
    // A retry of a recorded run answers with that run, without evaluating again (the decider says whether it is one).
    const recorded = runId === undefined ? undefined : loaded.state.runs.find((r) => r.runId === runId);
    if (recorded && scenarioDecider.decide({ type: 'RecordRun', run: { ...recorded, request } }, loaded.state).length === 0) return { run: recorded, recorded: false };
    const assumptions = loaded.state.assumptions;
    const position = await this.scenarios.headPosition();
    const evaluation = await evaluateOr422(() => this.evaluator.evaluate(request, position, assumptions));
    const run = ScenarioRunRecordedData.safeParse({
      scenarioId,
      runId: runId ?? uuidv7(requestTimeMs),
      ranAt: new Date(requestTimeMs).toISOString(),
      baselinePosition: position.toString(),
      request,
      assumptions,
      summary: evaluation.summary,
      digest: evaluation.digest,
    });
    // Only a run that reads back as a valid event is recorded (a stored event that does not parse would break the scenario).
    if (!run.success) {
      const issue = run.error.issues[0]!;
      throw new UnprocessableEntityException({ error: 'scenario run cannot be recorded', issues: [{ path: `run.${issue.path.join('.')}`, message: issue.message }] });
    }
    // The run carries the assumptions it used, so an assumption added meanwhile does not make it wrong: record it at the stream's revision now.
    const recordedMeanwhile = (state: ScenarioState) =>
      state.status === 'created' && scenarioDecider.decide({ type: 'RecordRun', run: run.data }, state).length === 0 ? state.runs.find((r) => r.runId === run.data.runId) : undefined;
    const now = await this.scenarios.load(scenarioId);
    // Nothing to record: the same run was recorded by a concurrent retry meanwhile; answer with that one.
    const earlier = recordedMeanwhile(now.state);
    if (earlier) return { run: earlier, recorded: false };
    try {
      await this.scenarios.append(scenarioId, scenarioDecider.decide({ type: 'RecordRun', run: run.data }, now.state), now.expectedRevision, ctx);
    } catch (error) {
      // The same, if the retry got there between that read and this append.
      const raced = isWriteConflict(error) ? recordedMeanwhile((await this.scenarios.load(scenarioId)).state) : undefined;
      if (!raced) throw error;
      return { run: raced, recorded: false };
    }
    return { run: run.data, recorded: true };
  }
}

@QueryHandler(GetScenario)
export class GetScenarioHandler implements IQueryHandler<GetScenario> {
  constructor(@Inject(ScenarioRepository) private readonly scenarios: ScenarioRepository) {}

  async execute({ scenarioId }: GetScenario) {
    const { state } = await this.scenarios.load(scenarioId);
    if (state.status === 'none') throw notFound('id', `no scenario ${scenarioId}`);
    return state;
  }
}

@QueryHandler(GetScenarioRun)
export class GetScenarioRunHandler implements IQueryHandler<GetScenarioRun> {
  constructor(
    @Inject(ScenarioRepository) private readonly scenarios: ScenarioRepository,
    @Inject(ScenarioEvaluator) private readonly evaluator: ScenarioEvaluator,
  ) {}

  async execute({ scenarioId, runId }: GetScenarioRun): Promise<RunResult> {
    const { state } = await this.scenarios.load(scenarioId);
    if (state.status === 'none') throw notFound('id', `no scenario ${scenarioId}`);
    const run = state.runs.find((r) => r.runId === runId);
    if (!run) throw notFound('runId', `scenario ${scenarioId} has no run ${runId}`);
    const evaluation = await evaluateOr422(() => this.evaluator.evaluate(run.request, BigInt(run.baselinePosition), run.assumptions));
    return { run, baseline: evaluation.baseline, scenario: evaluation.scenario, reproduced: evaluation.digest === run.digest && sameData(evaluation.summary, run.summary) };
  }
}

@QueryHandler(PlanWithScenario)
export class PlanWithScenarioHandler implements IQueryHandler<PlanWithScenario> {
  constructor(
    @Inject(ScenarioRepository) private readonly scenarios: ScenarioRepository,
    @Inject(ScenarioEvaluator) private readonly evaluator: ScenarioEvaluator,
  ) {}

  async execute({ scenarioId, request }: PlanWithScenario) {
    const { state } = await this.scenarios.load(scenarioId);
    if (state.status === 'none') throw notFound('scenarioId', `no scenario ${scenarioId}`);
    // A scenario is evaluated at one log position (what makes it reproducible): a time bound names none.
    if (request.asOf?.kind === 'time') throw new ValidationError([{ path: 'asOf', message: 'with scenarioId, asOf must be a log position' }]);
    const position = request.asOf?.kind === 'position' ? request.asOf.position : await this.scenarios.headPosition();
    const runRequest: RunRequest = {
      from: new Date(request.fromMs).toISOString(),
      horizonHours: request.horizonHours,
      planQuantile: request.planQuantile,
      shrinkage: request.shrinkage,
      occupancyCap: request.occupancyCap,
      hoursPerFte: 40,
      ...(request.queueIds ? { queueIds: request.queueIds } : {}),
    };
    const evaluation = await evaluateOr422(() => this.evaluator.evaluate(runRequest, position, state.assumptions));
    return { plan: evaluation.scenario, baselinePosition: position, comparison: evaluation.summary };
  }
}

@QueryHandler(ListScenarios)
export class ListScenariosHandler implements IQueryHandler<ListScenarios> {
  constructor(@Inject(ScenarioRepository) private readonly scenarios: ScenarioRepository) {}

  async execute(): Promise<{ scenarios: ScenarioListing[] }> {
    const listed: ScenarioListing[] = [];
    for (const state of await this.scenarios.loadAll()) {
      if (state.status !== 'created') continue;
      const last = state.runs.at(-1);
      listed.push({
        scenarioId: state.scenarioId,
        name: state.name,
        ...(state.description !== undefined ? { description: state.description } : {}),
        assumptions: state.assumptions.length,
        runs: state.runs.length,
        ...(last ? { lastRun: { runId: last.runId, ranAt: last.ranAt } } : {}),
      });
    }
    return { scenarios: listed.reverse() };
  }
}
