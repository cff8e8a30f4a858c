import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { jsonArrayElements, startWriter, type EventKind } from './sqlite-writer.js';

describe('jsonArrayElements', () => {
  it('cuts a JSON array into its elements’ texts, strings with brackets, commas, quotes and escapes included', () => {
    const values = [{ a: [1, 2], b: '],"x' }, 'x,y', '\\', '\\"', [[], {}], 3.5, true, 'ü€😀\u2028', { 'k"': { '{': '}' } }];
    expect(jsonArrayElements(JSON.stringify(values), values.length)).toEqual(values.map((v) => JSON.stringify(v)));
    expect(jsonArrayElements('[]', 0)).toEqual([]);
  });

  it('gives each element as JSON.stringify writes it alone, for any JSON values', () => {
    const value = fc.jsonValue().filter((v) => v !== null);
    fc.assert(
      fc.property(fc.array(value, { maxLength: 20 }), (values) => {
        expect(jsonArrayElements(JSON.stringify(values), values.length)).toEqual(values.map((v) => JSON.stringify(v)));
      }),
    );
  });

  it('gives nothing when an element is null, as JSON.stringify writes a value that has no JSON', () => {
    expect(jsonArrayElements(JSON.stringify([{ a: null }, undefined]), 2)).toBeUndefined();
    expect(jsonArrayElements(JSON.stringify([() => 1]), 1)).toBeUndefined();
    expect(jsonArrayElements('[null]', 1)).toBeUndefined();
    expect(jsonArrayElements('[{"a":null}]', 1)).toEqual(['{"a":null}']);
  });

  it('throws for a text that is not a JSON array of that many elements', () => {
    for (const [text, count] of [
      ['[1,2]', 3],
      ['[1,2]', 1],
      ['[1,2', 2],
      ['[1,,2]', 2],
      ['["a]', 1],
      ['{"a":1}', 1],
      ['[1]]', 1],
      ['', 0],
    ] as const) {
      expect(() => jsonArrayElements(text, count)).toThrow(/jsonArrayElements/);
    }
  });
});

describe('startWriter', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'staffcast-writer-spec-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('fails every request, saying why, when it cannot open the database file', async () => {
    const writer = startWriter(join(dir, 'missing.db'), { currentRevision: 'SELECT 1', inserts: [], sharedMetadataInserts: [], rowWidth: 10, sharedMetadataRowWidth: 6, busyTimeoutMs: 100, cacheSizeKiB: 1024, journalSizeLimitBytes: 1 << 20 });
    const request = {
      streams: ['s-1'],
      expected: [-1],
      counts: [1],
      ids: ['e-1'],
      data: '[{}]',
      kindOf: new Uint32Array(1),
      kinds: [['Noted', '2026-01-01T00:00:00.000Z', 'spec', 'c-1', null, 1] as EventKind],
      sharedMetadata: null,
      autocheckpoint: 0,
      restartWal: false,
    };
    await expect(writer.append(request)).rejects.toThrow(/the writer thread for .*missing\.db: .*open/);
    expect(writer.failed).toBe(true);
    await expect(writer.append(request)).rejects.toThrow(/missing\.db/);
    await writer.stop();
  });
});
