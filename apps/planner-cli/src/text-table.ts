/**
 * Rows as fixed-width text: each column as wide as its widest cell, the first `leftAligned`
 * columns padded on the right (names, dates), the rest on the left (numbers). O(cells).
 * @example textTable([['queue', 'hours'], ['us-kyc', '12']], 1) // ['queue   hours', 'us-kyc     12']
 */
export function textTable(rows: readonly (readonly string[])[], leftAligned: number): string[] {
  if (rows.length === 0) return [];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (c < leftAligned ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd());
}

/** A number with a fixed count of decimals. */
export const fixed = (value: number, digits: number): string => value.toFixed(digits);

/** A fraction as a percentage with one decimal, `-` when not applicable. */
export const percent = (value: number | null): string => (value === null ? '-' : `${(value * 100).toFixed(1)}%`);

/** A whole number with thousands separators. */
export const whole = (value: number): string => Math.round(value).toLocaleString('en-US');

/** A change with its sign; one that rounds to zero prints as plain zero. */
export function signed(value: number, digits: number): string {
  const text = digits === 0 ? whole(value) : value.toFixed(digits);
  if (/^-?[0,.]+$/.test(text)) return text.replace('-', '');
  return value > 0 ? `+${text}` : text;
}
