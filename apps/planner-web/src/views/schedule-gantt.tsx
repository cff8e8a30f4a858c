import { useState } from 'preact/hooks';
import { describeShift, shiftBars, type Bar, type LocalShift } from '../gantt-bars';
import { addDays } from '../time';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export interface AgentWeek {
  agentId: string;
  newHire: boolean;
  weekStart: string;
  shifts: Record<(typeof WEEKDAYS)[number], LocalShift[]>;
  paidHours: number;
}

/** The shifts an agent starts on a site-local date, from the drafted week that holds it. */
function shiftsOn(weeks: readonly AgentWeek[], date: string): LocalShift[] {
  for (const w of weeks) {
    const day = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${w.weekStart}T00:00:00Z`)) / 86_400_000);
    if (day >= 0 && day < 7) return w.shifts[WEEKDAYS[day]!];
  }
  return [];
}

const pctOfDay = (minutes: number) => `${((minutes / 1440) * 100).toFixed(3)}%`;

function DayCell({ agentId, date, own, carried, focusable }: { agentId: string; date: string; own: LocalShift[]; carried: Bar[]; focusable: boolean }) {
  const bars = [...carried, ...own.flatMap((s) => shiftBars(s).filter((b) => !b.carried))];
  const words = own.map(describeShift).join('; ');
  const off = own.length === 0 && carried.length === 0;
  return (
    <td class={off ? 'gantt-cell off' : 'gantt-cell'} data-agent={agentId} data-date={date} data-shifts={words} tabIndex={focusable ? 0 : -1}>
      <div class="gantt-track" aria-hidden="true">
        {bars.map((b, i) => (
          <span key={i} class={`gantt-bar ${b.kind}${b.carried ? ' carried' : ''}`} style={{ left: pctOfDay(b.from), width: pctOfDay(b.to - b.from) }} />
        ))}
      </div>
      <span class="gantt-text" aria-hidden={words ? 'true' : undefined}>{off ? 'Off' : own.length === 0 ? '(night shift ends)' : own.map((s) => `${s.start}–${s.end}`).join(', ')}</span>
      {words && <span class="sr-only">{words}</span>}
    </td>
  );
}

/** The cell an arrow, Home or End key moves to, or null for any other key. */
function moveCell(key: string, at: { row: number; col: number }, rows: number, cols: number): { row: number; col: number } | null {
  const clamp = (v: number, n: number) => Math.max(0, Math.min(n - 1, v));
  if (key === 'ArrowRight') return { row: at.row, col: clamp(at.col + 1, cols) };
  if (key === 'ArrowLeft') return { row: at.row, col: clamp(at.col - 1, cols) };
  if (key === 'ArrowDown') return { row: clamp(at.row + 1, rows), col: at.col };
  if (key === 'ArrowUp') return { row: clamp(at.row - 1, rows), col: at.col };
  if (key === 'Home') return { row: at.row, col: 0 };
  if (key === 'End') return { row: at.row, col: cols - 1 };
  return null;
}

/**
 * Agents × days: each day a 24-hour track in the site's time zone with the shift, its breaks and
 * lunch as bars, and the times in words; a day off reads "Off". One cell is in the tab order and
 * arrow keys move between cells (the WAI-ARIA grid pattern's roving focus).
 */
export function ScheduleGantt({ agents, weekStart, weeks, timeZone }: { agents: readonly AgentWeek[]; weekStart: string; weeks: number; timeZone: string }) {
  const dates = Array.from({ length: weeks * 7 }, (_, i) => addDays(weekStart, i));
  const byAgent = new Map<string, AgentWeek[]>();
  for (const a of agents) byAgent.set(a.agentId, [...(byAgent.get(a.agentId) ?? []), a]);
  const [active, setActive] = useState({ row: 0, col: 0 });
  const onKeyDown = (e: KeyboardEvent) => {
    const next = moveCell(e.key, active, byAgent.size, dates.length);
    if (!next) return;
    e.preventDefault();
    setActive(next);
    (e.currentTarget as HTMLElement).querySelector<HTMLElement>(`tbody tr:nth-child(${next.row + 1}) td.gantt-cell:nth-of-type(${next.col + 1})`)?.focus();
  };
  return (
    <div class="gantt-wrap" role="region" aria-label="Shifts per agent and day; arrow keys move between days and agents">
      <table class="gantt" data-testid="gantt" onKeyDown={onKeyDown}>
        <caption>
          Shifts, breaks and days off per agent, in {timeZone} local time (bars run 00:00–24:00)
        </caption>
        <thead>
          <tr>
            <th scope="col">Agent</th>
            {dates.map((d, i) => (
              <th scope="col" key={d}>
                {WEEKDAYS[i % 7]} {d.slice(5)}
                <span class="gantt-axis" aria-hidden="true">
                  <span>0</span>
                  <span>6</span>
                  <span>12</span>
                  <span>18</span>
                </span>
              </th>
            ))}
            <th scope="col">Paid h</th>
          </tr>
        </thead>
        <tbody>
          {[...byAgent].map(([agentId, weeksOf], row) => (
            <tr key={agentId} data-agent={agentId}>
              <th scope="row">
                {agentId}
                {weeksOf[0]!.newHire && <span class="muted"> (new hire)</span>}
              </th>
              {dates.map((d, i) => (
                <DayCell key={d} focusable={row === active.row && i === active.col} agentId={agentId} date={d} own={shiftsOn(weeksOf, d)} carried={i === 0 ? [] : shiftsOn(weeksOf, dates[i - 1]!).flatMap((s) => shiftBars(s).filter((b) => b.carried))} />
              ))}
              <td class="num" data-value={String(weeksOf.reduce((s, w) => s + w.paidHours, 0))}>
                {weeksOf.reduce((s, w) => s + w.paidHours, 0).toFixed(2)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
