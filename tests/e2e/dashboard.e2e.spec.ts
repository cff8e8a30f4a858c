import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryEventStore } from '@staffcast/event-store';
import { TOKENS_ENV } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('the dashboard at /', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'staffcast-web-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  describe('when built', () => {
    let t: TestApp;
    beforeAll(async () => {
      const root = tempDir();
      mkdirSync(join(root, 'assets'));
      writeFileSync(join(root, 'index.html'), '<!doctype html><title>Staffcast planner</title><script type="module" src="/assets/app-1a2b.js"></script>');
      writeFileSync(join(root, 'assets', 'app-1a2b.js'), 'console.log("dashboard");');
      t = await startTestApp(TOKENS_ENV, new MemoryEventStore(), { dashboardRoot: root });
    });
    afterAll(() => t.close());

    it('serves the page and its assets without a token; the page is revalidated, hashed assets cached', async () => {
      const page = await t.request('GET', '/');
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.text).toContain('Staffcast planner');
      expect(page.headers.get('cache-control')).toBe('no-cache');
      const asset = await t.request('GET', '/assets/app-1a2b.js');
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toMatch(/javascript/);
      expect(asset.headers.get('cache-control')).toContain('immutable');
    });

    it('leaves the API as it was: unknown paths are the JSON 404, API routes still need a token', async () => {
      const missing = await t.request('GET', '/assets/nope.js');
      expect(missing.status).toBe(404);
      expect(missing.json<{ error: string }>().error).toBe('not found');
      expect((await t.request('GET', '/v1/whoami')).status).toBe(401);
      expect((await t.request('GET', '/health')).status).toBe(200);
    });
  });

  describe('when not built', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(TOKENS_ENV, new MemoryEventStore(), { dashboardRoot: join(tempDir(), 'absent') });
    });
    afterAll(() => t.close());

    it('answers / with a 503 that says what to run, and the API still works', async () => {
      const res = await t.request('GET', '/');
      expect(res.status).toBe(503);
      expect(res.text).toMatch(/not built.*npm run build/);
      expect((await t.request('GET', '/health')).status).toBe(200);
    });
  });
});
