import { DateTime } from 'luxon';
import {
  AgentAbsenceRecordedData,
  AgentCertifiedData,
  AgentDepartedData,
  AgentHiredData,
  AgentScheduleSetData,
  DomainError,
  absenceWindowIssue,
  commandInstant,
  findShiftOverlap,
  sameData,
  shiftIssue,
  WEEKDAYS,
  type AgentEvent,
  type Decider,
} from '@staffcast/events';

/**
 * The agent decider (`agent-<id>` streams). Invariants:
 * - an agent id is hired once; a returning person is hired under a new id;
 * - nothing happens to an agent who was never hired (404);
 * - an agent departs once, not before their start date;
 * - nothing can be dated after the departure: no certification on a later day, no schedule
 *   effective after it, no absence running past the end of the departure day (site-local).
 *   Facts dated before the departure may still be recorded after it (a late absence backfill);
 * - a schedule's shifts may not overlap, within a day, across midnight into the next day or
 *   from Sunday into Monday, and breaks lie inside their shift;
 * - an absence ends after it starts.
 * Repeating the command that produced a fact is a no-op (`[]`).
 */
export type AgentCommand =
  | { type: 'HireAgent'; data: AgentHiredData }
  | { type: 'CertifyAgent'; data: AgentCertifiedData }
  | { type: 'SetAgentSchedule'; data: AgentScheduleSetData }
  | { type: 'RecordAbsence'; data: AgentAbsenceRecordedData }
  | { type: 'DepartAgent'; data: AgentDepartedData };

export const AGENT_COMMAND_SCHEMAS = {
  HireAgent: AgentHiredData,
  CertifyAgent: AgentCertifiedData,
  SetAgentSchedule: AgentScheduleSetData,
  RecordAbsence: AgentAbsenceRecordedData,
  DepartAgent: AgentDepartedData,
} as const;

export type AgentErrorCode =
  | 'AGENT_NOT_FOUND'
  | 'AGENT_ALREADY_HIRED'
  | 'AGENT_ALREADY_DEPARTED'
  | 'AGENT_DEPARTED'
  | 'DEPARTURE_BEFORE_HIRE'
  | 'CERTIFICATION_EXPIRES_BEFORE_START'
  | 'SHIFTS_OVERLAP'
  | 'INVALID_SHIFT'
  | 'INVALID_ABSENCE';

export interface AgentState {
  hired?: AgentHiredData;
  departed?: AgentDepartedData;
  /** End of the departure day in the site's time zone, epoch ms. */
  departedUntilMs?: number;
  /** Keys of recorded certifications and absences, to recognise repeats. */
  certifications: readonly string[];
  absences: readonly string[];
  /** Shift patterns by effectiveFrom date. */
  schedules: Readonly<Record<string, AgentScheduleSetData['shifts']>>;
}

export const initialAgentState: AgentState = { certifications: [], absences: [], schedules: {} };

const fail = (code: AgentErrorCode, message: string, kind: 'not_found' | 'conflict' | 'invalid' = 'conflict', field?: string) => new DomainError(code, message, kind, field);

const certificationKey = (c: AgentCertifiedData) => `${c.skill}|${c.certifiedOn}|${c.expiresOn ?? ''}`;
const absenceKey = (a: AgentAbsenceRecordedData) => `${commandInstant(a.from, 'from')}|${commandInstant(a.to, 'to')}|${a.reasonCode}`;

/** First instant after the departure day, local to the site: the roster ends there. */
function endOfDepartureDay(departedOn: string, timeZone: string): number {
  return DateTime.fromISO(departedOn, { zone: timeZone }).plus({ days: 1 }).startOf('day').toMillis();
}

function checkSchedule(data: AgentScheduleSetData): void {
  for (const day of WEEKDAYS) {
    data.shifts[day].forEach((shift, index) => {
      const issue = shiftIssue(shift);
      if (issue) throw fail('INVALID_SHIFT', issue.message, 'invalid', ['shifts', day, index, ...issue.path].join('.'));
    });
  }
  const overlap = findShiftOverlap(data.shifts);
  if (overlap) {
    throw fail('SHIFTS_OVERLAP', `shift ${overlap.day}[${overlap.index}] overlaps shift ${overlap.otherDay}[${overlap.otherIndex}]`, 'invalid', `shifts.${overlap.day}.${overlap.index}`);
  }
}

export function decideAgent(command: AgentCommand, state: AgentState): AgentEvent[] {
  if (command.type === 'HireAgent') {
    if (!state.hired) return [{ type: 'AgentHired', data: command.data }];
    if (sameData(state.hired, command.data)) return [];
    throw fail('AGENT_ALREADY_HIRED', `agent ${command.data.agentId} was already hired; hire a returning person under a new id`, 'conflict', 'agentId');
  }
  const hired = state.hired;
  if (!hired) throw fail('AGENT_NOT_FOUND', `agent ${command.data.agentId} was never hired`, 'not_found', 'agentId');
  const departed = state.departed;

  switch (command.type) {
    case 'CertifyAgent': {
      const c = command.data;
      if (c.expiresOn !== undefined && c.expiresOn <= c.certifiedOn) throw fail('CERTIFICATION_EXPIRES_BEFORE_START', 'expiresOn must be after certifiedOn', 'invalid', 'expiresOn');
      if (state.certifications.includes(certificationKey(c))) return [];
      if (departed && c.certifiedOn > departed.departedOn) throw fail('AGENT_DEPARTED', `the agent departed on ${departed.departedOn}`, 'conflict', 'certifiedOn');
      return [{ type: 'AgentCertified', data: c }];
    }
    case 'SetAgentSchedule': {
      const s = command.data;
      checkSchedule(s);
      const current = Object.prototype.hasOwnProperty.call(state.schedules, s.effectiveFrom) ? state.schedules[s.effectiveFrom] : undefined;
      if (current !== undefined && sameData(current, s.shifts)) return [];
      if (departed && s.effectiveFrom > departed.departedOn) throw fail('AGENT_DEPARTED', `the agent departed on ${departed.departedOn}`, 'conflict', 'effectiveFrom');
      return [{ type: 'AgentScheduleSet', data: s }];
    }
    case 'RecordAbsence': {
      const a = command.data;
      commandInstant(a.from, 'from');
      commandInstant(a.to, 'to');
      const issue = absenceWindowIssue(a.from, a.to);
      if (issue) throw fail('INVALID_ABSENCE', `to ${issue}`, 'invalid', 'to');
      if (state.absences.includes(absenceKey(a))) return [];
      if (state.departedUntilMs !== undefined && commandInstant(a.to, 'to') > state.departedUntilMs) {
        throw fail('AGENT_DEPARTED', `the agent departed on ${departed?.departedOn}; an absence cannot run past that day`, 'conflict', 'to');
      }
      return [{ type: 'AgentAbsenceRecorded', data: a }];
    }
    case 'DepartAgent': {
      const d = command.data;
      if (departed) {
        if (sameData(departed, d)) return [];
        throw fail('AGENT_ALREADY_DEPARTED', `the agent already departed on ${departed.departedOn}`, 'conflict', 'departedOn');
      }
      if (d.departedOn < hired.startDate) throw fail('DEPARTURE_BEFORE_HIRE', `departedOn is before the start date ${hired.startDate}`, 'invalid', 'departedOn');
      return [{ type: 'AgentDeparted', data: d }];
    }
  }
}

export function evolveAgent(state: AgentState, event: AgentEvent): AgentState {
  switch (event.type) {
    case 'AgentHired':
      return { ...state, hired: event.data };
    case 'AgentCertified':
      return { ...state, certifications: [...state.certifications, certificationKey(event.data)] };
    case 'AgentScheduleSet':
      return { ...state, schedules: { ...state.schedules, [event.data.effectiveFrom]: event.data.shifts } };
    case 'AgentAbsenceRecorded':
      return { ...state, absences: [...state.absences, absenceKey(event.data)] };
    case 'AgentDeparted': {
      const zone = state.hired?.site.timeZone ?? 'UTC';
      return { ...state, departed: event.data, departedUntilMs: endOfDepartureDay(event.data.departedOn, zone) };
    }
  }
}

export const agentDecider: Decider<AgentCommand, AgentState, AgentEvent> = {
  initialState: initialAgentState,
  decide: decideAgent,
  evolve: evolveAgent,
};
