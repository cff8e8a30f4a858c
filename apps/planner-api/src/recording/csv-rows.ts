import type { Readable } from 'node:stream';
import Papa from 'papaparse';

/** A CSV row: its cells, the line it starts on (1-based), and what is malformed about it, if anything. */
export interface CsvRow {
  line: number;
  cells: string[];
  malformed?: string;
}

/**
 * A row longer than this (its quoted line breaks included) is taken for an unclosed quote: a ticket
 * export's cells are ids, times and codes, and without a bound one stray quote would hold the rest
 * of the file in memory.
 */
const MAX_ROW_CHARS = 1 << 20;

/** Characters read at once around malformed rows (see rowsOfMalformed). */
const RESYNC_WINDOW_CHARS = 2048;

/** A malformed row's cell keeps at most this much of its first line (the report gives its line number). */
const MALFORMED_CELL_CHARS = 1000;

/**
 * The rows of a CSV stream (RFC 4180: `,`-separated, `"`-quoted, line breaks inside quotes allowed),
 * a batch per chunk of input as it arrives, so memory stays flat with the file's size and the
 * stream's own back-pressure paces the reading. PapaParse's parser reads each chunk with what was
 * left of the last one and leaves the row the chunk cuts off for the next: it parsed our exports
 * ~7 times faster than the stream parser used before (BENCHMARKS.md, "Import").
 *
 * A UTF-8 byte-order mark is dropped; empty lines are skipped (they still count as lines). A row
 * whose quotes do not make sense (text after a closing quote, a quote never closed) is given as its
 * first line alone, with `malformed` set, and reading goes on with the next line, so one bad quote
 * costs one row, not the rest of the file. The line endings are those of the first line (`\r\n`,
 * `\n` or `\r`).
 */
export async function* csvRowBatches(input: Readable): AsyncGenerator<CsvRow[]> {
  input.setEncoding('utf8');
  let linebreak: string | undefined;
  // Text not parsed yet, starting at a row boundary, and the line it starts on.
  let pending = '';
  let line = 1;
  // Dropping the rest of a line too long to be a row, up to its line break.
  let skipping = false;
  type Parsed = { data: string[][]; errors: Papa.ParseError[]; meta: { cursor: number } };
  const parse = (text: string, ignoreLastRow: boolean, preview?: number): Parsed =>
    new Papa.Parser({ delimiter: ',', newline: linebreak as Papa.ParseConfig['newline'], quoteChar: '"', ...(preview ? { preview } : {}) }).parse(text, 0, ignoreLastRow) as Parsed;
  /**
   * The first complaint about quotes in a row the parse gave; with `cutOffToo`, also a quote
   * followed by text in the row the text cuts off (the parser reads on for a closing quote, so
   * that row would otherwise grow to the end of the input).
   */
  const firstQuoteError = (result: Parsed, cutOffToo: boolean): Papa.ParseError | undefined =>
    result.errors.find(
      (error) => error.type === 'Quotes' && error.row !== undefined && (error.row < result.data.length || (cutOffToo && error.code === 'InvalidQuotes' && error.row === result.data.length)),
    );
  const take = (cells: string[], rows: CsvRow[]) => {
    if (cells.length > 1 || cells[0] !== '') rows.push({ line, cells });
    line += 1;
    for (const cell of cells) line += linebreaksIn(cell);
  };
  const reject = (rows: CsvRow[], firstLine: string, malformed: string) => {
    rows.push({ line, cells: [firstLine.slice(0, MALFORMED_CELL_CHARS)], malformed });
    line += 1;
  };
  /** Drops text up to the line break that ends a skipped line; false while none has come yet. */
  const skipRestOfLine = (): boolean => {
    const at = pending.indexOf(linebreak!);
    if (at < 0) {
      // Keep a final \r: the \n of a \r\n may come with the next chunk.
      pending = linebreak === '\r\n' && pending.endsWith('\r') ? '\r' : '';
      return false;
    }
    pending = pending.slice(at + linebreak!.length);
    skipping = false;
    return true;
  };
  const rowsOf = (last: boolean): CsvRow[] => {
    if (skipping && !skipRestOfLine()) return [];
    // The whole text in one call; in windows only around malformed rows.
    const result = parse(pending, !last);
    if (firstQuoteError(result, true) || (!last && pending.length - result.meta.cursor > MAX_ROW_CHARS)) return rowsOfMalformed(last);
    const rows: CsvRow[] = [];
    for (const cells of result.data) take(cells, rows);
    pending = pending.slice(result.meta.cursor);
    return rows;
  };
  /**
   * Reads `pending` in windows of whole lines: the parser, meeting a quote that does not close
   * where it should, reads on to the end of its text for one that does, so each malformed row costs
   * one window's reading, not the rest of the file's.
   */
  const rowsOfMalformed = (last: boolean): CsvRow[] => {
    const rows: CsvRow[] = [];
    let size = RESYNC_WINDOW_CHARS;
    while (pending !== '') {
      if (skipping && !skipRestOfLine()) break;
      const lineBreakAfter = pending.indexOf(linebreak!, size);
      const end = lineBreakAfter < 0 ? pending.length : lineBreakAfter + linebreak!.length;
      const whole = end === pending.length;
      const window = pending.slice(0, end);
      const result = parse(window, !(whole && last));
      // A window ends at a line break (or at the end of the input), so a cut-off row's first line is all there.
      const error = firstQuoteError(result, !whole || last);
      if (error) {
        // The rows before it, then its first line alone; reading goes on from the next line.
        const before = error.row! >= result.data.length ? result : error.row! > 0 ? parse(window, true, error.row) : undefined;
        for (const cells of before?.data ?? []) take(cells, rows);
        const at = before?.meta.cursor ?? 0;
        const lineEnd = pending.indexOf(linebreak!, at);
        reject(rows, pending.slice(at, lineEnd < 0 ? pending.length : lineEnd), error.message);
        pending = lineEnd < 0 ? '' : pending.slice(lineEnd + linebreak!.length);
        size = RESYNC_WINDOW_CHARS;
        continue;
      }
      for (const cells of result.data) take(cells, rows);
      pending = pending.slice(result.meta.cursor);
      if (result.meta.cursor > 0) {
        size = RESYNC_WINDOW_CHARS;
        continue;
      }
      // No whole row in the window: a quoted cell spans it. Widen it while there is more text.
      if (!whole) {
        size *= 2;
        continue;
      }
      if (pending.length <= MAX_ROW_CHARS) break;
      // Longer than any row: an unclosed quote, or a line with no end in sight.
      const lineEnd = pending.indexOf(linebreak!);
      reject(rows, pending.slice(0, lineEnd < 0 ? pending.length : lineEnd), `a row runs on for more than ${MAX_ROW_CHARS} characters (a quote never closed?)`);
      if (lineEnd < 0) {
        skipping = true;
        pending = '';
      } else pending = pending.slice(lineEnd + linebreak!.length);
    }
    return rows;
  };
  for await (const chunk of input as AsyncIterable<string>) {
    pending += chunk;
    if (linebreak === undefined) {
      if (line === 1 && pending.charCodeAt(0) === 0xfeff) pending = pending.slice(1);
      linebreak = firstLinebreak(pending);
      if (linebreak === undefined) continue;
    }
    const rows = rowsOf(false);
    if (rows.length > 0) yield rows;
  }
  // One line without a line break, or ending in a \r (no \n can follow it now), or nothing.
  linebreak ??= pending.endsWith('\r') ? '\r' : '\n';
  const rows = pending === '' ? [] : rowsOf(true);
  if (rows.length > 0) yield rows;
}

/**
 * The first line break outside quotes (`\r\n`, `\n` or `\r`); undefined while `text` may not have
 * reached it yet (none so far, or a `\r` at its very end that a `\n` may follow). A quote opens a
 * quoted cell only at the start of a cell, as for the parser. O(length).
 */
function firstLinebreak(text: string): string | undefined {
  let quoted = false;
  let cellStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === 34 /* " */) {
        if (text.charCodeAt(i + 1) === 34) i++;
        else quoted = false;
      }
      continue;
    }
    if (c === 34 && cellStart) quoted = true;
    else if (c === 10) return '\n';
    else if (c === 13) return i + 1 === text.length ? undefined : text.charCodeAt(i + 1) === 10 ? '\r\n' : '\r';
    cellStart = c === 44; /* , */
  }
  return undefined;
}

/** How many line breaks a cell holds, `\r\n`, `\n` and `\r` each counting one. O(length). */
function linebreaksIn(cell: string): number {
  if (cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) return 0;
  let count = 0;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c === 10 || (c === 13 && cell.charCodeAt(i + 1) !== 10)) count++;
  }
  return count;
}
