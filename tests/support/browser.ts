import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const ARTIFACTS = join(ROOT, 'tests', 'browser', 'artifacts');

/** Builds the dashboard from its sources into dist/web (where the API serves it), as `npm run build:web` does. */
export async function buildDashboard(): Promise<void> {
  await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(ROOT, 'apps', 'planner-web', 'vite.config.mjs')], { cwd: ROOT });
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Every URL the page requested. */
  requests: string[];
  close(): Promise<void>;
}

/** Debian's Chromium, headless, with a fresh profile, at 1366×768; every request the page makes is recorded. */
export async function openBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'staffcast-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    viewport: { width: 1366, height: 768 },
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    context,
    page,
    requests,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Requests that went anywhere but the test server on 127.0.0.1 (data: and blob: URLs stay in the page). */
export function externalRequests(requests: readonly string[]): string[] {
  return requests.filter((url) => {
    const parsed = new URL(url);
    return !(parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.hostname === '127.0.0.1');
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/** Each body row's cells' raw values (data-value) of the table with this test id. */
export function tableValues(page: Page, testId: string): Promise<string[][]> {
  return page.$$eval(`[data-testid="${testId}"] tbody tr`, (rows) => rows.map((row) => Array.from(row.children as ArrayLike<{ getAttribute(name: string): string | null }>, (cell) => cell.getAttribute('data-value') ?? '')));
}
