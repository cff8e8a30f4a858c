import fc from 'fast-check';
import Papa from 'papaparse';
import { csvCell, toCsv } from './plan-csv.js';

describe('csvCell', () => {
  it.each([
    ['=1+2', `"'=1+2"`],
    ['+SUM(A1:A2)', `"'+SUM(A1:A2)"`],
    ['-2+3', `"'-2+3"`],
    ['@cmd', `"'@cmd"`],
    ['\tx', `"'\tx"`],
    ['\rx', `"'\rx"`],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
  ])('given the text %p, when written, then it is quoted behind a single quote', (text, cell) => {
    expect(csvCell(text)).toBe(cell);
  });

  it('given numbers, when written, then they stay numbers, negative ones included', () => {
    expect(csvCell(-1.23456)).toBe('-1.2346');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(null)).toBe('');
    expect(csvCell('us-kyc-chat')).toBe('us-kyc-chat');
  });

  it('given any text row, when read back by a CSV parser, then no cell starts a formula and the text survives', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { minLength: 1, maxLength: 4 }), (texts) => {
        const columns = texts.map((_, i) => `c${i}`);
        const row = Object.fromEntries(texts.map((text, i) => [`c${i}`, text]));
        const parsed = Papa.parse<string[]>(toCsv(columns, [row]).replace(/\n$/, ''), { newline: '\n' }).data[1]!;
        parsed.forEach((cell, i) => {
          expect(/^[=+\-@\t\r]/.test(cell)).toBe(false);
          expect(cell.replace(/^'(?=[=+\-@\t\r])/, '')).toBe(texts[i]);
        });
      }),
    );
  });
});
