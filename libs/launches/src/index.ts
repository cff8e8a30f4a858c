/**
 * @staffcast/launches — launches, campaigns and market calendars: pure deciders for
 * `launch-<id>` and `calendar-<market>` streams. Decisions throw `DomainError` from @staffcast/events.
 */
export {
  launchDecider,
  decideLaunch,
  evolveLaunch,
  initialLaunchState,
  LAUNCH_COMMAND_SCHEMAS,
  type LaunchCommand,
  type LaunchState,
  type LaunchErrorCode,
} from './launch-decider.js';
export {
  calendarDecider,
  decideCalendar,
  evolveCalendar,
  initialCalendarState,
  CALENDAR_COMMAND_SCHEMAS,
  type CalendarCommand,
  type CalendarState,
  type CalendarErrorCode,
} from './calendar-decider.js';
