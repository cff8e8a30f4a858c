import { useEffect, useMemo, useState } from 'preact/hooks';
import { createApi, describeError, type Api, type QueueListing } from './api';
import { ZONE_CHOICES, rangeHours, type Filters } from './context';
import { addDays, isoDate, DAY_MS } from './time';
import { ErrorBox, Loading, ViewBoundary } from './ui';
import { CapacityView } from './views/capacity';
import { ForecastView } from './views/forecast';
import { KpiView } from './views/kpis';
import { LocalTeamView } from './views/local-team';
import { ScenariosView } from './views/scenarios';
import { ScheduleView } from './views/schedule';

const TOKEN_KEY = 'staffcast.token';
const MAX_RANGE_DAYS = 56;

const VIEWS = [
  { id: 'capacity', label: 'Capacity plan', View: CapacityView },
  { id: 'forecast', label: 'Forecast vs actuals', View: ForecastView },
  { id: 'kpis', label: 'KPIs', View: KpiView },
  { id: 'scenarios', label: 'Scenarios', View: ScenariosView },
  { id: 'local-team', label: 'Local team', View: LocalTeamView },
  { id: 'schedule', label: 'Schedule', View: ScheduleView },
] as const;
type ViewId = (typeof VIEWS)[number]['id'];

export function App() {
  const [token, setToken] = useState<string | null>(() => sessionStorage.getItem(TOKEN_KEY));
  const [who, setWho] = useState<{ role: string; name: string } | null>(null);
  const [signInError, setSignInError] = useState<string | null>(null);

  useEffect(() => {
    if (!token || who) return;
    createApi(token)
      .get<{ role: string; name: string }>('/v1/whoami')
      .then(setWho, (error: unknown) => {
        sessionStorage.removeItem(TOKEN_KEY);
        setToken(null);
        setSignInError(describeError(error));
      });
  }, [token, who]);

  const signIn = (value: string) => {
    setSignInError(null);
    sessionStorage.setItem(TOKEN_KEY, value);
    setToken(value);
  };
  const signOut = () => {
    sessionStorage.removeItem(TOKEN_KEY);
    setWho(null);
    setToken(null);
  };

  const api = useMemo(() => (token ? createApi(token) : null), [token]);
  if (!token || !api) return <SignIn onSignIn={signIn} error={signInError} />;
  if (!who) return <Loading what="your session" />;
  return <Shell api={api} who={who} onSignOut={signOut} />;
}

function SignIn({ onSignIn, error }: { onSignIn: (token: string) => void; error: string | null }) {
  const [value, setValue] = useState('');
  return (
    <main class="signin">
      <h1>Staffcast planner</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (value.trim()) onSignIn(value.trim());
        }}
      >
        <label for="token">API token</label>
        <input id="token" type="password" autocomplete="off" value={value} onInput={(e) => setValue(e.currentTarget.value)} required />
        <p class="hint">`npm run demo` prints a planner token. It is kept for this browser tab only.</p>
        <button type="submit">Sign in</button>
        {error && (
          <p class="status error" role="alert" data-testid="signin-error">
            {error}
          </p>
        )}
      </form>
    </main>
  );
}

interface Defaults {
  queues: QueueListing[];
  from: string;
}

async function loadDefaults(api: Api): Promise<Defaults> {
  const [{ queues }, status] = await Promise.all([api.get<{ queues: QueueListing[] }>('/v1/queues'), api.get<{ projections: { tickets: { last: string } | null }[] }>('/v1/projections/status')]);
  const last = status.projections[0]?.tickets?.last;
  // Plan from the first whole UTC day after the history: the week a planner staffs next.
  const from = last ? isoDate(Date.parse(last.slice(0, 10)) + DAY_MS) : isoDate(Date.now());
  return { queues: queues.filter((q) => !q.retired), from };
}

function Shell({ api, who, onSignOut }: { api: Api; who: { role: string; name: string }; onSignOut: () => void }) {
  const [defaults, setDefaults] = useState<Defaults | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filters, setFilters] = useState<Filters | null>(null);
  const [view, setView] = useState<ViewId>('capacity');

  useEffect(() => {
    loadDefaults(api).then(
      (d) => {
        setDefaults(d);
        setFilters({ queueIds: d.queues.slice(0, 1).map((q) => q.queueId), from: d.from, to: addDays(d.from, 7), zone: 'queue' });
      },
      (e: unknown) => setError(describeError(e)),
    );
  }, []);

  const Current = VIEWS.find((v) => v.id === view)!.View;
  const days = filters ? rangeHours(filters) / 24 : 0;
  const rangeIssue = filters && (days <= 0 ? 'The end date must be after the start date.' : days > MAX_RANGE_DAYS ? `Pick at most ${MAX_RANGE_DAYS} days.` : null);
  return (
    <div class="shell">
      <header class="top" role="banner">
        <h1>Staffcast planner</h1>
        <span class="who" data-testid="whoami">
          {who.name} ({who.role})
        </span>
        <button type="button" class="secondary" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      {error && <ErrorBox message={error} />}
      {!error && (!defaults || !filters) && <Loading what="queues" />}
      {defaults && filters && (
        <>
          <FilterBar queues={defaults.queues} filters={filters} onChange={setFilters} />
          <nav class="tabs" role="tablist" aria-label="Views" onKeyDown={(e) => moveTab(e, view, setView)}>
            {VIEWS.map((v) => (
              <button key={v.id} type="button" role="tab" id={`tab-${v.id}`} aria-selected={view === v.id} aria-controls="view" tabIndex={view === v.id ? 0 : -1} onClick={() => setView(v.id)}>
                {v.label}
              </button>
            ))}
          </nav>
          <div id="view" role="tabpanel" aria-labelledby={`tab-${view}`}>
            {defaults.queues.length === 0 ? (
              <p class="status empty">No queues are defined yet: define one with POST /v1/queues or import tickets.</p>
            ) : filters.queueIds.length === 0 ? (
              <p class="status empty">Pick at least one queue.</p>
            ) : rangeIssue ? (
              <p class="status error" role="alert">
                {rangeIssue}
              </p>
            ) : (
              <ViewBoundary key={view}>
                <Current api={api} queues={defaults.queues} filters={filters} role={who.role} />
              </ViewBoundary>
            )}
          </div>
        </>
      )}
    </div>
  );
}

/** Arrow keys, Home and End move between the view tabs (the WAI-ARIA tabs pattern). */
function moveTab(e: KeyboardEvent, view: ViewId, setView: (v: ViewId) => void): void {
  const i = VIEWS.findIndex((v) => v.id === view);
  const to = e.key === 'ArrowRight' ? (i + 1) % VIEWS.length : e.key === 'ArrowLeft' ? (i + VIEWS.length - 1) % VIEWS.length : e.key === 'Home' ? 0 : e.key === 'End' ? VIEWS.length - 1 : -1;
  if (to < 0) return;
  e.preventDefault();
  setView(VIEWS[to]!.id);
  document.getElementById(`tab-${VIEWS[to]!.id}`)?.focus();
}

function FilterBar({ queues, filters, onChange }: { queues: QueueListing[]; filters: Filters; onChange: (f: Filters) => void }) {
  const toggle = (id: string, on: boolean) => onChange({ ...filters, queueIds: on ? queues.map((q) => q.queueId).filter((q) => q === id || filters.queueIds.includes(q)) : filters.queueIds.filter((q) => q !== id) });
  return (
    <section class="filters" aria-label="Filters">
      <fieldset class="queue-picker">
        <legend>Queues</legend>
        {queues.map((q) => (
          <label key={q.queueId} title={`${q.name} · ${q.timeZone}`}>
            <input type="checkbox" name="queue" value={q.queueId} checked={filters.queueIds.includes(q.queueId)} onChange={(e) => toggle(q.queueId, e.currentTarget.checked)} />
            {q.queueId}
          </label>
        ))}
      </fieldset>
      <div class="range">
        <label>
          From (UTC day)
          <input type="date" name="from" value={filters.from} onChange={(e) => e.currentTarget.value && onChange({ ...filters, from: e.currentTarget.value })} />
        </label>
        <label>
          To (exclusive)
          <input type="date" name="to" value={filters.to} onChange={(e) => e.currentTarget.value && onChange({ ...filters, to: e.currentTarget.value })} />
        </label>
        <label>
          Time zone
          <select name="zone" value={filters.zone} onChange={(e) => onChange({ ...filters, zone: e.currentTarget.value })}>
            {ZONE_CHOICES.map((z) => (
              <option key={z} value={z}>
                {z === 'queue' ? "Each queue's local time" : z}
              </option>
            ))}
          </select>
        </label>
      </div>
    </section>
  );
}
