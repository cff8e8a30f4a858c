import type { LocalTeamProjection, ProjectionMonth } from './projection.js';

/** Column order of the monthly CSV: the JSON month fields, in the API's order. */
export const PROJECTION_CSV_COLUMNS: readonly (keyof ProjectionMonth)[] = [
  'month',
  'requiredFte',
  'hires',
  'graduates',
  'inTraining',
  'attritionLosses',
  'agentHeadcount',
  'productiveFte',
  'supportHeadcount',
  'costLocal',
  'costOffshoreEquivalent',
  'serviceLevel',
  'shortfallFte',
];

/**
 * The projection's months as CSV (RFC 4180, CRLF line ends): a header row with the JSON field names,
 * then one row per month; numbers at full precision, an empty cell for a null service level. No cell
 * can start a spreadsheet formula: months are `YYYY-MM` and every other cell is a number.
 * O(months × columns).
 *
 * @example projectionCsv(projection).split('\r\n')[0] // 'month,requiredFte,hires,…,shortfallFte'
 */
export function projectionCsv(projection: Pick<LocalTeamProjection, 'months'>): string {
  const lines = [PROJECTION_CSV_COLUMNS.join(',')];
  for (const month of projection.months) lines.push(PROJECTION_CSV_COLUMNS.map((c) => (month[c] === null ? '' : String(month[c]))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
