import { DomainError, sameData, type Decider, type ScheduleDraftedData, type ScheduleEvent, type ShiftRules, type ShiftRulesEvent } from '@staffcast/events';

export interface ShiftRulesState {
  rules: ShiftRules | null;
}

export type ShiftRulesCommand = { type: 'SetShiftRules'; rules: ShiftRules };

/**
 * `schedule-rules-<site>`: the first rule set is ShiftRulesDefined, a different one later
 * ShiftRulesRevised, the same one again nothing (a retried PUT writes nothing twice).
 */
export const shiftRulesDecider: Decider<ShiftRulesCommand, ShiftRulesState, ShiftRulesEvent> = {
  initialState: { rules: null },
  decide(command, state) {
    const data = { siteId: command.rules.siteId, rules: command.rules };
    if (state.rules === null) return [{ type: 'ShiftRulesDefined', data }];
    if (sameData(state.rules, command.rules)) return [];
    return [{ type: 'ShiftRulesRevised', data }];
  },
  evolve(_state, event) {
    return { rules: event.data.rules };
  },
};

export interface ScheduleState {
  draft: ScheduleDraftedData | null;
  published: boolean;
}

export type ScheduleCommand = { type: 'DraftSchedule'; draft: ScheduleDraftedData } | { type: 'PublishSchedule'; scheduleId: string; publishedAt: string };

/**
 * `schedule-<id>`: one draft per id (another draft under the same id is a conflict, the same one
 * nothing), published once (again is nothing); publishing an id never drafted is not found.
 */
export const scheduleDecider: Decider<ScheduleCommand, ScheduleState, ScheduleEvent> = {
  initialState: { draft: null, published: false },
  decide(command, state) {
    if (command.type === 'DraftSchedule') {
      if (state.draft === null) return [{ type: 'ScheduleDrafted', data: command.draft }];
      throw new DomainError('SCHEDULE_EXISTS', `schedule ${command.draft.scheduleId} was already drafted`, 'conflict', 'scheduleId');
    }
    if (state.draft === null) throw new DomainError('SCHEDULE_NOT_FOUND', `schedule ${command.scheduleId} was never drafted`, 'not_found', 'id');
    if (state.published) return [];
    return [{ type: 'SchedulePublished', data: { scheduleId: command.scheduleId, publishedAt: command.publishedAt, agentCount: new Set(state.draft.agents.filter((a) => !a.newHire).map((a) => a.agentId)).size } }];
  },
  evolve(state, event) {
    if (event.type === 'ScheduleDrafted') return { draft: event.data, published: false };
    return { ...state, published: true };
  },
};
