import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEventStore } from '@staffcast/event-store';
import { forkChild } from '../support/fork-child.js';

describe('a process closing its sqlite store', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'staffcast-close-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs the child to its end: its exit code and what it printed. */
  async function runChild(args: string[]): Promise<{ code: number | null; out: string }> {
    const child = forkChild('store-close-child.ts', args, ['ignore', 'pipe', 'inherit', 'ipc']);
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    // A child held alive by a worker would never end: stop it, and the test fails on its exit code.
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
    clearTimeout(timer);
    return { code, out };
  }

  it('runs on after close() once the checkpoint worker was started, exits with a read left unfinished, and leaves every event in the file', async () => {
    const file = join(dir, 'log.db');
    expect(await runChild([file])).toEqual({ code: 0, out: 'closed\n' });
    const store = await openEventStore(`sqlite:${file}`);
    expect(await store.headPosition()).toBe(60_000n);
    await store.close();
    // A process that only reads, and stops at maxCount while the read-ahead worker still has pages
    // to give, waits for that worker to end (it used to exit under the await, with code 13).
    expect(await runChild([file, 'read'])).toEqual({ code: 0, out: 'read 10000\nclosed\n' });
  }, 60_000);
});
