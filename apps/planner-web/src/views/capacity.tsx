import { useState } from 'preact/hooks';
import { displayZone, rangeHours, type ViewProps } from '../context';
import { cellColour, cellGap, heatGrid, type HeatCell, type PlanRow } from '../heat-grid';
import { localLabel, zoneNames } from '../time';
import { CsvButton, DataTable, Empty, Loaded, fmt, pct, useAsync } from '../ui';

interface PeriodSummary {
  period: string;
  requiredAgentHours: number;
  scheduledAgentHours: number;
  rosteredAgentHours: number;
  shortAgentHours: number;
  hoursShort: number;
  serviceLevel: number | null;
  abandonment: number | null;
}

interface Plan {
  rows: PlanRow[];
  summaries: { queueId: string; timeZone: string; total: PeriodSummary; days: PeriodSummary[]; weeks: PeriodSummary[] }[];
  worstHours: PlanRow[];
  idleAgentHours: number;
}

const PERIOD_COLUMNS = ['period', 'required agent-h', 'scheduled agent-h', 'rostered agent-h', 'short agent-h', 'hours short', 'service level', 'abandonment'];
const periodRow = (p: PeriodSummary) => [p.period, p.requiredAgentHours, p.scheduledAgentHours, p.rosteredAgentHours, p.shortAgentHours, p.hoursShort, p.serviceLevel, p.abandonment];
const PLAN_COLUMNS = ['queueId', 'hour (UTC)', 'local hour', 'open', 'forecast mean', 'forecast planned', 'AHT s', 'required agents', 'scheduled agents', 'rostered agents', 'gap', 'service level', 'abandonment'];

/** The capacity plan: the gap as a local hour × day heat map per queue, totals per day and week, the worst hours. */
export function CapacityView({ api, queues, filters }: ViewProps) {
  const [plan, retry] = useAsync(
    () => api.post<Plan>('/v1/plans', { queueIds: filters.queueIds, from: `${filters.from}T00:00:00Z`, horizonHours: rangeHours(filters) }),
    [api, filters.queueIds.join(','), filters.from, filters.to],
  );
  return (
    <Loaded result={plan} what="the capacity plan" retry={retry}>
      {(p) =>
        p.rows.length === 0 ? (
          <Empty>The plan has no hours for these queues.</Empty>
        ) : (
          <div class="capacity">
            <div class="view-tools">
              <CsvButton
                name={`capacity-plan-${filters.from}.csv`}
                label="the capacity plan"
                columns={PLAN_COLUMNS}
                rows={p.rows.map((r) => {
                  const zone = displayZone(filters, queues.find((q) => q.queueId === r.queueId));
                  return [r.queueId, r.hour, localLabel(r.hour, zone), r.open, r.forecastMean, r.forecastPlanned, r.ahtSeconds, r.rawAgents, r.scheduledAgents, r.rosteredAgents, r.gap, r.serviceLevel, r.abandonment];
                })}
              />
            </div>
            {p.summaries.map((s) => {
              const queue = queues.find((q) => q.queueId === s.queueId);
              const zone = displayZone(filters, queue);
              const rows = p.rows.filter((r) => r.queueId === s.queueId);
              return (
                <section key={s.queueId} class="queue-plan" data-queue={s.queueId}>
                  <h2>
                    {queue?.name ?? s.queueId} <span class="muted">({s.queueId})</span>
                  </h2>
                  <HeatMap queueId={s.queueId} rows={rows} zone={zone} />
                  <div class="totals">
                    <DataTable caption={`Totals per day, ${s.timeZone} local days`} columns={PERIOD_COLUMNS} rows={s.days.map(periodRow)} csvName={`${s.queueId}-days.csv`} testId={`days-${s.queueId}`} />
                    <DataTable caption={`Totals per ISO week, ${s.timeZone}`} columns={PERIOD_COLUMNS} rows={[...s.weeks.map(periodRow), periodRow({ ...s.total, period: 'total' })]} csvName={`${s.queueId}-weeks.csv`} testId={`weeks-${s.queueId}`} />
                  </div>
                </section>
              );
            })}
            <DataTable
              caption="Worst hours (largest shortfall first)"
              columns={['queue', 'local time', 'required agents', 'rostered agents', 'gap', 'service level', 'abandonment']}
              rows={p.worstHours.map((r) => [r.queueId, localLabel(r.hour, displayZone(filters, queues.find((q) => q.queueId === r.queueId))), r.rawAgents, r.rosteredAgents, r.gap, r.serviceLevel, r.abandonment])}
              csvName={`worst-hours-${filters.from}.csv`}
              testId="worst-hours"
            />
          </div>
        )
      }
    </Loaded>
  );
}

function cellTitle(cell: HeatCell): string {
  return cell.rows
    .map((r, i) => `${cell.date} ${String(cell.hour).padStart(2, '0')}:00 ${cell.zoneNames[i]}${r.open ? '' : ' (closed)'}: required ${fmt(r.rawAgents, 2)}, rostered ${fmt(r.rosteredAgents, 2)}, gap ${fmt(r.gap, 2)}, SL ${pct(r.serviceLevel)}, abandonment ${pct(r.abandonment)}`)
    .join('\n');
}

function HeatMap({ queueId, rows, zone }: { queueId: string; rows: PlanRow[]; zone: string }) {
  const grid = heatGrid(rows, zone);
  const [focus, setFocus] = useState<HeatCell | null>(null);
  const [active, setActive] = useState<{ day: number; hour: number } | null>(null);
  const first = firstCell(grid.cells);
  const current = active && grid.cells[active.day]?.[active.hour]?.rows.length ? active : first;
  const onKeyDown = (e: KeyboardEvent) => {
    const step = ARROWS[e.key];
    if (!step || !current) return;
    e.preventDefault();
    const next = nextCell(grid.cells, current, step);
    if (!next) return;
    setActive(next);
    const cell = grid.cells[next.day]![next.hour]!;
    (e.currentTarget as HTMLElement).querySelector<HTMLButtonElement>(`button.cell[data-date="${cell.date}"][data-hour="${cell.hour}"]`)?.focus();
  };
  const names = zoneNames(
    rows.map((r) => r.hour),
    zone,
  );
  return (
    <div class="heatmap-wrap">
      <p class="zone-note">
        Staffing gap by local hour, in <strong data-testid={`zone-${queueId}`}>{zone}</strong> ({names}). Red is short of the requirement, blue is surplus, grey is closed.
      </p>
      <p class="sr-only">Use the arrow keys to move between hours.</p>
      <table class="heatmap" data-testid={`heatmap-${queueId}`} onKeyDown={onKeyDown}>
        <caption class="sr-only">Staffing gap (rostered − required agents) for {queueId} by local day and hour</caption>
        <thead>
          <tr>
            <th scope="col">day</th>
            {Array.from({ length: 24 }, (_, h) => (
              <th scope="col" key={h}>
                {String(h).padStart(2, '0')}
              </th>
            ))}
            <th scope="col">short agent-h</th>
          </tr>
        </thead>
        <tbody>
          {grid.days.map((day, d) => {
            const cells = grid.cells[d]!;
            const short = cells.reduce((s, c) => s + c.rows.reduce((t, r) => t + Math.max(0, -r.gap), 0), 0);
            return (
              <tr key={day}>
                <th scope="row">{new Date(`${day}T12:00:00Z`).toLocaleDateString('en-US', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' })}</th>
                {cells.map((cell, h) => {
                  const colour = cellColour(cell, grid.scale);
                  const strong = /rgba\(.*, (0\.[6-9]\d|1\.00)\)$/.test(colour);
                  return (
                    <td key={cell.hour} style={{ background: colour }} class={strong ? 'strong' : undefined}>
                      {cell.rows.length > 0 && (
                        <button
                          type="button"
                          class="cell"
                          tabIndex={current && current.day === d && current.hour === h ? 0 : -1}
                          data-date={cell.date}
                          data-hour={cell.hour}
                          data-utc={cell.rows.map((r) => r.hour).join(' ')}
                          data-gap={cell.rows.map((r) => r.gap).join(' ')}
                          title={cellTitle(cell)}
                          aria-label={cellTitle(cell)}
                          onMouseEnter={() => setFocus(cell)}
                          onFocus={() => {
                            setFocus(cell);
                            setActive({ day: d, hour: h });
                          }}
                        >
                          {cell.rows.some((r) => r.open) ? fmt(Math.round(cellGap(cell) * 10) / 10, 1) : ''}
                        </button>
                      )}
                    </td>
                  );
                })}
                <td class="num" data-testid="row-short">
                  {fmt(short, 1)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div class="cell-detail" aria-live="polite" data-testid={`detail-${queueId}`}>
        {focus ? (
          focus.rows.map((r, i) => (
            <dl key={r.hour}>
              <dt>Hour</dt>
              <dd>
                {focus.date} {String(focus.hour).padStart(2, '0')}:00 {focus.zoneNames[i]} ({r.hour.slice(11, 16)} UTC){r.open ? '' : ', closed'}
              </dd>
              <dt>Required</dt>
              <dd data-field="required">{fmt(r.rawAgents, 2)}</dd>
              <dt>Rostered</dt>
              <dd data-field="rostered">{fmt(r.rosteredAgents, 2)}</dd>
              <dt>Gap</dt>
              <dd data-field="gap">{fmt(r.gap, 2)}</dd>
              <dt>Projected SL</dt>
              <dd data-field="sl">{pct(r.serviceLevel)}</dd>
              <dt>Abandonment</dt>
              <dd data-field="abandonment">{pct(r.abandonment)}</dd>
            </dl>
          ))
        ) : (
          <p class="muted">Hover over or tab to an hour to see required and rostered agents, projected service level and abandonment.</p>
        )}
      </div>
    </div>
  );
}

const ARROWS: Record<string, { day: number; hour: number }> = { ArrowLeft: { day: 0, hour: -1 }, ArrowRight: { day: 0, hour: 1 }, ArrowUp: { day: -1, hour: 0 }, ArrowDown: { day: 1, hour: 0 } };

function firstCell(cells: HeatCell[][]): { day: number; hour: number } | null {
  for (let day = 0; day < cells.length; day++) for (let hour = 0; hour < 24; hour++) if (cells[day]![hour]!.rows.length > 0) return { day, hour };
  return null;
}

/** The next hour with plan rows in the arrow's direction (a DST gap or the range's edge is stepped over). */
function nextCell(cells: HeatCell[][], from: { day: number; hour: number }, step: { day: number; hour: number }): { day: number; hour: number } | null {
  let { day, hour } = from;
  for (;;) {
    day += step.day;
    hour += step.hour;
    if (day < 0 || day >= cells.length || hour < 0 || hour > 23) return null;
    if (cells[day]![hour]!.rows.length > 0) return { day, hour };
  }
}
