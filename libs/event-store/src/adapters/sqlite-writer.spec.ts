import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWriter, type EventKind } from './sqlite-writer.js';

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
      data: ['{}'],
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
