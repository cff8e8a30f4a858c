import {
  DomainError,
  LaunchCancelledData,
  LaunchRescheduledData,
  LaunchScheduledData,
  LaunchUpliftRevisedData,
  commandInstant,
  launchWindowIssue,
  sameData,
  type Decider,
  type LaunchEvent,
} from '@staffcast/events';

/**
 * The launch decider (`launch-<id>` streams). Invariants:
 * - a launch id is scheduled once (the identical schedule again is a no-op);
 * - a window ends after it starts and lasts at most a year;
 * - a cancelled launch cannot be rescheduled, revised or cancelled again with other data;
 * - rescheduling to the current window or revising to the current uplift is a no-op.
 */
export type LaunchCommand =
  | { type: 'ScheduleLaunch'; data: LaunchScheduledData }
  | { type: 'RescheduleLaunch'; data: LaunchRescheduledData }
  | { type: 'ReviseLaunchUplift'; data: LaunchUpliftRevisedData }
  | { type: 'CancelLaunch'; data: LaunchCancelledData };

export const LAUNCH_COMMAND_SCHEMAS = {
  ScheduleLaunch: LaunchScheduledData,
  RescheduleLaunch: LaunchRescheduledData,
  ReviseLaunchUplift: LaunchUpliftRevisedData,
  CancelLaunch: LaunchCancelledData,
} as const;

export type LaunchErrorCode = 'LAUNCH_NOT_FOUND' | 'LAUNCH_ALREADY_SCHEDULED' | 'LAUNCH_CANCELLED' | 'INVALID_LAUNCH_WINDOW';

export interface LaunchState {
  /** The schedule as first recorded, to recognise a repeated ScheduleLaunch. */
  scheduled?: LaunchScheduledData;
  /** The launch as it stands now: window and uplift updated by later events. */
  current?: LaunchScheduledData;
  cancelled?: LaunchCancelledData;
}

export const initialLaunchState: LaunchState = {};

const fail = (code: LaunchErrorCode, message: string, kind: 'not_found' | 'conflict' | 'invalid' = 'conflict', field?: string) => new DomainError(code, message, kind, field);

function checkWindow(window: { startsAt: string; endsAt: string }): void {
  commandInstant(window.startsAt, 'startsAt');
  commandInstant(window.endsAt, 'endsAt');
  const issue = launchWindowIssue(window.startsAt, window.endsAt);
  if (issue) throw fail('INVALID_LAUNCH_WINDOW', `endsAt ${issue}`, 'invalid', 'endsAt');
}

const sameInstant = (a: string, b: string, field: string) => commandInstant(a, field) === commandInstant(b, field);

export function decideLaunch(command: LaunchCommand, state: LaunchState): LaunchEvent[] {
  if (command.type === 'ScheduleLaunch') {
    checkWindow(command.data);
    if (!state.scheduled) return [{ type: 'LaunchScheduled', data: command.data }];
    if (sameData(state.scheduled, command.data)) return [];
    throw fail('LAUNCH_ALREADY_SCHEDULED', `launch ${command.data.launchId} is already scheduled`, 'conflict', 'launchId');
  }
  const launch = state.current;
  if (!launch) throw fail('LAUNCH_NOT_FOUND', `launch ${command.data.launchId} was never scheduled`, 'not_found', 'launchId');
  if (command.type === 'CancelLaunch') {
    commandInstant(command.data.cancelledAt, 'cancelledAt');
    if (!state.cancelled) return [{ type: 'LaunchCancelled', data: command.data }];
    if (sameData(state.cancelled, command.data)) return [];
    throw fail('LAUNCH_CANCELLED', `launch ${launch.launchId} is already cancelled`);
  }
  if (state.cancelled) throw fail('LAUNCH_CANCELLED', `launch ${launch.launchId} is cancelled and cannot change`);
  switch (command.type) {
    case 'RescheduleLaunch': {
      checkWindow(command.data);
      const unchanged = sameInstant(launch.startsAt, command.data.startsAt, 'startsAt') && sameInstant(launch.endsAt, command.data.endsAt, 'endsAt');
      return unchanged ? [] : [{ type: 'LaunchRescheduled', data: command.data }];
    }
    case 'ReviseLaunchUplift': {
      const unchanged = sameData(launch.uplift, command.data.uplift) && launch.profile === command.data.profile;
      return unchanged ? [] : [{ type: 'LaunchUpliftRevised', data: command.data }];
    }
  }
}

export function evolveLaunch(state: LaunchState, event: LaunchEvent): LaunchState {
  switch (event.type) {
    case 'LaunchScheduled':
      return { scheduled: event.data, current: event.data };
    case 'LaunchRescheduled':
      return state.current ? { ...state, current: { ...state.current, startsAt: event.data.startsAt, endsAt: event.data.endsAt } } : state;
    case 'LaunchUpliftRevised':
      return state.current ? { ...state, current: { ...state.current, uplift: event.data.uplift, profile: event.data.profile } } : state;
    case 'LaunchCancelled':
      return { ...state, cancelled: event.data };
  }
}

export const launchDecider: Decider<LaunchCommand, LaunchState, LaunchEvent> = {
  initialState: initialLaunchState,
  decide: decideLaunch,
  evolve: evolveLaunch,
};
