import { useState } from 'preact/hooks';
import { describeError, type Api } from '../api';
import { TimeChart } from '../chart';
import type { ViewProps } from '../context';
import { DataTable, Empty, ErrorBox, Loaded, Stat, fmt, useAsync } from '../ui';
import { localTeamTemplate } from './local-team-template';

interface PlanListing {
  planId: string;
  name: string;
  market: string;
  timeZone: string;
  startMonth: string;
  months: number;
  revision: string;
}

interface Month {
  month: string;
  requiredFte: number;
  hires: number;
  graduates: number;
  inTraining: number;
  attritionLosses: number;
  agentHeadcount: number;
  productiveFte: number;
  supportHeadcount: number;
  costLocal: number;
  costOffshoreEquivalent: number;
  serviceLevel: number | null;
  shortfallFte: number;
}

interface Projection {
  planId: string;
  months: Month[];
  summary: { peakAgentHeadcount: number; totalHires: number; firstMonthMeetingRequirement: string | null; breakEvenMonth: string | null; totalCostLocal: number; totalCostOffshoreEquivalent: number };
  sensitivity: { assumption: string; change: number; peakAgentHeadcountDelta: number; totalCostLocalDelta: number }[];
}

const monthMs = (month: string) => Date.parse(`${month}-01T00:00:00Z`);

/** Local-team build-out plans: headcount, productive FTE against requirement, hires, cost against offshore, break-even, sensitivity. */
export function LocalTeamView({ api, queues, filters, role }: ViewProps) {
  const [list, reload] = useAsync(() => api.get<{ plans: PlanListing[] }>('/v1/local-team/plans'), [api]);
  const [picked, setPicked] = useState<string | null>(null);
  return (
    <div class="local-team">
      <Loaded result={list} what="local-team plans" retry={reload}>
        {(l) => {
          const planId = picked ?? l.plans[0]?.planId ?? null;
          return (
            <>
              {l.plans.length === 0 ? (
                <Empty>No local-team plan is recorded yet. Draft one below from a template for the first picked queue.</Empty>
              ) : (
                <label class="inline">
                  Plan
                  <select name="plan" value={planId ?? ''} onChange={(e) => setPicked(e.currentTarget.value)}>
                    {l.plans.map((p) => (
                      <option key={p.planId} value={p.planId}>
                        {p.name} ({p.market}, {p.timeZone}, from {p.startMonth}, {p.months} months, rev {p.revision})
                      </option>
                    ))}
                  </select>
                </label>
              )}
              {planId && <PlanProjection key={planId} api={api} planId={planId} />}
              {role !== 'viewer' && (
                <DraftPlan
                  api={api}
                  template={localTeamTemplate(queues.find((q) => q.queueId === filters.queueIds[0])!, filters.from.slice(0, 7))}
                  onDrafted={(id) => {
                    setPicked(id);
                    reload();
                  }}
                />
              )}
            </>
          );
        }}
      </Loaded>
    </div>
  );
}

function PlanProjection({ api, planId }: { api: Api; planId: string }) {
  const [projection, retry] = useAsync(() => api.get<Projection>(`/v1/local-team/plans/${encodeURIComponent(planId)}/projection`), [api, planId]);
  return (
    <Loaded result={projection} what="the build-out projection" retry={retry}>
      {(p) => {
        const x = p.months.map((m) => monthMs(m.month));
        let local = 0;
        let offshore = 0;
        const cumulative = p.months.map((m) => ({ local: (local += m.costLocal), offshore: (offshore += m.costOffshoreEquivalent) }));
        return (
          <section class="projection" data-testid="local-team-projection">
            <div class="stats">
              <Stat label="Peak agent headcount" value={fmt(p.summary.peakAgentHeadcount)} testId="lt-peak" />
              <Stat label="Total hires" value={fmt(p.summary.totalHires)} testId="lt-hires" />
              <Stat label="First month meeting requirement" value={p.summary.firstMonthMeetingRequirement ?? 'not within the plan'} testId="lt-first-month" />
              <Stat label="Break-even against offshore" value={p.summary.breakEvenMonth ?? 'not within the plan'} testId="lt-break-even" />
              <Stat label="Total cost, local" value={fmt(p.summary.totalCostLocal, 0)} testId="lt-cost-local" />
              <Stat label="Offshore equivalent" value={fmt(p.summary.totalCostOffshoreEquivalent, 0)} testId="lt-cost-offshore" />
            </div>
            <TimeChart
              title="Headcount and productive FTE against requirement, by month"
              xMs={x}
              series={[
                { label: 'Required FTE', values: p.months.map((m) => m.requiredFte), color: '#dc2626', width: 2 },
                { label: 'Productive FTE', values: p.months.map((m) => m.productiveFte), color: '#2563eb', width: 2 },
                { label: 'Agent headcount', values: p.months.map((m) => m.agentHeadcount), color: '#111827', dash: [4, 4] },
                { label: 'Hires', values: p.months.map((m) => m.hires), color: 'rgba(234, 179, 8, 0.7)', bars: true },
              ]}
              zone="UTC"
              xLabel="Month"
              yLabel="people / FTE"
              height={230}
              testId="lt-fte-chart"
            />
            <TimeChart
              title="Cumulative cost: local team against offshore"
              xMs={x}
              series={[
                { label: 'Local (cumulative)', values: cumulative.map((c) => c.local), color: '#9333ea', width: 2 },
                { label: 'Offshore equivalent (cumulative)', values: cumulative.map((c) => c.offshore), color: '#16a34a', width: 2 },
              ]}
              zone="UTC"
              xLabel="Month"
              yLabel="cost"
              height={230}
              testId="lt-cost-chart"
            />
            <DataTable
              caption="Build-out by month"
              columns={['month', 'required FTE', 'hires', 'graduates', 'in training', 'attrition', 'agent headcount', 'productive FTE', 'support headcount', 'cost local', 'cost offshore equivalent', 'service level', 'shortfall FTE']}
              rows={p.months.map((m) => [m.month, m.requiredFte, m.hires, m.graduates, m.inTraining, m.attritionLosses, m.agentHeadcount, m.productiveFte, m.supportHeadcount, m.costLocal, m.costOffshoreEquivalent, m.serviceLevel, m.shortfallFte])}
              csvName={`local-team-${planId}.csv`}
              testId="lt-months"
            />
            <DataTable
              caption="Sensitivity: each assumption moved by ±20%"
              columns={['assumption', 'change', 'peak headcount delta', 'total local cost delta']}
              rows={p.sensitivity.map((s) => [s.assumption, s.change, s.peakAgentHeadcountDelta, s.totalCostLocalDelta])}
              csvName={`local-team-${planId}-sensitivity.csv`}
              testId="lt-sensitivity"
            />
          </section>
        );
      }}
    </Loaded>
  );
}

function DraftPlan({ api, template, onDrafted }: { api: Api; template: Record<string, unknown>; onDrafted: (planId: string) => void }) {
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const value = text ?? JSON.stringify(template, null, 2);
  return (
    <details class="draft-plan">
      <summary>Draft a new local-team plan</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setError(null);
          let body: unknown;
          try {
            body = JSON.parse(value);
          } catch {
            setError('The plan is not valid JSON.');
            return;
          }
          api.post<{ planId: string }>('/v1/local-team/plans', body).then(
            (r) => {
              setText(null);
              onDrafted(r.planId);
            },
            (err: unknown) => setError(describeError(err)),
          );
        }}
      >
        <label for="plan-json">Plan (every field is an input: market, coverage, takeover phases, hiring, attrition, structure, costs)</label>
        <textarea id="plan-json" name="plan-json" rows={18} value={value} onInput={(e) => setText(e.currentTarget.value)} spellcheck={false} />
        <button type="submit">Draft plan</button>
        {error && <ErrorBox message={error} />}
      </form>
    </details>
  );
}
