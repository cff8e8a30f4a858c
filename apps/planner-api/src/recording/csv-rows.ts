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
  const config = (): Papa.ParseConfig => ({ delimiter: ',', newline: linebreak as Papa.ParseConfig['newline'], quoteChar: '"' });
  const take = (cells: string[], rows: CsvRow[]) => {
    if (cells.length > 1 || cells[0] !== '') rows.push({ line, cells });
    line += 1;
    for (const cell of cells) line += linebreaksIn(cell);
  };
  const rowsOf = (last: boolean): CsvRow[] => {
    // The whole text in one call; row by row (slower) only to find where a malformed row starts.
    const result = new Papa.Parser(config()).parse(pending, 0, !last) as { data: string[][]; errors: Papa.ParseError[]; meta: { cursor: number } };
    const malformed = result.errors.some((error) => error.type === 'Quotes' && error.row !== undefined && error.row < result.data.length);
    if (malformed || (!last && pending.length - result.meta.cursor > MAX_ROW_CHARS)) return rowsOfMalformed(last);
    const rows: CsvRow[] = [];
    for (const cells of result.data) take(cells, rows);
    pending = pending.slice(result.meta.cursor);
    return rows;
  };
  const rowsOfMalformed = (last: boolean): CsvRow[] => {
    const rows: CsvRow[] = [];
    for (;;) {
      const text = pending;
      let rowStart = 0;
      let bad: { at: number; message: string } | undefined;
      const parser: Papa.Parser = new Papa.Parser({
        ...config(),
        step: (result: { data: string[][]; errors: Papa.ParseError[]; meta: { cursor: number } }) => {
          const quoteError = result.errors.find((error) => error.type === 'Quotes');
          if (quoteError) {
            bad = { at: rowStart, message: quoteError.message };
            parser.abort();
            return;
          }
          take(result.data[0]!, rows);
          rowStart = result.meta.cursor;
        },
      } as Papa.ParseConfig);
      parser.parse(text, 0, !last);
      if (bad === undefined && (last || text.length - rowStart <= MAX_ROW_CHARS)) {
        pending = text.slice(rowStart);
        return rows;
      }
      // The malformed row is its first line alone; reading goes on from the next line.
      const at = bad?.at ?? rowStart;
      const lineEnd = text.indexOf(linebreak!, at);
      if (lineEnd < 0 && !last) {
        pending = text.slice(at);
        return rows;
      }
      const firstLine = text.slice(at, lineEnd < 0 ? text.length : lineEnd);
      rows.push({ line, cells: [firstLine], malformed: bad?.message ?? `a quoted cell runs on for more than ${MAX_ROW_CHARS} characters (a quote never closed?)` });
      line += 1;
      pending = lineEnd < 0 ? '' : text.slice(lineEnd + linebreak!.length);
      if (pending === '') return rows;
    }
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
  // One line without a line break, or nothing.
  linebreak ??= '\n';
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
