import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { tableValues } from './browser.js';

/** Checks of the dashboard's schedule view against the API's answers, for the browser test. */

type Shift = {
  start: string;
  end: string;
  breaks: { start: string; end: string }[];
};
export interface Draft {
  agents: {
    agentId: string;
    weekStart: string;
    shifts: Record<string, Shift[]>;
  }[];
  totals: {
    underAgentHours: number;
    status: string;
    mipGap: number | null;
    objective: number | null;
  };
  published: boolean;
}
export interface Unmet {
  queueId: string;
  reason: string;
  agentHours: number;
}

const TOL = 1e-9;

/** The Gantt's rows, an agent's shifts per day, the figures and the keyboard moves match the draft; returns the rows' agent ids. */
export async function expectGanttShowsDraft(page: Page, draft: Draft, monday: string): Promise<(string | null)[]> {
  const rows = await page.$$eval('[data-testid=gantt] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-agent')));
  expect(rows).toEqual(draft.agents.map((a) => a.agentId));
  expect(rows.length).toBeGreaterThan(30);
  expect(Math.abs(Number(await page.locator('[data-testid=sched-under]').getAttribute('data-value')) - draft.totals.underAgentHours)).toBeLessThan(TOL);
  expect(await page.locator('[data-testid=sched-status]').textContent()).toBe(draft.totals.status);
  expect(await page.locator('[data-testid=sched-status-note]').count()).toBe(draft.totals.status === 'optimal' ? 0 : 1);
  expect(Math.abs(Number(await page.locator('[data-testid=sched-objective]').getAttribute('data-value')) - (draft.totals.objective ?? NaN))).toBeLessThan(TOL);

  const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  const agent = draft.agents.find((a) => days.some((d) => a.shifts[d]!.length > 0))!;
  const words = (s: Shift) => `${s.start}–${s.end}${s.breaks.length ? `, ${s.breaks.length === 1 ? 'break' : 'breaks'} ${s.breaks.map((x) => `${x.start}–${x.end}`).join(', ')}` : ''}`;
  for (const [i, day] of days.entries()) {
    const date = DateTime.fromISO(agent.weekStart).plus({ days: i }).toISODate()!;
    const cell = page.locator(`[data-testid=gantt] td[data-agent="${agent.agentId}"][data-date="${date}"]`);
    expect(await cell.getAttribute('data-shifts')).toBe(agent.shifts[day]!.map(words).join('; '));
    if (agent.shifts[day]!.length > 0) expect(await cell.locator('.gantt-bar.shift').count()).toBeGreaterThan(0);
  }
  expect(days.filter((d) => agent.shifts[d]!.length === 0).length).toBeGreaterThanOrEqual(2);
  // Keyboard: one cell is in the tab order; arrows move a day right and an agent down.
  expect(await page.locator('[data-testid=gantt] td[tabindex="0"]').count()).toBe(1);
  await page.focus('[data-testid=gantt] td[tabindex="0"]');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  const focused = await page.evaluate<{ agent: string; date: string }>('({ agent: document.activeElement.dataset.agent, date: document.activeElement.dataset.date })');
  expect(focused).toEqual({
    agent: rows[1],
    date: DateTime.fromISO(monday).plus({ days: 1 }).toISODate(),
  });
  return rows;
}

/** The unmet table is the run's, and the queues' and intervals' under-staffed hours add up to the total. */
export async function expectCoverageShowsRun(page: Page, underAgentHours: number, unmet: readonly Unmet[]): Promise<void> {
  await page.waitForSelector('[data-testid^=coverage-chart-] canvas');
  // The unmet requirement is the run's, one row per queue and reason.
  if (unmet.length === 0) expect(await page.locator('text=nothing is reported unmet').count()).toBe(1);
  else {
    const shownUnmet = await tableValues(page, 'sched-unmet');
    expect(shownUnmet.map((u) => [u[0], Number(u[2])])).toEqual(unmet.map((u) => [u.queueId, u.agentHours]));
    expect(shownUnmet.every((u) => /agent/.test(u[1]!))).toBe(true);
  }
  // Coverage: the queues' under-staffed hours add up to the total, each the sum of its intervals' shortfall (15 min = 0.25 h).
  const queues = await tableValues(page, 'sched-queues');
  expect(queues.length).toBeGreaterThan(0);
  expect(Math.abs(queues.reduce((s, q) => s + Number(q[3]), 0) - underAgentHours)).toBeLessThan(1e-6);
  for (const q of queues) {
    const intervals = await tableValues(page, `coverage-table-${q[0]}`);
    expect(intervals).toHaveLength(7 * 96);
    expect(Math.abs(intervals.reduce((s, r) => s + Number(r[3]), 0) * 0.25 - Number(q[3]))).toBeLessThan(1e-6);
  }
}
