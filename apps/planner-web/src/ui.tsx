import { Component, type ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { describeError } from './api';
import { downloadCsv, toCsv, type Cell } from './csv';

export type Async<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; value: T };

/** Runs `load` whenever a dependency changes; a stale answer is dropped. */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): [Async<T>, () => void] {
  const [result, setResult] = useState<Async<T>>({ state: 'loading' });
  const [nonce, setNonce] = useState(0);
  useEffect(() => {
    let live = true;
    setResult({ state: 'loading' });
    load().then(
      (value) => live && setResult({ state: 'ready', value }),
      (error: unknown) => live && setResult({ state: 'error', message: describeError(error) }),
    );
    return () => {
      live = false;
    };
  }, [...deps, nonce]);
  return [result, () => setNonce((n) => n + 1)];
}

export function Loading({ what }: { what: string }) {
  return (
    <p class="status loading" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function ErrorBox({ message, retry }: { message: string; retry?: () => void }) {
  return (
    <div class="status error" role="alert">
      <p>{message}</p>
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="status empty">{children}</p>;
}

/** Loading, error or the content of a finished load. */
export function Loaded<T>({ result, what, retry, children }: { result: Async<T>; what: string; retry?: () => void; children: (value: T) => ComponentChildren }) {
  if (result.state === 'loading') return <Loading what={what} />;
  if (result.state === 'error') return <ErrorBox message={result.message} retry={retry} />;
  return <>{children(result.value)}</>;
}

export interface TableProps {
  caption: string;
  columns: readonly string[];
  rows: readonly (readonly Cell[])[];
  /** The file a CSV download of this table is saved as. */
  csvName: string;
  testId: string;
  /** Show only the first rows, with the rest behind a disclosure. */
  collapsed?: boolean;
}

export const fmt = (value: Cell, digits = 1): string => {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return String(value);
};

export const pct = (value: number | null | undefined, digits = 1): string => (value === null || value === undefined ? '—' : `${(value * 100).toFixed(digits)}%`);

/** Columns whose values are fractions shown as percentages. */
const PERCENT_COLUMN = /service level|abandonment|\brate\b|share|WAPE|bias|coverage|\bSL\b/i;

/** An accessible table of what a chart shows, with its CSV download. Raw values sit in data-value. */
export function DataTable({ caption, columns, rows, csvName, testId, collapsed }: TableProps) {
  const body = (
    <div class="table-wrap">
      <table data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (
                <td key={j} data-value={cell === null || cell === undefined ? '' : String(cell)} class={typeof cell === 'number' ? 'num' : undefined}>
                  {typeof cell === 'number' && PERCENT_COLUMN.test(columns[j] ?? '') ? pct(cell) : fmt(cell, 2)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <section class="table-section">
      <div class="table-tools">
        <CsvButton name={csvName} columns={columns} rows={rows} label={caption} />
      </div>
      {collapsed ? (
        <details>
          <summary>{caption} (table, {rows.length} rows)</summary>
          {body}
        </details>
      ) : (
        body
      )}
    </section>
  );
}

export function CsvButton({ name, columns, rows, label }: { name: string; columns: readonly string[]; rows: readonly (readonly Cell[])[]; label: string }) {
  return (
    <button type="button" class="secondary" onClick={() => downloadCsv(name, toCsv(columns, rows))} aria-label={`Download ${label} as CSV`}>
      Download CSV
    </button>
  );
}

/** A labelled figure; `raw`, when given, is the unformatted value in data-value. */
export function Stat({ label, value, testId, raw }: { label: string; value: string; testId?: string; raw?: number | string | null }) {
  return (
    <div class="stat">
      <div class="stat-label">{label}</div>
      <div class="stat-value" data-testid={testId} data-value={raw === undefined ? undefined : raw === null ? '' : String(raw)}>
        {value}
      </div>
    </div>
  );
}

/** Keeps a failure in one view from blanking the page: the view shows it in words instead. */
export class ViewBoundary extends Component<{ children: ComponentChildren }, { error: string | null }> {
  override state = { error: null as string | null };

  override componentDidCatch(error: unknown) {
    this.setState({ error: describeError(error) });
  }

  render() {
    return this.state.error ? <ErrorBox message={`This view failed to draw: ${this.state.error}`} retry={() => this.setState({ error: null })} /> : this.props.children;
  }
}
