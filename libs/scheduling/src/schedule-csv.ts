import { DateTime } from 'luxon';
import { WEEKDAYS, type DraftedAgentWeek } from '@staffcast/events';
import { toCsv } from '@staffcast/planning';

export const SCHEDULE_CSV_COLUMNS = ['agentId', 'newHire', 'date', 'weekday', 'start', 'end', 'breaks', 'weekPaidHours'] as const;

/**
 * A drafted schedule as CSV: one row per agent and site-local day, a day off with empty times;
 * breaks as `HH:mm-HH:mm` separated by `;`; the week's paid hours on each row. O(agents · days).
 *
 * @example scheduleCsv(draft.agents).split('\n')[0] // 'agentId,newHire,date,weekday,start,end,breaks,weekPaidHours'
 */
export function scheduleCsv(agents: readonly DraftedAgentWeek[]): string {
  const rows = agents.flatMap((week) =>
    WEEKDAYS.map((weekday, k) => {
      const shift = week.shifts[weekday][0];
      return {
        agentId: week.agentId,
        newHire: week.newHire,
        date: DateTime.fromISO(week.weekStart).plus({ days: k }).toISODate()!,
        weekday,
        start: shift?.start ?? null,
        end: shift?.end ?? null,
        breaks: shift ? shift.breaks.map((b) => `${b.start}-${b.end}`).join(';') : null,
        weekPaidHours: week.paidHours,
      };
    }),
  );
  return toCsv(SCHEDULE_CSV_COLUMNS, rows);
}
