import { DomainError, type Decider } from '@staffcast/events';
import type { LocalTeamPlanEvent } from './plan-events.js';
import { LocalTeamPlanInput, mergeRevision, revisedFields, type LocalTeamPlanRevisionInput } from './plan-input.js';

export type LocalTeamPlanCommand =
  | { type: 'DraftLocalTeamPlan'; planId: string; plan: LocalTeamPlanInput }
  | { type: 'ReviseLocalTeamPlan'; planId: string; revision: LocalTeamPlanRevisionInput };

export type LocalTeamPlanState =
  | { status: 'none' }
  /** `version` counts the stream's events, so the stream revision is `version − 1`. */
  | { status: 'drafted'; planId: string; plan: LocalTeamPlanInput; version: number };

export type LocalTeamPlanErrorCode = 'LOCAL_TEAM_PLAN_EXISTS' | 'LOCAL_TEAM_PLAN_NOT_FOUND' | 'LOCAL_TEAM_PLAN_STALE' | 'LOCAL_TEAM_PLAN_INVALID';

/** Structural equality of JSON values (key order ignored). O(size). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * The plan's decider. Drafting a plan twice is a conflict; revising needs a drafted plan, replaces the
 * given top-level fields, and must leave a valid plan. A revision that changes nothing records
 * nothing (so a retried revision is harmless). A revision naming `expectedRevision` is refused when
 * the plan has moved on since (someone else revised it).
 */
export const localTeamPlanDecider: Decider<LocalTeamPlanCommand, LocalTeamPlanState, LocalTeamPlanEvent> = {
  initialState: { status: 'none' },

  decide(command, state) {
    switch (command.type) {
      case 'DraftLocalTeamPlan':
        if (state.status !== 'none') throw new DomainError<LocalTeamPlanErrorCode>('LOCAL_TEAM_PLAN_EXISTS', `local-team plan ${command.planId} already exists`, 'conflict');
        return [{ type: 'LocalTeamPlanDrafted', data: { planId: command.planId, plan: command.plan } }];
      case 'ReviseLocalTeamPlan': {
        if (state.status === 'none') throw new DomainError<LocalTeamPlanErrorCode>('LOCAL_TEAM_PLAN_NOT_FOUND', `no local-team plan ${command.planId}`, 'not_found');
        const { expectedRevision } = command.revision;
        if (expectedRevision !== undefined && BigInt(expectedRevision) !== BigInt(state.version - 1)) {
          throw new DomainError<LocalTeamPlanErrorCode>(
            'LOCAL_TEAM_PLAN_STALE',
            `the plan is at revision ${state.version - 1}, not ${expectedRevision}: reload it and revise again`,
            'conflict',
            'expectedRevision',
          );
        }
        const parsed = LocalTeamPlanInput.safeParse(mergeRevision(state.plan, command.revision));
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          const field = issue.path.map(String).join('.') || '(root)';
          throw new DomainError<LocalTeamPlanErrorCode>('LOCAL_TEAM_PLAN_INVALID', `${field}: ${issue.message}`, 'invalid', field);
        }
        const changedFields = revisedFields(command.revision).filter((key) => !sameJson(state.plan[key], parsed.data[key]));
        if (changedFields.length === 0) return [];
        return [{ type: 'LocalTeamPlanRevised', data: { planId: command.planId, plan: parsed.data, changedFields } }];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'LocalTeamPlanDrafted':
        return { status: 'drafted', planId: event.data.planId, plan: event.data.plan, version: 1 };
      case 'LocalTeamPlanRevised':
        if (state.status === 'none') return state;
        return { ...state, plan: event.data.plan, version: state.version + 1 };
    }
  },
};
