import { Readable } from 'node:stream';
import fc from 'fast-check';
import { csvRowBatches, type CsvRow } from './csv-rows.js';

async function rowsOf(chunks: (string | Buffer)[]): Promise<CsvRow[]> {
  const rows: CsvRow[] = [];
  for await (const batch of csvRowBatches(Readable.from(chunks, { objectMode: false }))) rows.push(...batch);
  return rows;
}

/** The bytes of `text` cut at the given fractions (anywhere, also inside a multi-byte character). */
function cut(text: string, at: number[]): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  const points = [...new Set(at.map((f) => Math.floor(f * bytes.length)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const p of [...points, bytes.length]) {
    if (p > from) chunks.push(bytes.subarray(from, p));
    from = Math.max(from, p);
  }
  return chunks;
}

const quote = (cell: string) => (/[",\r\n]/.test(cell) || cell === '' ? `"${cell.replaceAll('"', '""')}"` : cell);

describe('csvRowBatches', () => {
  const cell = fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.constantFrom('a,b', 'say "hi"', 'two\nlines', 'crlf\r\nline', 'é€😀', ' padded ', ''),
  );
  const table = fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 30 });

  it('gives every row’s cells and the line it starts on, however the bytes are cut', async () => {
    await fc.assert(
      fc.asyncProperty(
        table,
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.nat({ max: 29 }), { maxLength: 3 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }),
        async (rows, linebreak, bom, trailing, emptyAfter, cuts) => {
          const lines: string[] = [];
          const expected: { line: number; cells: string[] }[] = [];
          let line = 1;
          rows.forEach((cells, i) => {
            const text = cells.map(quote).join(',');
            expected.push({ line, cells });
            lines.push(text);
            line += 1 + text.split(linebreak).length - 1;
            for (const after of emptyAfter) {
              if (after === i && i < rows.length - 1) {
                lines.push('');
                line += 1;
              }
            }
          });
          const text = (bom ? '\uFEFF' : '') + lines.join(linebreak) + (trailing ? linebreak : '');
          const parsed = await rowsOf(cut(text, cuts));
          expect(parsed).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('marks a row whose quotes do not close or are followed by text, and keeps the rows before it', async () => {
    const parsed = await rowsOf(['id,name\n1,ok\n2,"bad"x\n3,fine\n']);
    expect(parsed[0]).toEqual({ line: 1, cells: ['id', 'name'] });
    expect(parsed[1]).toEqual({ line: 2, cells: ['1', 'ok'] });
    expect(parsed[2]!.line).toBe(3);
    expect(parsed[2]!.malformed).toMatch(/quote/i);
    const unclosed = await rowsOf(['id,name\n1,"never closed\n2,x\n']);
    expect(unclosed[1]!.line).toBe(2);
    expect(unclosed[1]!.malformed).toMatch(/quote/i);
  });

  it('reads a file of one line without a line break, and an empty one', async () => {
    expect(await rowsOf(['a,b,c'])).toEqual([{ line: 1, cells: ['a', 'b', 'c'] }]);
    expect(await rowsOf([])).toEqual([]);
  });
});
