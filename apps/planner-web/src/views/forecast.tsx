import { useState } from 'preact/hooks';
import { describeError, queryString, type Api, type QueueListing } from '../api';
import { TimeChart, type ChartMarker } from '../chart';
import { displayZone, rangeHours, type Filters, type ViewProps } from '../context';
import { HOUR_MS, DAY_MS, localLabel, localParts, zoneNames } from '../time';
import { DataTable, Empty, ErrorBox, Loaded, Stat, pct, fmt, useAsync } from '../ui';

interface QueueForecast {
  queueId: string;
  timeZone: string;
  method: string;
  backtest: { origins: number; horizonHours: number; wape: number | null };
  historyHours: number;
  volume: { mean: number[]; quantiles: Record<string, number[]> };
  launches: { past: { start: string; end: string; kind: string; realisedUpliftPct: number | null }[]; applied: { start: string; end: string; kind: string; upliftPct: number }[] };
}

interface Accuracy {
  publications: number;
  hoursCompared: number;
  overall: { wape: number | null; bias: number | null; coverage: number | null };
  byHorizon: { horizon: string; hours: number; wape: number | null; bias: number | null; coverage: number | null }[];
}

interface ForecastData {
  forecast: QueueForecast;
  actuals: { hour: string; arrivals: number }[];
  holidays: Record<string, string>;
  accuracy: Accuracy;
}

/** Two weeks of actuals before the range, for context. */
const HISTORY_DAYS = 14;

async function loadForecast(api: Api, queue: QueueListing, filters: Filters): Promise<ForecastData> {
  const from = `${filters.from}T00:00:00Z`;
  const to = `${filters.to}T00:00:00Z`;
  const historyFrom = new Date(Date.parse(from) - HISTORY_DAYS * DAY_MS).toISOString();
  const markets = queue.routing.markets;
  const [forecasts, volume, calendars, accuracy] = await Promise.all([
    api.post<{ queues: QueueForecast[] }>('/v1/forecasts', { queueIds: [queue.queueId], from, horizonHours: rangeHours(filters), quantiles: [0.1, 0.9] }),
    api.get<{ hours: { hour: string; arrivals: number }[] }>(`/v1/queues/${encodeURIComponent(queue.queueId)}/volume?${queryString({ from: historyFrom, to })}`),
    Promise.all(markets.map((m) => api.get<{ holidays: Record<string, string> }>(`/v1/calendars/${m}/holidays`).catch(() => ({ holidays: {} })))),
    api.get<Accuracy>(`/v1/accuracy?${queryString({ queueId: queue.queueId, from: historyFrom, to })}`),
  ]);
  return { forecast: forecasts.queues[0]!, actuals: volume.hours, holidays: Object.assign({}, ...calendars.map((c) => c.holidays)), accuracy };
}

/** Forecast against actuals per queue: history, forecast with its 80% band, holiday and launch markers, backtest and published accuracy. */
export function ForecastView(props: ViewProps) {
  return (
    <div class="forecast">
      {props.filters.queueIds.map((id) => (
        <QueueForecastPanel key={id} {...props} queue={props.queues.find((q) => q.queueId === id)!} />
      ))}
    </div>
  );
}

function QueueForecastPanel({ api, queue, filters, role }: ViewProps & { queue: QueueListing }) {
  const [data, retry] = useAsync(() => loadForecast(api, queue, filters), [api, queue.queueId, filters.from, filters.to]);
  const zone = displayZone(filters, queue);
  return (
    <section class="queue-forecast" data-queue={queue.queueId}>
      <h2>
        {queue.name} <span class="muted">({queue.queueId})</span>
      </h2>
      <Loaded result={data} what={`the forecast for ${queue.queueId}`} retry={retry}>
        {(d) => <ForecastBody data={d} zone={zone} filters={filters} api={api} queue={queue} role={role} onPublished={retry} />}
      </Loaded>
    </section>
  );
}

function markersFor(d: ForecastData, hours: number[], zone: string): ChartMarker[] {
  const markers: ChartMarker[] = [];
  for (const [date, name] of Object.entries(d.holidays)) {
    const inDay = hours.filter((ms) => localParts(ms, zone).date === date);
    if (inDay.length > 0) markers.push({ fromMs: inDay[0]!, toMs: inDay.at(-1)! + HOUR_MS, label: `Holiday: ${name}`, color: 'rgba(234, 179, 8, 0.18)' });
  }
  for (const l of [...d.forecast.launches.past, ...d.forecast.launches.applied]) {
    markers.push({ fromMs: Date.parse(l.start), toMs: Date.parse(l.end), label: `Launch (${l.kind})`, color: 'rgba(168, 85, 247, 0.14)' });
  }
  return markers.filter((m) => m.toMs > hours[0]! && m.fromMs <= hours.at(-1)!);
}

function ForecastBody({ data, zone, filters, api, queue, role, onPublished }: { data: ForecastData; zone: string; filters: Filters; api: Api; queue: QueueListing; role: string; onPublished: () => void }) {
  const f = data.forecast;
  const startMs = Date.parse(`${filters.from}T00:00:00Z`);
  const historyStart = startMs - HISTORY_DAYS * DAY_MS;
  const n = (startMs - historyStart) / HOUR_MS + f.volume.mean.length;
  const hours = Array.from({ length: n }, (_, i) => historyStart + i * HOUR_MS);
  const actualByHour = new Map(data.actuals.map((a) => [Date.parse(a.hour), a.arrivals]));
  const offset = (startMs - historyStart) / HOUR_MS;
  const at = (values: number[] | undefined, i: number) => (i >= offset && values ? (values[i - offset] ?? null) : null);
  const actual = hours.map((ms) => actualByHour.get(ms) ?? null);
  const mean = hours.map((_, i) => at(f.volume.mean, i));
  const lo = hours.map((_, i) => at(f.volume.quantiles['0.1'], i));
  const hi = hours.map((_, i) => at(f.volume.quantiles['0.9'], i));
  const markers = markersFor(data, hours, zone);
  const series = [
    { label: 'Actual arrivals', values: actual, color: '#111827' },
    { label: 'Forecast p90', values: hi, color: 'rgba(37, 99, 235, 0.4)', width: 1 },
    { label: 'Forecast p10', values: lo, color: 'rgba(37, 99, 235, 0.4)', width: 1, bandWith: 'Forecast p90' },
    { label: 'Forecast mean', values: mean, color: '#2563eb', width: 2 },
  ];
  const forecastHours = hours.slice(offset);
  return (
    <>
      <div class="stats">
        <Stat label="Method chosen" value={f.method} testId={`method-${f.queueId}`} />
        <Stat label={`Backtest WAPE (${f.backtest.origins} origins, ${f.backtest.horizonHours} h ahead)`} value={pct(f.backtest.wape)} testId={`wape-${f.queueId}`} />
        <Stat label="Forecast tickets in range" value={fmt(f.volume.mean.reduce((s, v) => s + v, 0), 0)} testId={`total-${f.queueId}`} />
        <Stat label="History used" value={`${fmt(f.historyHours)} h`} />
      </div>
      <p class="zone-note">
        Hours in <strong>{zone}</strong> ({zoneNames(hours, zone)}). The band is the 80% interval (p10–p90). Shaded: holidays (yellow) and launches (purple).
      </p>
      <TimeChart title={`Tickets per hour, ${queue.queueId}`} xMs={hours} series={series} zone={zone} markers={markers} yLabel="tickets / hour" testId={`chart-${f.queueId}`} />
      {markers.length > 0 && (
        <ul class="markers" data-testid={`markers-${f.queueId}`}>
          {markers.map((m) => (
            <li key={m.label + m.fromMs}>
              {m.label}: {localLabel(m.fromMs, zone)} to {localLabel(m.toMs, zone)}
            </li>
          ))}
        </ul>
      )}
      <DataTable
        caption={`Forecast by hour, ${queue.queueId}`}
        columns={['hour (UTC)', 'local hour', 'actual', 'forecast mean', 'p10', 'p90']}
        rows={forecastHours.map((ms, i) => [new Date(ms).toISOString(), localLabel(ms, zone), actual[offset + i], mean[offset + i], lo[offset + i], hi[offset + i]])}
        csvName={`forecast-${queue.queueId}-${filters.from}.csv`}
        testId={`forecast-table-${f.queueId}`}
        collapsed
      />
      <PublishedAccuracy accuracy={data.accuracy} api={api} queue={queue} filters={filters} role={role} onPublished={onPublished} />
    </>
  );
}

function PublishedAccuracy({ accuracy, api, queue, filters, role, onPublished }: { accuracy: Accuracy; api: Api; queue: QueueListing; filters: Filters; role: string; onPublished: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const publish = () => {
    setBusy(true);
    setError(null);
    api.post('/v1/forecasts/publish', { queueIds: [queue.queueId], from: `${filters.from}T00:00:00Z`, horizonHours: rangeHours(filters) }).then(
      () => {
        setBusy(false);
        onPublished();
      },
      (e: unknown) => {
        setBusy(false);
        setError(describeError(e));
      },
    );
  };
  return (
    <section class="accuracy">
      <h3>Accuracy of published forecasts</h3>
      {accuracy.publications === 0 || accuracy.hoursCompared === 0 ? (
        <Empty>
          {accuracy.publications === 0 ? 'No forecast of this queue was published for these hours.' : 'Published forecasts cover these hours, but no actuals have arrived for them yet.'} Publishing records the
          forecast with its log position so it can be scored as tickets arrive.
        </Empty>
      ) : (
        <DataTable
          caption={`Published forecasts scored against actuals (${accuracy.publications} publications, ${accuracy.hoursCompared} hours)`}
          columns={['hours ahead', 'hours', 'WAPE', 'bias', '80% coverage']}
          rows={[...accuracy.byHorizon, { horizon: 'all', ...accuracy.overall, hours: accuracy.hoursCompared }].map((h) => [h.horizon, h.hours, h.wape, h.bias, h.coverage])}
          csvName={`accuracy-${queue.queueId}.csv`}
          testId={`accuracy-${queue.queueId}`}
        />
      )}
      {role !== 'viewer' && (
        <button type="button" class="secondary" onClick={publish} disabled={busy}>
          {busy ? 'Publishing…' : 'Publish this forecast'}
        </button>
      )}
      {error && <ErrorBox message={error} />}
    </section>
  );
}
