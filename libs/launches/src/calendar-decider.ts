import { DomainError, HolidayDeclaredData, type CalendarEvent, type Decider } from '@staffcast/events';

/**
 * The market calendar decider (`calendar-<market>` streams, one per market).
 *
 * Declaring a holiday on a date that already has one: with the same name it is an idempotent
 * no-op (`[]`), so re-running a holiday import is harmless; with a different name it is a
 * `HOLIDAY_ALREADY_DECLARED` conflict, because there is no event to rename or remove a holiday
 * and silently keeping the first name would hide the disagreement.
 */
export type CalendarCommand = { type: 'DeclareHoliday'; data: HolidayDeclaredData };

export const CALENDAR_COMMAND_SCHEMAS = { DeclareHoliday: HolidayDeclaredData } as const;

export type CalendarErrorCode = 'HOLIDAY_ALREADY_DECLARED' | 'MARKET_MISMATCH';

export interface CalendarState {
  market?: string;
  /** Holiday name by local date `YYYY-MM-DD`. */
  holidays: Readonly<Record<string, string>>;
}

export const initialCalendarState: CalendarState = { holidays: {} };

export function decideCalendar(command: CalendarCommand, state: CalendarState): CalendarEvent[] {
  const { market, date, name } = command.data;
  if (state.market !== undefined && state.market !== market) {
    throw new DomainError<CalendarErrorCode>('MARKET_MISMATCH', `this is the calendar of ${state.market}, not ${market}`, 'invalid', 'market');
  }
  const existing = Object.prototype.hasOwnProperty.call(state.holidays, date) ? state.holidays[date] : undefined;
  if (existing === undefined) return [{ type: 'HolidayDeclared', data: command.data }];
  if (existing === name) return [];
  throw new DomainError<CalendarErrorCode>('HOLIDAY_ALREADY_DECLARED', `${market} already has "${existing}" on ${date}`, 'conflict', 'date');
}

export function evolveCalendar(state: CalendarState, event: CalendarEvent): CalendarState {
  return { market: event.data.market, holidays: { ...state.holidays, [event.data.date]: event.data.name } };
}

export const calendarDecider: Decider<CalendarCommand, CalendarState, CalendarEvent> = {
  initialState: initialCalendarState,
  decide: decideCalendar,
  evolve: evolveCalendar,
};
