import { DomainError, sameData, type Decider } from '@staffcast/events';
import type { Assumption } from './assumptions.js';
import type { ScenarioEvent, ScenarioRunRecordedData } from './scenario-events.js';

/** Most assumptions a scenario holds at once. */
export const MAX_ASSUMPTIONS = 200;
/**
 * Most bytes (UTF-8 JSON) a scenario's current assumptions take together. Every run records them,
 * and a recorded event must stay well inside the store's limits (EventStoreDB refuses events over
 * 1 MiB), next to the run's request and comparison.
 */
export const MAX_ASSUMPTIONS_BYTES = 256 * 1024;
const utf8 = new TextEncoder();

export type ScenarioCommand =
  | { type: 'CreateScenario'; scenarioId: string; name: string; description?: string }
  | { type: 'AddAssumption'; scenarioId: string; assumptionId: string; assumption: Assumption }
  | { type: 'RemoveAssumption'; scenarioId: string; assumptionId: string }
  | { type: 'RecordRun'; run: ScenarioRunRecordedData };

export type ScenarioState =
  | { status: 'none' }
  | {
      status: 'created';
      scenarioId: string;
      name: string;
      description?: string;
      /** Current assumptions in the order they were added. */
      assumptions: { assumptionId: string; assumption: Assumption }[];
      /** Every assumption id ever used: an id is never reused, even after removal. */
      usedAssumptionIds: string[];
      runs: ScenarioRunRecordedData[];
    };

export type ScenarioErrorCode = 'SCENARIO_EXISTS' | 'SCENARIO_NOT_FOUND' | 'ASSUMPTION_ID_REUSED' | 'ASSUMPTION_NOT_FOUND' | 'TOO_MANY_ASSUMPTIONS' | 'ASSUMPTIONS_TOO_LARGE' | 'RUN_EXISTS';

function created(state: ScenarioState, scenarioId: string): Extract<ScenarioState, { status: 'created' }> {
  if (state.status === 'none') throw new DomainError<ScenarioErrorCode>('SCENARIO_NOT_FOUND', `no scenario ${scenarioId}`, 'not_found', 'id');
  return state;
}

/**
 * The scenario's decider. A scenario is created once (created again with the same name and
 * description, nothing happens); assumptions are added under fresh ids (a
 * retried add of the same assumption under the same id records nothing) and removed by id; a run
 * is recorded once under its id. Baseline streams are never touched: everything a scenario
 * decides lands in its own stream. A run recorded again under its id with the same request (a
 * retried POST) records nothing; under its id with another request it is a conflict.
 */
export const scenarioDecider: Decider<ScenarioCommand, ScenarioState, ScenarioEvent> = {
  initialState: { status: 'none' },

  decide(command, state) {
    switch (command.type) {
      case 'CreateScenario': {
        const { scenarioId, name, description } = command;
        // A retried create (same id, name and description) creates nothing new.
        if (state.status !== 'none' && state.name === name && state.description === description) return [];
        if (state.status !== 'none') throw new DomainError<ScenarioErrorCode>('SCENARIO_EXISTS', `scenario ${command.scenarioId} already exists`, 'conflict', 'scenarioId');
        return [{ type: 'ScenarioCreated', data: description === undefined ? { scenarioId, name } : { scenarioId, name, description } }];
      }
      case 'AddAssumption': {
        const s = created(state, command.scenarioId);
        const existing = s.assumptions.find((a) => a.assumptionId === command.assumptionId);
        if (existing && sameData(existing.assumption, command.assumption)) return [];
        if (existing || s.usedAssumptionIds.includes(command.assumptionId)) {
          throw new DomainError<ScenarioErrorCode>('ASSUMPTION_ID_REUSED', `assumption id ${command.assumptionId} is already used in this scenario`, 'conflict', 'assumptionId');
        }
        if (s.assumptions.length >= MAX_ASSUMPTIONS) throw new DomainError<ScenarioErrorCode>('TOO_MANY_ASSUMPTIONS', `a scenario holds at most ${MAX_ASSUMPTIONS} assumptions`, 'conflict');
        const bytes = utf8.encode(JSON.stringify([...s.assumptions.map((a) => a.assumption), command.assumption])).length;
        if (bytes > MAX_ASSUMPTIONS_BYTES) {
          throw new DomainError<ScenarioErrorCode>('ASSUMPTIONS_TOO_LARGE', `together with this one the scenario's assumptions take ${bytes} bytes; at most ${MAX_ASSUMPTIONS_BYTES}`, 'conflict');
        }
        return [{ type: 'ScenarioAssumptionAdded', data: { scenarioId: command.scenarioId, assumptionId: command.assumptionId, assumption: command.assumption } }];
      }
      case 'RemoveAssumption': {
        const s = created(state, command.scenarioId);
        if (!s.assumptions.some((a) => a.assumptionId === command.assumptionId)) {
          throw new DomainError<ScenarioErrorCode>('ASSUMPTION_NOT_FOUND', `scenario ${command.scenarioId} has no assumption ${command.assumptionId}`, 'not_found', 'assumptionId');
        }
        return [{ type: 'ScenarioAssumptionRemoved', data: { scenarioId: command.scenarioId, assumptionId: command.assumptionId } }];
      }
      case 'RecordRun': {
        const s = created(state, command.run.scenarioId);
        const existing = s.runs.find((r) => r.runId === command.run.runId);
        // A retried run (same id, same request) is already recorded: nothing new.
        if (existing && sameData(existing.request, command.run.request)) return [];
        if (existing) throw new DomainError<ScenarioErrorCode>('RUN_EXISTS', `run ${command.run.runId} is already recorded with another request`, 'conflict', 'runId');
        return [{ type: 'ScenarioRunRecorded', data: command.run }];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ScenarioCreated':
        return { status: 'created', scenarioId: event.data.scenarioId, name: event.data.name, ...(event.data.description !== undefined ? { description: event.data.description } : {}), assumptions: [], usedAssumptionIds: [], runs: [] };
      case 'ScenarioAssumptionAdded':
        if (state.status === 'none') return state;
        return { ...state, assumptions: [...state.assumptions, { assumptionId: event.data.assumptionId, assumption: event.data.assumption }], usedAssumptionIds: [...state.usedAssumptionIds, event.data.assumptionId] };
      case 'ScenarioAssumptionRemoved':
        if (state.status === 'none') return state;
        return { ...state, assumptions: state.assumptions.filter((a) => a.assumptionId !== event.data.assumptionId) };
      case 'ScenarioRunRecorded':
        if (state.status === 'none') return state;
        return { ...state, runs: [...state.runs, event.data] };
    }
  },
};
