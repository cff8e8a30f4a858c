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
            line += 1 + (text.match(/\r\n|\n|\r/g) ?? []).length;
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

  it('gives a row whose quotes make no sense as its first line, marked, and reads on from the next line', async () => {
    const parsed = await rowsOf(['id,name\n1,ok\n2,"bad"x\n3,"fine"\n4,last\n']);
    expect(parsed.map((r) => [r.line, r.cells, r.malformed !== undefined])).toEqual([
      [1, ['id', 'name'], false],
      [2, ['1', 'ok'], false],
      [3, ['2,"bad"x'], true],
      [4, ['3', 'fine'], false],
      [5, ['4', 'last'], false],
    ]);
    // A quote never closed: its line is the malformed row; the lines after it are rows again.
    const unclosed = await rowsOf(['id,name\r\n1,"never closed\r\n2,x\r\n3,y']);
    expect(unclosed.map((r) => [r.line, r.cells, r.malformed !== undefined])).toEqual([
      [1, ['id', 'name'], false],
      [2, ['1,"never closed'], true],
      [3, ['2', 'x'], false],
      [4, ['3', 'y'], false],
    ]);
  });

  it('bounds a quoted cell that never closes: past 1 MiB its first line is the malformed row, and every row after it is read', async () => {
    const filler = Array.from({ length: 120_000 }, (_, i) => `${i},row ${i}`).join('\n');
    const parsed = await rowsOf(cut(`id,name\n0,"open\n${filler}\n`, Array.from({ length: 200 }, (_, i) => i / 200)));
    // Cut off by the bound while reading (the file's end, 1.6 MiB on, would give another complaint).
    expect(parsed[1]).toMatchObject({ line: 2, cells: ['0,"open'], malformed: expect.stringMatching(/more than 1048576 characters/) });
    const after = parsed.slice(2);
    expect(after).toHaveLength(120_000);
    expect(after.every((r, i) => r.malformed === undefined && r.cells[0] === String(i) && r.line === i + 3)).toBe(true);
  });

  it('reads a file where every row has a quote followed by text, each as its own malformed row', async () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => `${i},"12" monitor`);
    const parsed = await rowsOf(cut(`id,item\n${rows.join('\n')}\n`, Array.from({ length: 50 }, (_, i) => i / 50)));
    expect(parsed).toHaveLength(5_001);
    expect(parsed.slice(1).every((r, i) => r.malformed !== undefined && r.line === i + 2 && r.cells[0] === `${i},"12" monitor`)).toBe(true);
  });

  it('drops the rest of a line over 1 MiB without holding it, and reads the rows after it', async () => {
    const long = `2,"${'x'.repeat(3 << 20)}`;
    const parsed = await rowsOf(cut(`id,name\n1,a\n${long}\n3,b\n4,"c"\n`, Array.from({ length: 100 }, (_, i) => i / 100)));
    expect(parsed.map((r) => [r.line, r.cells.length === 2 ? r.cells : r.cells[0]!.length, r.malformed !== undefined])).toEqual([
      [1, ['id', 'name'], false],
      [2, ['1', 'a'], false],
      [3, 1000, true],
      [4, ['3', 'b'], false],
      [5, ['4', 'c'], false],
    ]);
  });

  it('counts a quoted line break of another kind than the file’s as a line', async () => {
    const parsed = await rowsOf(['h1,h2\r\n1,"multi\nline"\r\n2,x']);
    expect(parsed.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('reads a file of one line without a line break, and an empty one', async () => {
    expect(await rowsOf(['a,b,c'])).toEqual([{ line: 1, cells: ['a', 'b', 'c'] }]);
    expect(await rowsOf(['a,b,c\r'])).toEqual([{ line: 1, cells: ['a', 'b', 'c'] }]);
    expect(await rowsOf([])).toEqual([]);
  });
});
