import { describeShift, shiftBars } from './gantt-bars';

describe('shiftBars', () => {
  it('given a day shift with two breaks, when laid out, then the shift and breaks sit on its own day', () => {
    const bars = shiftBars({ start: '09:00', end: '18:00', breaks: [{ start: '11:00', end: '11:15' }, { start: '13:00', end: '14:00' }] });
    expect(bars).toEqual([
      { kind: 'shift', from: 540, to: 1080, carried: false },
      { kind: 'break', from: 660, to: 675, carried: false },
      { kind: 'break', from: 780, to: 840, carried: false },
    ]);
  });

  it('given a night shift with a break after midnight, when laid out, then the part past midnight is carried to the next day', () => {
    const bars = shiftBars({ start: '20:00', end: '05:00', breaks: [{ start: '23:30', end: '00:30' }, { start: '02:00', end: '02:15' }] });
    expect(bars).toEqual([
      { kind: 'shift', from: 1200, to: 1440, carried: false },
      { kind: 'shift', from: 0, to: 300, carried: true },
      { kind: 'break', from: 1410, to: 1440, carried: false },
      { kind: 'break', from: 0, to: 30, carried: true },
      { kind: 'break', from: 120, to: 135, carried: true },
    ]);
  });

  it('given a shift ending exactly at midnight, when laid out, then nothing is carried', () => {
    expect(shiftBars({ start: '15:00', end: '00:00', breaks: [] })).toEqual([{ kind: 'shift', from: 900, to: 1440, carried: false }]);
  });
});

describe('describeShift', () => {
  it('names the shift and its breaks in words', () => {
    expect(describeShift({ start: '09:00', end: '18:00', breaks: [{ start: '11:00', end: '11:15' }] })).toBe('09:00–18:00, break 11:00–11:15');
    expect(describeShift({ start: '09:00', end: '18:00', breaks: [] })).toBe('09:00–18:00');
  });
});
