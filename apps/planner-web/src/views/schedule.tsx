import { useMemo, useState } from 'preact/hooks';
import { describeError, queryString, type Api } from '../api';
import { TimeChart } from '../chart';
import type { ViewProps } from '../context';
import { downloadCsv } from '../csv';
import { addDays, dateMs } from '../time';
import { DataTable, ErrorBox, Loading, Stat, fmt } from '../ui';
import { ScheduleGantt, type AgentWeek } from './schedule-gantt';

interface Totals {
  requiredAgentHours: number;
  coveredAgentHours: number;
  underAgentHours: number;
  overAgentHours: number;
  payrollCost: { currency: string; amount: number }[];
  objective: number | null;
  lowerBound: number | null;
  mipGap: number | null;
  status: string;
  seconds: number;
}

interface QueueCoverage {
  queueId: string;
  requiredAgentHours: number;
  coveredAgentHours: number;
  underAgentHours: number;
  required: number[];
  covered: number[];
}

interface Unmet {
  queueId: string;
  reason: string;
  agentHours: number;
  intervals: number;
  firstAt: string;
}

/** The answer of `POST /v1/schedules/runs`: the draft and the run's report. */
export interface ScheduleRun {
  scheduleId: string;
  request: { siteId: string; weekStart: string; weeks: number };
  agents: AgentWeek[];
  totals: Totals;
  baselineUnderAgentHours?: number;
  intervalStart?: string;
  intervalMinutes?: number;
  queues?: QueueCoverage[];
  unmet?: Unmet[];
  /** Set when the draft was opened by id (GET /v1/schedules/:id). */
  published?: boolean;
}

const REASONS: Record<string, string> = {
  'no-certified-agent': 'no agent at the site is certified for this queue',
  'no-certified-agent-available': 'certified agents exist but none is available then (absent, off-contract hours or not yet employed)',
  'contract-limits': 'certified agents exist but their contract rules (hours, days, rest) leave it open',
};

/** The first Monday on or after a YYYY-MM-DD date. */
const mondayFrom = (date: string): string => addDays(date, (8 - new Date(dateMs(date)).getUTCDay()) % 7);

const hours = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${fmt(v, 2)} h`);

/** Schedule generation: run the optimiser for a site's week, read the Gantt and coverage, publish, export CSV. */
export function ScheduleView({ api, filters, role }: ViewProps) {
  const [form, setForm] = useState({ siteId: '', weekStart: mondayFrom(filters.from), weeks: '1', timeLimitSeconds: '20' });
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ run: ScheduleRun; timeZone: string } | null>(null);
  const planner = role === 'planner';

  const submit = async (e: Event) => {
    e.preventDefault();
    const weeks = Number(form.weeks);
    const timeLimitSeconds = Number(form.timeLimitSeconds);
    if (!form.siteId.trim()) return setError('siteId: required');
    if (!Number.isFinite(timeLimitSeconds)) return setError('timeLimitSeconds: must be a number');
    setError(null);
    setRunning(true);
    try {
      const run = await api.post<ScheduleRun>('/v1/schedules/runs', { siteId: form.siteId.trim(), weekStart: form.weekStart, weeks, timeLimitSeconds });
      const { rules } = await api.get<{ rules: { timeZone: string } | null }>(`/v1/schedule-rules/${encodeURIComponent(run.request.siteId)}`);
      setResult({ run, timeZone: rules?.timeZone ?? 'UTC' });
    } catch (err) {
      setError(describeError(err));
    } finally {
      setRunning(false);
    }
  };
  const field = (name: keyof typeof form) => ({ name, value: form[name], onInput: (e: { currentTarget: HTMLInputElement }) => setForm({ ...form, [name]: e.currentTarget.value }) });

  return (
    <div class="schedule">
      {planner ? (
        <form class="schedule-form" onSubmit={submit} aria-label="Run a schedule">
          <label>
            Site id
            <input {...field('siteId')} required placeholder="e.g. kul" />
          </label>
          <label>
            Week starting (site-local Monday)
            <input type="date" {...field('weekStart')} required />
          </label>
          <label>
            Weeks
            <input type="number" min={1} max={4} step={1} {...field('weeks')} />
          </label>
          <label>
            Solver time limit (s)
            <input type="number" min={1} max={120} step={1} {...field('timeLimitSeconds')} />
          </label>
          <button type="submit" disabled={running}>
            {running ? 'Running…' : 'Run schedule'}
          </button>
        </form>
      ) : (
        <p class="status empty">Only a planner can run or publish a schedule; open a recorded one below by its id.</p>
      )}
      <OpenRecorded api={api} busy={running} onOpen={(run, timeZone) => setResult({ run, timeZone })} onError={setError} />
      {running && <Loading what={`a schedule: the solver runs for up to ${form.timeLimitSeconds} s`} />}
      {error && <ErrorBox message={error} />}
      {result && !running && <ScheduleResult api={api} run={result.run} timeZone={result.timeZone} planner={planner} />}
    </div>
  );
}

/** Opens a recorded draft by id: its Gantt and totals (coverage per interval comes only with a run). */
function OpenRecorded({ api, busy, onOpen, onError }: { api: Api; busy: boolean; onOpen: (run: ScheduleRun, timeZone: string) => void; onError: (message: string | null) => void }) {
  const [id, setId] = useState('');
  const [loading, setLoading] = useState(false);
  const open = async (e: Event) => {
    e.preventDefault();
    if (!id.trim()) return onError('id: required');
    onError(null);
    setLoading(true);
    try {
      const run = await api.get<ScheduleRun & { rules: { timeZone: string } }>(`/v1/schedules/${encodeURIComponent(id.trim())}`);
      onOpen(run, run.rules.timeZone);
    } catch (err) {
      onError(describeError(err));
    } finally {
      setLoading(false);
    }
  };
  return (
    <form class="schedule-form" onSubmit={open} aria-label="Open a recorded schedule">
      <label>
        Recorded schedule id
        <input name="openScheduleId" value={id} onInput={(e) => setId(e.currentTarget.value)} required />
      </label>
      <button type="submit" class="secondary" disabled={busy || loading}>
        {loading ? 'Opening…' : 'Open schedule'}
      </button>
    </form>
  );
}

function ScheduleResult({ api, run, timeZone, planner }: { api: Api; run: ScheduleRun; timeZone: string; planner: boolean }) {
  const [publishing, setPublishing] = useState<{ state: 'idle' | 'busy' } | { state: 'done'; message: string } | { state: 'error'; message: string }>({ state: 'idle' });
  const [csvError, setCsvError] = useState<string | null>(null);
  const t = run.totals;
  const publish = async () => {
    setPublishing({ state: 'busy' });
    try {
      const r = await api.post<{ published: boolean; agentEvents?: number }>(`/v1/schedules/${encodeURIComponent(run.scheduleId)}/publication`, undefined);
      setPublishing({ state: 'done', message: r.published ? `Published: ${r.agentEvents ?? 0} agent schedule events written.` : 'Already published: nothing new was written.' });
    } catch (err) {
      setPublishing({ state: 'error', message: describeError(err) });
    }
  };
  const csv = async () => {
    setCsvError(null);
    try {
      downloadCsv(`schedule-${run.scheduleId}.csv`, await api.getText(`/v1/schedules/${encodeURIComponent(run.scheduleId)}?${queryString({ format: 'csv' })}`));
    } catch (err) {
      setCsvError(describeError(err));
    }
  };
  return (
    <section class="schedule-result" data-testid="schedule-result" data-schedule-id={run.scheduleId} aria-label={`Schedule ${run.scheduleId}`}>
      <h2>
        Schedule {run.scheduleId} <span class="muted">· {run.request.siteId} · week of {run.request.weekStart} · {timeZone}</span>
      </h2>
      <div class="stats">
        <Stat label="Solver status" value={t.status} raw={t.status} testId="sched-status" />
        <Stat label="Under-staffed agent-hours" value={hours(t.underAgentHours)} raw={t.underAgentHours} testId="sched-under" />
        <Stat label="Before (recorded schedules)" value={hours(run.baselineUnderAgentHours)} raw={run.baselineUnderAgentHours ?? null} testId="sched-baseline" />
        <Stat label="Over-staffed agent-hours" value={hours(t.overAgentHours)} raw={t.overAgentHours} testId="sched-over" />
        <Stat label="Objective" value={fmt(t.objective, 2)} raw={t.objective} testId="sched-objective" />
        <Stat label="LP bound" value={fmt(t.lowerBound, 2)} raw={t.lowerBound} testId="sched-bound" />
        <Stat label="MIP gap" value={t.mipGap === null ? '—' : `${(t.mipGap * 100).toFixed(2)}%`} raw={t.mipGap} testId="sched-gap" />
        <Stat label="Payroll" value={t.payrollCost.map((p) => `${fmt(p.amount, 2)} ${p.currency}`).join(', ') || '—'} raw={t.payrollCost.map((p) => `${p.amount} ${p.currency}`).join(', ')} testId="sched-payroll" />
        <Stat label="Solver time" value={`${t.seconds.toFixed(1)} s`} raw={t.seconds} testId="sched-seconds" />
      </div>
      {t.status !== 'optimal' && (
        <p class="status warnings" data-testid="sched-status-note">
          The solver stopped with status “{t.status}” after {t.seconds.toFixed(1)} s: this is the best schedule it found, and the MIP gap is its distance from the LP bound. A longer time limit may close it.
        </p>
      )}
      <div class="view-tools schedule-actions">
        <button type="button" class="secondary" onClick={csv}>
          Download schedule CSV
        </button>
        {planner && (
          <button type="button" onClick={publish} disabled={publishing.state === 'busy'}>
            {publishing.state === 'busy' ? 'Publishing…' : 'Publish'}
          </button>
        )}
      </div>
      {run.published !== undefined && (
        <p class="status" data-testid="recorded-note">
          {run.published ? 'This draft is published to the agents.' : 'This draft is not published yet.'} Coverage per interval is shown only right after a run.
        </p>
      )}
      {csvError && <ErrorBox message={csvError} />}
      {publishing.state === 'done' && (
        <p class="status" role="status" data-testid="publish-result">
          {publishing.message}
        </p>
      )}
      {publishing.state === 'error' && <ErrorBox message={publishing.message} />}
      <ScheduleGantt agents={run.agents} weekStart={run.request.weekStart} weeks={run.request.weeks} timeZone={timeZone} />
      <UnmetTable unmet={run.unmet ?? []} timeZone={timeZone} />
      {run.queues && run.intervalStart && <Coverage queues={run.queues} startMs={Date.parse(run.intervalStart)} stepMs={(run.intervalMinutes ?? 15) * 60_000} timeZone={timeZone} />}
    </section>
  );
}

const localMinute = (ms: number, zone: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(ms));

function UnmetTable({ unmet, timeZone }: { unmet: Unmet[]; timeZone: string }) {
  if (unmet.length === 0) return <p class="status empty">All the requirement the rules allow was met: nothing is reported unmet.</p>;
  return (
    <DataTable
      caption="Requirement that could not be met, and why"
      columns={['queue', 'reason', 'agent-hours', 'intervals', 'first interval (local)']}
      rows={unmet.map((u) => [u.queueId, REASONS[u.reason] ?? u.reason, u.agentHours, u.intervals, localMinute(Date.parse(u.firstAt), timeZone)])}
      csvName="schedule-unmet.csv"
      testId="sched-unmet"
    />
  );
}

function Coverage({ queues, startMs, stepMs, timeZone }: { queues: QueueCoverage[]; startMs: number; stepMs: number; timeZone: string }) {
  return (
    <>
      <h3>Coverage against requirement, per queue and 15-minute interval</h3>
      <DataTable
        caption="Agent-hours per queue"
        columns={['queue', 'required agent-hours', 'covered agent-hours', 'under-staffed agent-hours']}
        rows={queues.map((q) => [q.queueId, q.requiredAgentHours, q.coveredAgentHours, q.underAgentHours])}
        csvName="schedule-coverage-totals.csv"
        testId="sched-queues"
      />
      {queues.map((q) => (
        <QueueCoverageChart key={q.queueId} queue={q} startMs={startMs} stepMs={stepMs} timeZone={timeZone} />
      ))}
    </>
  );
}

function QueueCoverageChart({ queue: q, startMs, stepMs, timeZone }: { queue: QueueCoverage; startMs: number; stepMs: number; timeZone: string }) {
  // Memoised so that a re-render (publishing) does not rebuild the chart.
  const xMs = useMemo(() => q.required.map((_, i) => startMs + i * stepMs), [q, startMs, stepMs]);
  const series = useMemo(
    () => [
      { label: 'required', values: q.required, color: '#b91c1c', dash: [6, 3] },
      { label: 'covered', values: q.covered, color: '#1d4ed8', width: 2 },
    ],
    [q],
  );
  return (
    <div class="queue-coverage" data-testid={`coverage-${q.queueId}`}>
      <TimeChart title={`${q.queueId}: required vs covered agents`} xMs={xMs} zone={timeZone} yLabel="agents" testId={`coverage-chart-${q.queueId}`} height={200} series={series} />
      <DataTable
        caption={`${q.queueId}: required and covered agents per interval`}
        columns={['interval start (local)', 'required agents', 'covered agents', 'short agents']}
        rows={xMs.map((ms, i) => [localMinute(ms, timeZone), q.required[i]!, q.covered[i]!, Math.max(0, q.required[i]! - q.covered[i]!)])}
        csvName={`schedule-coverage-${q.queueId}.csv`}
        testId={`coverage-table-${q.queueId}`}
        collapsed
      />
    </div>
  );
}
