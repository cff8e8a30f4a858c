import type { PlanRow } from './capacity-plan.js';

export const PLAN_COLUMNS: readonly (keyof PlanRow)[] = ['queueId', 'hour', 'open', 'forecastMean', 'forecastPlanned', 'ahtSeconds', 'requiredAgents', 'rawAgents', 'scheduledAgents', 'rosteredAgents', 'gap', 'serviceLevel', 'abandonment', 'backlogEnd'];

/** Text a spreadsheet would run as a formula (OWASP CSV injection): = + - @, tab or carriage return first. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A CSV cell: numbers to 4 decimals, empty for null (not applicable), text quoted when it holds a
 * quote, comma or line break. Text that a spreadsheet would read as a formula gets a leading `'` and
 * quotes, so it shows as text; numbers stay numbers, negative ones included.
 *
 * @example csvCell('=HYPERLINK("x")') // `"'=HYPERLINK(""x"")"`
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(Math.round(value * 10_000) / 10_000);
  const text = String(value);
  if (FORMULA_START.test(text)) return `"'${text.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows as CSV with a header line: one line per row, `columns` in order. O(rows · columns).
 *
 * @example toCsv(['a', 'b'], [{ a: 1, b: null }]) // 'a,b\n1,\n'
 */
export function toCsv<R extends Record<string, string | number | boolean | null>>(columns: readonly (keyof R & string)[], rows: readonly R[]): string {
  return [columns.join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c] ?? null)).join(','))].join('\n') + '\n';
}

/** The capacity plan rows as CSV, one row per queue and hour. */
export function planCsv(rows: readonly PlanRow[]): string {
  return toCsv(PLAN_COLUMNS, rows as unknown as readonly Record<string, string | number | boolean | null>[]);
}
