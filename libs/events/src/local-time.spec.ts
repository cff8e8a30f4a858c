import { OpeningHours, Shift, WeeklyShiftPattern, findShiftOverlap, localMinutes, shiftMinutes, type WeeklyShifts } from './local-time.js';

const closed = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
const week = (days: Partial<WeeklyShifts>): WeeklyShifts => ({ ...closed, ...days });
const shift = (start: string, end: string, breaks: { start: string; end: string }[] = []) => ({ start, end, breaks });

describe('local time', () => {
  it('converts HH:mm to minutes', () => {
    expect(localMinutes('00:00')).toBe(0);
    expect(localMinutes('08:30')).toBe(510);
    expect(localMinutes('24:00')).toBe(1440);
  });

  it('measures shifts that cross midnight', () => {
    expect(shiftMinutes({ start: '09:00', end: '17:30' })).toBe(510);
    expect(shiftMinutes({ start: '22:00', end: '06:00' })).toBe(480);
    expect(shiftMinutes({ start: '16:00', end: '00:00' })).toBe(480);
  });

  it('accepts opening hours with 24:00 ends and rejects overlapping or inverted ranges', () => {
    expect(OpeningHours.safeParse({ ...closed, mon: [{ from: '00:00', to: '24:00' }] }).success).toBe(true);
    const overlap = OpeningHours.safeParse({ ...closed, tue: [{ from: '08:00', to: '12:00' }, { from: '11:00', to: '14:00' }] });
    expect(overlap.error?.issues.map((i) => i.path)).toEqual([['tue', 1]]);
    const inverted = OpeningHours.safeParse({ ...closed, wed: [{ from: '20:00', to: '08:00' }] });
    expect(inverted.error?.issues.map((i) => i.path)).toEqual([['wed', 0, 'to']]);
    const missingDay = OpeningHours.safeParse({ mon: [] });
    expect(missingDay.error?.issues.map((i) => i.path[0]).sort()).toEqual(['fri', 'sat', 'sun', 'thu', 'tue', 'wed']);
  });

  it('keeps breaks inside their shift, also across midnight', () => {
    expect(Shift.safeParse(shift('22:00', '06:00', [{ start: '01:00', end: '01:30' }])).success).toBe(true);
    expect(Shift.safeParse(shift('09:00', '17:00', [{ start: '16:30', end: '17:30' }])).error?.issues[0]?.path).toEqual(['breaks', 0]);
    expect(Shift.safeParse(shift('09:00', '17:00', [{ start: '12:00', end: '12:30' }, { start: '12:15', end: '12:45' }])).error?.issues[0]?.path).toEqual(['breaks', 1]);
    expect(Shift.safeParse(shift('09:00', '09:00')).error?.issues[0]?.path).toEqual(['end']);
  });

  describe('findShiftOverlap', () => {
    it('finds no overlap in a normal week, touching shifts included', () => {
      const fiveDays = week({ mon: [shift('09:00', '17:00')], tue: [shift('09:00', '17:00')], wed: [shift('22:00', '06:00')], thu: [shift('06:00', '14:00')] });
      expect(findShiftOverlap(fiveDays)).toBeUndefined();
    });
    it('finds overlaps within a day', () => {
      expect(findShiftOverlap(week({ mon: [shift('09:00', '17:00'), shift('16:00', '20:00')] }))).toEqual({ day: 'mon', index: 1, otherDay: 'mon', otherIndex: 0 });
    });
    it('finds a night shift running into the next day', () => {
      expect(findShiftOverlap(week({ mon: [shift('22:00', '06:00')], tue: [shift('05:00', '13:00')] }))).toEqual({ day: 'tue', index: 0, otherDay: 'mon', otherIndex: 0 });
    });
    it('wraps Sunday night into Monday morning', () => {
      expect(findShiftOverlap(week({ sun: [shift('23:00', '07:00')], mon: [shift('06:30', '15:00')] }))).toEqual({ day: 'mon', index: 0, otherDay: 'sun', otherIndex: 0 });
    });
    it('is what the schedule schema reports, at the offending shift', () => {
      const result = WeeklyShiftPattern.safeParse(week({ fri: [shift('20:00', '04:00')], sat: [shift('03:00', '11:00')] }));
      expect(result.error?.issues.map((i) => ({ path: i.path, message: i.message }))).toEqual([{ path: ['sat', 0], message: 'overlaps shift fri[0]' }]);
    });
  });
});
