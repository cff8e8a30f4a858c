import { useState } from 'preact/hooks';
import { describeError, type Api } from '../api';
import { TimeChart } from '../chart';
import { displayZone, rangeHours, type Filters, type ViewProps } from '../context';
import { DataTable, Empty, ErrorBox, Loaded, useAsync } from '../ui';
import { assumptionSpecs, fieldValue } from './assumption-specs';

interface ScenarioListing {
  scenarioId: string;
  name: string;
  description?: string;
  assumptions: number;
  runs: number;
}

interface Scenario {
  scenarioId: string;
  name: string;
  description?: string;
  assumptions: { assumptionId: string; assumption: { kind: string } & Record<string, unknown> }[];
  runs: { runId: string; ranAt: string; request: { from: string; horizonHours: number } }[];
}

type Metrics = Record<'volume' | 'requiredAgentHours' | 'scheduledAgentHours' | 'requiredFte' | 'rosteredAgentHours' | 'gapAgentHours' | 'hoursShort', number> & { serviceLevel: number | null; abandonment: number | null };

export interface RunView {
  runId: string;
  ranAt: string;
  baselinePosition: string;
  reproduced: boolean;
  summary: {
    total: { baseline: Metrics; scenario: Metrics; delta: Metrics };
    queues: { queueId: string; baseline: Metrics; scenario: Metrics; delta: Metrics }[];
    cost: { currency: string; baseline: number; scenario: number; delta: number }[];
    warnings: string[];
  };
  plan: { rows: { queueId: string; hour: string; baselineGap: number; gap: number }[] };
}

export const METRICS: [keyof Metrics, string][] = [
  ['volume', 'volume (planned tickets)'],
  ['requiredAgentHours', 'required agent-hours'],
  ['scheduledAgentHours', 'scheduled agent-hours'],
  ['requiredFte', 'required FTE'],
  ['rosteredAgentHours', 'rostered agent-hours'],
  ['gapAgentHours', 'gap (agent-hours short)'],
  ['hoursShort', 'hours short'],
  ['serviceLevel', 'service level'],
  ['abandonment', 'abandonment'],
];

/** What-if scenarios: list, create, add and remove assumptions, run against the baseline and compare. */
export function ScenariosView(props: ViewProps) {
  const { api } = props;
  const [selected, setSelected] = useState<string | null>(null);
  const [list, reload] = useAsync(() => api.get<{ scenarios: ScenarioListing[] }>('/v1/scenarios'), [api]);
  return (
    <div class="scenarios">
      <aside class="scenario-list">
        <h2>Scenarios</h2>
        {props.role !== 'viewer' && (
          <CreateScenario
            api={api}
            onCreated={(id) => {
              reload();
              setSelected(id);
            }}
          />
        )}
        <Loaded result={list} what="scenarios" retry={reload}>
          {(l) =>
            l.scenarios.length === 0 ? (
              <Empty>No scenarios yet. Create one to try a what-if against the baseline.</Empty>
            ) : (
              <ul>
                {l.scenarios.map((s) => (
                  <li key={s.scenarioId}>
                    <button type="button" class={selected === s.scenarioId ? 'link selected' : 'link'} aria-pressed={selected === s.scenarioId} onClick={() => setSelected(s.scenarioId)}>
                      {s.name}
                    </button>
                    <span class="muted">
                      {' '}
                      {s.assumptions} assumptions, {s.runs} runs
                    </span>
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </aside>
      <section class="scenario-detail">{selected ? <ScenarioDetail key={selected} {...props} scenarioId={selected} onChanged={reload} /> : <Empty>Pick or create a scenario.</Empty>}</section>
    </div>
  );
}

function CreateScenario({ api, onCreated }: { api: Api; onCreated: (id: string) => void }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      class="create-scenario"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        api.post<{ scenarioId: string }>('/v1/scenarios', { name, ...(description ? { description } : {}) }).then(
          (r) => {
            setName('');
            setDescription('');
            onCreated(r.scenarioId);
          },
          (err: unknown) => setError(describeError(err)),
        );
      }}
    >
      <label>
        New scenario name
        <input name="scenario-name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label>
        Description (optional)
        <input name="scenario-description" value={description} onInput={(e) => setDescription(e.currentTarget.value)} />
      </label>
      <button type="submit">Create scenario</button>
      {error && <ErrorBox message={error} />}
    </form>
  );
}

function ScenarioDetail({ api, filters, queues, role, scenarioId, onChanged }: ViewProps & { scenarioId: string; onChanged: () => void }) {
  const [scenario, reload] = useAsync(() => api.get<Scenario>(`/v1/scenarios/${encodeURIComponent(scenarioId)}`), [api, scenarioId]);
  const [runId, setRunId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const changed = () => {
    reload();
    onChanged();
  };
  const remove = (assumptionId: string) => {
    setError(null);
    api.del(`/v1/scenarios/${encodeURIComponent(scenarioId)}/assumptions/${encodeURIComponent(assumptionId)}`).then(changed, (e: unknown) => setError(describeError(e)));
  };
  const run = () => {
    setError(null);
    setRunning(true);
    api.post<{ runId: string }>(`/v1/scenarios/${encodeURIComponent(scenarioId)}/runs`, { from: `${filters.from}T00:00:00Z`, horizonHours: rangeHours(filters), queueIds: filters.queueIds }).then(
      (r) => {
        setRunning(false);
        setRunId(r.runId);
        changed();
      },
      (e: unknown) => {
        setRunning(false);
        setError(describeError(e));
      },
    );
  };
  const writer = role !== 'viewer';
  return (
    <Loaded result={scenario} what="the scenario" retry={reload}>
      {(s) => (
        <>
          <h2 data-testid="scenario-name">{s.name}</h2>
          {s.description && <p>{s.description}</p>}
          <h3>Assumptions</h3>
          {s.assumptions.length === 0 ? (
            <Empty>No assumptions: a run now equals the baseline.</Empty>
          ) : (
            <ul class="assumptions" data-testid="assumptions">
              {s.assumptions.map((a) => (
                <li key={a.assumptionId} data-kind={a.assumption.kind}>
                  <code>{a.assumption.kind}</code> {summarise(a.assumption)}
                  {writer && (
                    <button type="button" class="secondary small" onClick={() => remove(a.assumptionId)} aria-label={`Remove the ${a.assumption.kind} assumption`}>
                      Remove
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {writer && <AddAssumption api={api} scenarioId={scenarioId} filters={filters} onAdded={changed} />}
          <h3>Runs</h3>
          {writer && (
            <p>
              <button type="button" onClick={run} disabled={running}>
                {running ? 'Running…' : `Run against the baseline (${filters.queueIds.join(', ')}, ${filters.from} to ${filters.to})`}
              </button>
            </p>
          )}
          {error && <ErrorBox message={error} />}
          {s.runs.length > 0 && (
            <label class="inline">
              Show run
              <select name="run" value={runId ?? ''} onChange={(e) => setRunId(e.currentTarget.value || null)}>
                <option value="">—</option>
                {s.runs.map((r) => (
                  <option key={r.runId} value={r.runId}>
                    {r.ranAt} · from {r.request.from.slice(0, 10)}, {r.request.horizonHours} h
                  </option>
                ))}
              </select>
            </label>
          )}
          {runId && <RunComparison api={api} scenarioId={scenarioId} runId={runId} zone={displayZone(filters, queues.find((q) => q.queueId === filters.queueIds[0]))} />}
        </>
      )}
    </Loaded>
  );
}

function summarise(a: Record<string, unknown>): string {
  return Object.entries(a)
    .filter(([k, v]) => k !== 'kind' && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(', ')
    .slice(0, 240);
}

function AddAssumption({ api, scenarioId, filters, onAdded }: { api: Api; scenarioId: string; filters: Filters; onAdded: () => void }) {
  const specs = assumptionSpecs(filters.from, filters.to, filters.queueIds);
  const [kind, setKind] = useState('volume-multiplier');
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const fields = specs[kind]!;
  const value = (name: string) => values[`${kind}.${name}`] ?? fields.find((f) => f.name === name)?.initial ?? '';
  const submit = (e: Event) => {
    e.preventDefault();
    setError(null);
    let body: Record<string, unknown>;
    try {
      body = { kind };
      for (const f of fields) {
        const v = fieldValue(f, value(f.name));
        if (v !== undefined) body[f.name] = v;
      }
    } catch (err) {
      setError(describeError(err));
      return;
    }
    api.post(`/v1/scenarios/${encodeURIComponent(scenarioId)}/assumptions`, body).then(
      () => {
        setValues({});
        onAdded();
      },
      (err: unknown) => setError(describeError(err)),
    );
  };
  return (
    <form class="add-assumption" onSubmit={submit} aria-label="Add an assumption">
      <label>
        Assumption kind
        <select name="assumption-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
          {Object.keys(specs).map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      <div class="fields">
        {fields.map((f) => {
          const id = `assumption-${kind}-${f.name}`;
          const onInput = (e: { currentTarget: { value: string } }) => setValues({ ...values, [`${kind}.${f.name}`]: e.currentTarget.value });
          return (
            <label key={id} for={id} class={f.kind === 'json' ? 'wide' : undefined}>
              {f.label}
              {f.required ? ' *' : ''}
              {f.kind === 'select' ? (
                <select id={id} name={f.name} value={value(f.name)} onChange={onInput}>
                  {f.options!.map((o) => (
                    <option key={o}>{o}</option>
                  ))}
                </select>
              ) : f.kind === 'json' ? (
                <textarea id={id} name={f.name} rows={2} value={value(f.name)} onInput={onInput} title={f.hint} />
              ) : (
                f.kind === 'date' ? (
                  <input id={id} name={f.name} type="date" value={value(f.name)} onInput={onInput} />
                ) : (
                  <input id={id} name={f.name} type="text" inputMode={f.kind === 'number' ? 'decimal' : 'text'} value={value(f.name)} onInput={onInput} />
                )
              )}
            </label>
          );
        })}
      </div>
      <button type="submit">Add assumption</button>
      {error && <ErrorBox message={error} />}
    </form>
  );
}

function RunComparison({ api, scenarioId, runId, zone }: { api: Api; scenarioId: string; runId: string; zone: string }) {
  const [run, retry] = useAsync(() => api.get<RunView>(`/v1/scenarios/${encodeURIComponent(scenarioId)}/runs/${encodeURIComponent(runId)}?compare=baseline`), [api, scenarioId, runId]);
  return (
    <Loaded result={run} what="the run" retry={retry}>
      {(r) => {
        const hours = [...new Set(r.plan.rows.map((row) => row.hour))].sort();
        const sum = (field: 'gap' | 'baselineGap') => hours.map((h) => r.plan.rows.filter((row) => row.hour === h).reduce((s, row) => s + row[field], 0));
        return (
          <div class="run" data-testid="run-comparison" data-run-id={r.runId}>
            <p class="muted">
              Run {r.runId} at {r.ranAt}, baseline at log position {r.baselinePosition}; {r.reproduced ? 'reproduced exactly from its recorded position' : 'NOT reproduced: the re-evaluation differs from what was recorded'}.
            </p>
            {r.summary.warnings.length > 0 && (
              <ul class="warnings">
                {r.summary.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            )}
            <DataTable
              caption="Scenario against the baseline, all queues"
              columns={['metric', 'baseline', 'scenario', 'delta']}
              rows={METRICS.map(([key, label]) => [label, r.summary.total.baseline[key], r.summary.total.scenario[key], r.summary.total.delta[key]])}
              csvName={`scenario-run-${r.runId}-total.csv`}
              testId="comparison-total"
            />
            <DataTable
              caption="Payroll cost over the horizon"
              columns={['currency', 'baseline', 'scenario', 'delta']}
              rows={r.summary.cost.map((c) => [c.currency, c.baseline, c.scenario, c.delta])}
              csvName={`scenario-run-${r.runId}-cost.csv`}
              testId="comparison-cost"
            />
            <DataTable
              caption="Per queue"
              columns={['queue', ...METRICS.flatMap(([, label]) => [`${label} baseline`, `${label} scenario`])]}
              rows={r.summary.queues.map((q) => [q.queueId, ...METRICS.flatMap(([key]) => [q.baseline[key], q.scenario[key]])])}
              csvName={`scenario-run-${r.runId}-queues.csv`}
              testId="comparison-queues"
              collapsed
            />
            <TimeChart
              title="Hourly gap, baseline and scenario (agents, all queues)"
              xMs={hours.map((h) => Date.parse(h))}
              series={[
                { label: 'Baseline gap', values: sum('baselineGap'), color: '#6b7280', width: 1.5 },
                { label: 'Scenario gap', values: sum('gap'), color: '#dc2626', width: 2 },
              ]}
              zone={zone}
              yLabel="agents"
              height={220}
              testId="comparison-chart"
            />
          </div>
        );
      }}
    </Loaded>
  );
}
