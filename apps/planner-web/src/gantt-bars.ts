/** Shifts laid on a day's 24-hour axis for the schedule Gantt, in the site's local minutes. */

export interface LocalShift {
  start: string;
  end: string;
  breaks: { start: string; end: string }[];
}

export interface Bar {
  kind: 'shift' | 'break';
  /** Minutes after the local midnight of the day it is drawn on, 0–1440. */
  from: number;
  to: number;
  /** Drawn on the next day: the part of a shift that runs past midnight. */
  carried: boolean;
}

const DAY_MIN = 1440;
const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * The bars of one shift: the shift and its breaks on its own day, and whatever runs past midnight
 * on the next day (`carried`). A shift whose end is not after its start runs past midnight.
 * O(breaks).
 *
 * @example shiftBars({ start: '22:00', end: '06:00', breaks: [] }) → [{ kind: 'shift', from: 1320, to: 1440, carried: false }, { kind: 'shift', from: 0, to: 360, carried: true }]
 */
export function shiftBars(shift: LocalShift): Bar[] {
  const start = minutes(shift.start);
  const along = (hhmm: string) => start + ((minutes(hhmm) - start + DAY_MIN) % DAY_MIN || DAY_MIN);
  const spans: { kind: Bar['kind']; from: number; to: number }[] = [
    { kind: 'shift', from: start, to: along(shift.end) },
    ...shift.breaks.map((b) => {
      const from = start + ((minutes(b.start) - start + DAY_MIN) % DAY_MIN);
      return { kind: 'break' as const, from, to: from + ((minutes(b.end) - minutes(b.start) + DAY_MIN) % DAY_MIN) };
    }),
  ];
  return spans.flatMap((s) => {
    const parts: Bar[] = [];
    if (s.from < DAY_MIN) parts.push({ kind: s.kind, from: s.from, to: Math.min(s.to, DAY_MIN), carried: false });
    if (s.to > DAY_MIN) parts.push({ kind: s.kind, from: Math.max(s.from, DAY_MIN) - DAY_MIN, to: s.to - DAY_MIN, carried: true });
    return parts;
  });
}

/** "09:00–18:00, breaks 11:00–11:15, 13:00–14:00": a shift in words, for the table and screen readers. */
export function describeShift(shift: LocalShift): string {
  const breaks = shift.breaks.map((b) => `${b.start}–${b.end}`).join(', ');
  return `${shift.start}–${shift.end}${breaks ? `, ${shift.breaks.length === 1 ? 'break' : 'breaks'} ${breaks}` : ''}`;
}
