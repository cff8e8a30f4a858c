import { useState } from 'preact/hooks';
import { queryString, type QueueListing } from '../api';
import { TimeChart } from '../chart';
import { displayZone, rangeHours, type ViewProps } from '../context';
import { DataTable, Empty, Loaded, useAsync } from '../ui';

interface KpiPeriod {
  period: string;
  start: string;
  arrivals: number;
  resolutions: number;
  resolutionSeconds: { median: number | null; p90: number | null } | null;
  csat: { rated: number; satisfied: number; share: number | null } | null;
  escalations: { total: number; rate: number | null } | null;
}

interface DriverWeek {
  week: string;
  start: string;
  rows: { category: string; market: string; arrivals: number; escalations: number; arrivalsChange: number | null }[];
}

const minutes = (seconds: number | null | undefined) => (seconds === null || seconds === undefined ? null : seconds / 60);

const percent = (fraction: number | null | undefined) => (fraction === null || fraction === undefined ? null : fraction * 100);

const COLOURS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#ca8a04', '#db2777', '#4b5563', '#65a30d'];

/** KPIs per queue (resolution median and p90, CSAT, escalations and rate) and the contact-driver trend per category. */
export function KpiView(props: ViewProps) {
  const [granularity, setGranularity] = useState<'day' | 'week'>(rangeHours(props.filters) > 31 * 24 ? 'week' : 'day');
  return (
    <div class="kpis">
      <label class="inline">
        Periods
        <select name="granularity" value={granularity} onChange={(e) => setGranularity(e.currentTarget.value as 'day' | 'week')}>
          <option value="day">local days</option>
          <option value="week">ISO weeks</option>
        </select>
      </label>
      {props.filters.queueIds.map((id) => (
        <QueueKpis key={id} {...props} queue={props.queues.find((q) => q.queueId === id)!} granularity={granularity} />
      ))}
      <Drivers {...props} />
    </div>
  );
}

function QueueKpis({ api, queue, filters, granularity }: ViewProps & { queue: QueueListing; granularity: 'day' | 'week' }) {
  const [kpis, retry] = useAsync(
    () => api.get<{ timeZone: string; periods: KpiPeriod[] }>(`/v1/kpis?${queryString({ queueId: queue.queueId, from: filters.from, to: filters.to, granularity })}`),
    [api, queue.queueId, filters.from, filters.to, granularity],
  );
  const zone = displayZone(filters, queue);
  return (
    <section class="queue-kpis" data-queue={queue.queueId}>
      <h2>
        {queue.name} <span class="muted">({queue.queueId})</span>
      </h2>
      <Loaded result={kpis} what={`KPIs for ${queue.queueId}`} retry={retry}>
        {(k) =>
          k.periods.every((p) => p.arrivals === 0 && p.resolutions === 0) ? (
            <Empty>No tickets were created or resolved in this range (periods are {k.timeZone} local {granularity}s). Pick dates inside the history.</Empty>
          ) : (
            <>
              <p class="zone-note">
                Periods are local {granularity}s of the queue's zone, <strong>{k.timeZone}</strong>; the axis reads in <strong>{zone}</strong>.
              </p>
              <TimeChart
                title={`Resolution time, ${queue.queueId}`}
                xMs={k.periods.map((p) => Date.parse(p.start))}
                series={[
                  { label: 'Median (min)', values: k.periods.map((p) => minutes(p.resolutionSeconds?.median)), color: '#2563eb', width: 2 },
                  { label: 'p90 (min)', values: k.periods.map((p) => minutes(p.resolutionSeconds?.p90)), color: '#dc2626', width: 2 },
                ]}
                zone={zone}
                yLabel="minutes"
                height={220}
                testId={`kpi-chart-${queue.queueId}`}
              />
              <TimeChart
                title={`CSAT and escalation rate, ${queue.queueId}`}
                xMs={k.periods.map((p) => Date.parse(p.start))}
                series={[
                  { label: 'CSAT satisfied (%)', values: k.periods.map((p) => percent(p.csat?.share)), color: '#16a34a', width: 2 },
                  { label: 'Escalation rate (%)', values: k.periods.map((p) => percent(p.escalations?.rate)), color: '#9333ea', width: 2 },
                ]}
                zone={zone}
                yLabel="%"
                height={200}
                testId={`kpi-rates-chart-${queue.queueId}`}
              />
              <DataTable
                caption={`KPIs per ${granularity}, ${queue.queueId}`}
                columns={['period', 'arrivals', 'resolutions', 'median resolution s', 'p90 resolution s', 'CSAT rated', 'CSAT satisfied share', 'escalations', 'escalation rate']}
                rows={k.periods.map((p) => [p.period, p.arrivals, p.resolutions, p.resolutionSeconds?.median, p.resolutionSeconds?.p90, p.csat?.rated, p.csat?.share, p.escalations?.total, p.escalations?.rate])}
                csvName={`kpis-${queue.queueId}-${filters.from}.csv`}
                testId={`kpi-table-${queue.queueId}`}
              />
            </>
          )
        }
      </Loaded>
    </section>
  );
}

function Drivers({ api, filters }: ViewProps) {
  const [drivers, retry] = useAsync(() => api.get<{ weeks: DriverWeek[] }>(`/v1/drivers?${queryString({ from: filters.from, to: filters.to })}`), [api, filters.from, filters.to]);
  return (
    <section class="drivers">
      <h2>Contact drivers by category (all markets, UTC ISO weeks)</h2>
      <Loaded result={drivers} what="contact drivers" retry={retry}>
        {(d) => {
          const categories = [...new Set(d.weeks.flatMap((w) => w.rows.map((r) => r.category)))].sort();
          if (categories.length === 0) return <Empty>No tickets in these weeks.</Empty>;
          const perCategory = (w: DriverWeek, c: string, field: 'arrivals' | 'escalations') => w.rows.filter((r) => r.category === c).reduce((s, r) => s + r[field], 0);
          return (
            <>
              <TimeChart
                title="Arrivals per week by category"
                xMs={d.weeks.map((w) => Date.parse(w.start))}
                series={categories.map((c, i) => ({ label: c, values: d.weeks.map((w) => perCategory(w, c, 'arrivals')), color: COLOURS[i % COLOURS.length]!, width: 2 }))}
                zone="UTC"
                xLabel="ISO week starting (UTC)"
                yLabel="tickets / week"
                height={240}
                testId="drivers-chart"
              />
              <DataTable
                caption="Contact drivers per week, category and market"
                columns={['week', 'category', 'market', 'arrivals', 'escalations', 'arrivals change vs previous week']}
                rows={d.weeks.flatMap((w) => w.rows.map((r) => [w.week, r.category, r.market, r.arrivals, r.escalations, r.arrivalsChange]))}
                csvName={`drivers-${filters.from}.csv`}
                testId="drivers-table"
                collapsed
              />
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
