import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { TOKENS_ENV, VIEWER_TOKEN } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Debian's Chromium, headless, with nothing of its own reaching out (updates, safe browsing, metrics). */
const CHROMIUM = { executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] };
/** Screenshots are kept as the run's artefacts. */
const ARTEFACTS = join(process.cwd(), 'tests', 'browser', 'artefacts');

describe('/docs in a browser', () => {
  let t: TestApp;
  let context: BrowserContext;
  const profile = mkdtempSync(join(tmpdir(), 'staffcast-chromium-'));

  beforeAll(async () => {
    t = await startTestApp(TOKENS_ENV);
    context = await chromium.launchPersistentContext(profile, { ...CHROMIUM, headless: true, viewport: { width: 1366, height: 768 } });
  }, 60_000);
  afterAll(async () => {
    await context?.close();
    await t?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('renders every operation of /openapi.json and runs one with a token, from files of this server only, with no script refused', async () => {
    const page = await context.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    await page.goto(`${t.baseUrl}/docs`, { waitUntil: 'networkidle' });
    await page.locator('.opblock').first().waitFor({ timeout: 30_000 });

    const document = (await t.request('GET', '/openapi.json')).json<{ paths: Record<string, Record<string, unknown>> }>();
    const expected = Object.entries(document.paths)
      .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    const rendered = await page.locator('.opblock-summary').evaluateAll((blocks) =>
      blocks.map((b) => `${b.querySelector('.opblock-summary-method')?.textContent ?? ''} ${b.querySelector('.opblock-summary-path')?.getAttribute('data-path') ?? ''}`),
    );
    expect(rendered.sort()).toEqual(expected);

    // Open one operation: its example body and its error answers are on the page.
    await page.locator('#operations-planning-postPlans .opblock-summary').click();
    const plans = page.locator('#operations-planning-postPlans');
    await plans.locator('.responses-wrapper').waitFor();
    await expect(plans.locator('.body-param__example, .example').first().textContent()).resolves.toContain('"horizonHours": 168');
    await expect(plans.locator('.responses-table').textContent()).resolves.toMatch(/401[\s\S]*No token/);

    // Try an operation with a token: the page calls this server and shows its answer.
    await page.locator('.btn.authorize').first().click();
    await page.locator('.modal-ux input[type=text], .modal-ux input[type=password]').first().fill(VIEWER_TOKEN);
    await page.locator('.modal-ux .btn.authorize').click();
    await page.locator('.modal-ux .btn-done').click();
    const whoami = page.locator('#operations-health-getWhoami');
    await whoami.locator('.opblock-summary').click();
    await whoami.locator('.try-out__btn').click();
    await whoami.locator('.btn.execute').click();
    await whoami.locator('.live-responses-table tbody .response-col_status').first().waitFor();
    await expect(whoami.locator('.live-responses-table tbody .response-col_status').first().textContent()).resolves.toContain('200');
    await expect(whoami.locator('.live-responses-table .microlight').first().textContent()).resolves.toContain('"role": "viewer"');

    mkdirSync(ARTEFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTEFACTS, 'docs.png'), fullPage: false });

    const origin = new URL(t.baseUrl).origin;
    expect(requests.length).toBeGreaterThan(3);
    expect(requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'))).toEqual([]);
    expect(problems).toEqual([]);
  }, 120_000);
});
