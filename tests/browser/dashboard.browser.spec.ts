import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { seedDemo } from '../../apps/planner-api/src/demo/seed-demo.js';
import { buildDashboard, externalRequests, openBrowser, screenshot, tableValues, type Browser } from '../support/browser.js';
import { asPlanner, PLANNER_TOKEN, TOKENS_ENV, VIEWER_TOKEN } from '../support/fixtures.js';
import { KL_RULES } from '../support/schedule-fixtures.js';
import { expectCoverageShowsRun, expectGanttShowsDraft, type Draft, type Unmet } from '../support/schedule-page-checks.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface PlanRow {
  queueId: string;
  hour: string;
  open: boolean;
  gap: number;
  rawAgents: number;
  rosteredAgents: number;
  serviceLevel: number | null;
}
interface Period {
  period: string;
  requiredAgentHours: number;
  shortAgentHours: number;
  hoursShort: number;
}
interface Plan {
  rows: PlanRow[];
  summaries: { queueId: string; days: Period[]; weeks: Period[]; total: Period }[];
}

const TOL = 1e-9;
const num = (v: string) => (v === '' ? null : Number(v));

describe('the dashboard in Chromium, on the seeded demo operation', () => {
  let t: TestApp;
  let b: Browser;
  let defaultFrom: string;
  const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await t.request(method, path, { headers: asPlanner, ...(body === undefined ? {} : { body }) });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
    return res.json<T>();
  };
  const pickQueues = async (page: Page, ids: string[]) => {
    for (const box of await page.$$('input[name=queue]')) {
      const want = ids.includes(await box.getAttribute('value') ?? '');
      if ((await box.isChecked()) !== want) await box.click();
    }
  };
  const setRange = async (page: Page, from: string, to: string) => {
    await page.fill('input[name=to]', to);
    await page.fill('input[name=from]', from);
  };

  beforeAll(async () => {
    await buildDashboard();
    t = await startTestApp(TOKENS_ENV);
    await seedDemo(t.app, t.store);
    const status = await api<{ projections: { tickets: { last: string } }[] }>('GET', '/v1/projections/status');
    defaultFrom = DateTime.fromISO(status.projections[0]!.tickets.last, { zone: 'utc' }).startOf('day').plus({ days: 1 }).toISODate()!;
    b = await openBrowser();
  }, 180_000);
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  it('refuses a wrong token with a message that says so', async () => {
    const { page } = b;
    await page.goto(t.baseUrl);
    await page.fill('#token', 'not-a-real-token');
    await page.click('button[type=submit]');
    const message = await page.locator('[data-testid=signin-error]').textContent();
    expect(message).toMatch(/Sign-in failed: .*unknown token/);
    expect(await page.evaluate<string | null>("sessionStorage.getItem('staffcast.token')")).toBeNull();
    await screenshot(page, 'sign-in-refused');
  }, 60_000);

  it('signs in and shows the capacity-plan heat map with the API’s numbers', async () => {
    const { page } = b;
    await page.fill('#token', PLANNER_TOKEN);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid^=heatmap-] button.cell', { timeout: 30_000 });
    expect(await page.locator('[data-testid=whoami]').textContent()).toContain('planner');
    expect(await page.evaluate<string | null>("sessionStorage.getItem('staffcast.token')")).toBe(PLANNER_TOKEN);
    const queueId = (await page.locator('input[name=queue]:checked').first().getAttribute('value'))!;
    expect(await page.inputValue('input[name=from]')).toBe(defaultFrom);

    const plan = await api<Plan>('POST', '/v1/plans', { queueIds: [queueId], from: `${defaultFrom}T00:00:00Z`, horizonHours: 168 });
    const cells: { utc: string; gap: string }[] = await page.$$eval(`[data-testid="heatmap-${queueId}"] button.cell`, (els) => els.map((e) => ({ utc: e.getAttribute('data-utc')!, gap: e.getAttribute('data-gap')! })));
    const shown = new Map(cells.flatMap((c) => c.utc.split(' ').map((u, i) => [u, Number(c.gap.split(' ')[i])] as const)));
    expect(shown.size).toBe(plan.rows.length);
    for (const row of plan.rows) expect(Math.abs(shown.get(row.hour)! - row.gap)).toBeLessThan(TOL);
    expect(plan.rows.some((r) => r.open && r.gap !== 0)).toBe(true);

    const weeks = await tableValues(page, `weeks-${queueId}`);
    const summary = plan.summaries[0]!;
    expect(weeks.map((w) => w[0])).toEqual([...summary.weeks.map((w) => w.period), 'total']);
    [...summary.weeks, summary.total].forEach((w, i) => {
      expect(num(weeks[i]![1]!)).toBeCloseTo(w.requiredAgentHours, 9);
      expect(num(weeks[i]![4]!)).toBeCloseTo(w.shortAgentHours, 9);
      expect(num(weeks[i]![5]!)).toBe(w.hoursShort);
    });

    const days = await tableValues(page, `days-${queueId}`);
    expect(days.map((d) => d[0])).toEqual(summary.days.map((d) => d.period));
    summary.days.forEach((d, i) => expect([num(days[i]![1]!), num(days[i]![4]!), num(days[i]![5]!)]).toEqual([d.requiredAgentHours, d.shortAgentHours, d.hoursShort]));

    // Keyboard: tab to an open hour and read the detail it shows.
    const open = plan.rows.find((r) => r.open)!;
    await page.focus(`[data-testid="heatmap-${queueId}"] button.cell[data-utc~="${open.hour}"]`);
    const detail = page.locator(`[data-testid="detail-${queueId}"]`);
    expect(await detail.locator('[data-field=required]').first().textContent()).toBe(open.rawAgents.toLocaleString('en-US', { minimumFractionDigits: Number.isInteger(open.rawAgents) ? 0 : 2, maximumFractionDigits: Number.isInteger(open.rawAgents) ? 0 : 2 }));
    // Arrow keys move between hours: down is the same local hour a day later.
    const before = await page.evaluate<{ date: string; hour: string }>("({ date: document.activeElement.dataset.date, hour: document.activeElement.dataset.hour })");
    await page.keyboard.press('ArrowDown');
    const after = await page.evaluate<{ date: string; hour: string }>("({ date: document.activeElement.dataset.date, hour: document.activeElement.dataset.hour })");
    expect(after).toEqual({ date: DateTime.fromISO(before.date).plus({ days: 1 }).toISODate(), hour: before.hour });
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate<string>('document.activeElement.dataset.hour')).toBe(String(Number(before.hour) + 1));
    await screenshot(page, 'capacity-plan');
  }, 90_000);

  it('puts a New York queue’s hours on the right local hour across the November DST change', async () => {
    const { page } = b;
    await pickQueues(page, ['us-kyc-chat']);
    await setRange(page, '2026-10-30', '2026-11-03');
    await page.waitForSelector('[data-testid="heatmap-us-kyc-chat"] button.cell[data-date="2026-11-02"]', { timeout: 30_000 });
    expect(await page.locator('[data-testid="zone-us-kyc-chat"]').textContent()).toBe('America/New_York');
    const cells = await page.$$eval('[data-testid="heatmap-us-kyc-chat"] button.cell', (els) => els.map((e) => ({ date: e.getAttribute('data-date')!, hour: Number(e.getAttribute('data-hour')), utc: e.getAttribute('data-utc')!.split(' ') })));
    for (const cell of cells) {
      for (const utc of cell.utc) {
        const local = DateTime.fromISO(utc, { zone: 'America/New_York' });
        expect([local.toISODate(), local.hour]).toEqual([cell.date, cell.hour]);
      }
    }
    const at = (date: string, hour: number) => cells.find((c) => c.date === date && c.hour === hour)?.utc;
    // 09:00 is 13:00Z under EDT and 14:00Z under EST; 01:00 on 1 November happens twice.
    expect(at('2026-10-31', 9)).toEqual(['2026-10-31T13:00:00.000Z']);
    expect(at('2026-11-02', 9)).toEqual(['2026-11-02T14:00:00.000Z']);
    expect(at('2026-11-01', 1)).toEqual(['2026-11-01T05:00:00.000Z', '2026-11-01T06:00:00.000Z']);
    expect(cells.filter((c) => c.date === '2026-11-01').flatMap((c) => c.utc)).toHaveLength(25);
    await screenshot(page, 'capacity-plan-dst');

    // One zone for all: the same hours read on Kuala Lumpur's clock (UTC+8, no DST).
    await page.selectOption('select[name=zone]', 'Asia/Kuala_Lumpur');
    await page.waitForSelector('[data-testid="zone-us-kyc-chat"]:has-text("Asia/Kuala_Lumpur")');
    const kl = await page.$$eval('[data-testid="heatmap-us-kyc-chat"] button.cell', (els) => els.map((e) => ({ date: e.getAttribute('data-date')!, hour: Number(e.getAttribute('data-hour')), utc: e.getAttribute('data-utc')!.split(' ') })));
    expect(kl.every((c) => c.utc.length === 1)).toBe(true);
    for (const cell of kl) {
      const local = DateTime.fromISO(cell.utc[0]!, { zone: 'Asia/Kuala_Lumpur' });
      expect([local.toISODate(), local.hour]).toEqual([cell.date, cell.hour]);
    }
    await page.selectOption('select[name=zone]', 'queue');
  }, 90_000);

  it('shows forecast against actuals with the forecast the API gives', async () => {
    const { page } = b;
    await setRange(page, defaultFrom, DateTime.fromISO(defaultFrom).plus({ days: 7 }).toISODate()!);
    await page.click('#tab-forecast');
    await page.waitForSelector('[data-testid="chart-us-kyc-chat"] canvas', { timeout: 60_000 });
    const api7 = await api<{ queues: { method: string; backtest: { wape: number }; volume: { mean: number[]; quantiles: Record<string, number[]> } }[] }>('POST', '/v1/forecasts', {
      queueIds: ['us-kyc-chat'],
      from: `${defaultFrom}T00:00:00Z`,
      horizonHours: 168,
      quantiles: [0.1, 0.9],
    });
    const f = api7.queues[0]!;
    expect(await page.locator('[data-testid="method-us-kyc-chat"]').textContent()).toBe(f.method);
    expect(await page.locator('[data-testid="wape-us-kyc-chat"]').textContent()).toBe(`${(f.backtest.wape * 100).toFixed(1)}%`);
    const rows = await tableValues(page, 'forecast-table-us-kyc-chat');
    expect(rows).toHaveLength(168);
    rows.forEach((r, i) => {
      expect(Math.abs(Number(r[3]) - f.volume.mean[i]!)).toBeLessThan(TOL);
      expect(Math.abs(Number(r[4]) - f.volume.quantiles['0.1']![i]!)).toBeLessThan(TOL);
      expect(Math.abs(Number(r[5]) - f.volume.quantiles['0.9']![i]!)).toBeLessThan(TOL);
    });
    expect(f.volume.mean.some((v) => v > 0)).toBe(true);
    // The launch announced after the history is marked on the chart.
    expect(await page.locator('[data-testid="markers-us-kyc-chat"]').textContent()).toMatch(/Launch/);
    await screenshot(page, 'forecast');
  }, 90_000);

  it('publishes a forecast of past hours from the page and scores it against the actuals as the API does', async () => {
    const { page } = b;
    await setRange(page, '2026-11-02', '2026-11-09');
    await page.waitForSelector('[data-testid="chart-us-kyc-chat"] canvas', { timeout: 60_000 });
    await page.click('text=Publish this forecast');
    await page.waitForSelector('[data-testid="accuracy-us-kyc-chat"]', { timeout: 60_000 });
    const accuracy = await api<{ publications: number; byHorizon: { horizon: string; hours: number; wape: number | null; bias: number | null; coverage: number | null }[]; overall: { wape: number; bias: number; coverage: number } }>(
      'GET',
      `/v1/accuracy?queueId=us-kyc-chat&from=2026-10-19T00:00:00Z&to=2026-11-09T00:00:00Z`,
    );
    expect(accuracy.publications).toBe(1);
    const rows = await tableValues(page, 'accuracy-us-kyc-chat');
    expect(rows.map((r) => r[0])).toEqual([...accuracy.byHorizon.map((h) => h.horizon), 'all']);
    accuracy.byHorizon.forEach((h, i) => {
      expect(Number(rows[i]![1])).toBe(h.hours);
      for (const [j, value] of [h.wape, h.bias, h.coverage].entries()) {
        if (value === null) expect(rows[i]![j + 2]).toBe('');
        else expect(Math.abs(Number(rows[i]![j + 2]) - value)).toBeLessThan(TOL);
      }
    });
    expect(Math.abs(Number(rows.at(-1)![2]) - accuracy.overall.wape)).toBeLessThan(TOL);
    expect(accuracy.overall.wape).toBeGreaterThan(0);
    await screenshot(page, 'forecast-accuracy');
  }, 120_000);

  it('shows KPIs and contact drivers as the API reports them, and downloads them as CSV', async () => {
    const { page } = b;
    await setRange(page, '2026-10-19', '2026-11-16');
    await page.click('#tab-kpis');
    await page.waitForSelector('[data-testid="kpi-chart-us-kyc-chat"] canvas', { timeout: 60_000 });
    await page.waitForSelector('[data-testid="drivers-chart"] canvas', { timeout: 60_000 });
    const kpis = await api<{ periods: { period: string; arrivals: number; resolutionSeconds: { median: number; p90: number }; csat: { share: number }; escalations: { total: number; rate: number } }[] }>(
      'GET',
      '/v1/kpis?queueId=us-kyc-chat&from=2026-10-19&to=2026-11-16&granularity=day',
    );
    const rows = await tableValues(page, 'kpi-table-us-kyc-chat');
    expect(rows.map((r) => r[0])).toEqual(kpis.periods.map((p) => p.period));
    kpis.periods.forEach((p, i) => {
      expect([num(rows[i]![1]!), num(rows[i]![3]!), num(rows[i]![4]!), num(rows[i]![7]!)]).toEqual([p.arrivals, p.resolutionSeconds.median, p.resolutionSeconds.p90, p.escalations.total]);
      expect(num(rows[i]![6]!)).toBeCloseTo(p.csat.share, 12);
    });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[aria-label="Download KPIs per day, us-kyc-chat as CSV"]')]);
    const csv = readFileSync((await download.path())!, 'utf8').trim().split('\r\n');
    expect(csv[0]).toBe('period,arrivals,resolutions,median resolution s,p90 resolution s,CSAT rated,CSAT satisfied share,escalations,escalation rate');
    expect(csv.slice(1).map((line) => line.split(',')[0])).toEqual(kpis.periods.map((p) => p.period));
    await screenshot(page, 'kpis');
  }, 90_000);

  it('creates a scenario, adds and removes assumptions and runs it from the page, showing the run the API returns', async () => {
    const { page } = b;
    await setRange(page, defaultFrom, DateTime.fromISO(defaultFrom).plus({ days: 7 }).toISODate()!);
    await page.click('#tab-scenarios');
    await page.fill('input[name=scenario-name]', 'KYC surge from the page');
    await page.click('text=Create scenario');
    await page.waitForSelector('[data-testid=scenario-name]:has-text("KYC surge from the page")');

    // A value the form cannot read is refused before any request, naming the field.
    await page.fill('#assumption-volume-multiplier-factor', 'lots');
    await page.click('text=Add assumption');
    expect(await page.locator('.add-assumption [role=alert]').textContent()).toContain('factor: must be a number');
    // A value the API refuses comes back in its words.
    await page.fill('#assumption-volume-multiplier-factor', '-2');
    await page.click('text=Add assumption');
    expect(await page.locator('.add-assumption [role=alert]').textContent()).toMatch(/factor/);

    await page.selectOption('select[name=assumption-kind]', 'aht-change');
    await page.click('text=Add assumption');
    await page.waitForSelector('[data-testid=assumptions] li[data-kind=aht-change]');
    await page.selectOption('select[name=assumption-kind]', 'volume-multiplier');
    await page.fill('#assumption-volume-multiplier-factor', '1.5');
    await page.click('text=Add assumption');
    await page.waitForSelector('[data-testid=assumptions] li[data-kind=volume-multiplier]');
    await page.click('[aria-label="Remove the aht-change assumption"]');
    await page.waitForSelector('[data-testid=assumptions] li[data-kind=aht-change]', { state: 'detached' });

    await page.click('text=Run against the baseline');
    await page.waitForSelector('[data-testid=run-comparison]', { timeout: 60_000 });
    const runId = (await page.locator('[data-testid=run-comparison]').getAttribute('data-run-id'))!;
    const { scenarios } = await api<{ scenarios: { scenarioId: string; name: string }[] }>('GET', '/v1/scenarios');
    const scenarioId = scenarios.find((s) => s.name === 'KYC surge from the page')!.scenarioId;
    const scenario = await api<{ assumptions: { assumption: { kind: string; factor?: number } }[] }>('GET', `/v1/scenarios/${scenarioId}`);
    expect(scenario.assumptions.map((a) => [a.assumption.kind, a.assumption.factor])).toEqual([['volume-multiplier', 1.5]]);

    const run = await api<{ summary: { total: Record<'baseline' | 'scenario' | 'delta', Record<string, number | null>> } }>('GET', `/v1/scenarios/${scenarioId}/runs/${runId}?compare=baseline`);
    const keys = ['volume', 'requiredAgentHours', 'scheduledAgentHours', 'requiredFte', 'rosteredAgentHours', 'gapAgentHours', 'hoursShort', 'serviceLevel', 'abandonment'];
    const shown = await tableValues(page, 'comparison-total');
    expect(shown).toHaveLength(keys.length);
    keys.forEach((key, i) => {
      for (const [j, side] of (['baseline', 'scenario', 'delta'] as const).entries()) {
        const expected = run.summary.total[side][key];
        if (expected === null) expect(shown[i]![j + 1]).toBe('');
        else expect(Math.abs(Number(shown[i]![j + 1]) - expected!)).toBeLessThan(TOL);
      }
    });
    expect(run.summary.total.scenario.volume! / run.summary.total.baseline.volume!).toBeGreaterThan(1.2);
    await page.waitForSelector('[data-testid=comparison-chart] canvas');
    await screenshot(page, 'scenario-run');
  }, 120_000);

  it('offers a form for every assumption kind, each accepted by the API as the page fills it', async () => {
    const { page } = b;
    await page.click('#tab-scenarios');
    await page.fill('input[name=scenario-name]', 'Every kind');
    await page.click('text=Create scenario');
    await page.waitForSelector('[data-testid=scenario-name]:has-text("Every kind")');
    const kinds = await page.$$eval('select[name=assumption-kind] option', (options) => options.map((o) => (o as unknown as { value: string }).value));
    expect(kinds.sort()).toEqual(['aht-change', 'attrition', 'hires', 'launch', 'local-team-move', 'service-target', 'shrinkage', 'volume-multiplier']);
    for (const kind of kinds) {
      await page.selectOption('select[name=assumption-kind]', kind);
      await page.click('text=Add assumption');
      await page.waitForSelector(`[data-testid=assumptions] li[data-kind="${kind}"]`, { timeout: 15_000 });
    }
    const { scenarios } = await api<{ scenarios: { scenarioId: string; name: string }[] }>('GET', '/v1/scenarios');
    const scenarioId = scenarios.find((s) => s.name === 'Every kind')!.scenarioId;
    const recorded = await api<{ assumptions: { assumption: { kind: string } }[] }>('GET', `/v1/scenarios/${scenarioId}`);
    expect(recorded.assumptions.map((a) => a.assumption.kind).sort()).toEqual([...kinds].sort());
    await screenshot(page, 'scenario-every-kind');
  }, 120_000);

  it('drafts a local-team plan from the page and shows its projection as the API computes it', async () => {
    const { page } = b;
    await page.click('#tab-local-team');
    await page.waitForSelector('text=No local-team plan is recorded yet');
    await page.click('text=Draft a new local-team plan');
    await page.click('text=Draft plan');
    await page.waitForSelector('[data-testid=lt-fte-chart] canvas', { timeout: 60_000 });
    const { plans } = await api<{ plans: { planId: string }[] }>('GET', '/v1/local-team/plans');
    expect(plans).toHaveLength(1);
    const projection = await api<{ months: { month: string; requiredFte: number; hires: number; agentHeadcount: number; productiveFte: number; costLocal: number }[]; summary: { peakAgentHeadcount: number; breakEvenMonth: string | null }; sensitivity: unknown[] }>(
      'GET',
      `/v1/local-team/plans/${plans[0]!.planId}/projection`,
    );
    const months = await tableValues(page, 'lt-months');
    expect(months.map((m) => m[0])).toEqual(projection.months.map((m) => m.month));
    projection.months.forEach((m, i) => {
      expect(Math.abs(Number(months[i]![1]) - m.requiredFte)).toBeLessThan(TOL);
      expect([Number(months[i]![2]), Number(months[i]![6])]).toEqual([m.hires, m.agentHeadcount]);
      expect(Math.abs(Number(months[i]![7]) - m.productiveFte)).toBeLessThan(TOL);
      expect(Math.abs(Number(months[i]![9]) - m.costLocal)).toBeLessThan(1e-6);
    });
    expect(projection.months.some((m) => m.hires > 0)).toBe(true);
    expect(await page.locator('[data-testid=lt-break-even]').textContent()).toBe(projection.summary.breakEvenMonth ?? 'not within the plan');
    expect(await tableValues(page, 'lt-sensitivity')).toHaveLength(projection.sensitivity.length);
    await screenshot(page, 'local-team');
  }, 120_000);

  it('runs a Kuala Lumpur schedule from the page and shows its Gantt, figures and CSV as GET /v1/schedules/:id gives them', async () => {
    const { page } = b;
    expect((await t.request('PUT', '/v1/schedule-rules/kul', { body: KL_RULES, headers: asPlanner })).status).toBeLessThan(300);
    await page.goto(t.baseUrl);
    if (await page.locator('#token').count()) {
      await page.fill('#token', PLANNER_TOKEN);
      await page.click('button[type=submit]');
    }
    await page.click('#tab-schedule');
    const monday = DateTime.fromISO(defaultFrom).plus({ days: (8 - DateTime.fromISO(defaultFrom).weekday) % 7 }).toISODate()!;
    expect(await page.inputValue('input[name=weekStart]')).toBe(monday);
    await page.fill('input[name=siteId]', 'kul');
    // A week that does not start on a Monday comes back in the API's words, naming the field.
    await page.fill('input[name=weekStart]', DateTime.fromISO(monday).plus({ days: 1 }).toISODate()!);
    await page.click('text=Run schedule');
    expect(await page.locator('.schedule [role=alert]').textContent()).toContain('weekStart: must be a Monday');

    await page.fill('input[name=weekStart]', monday);
    await page.fill('input[name=timeLimitSeconds]', '10');
    const runAnswer = page.waitForResponse((r) => r.url().endsWith('/v1/schedules/runs') && r.request().method() === 'POST', { timeout: 90_000 });
    await page.click('text=Run schedule');
    await page.waitForSelector('.schedule [role=status]:has-text("solver")');
    await page.waitForSelector('[data-testid=schedule-result]', { timeout: 90_000 });
    const scheduleId = (await page.locator('[data-testid=schedule-result]').getAttribute('data-schedule-id'))!;
    const draft = await api<Draft>('GET', `/v1/schedules/${scheduleId}`);

    const rows = await expectGanttShowsDraft(page, draft, monday);
    const { unmet } = (await (await runAnswer).json()) as { unmet: Unmet[] };
    await expectCoverageShowsRun(page, draft.totals.underAgentHours, unmet);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Download schedule CSV')]);
    const csv = await t.request('GET', `/v1/schedules/${scheduleId}?format=csv`, { headers: asPlanner });
    expect(readFileSync((await download.path())!, 'utf8')).toBe(csv.text);
    await screenshot(page, 'schedule');
    await page.locator('[data-testid^=coverage-chart-]').first().scrollIntoViewIfNeeded();
    await screenshot(page, 'schedule-coverage');

    await page.click('button:has-text("Publish")');
    await page.waitForSelector('[data-testid=publish-result]', { timeout: 30_000 });
    expect(await page.locator('[data-testid=publish-result]').textContent()).toMatch(/^Published: \d+ agent schedule events written\.$/);
    expect((await api<{ published: boolean }>('GET', `/v1/schedules/${scheduleId}`)).published).toBe(true);

    // A viewer opens the recorded draft by id and sees the same agents, without the buttons that write.
    await page.click('text=Sign out');
    await page.fill('#token', VIEWER_TOKEN);
    await page.click('button[type=submit]');
    await page.click('#tab-schedule');
    expect(await page.locator('text=Run schedule').count()).toBe(0);
    await page.fill('input[name=openScheduleId]', scheduleId);
    await page.click('text=Open schedule');
    await page.waitForSelector('[data-testid=recorded-note]:has-text("is published")');
    expect(await page.$$eval('[data-testid=gantt] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-agent')))).toEqual(rows);
    expect(await page.locator('button:has-text("Publish")').count()).toBe(0);
  }, 150_000);

  it('signs out, and shows a viewer the scenarios without the forms that write', async () => {
    const { page } = b;
    await page.click('text=Sign out');
    expect(await page.evaluate<string | null>("sessionStorage.getItem('staffcast.token')")).toBeNull();
    await page.fill('#token', VIEWER_TOKEN);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=whoami]:has-text("viewer")');
    await page.click('#tab-scenarios');
    await page.waitForSelector('text=KYC surge from the page');
    expect(await page.locator('text=Create scenario').count()).toBe(0);
    await page.click('text=KYC surge from the page');
    await page.waitForSelector('[data-testid=scenario-name]');
    expect(await page.locator('text=Add assumption').count()).toBe(0);
    expect(await page.locator('text=Run against the baseline').count()).toBe(0);
  }, 60_000);

  it('sent no request anywhere but the test server', () => {
    expect(b.requests.length).toBeGreaterThan(10);
    expect(externalRequests(b.requests)).toEqual([]);
  });
});
