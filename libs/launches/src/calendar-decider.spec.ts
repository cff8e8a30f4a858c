import { givenWhenThen, type CalendarEvent } from '@staffcast/events';
import { calendarDecider, type CalendarCommand } from './calendar-decider.js';

const then = (given: CalendarEvent[], when: CalendarCommand) => givenWhenThen(calendarDecider, given, when);
const july4 = { market: 'US', date: '2024-07-04', name: 'Independence Day' };
const Declared: CalendarEvent = { type: 'HolidayDeclared', data: july4 };

describe('market calendar decider', () => {
  it('declares a holiday', () => {
    expect(then([], { type: 'DeclareHoliday', data: july4 })).toEqual({ events: [Declared] });
    expect(then([Declared], { type: 'DeclareHoliday', data: { ...july4, date: '2024-11-28', name: 'Thanksgiving' } })).toEqual({
      events: [{ type: 'HolidayDeclared', data: { market: 'US', date: '2024-11-28', name: 'Thanksgiving' } }],
    });
  });
  it('treats the same holiday on the same date again as a no-op', () => {
    expect(then([Declared], { type: 'DeclareHoliday', data: { ...july4 } })).toEqual({ events: [] });
  });
  it('refuses a different holiday on a date that already has one', () => {
    expect(then([Declared], { type: 'DeclareHoliday', data: { ...july4, name: 'Fourth of July' } })).toEqual({ error: { code: 'HOLIDAY_ALREADY_DECLARED', kind: 'conflict', field: 'date' } });
  });
  it('refuses a holiday of another market on this calendar', () => {
    expect(then([Declared], { type: 'DeclareHoliday', data: { market: 'AU', date: '2024-01-26', name: 'Australia Day' } })).toEqual({ error: { code: 'MARKET_MISMATCH', kind: 'invalid', field: 'market' } });
  });
});
