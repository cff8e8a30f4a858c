import type { Readable } from 'node:stream';
import Papa from 'papaparse';

/** A CSV row: its cells, the line it starts on (1-based), and what is malformed about it, if anything. */
export interface CsvRow {
  line: number;
  cells: string[];
  malformed?: string;
}

/**
 * The rows of a CSV stream (RFC 4180: `,`-separated, `"`-quoted, line breaks inside quotes allowed),
 * a batch per chunk of input as it arrives, so memory stays flat with the file's size and the
 * stream's own back-pressure paces the reading. PapaParse's parser reads each chunk with what was
 * left of the last one and leaves the row the chunk cuts off for the next: it parsed our exports
 * ~7 times faster than the stream parser used before (BENCHMARKS.md, "Import").
 *
 * A UTF-8 byte-order mark is dropped; empty lines are skipped (they still count as lines); a row
 * whose quotes the parser could not make sense of comes with `malformed` set. The line endings are
 * those of the first line (`\r\n`, `\n` or `\r`).
 */
export async function* csvRowBatches(input: Readable): AsyncGenerator<CsvRow[]> {
  input.setEncoding('utf8');
  let parser: Papa.Parser | undefined;
  let linebreak = '\n';
  let pending = '';
  let base = 0;
  let line = 1;
  const rowsOf = (text: string, last: boolean): CsvRow[] => {
    const result = parser!.parse(text, base, !last) as { data: string[][]; errors: Papa.ParseError[]; meta: { cursor: number } };
    // The cut-off row is parsed again with the next chunk; its complaints, if any, come again then.
    const malformed = new Map<number, string>();
    for (const error of result.errors) if (error.row !== undefined && error.row < result.data.length && !malformed.has(error.row)) malformed.set(error.row, error.message);
    const rows: CsvRow[] = [];
    result.data.forEach((cells, i) => {
      const row: CsvRow = { line, cells };
      const problem = malformed.get(i);
      if (problem !== undefined) row.malformed = problem;
      line += 1;
      for (const cell of cells) line += linebreaksIn(cell, linebreak);
      if (cells.length > 1 || cells[0] !== '' || problem !== undefined) rows.push(row);
    });
    pending = text.slice(result.meta.cursor - base);
    base = result.meta.cursor;
    return rows;
  };
  for await (const chunk of input as AsyncIterable<string>) {
    let text = pending + chunk;
    if (!parser) {
      if (base === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const found = firstLinebreak(text);
      if (found === undefined) {
        pending = text;
        continue;
      }
      linebreak = found;
      parser = new Papa.Parser({ delimiter: ',', newline: linebreak as Papa.ParseConfig['newline'], quoteChar: '"' });
    }
    const rows = rowsOf(text, false);
    if (rows.length > 0) yield rows;
  }
  if (!parser) {
    // One line without a line break, or nothing.
    parser = new Papa.Parser({ delimiter: ',', newline: '\n', quoteChar: '"' });
  }
  const rows = rowsOf(pending, true);
  if (rows.length > 0) yield rows;
}

/**
 * The first line break outside quotes (`\r\n`, `\n` or `\r`); undefined while `text` may not have
 * reached it yet (none so far, or a `\r` at its very end that a `\n` may follow). O(length).
 */
function firstLinebreak(text: string): string | undefined {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) quoted = !quoted;
    else if (!quoted && c === 10) return '\n';
    else if (!quoted && c === 13) return i + 1 === text.length ? undefined : text.charCodeAt(i + 1) === 10 ? '\r\n' : '\r';
  }
  return undefined;
}

/** How many line breaks a cell holds (a quoted cell may span lines). O(length). */
function linebreaksIn(cell: string, linebreak: string): number {
  let count = 0;
  for (let at = cell.indexOf(linebreak); at >= 0; at = cell.indexOf(linebreak, at + linebreak.length)) count++;
  return count;
}
