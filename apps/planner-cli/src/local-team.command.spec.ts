import { CommandBus } from '@nestjs/cqrs';
import { exampleLocalTeamPlan, projectLocalTeamPlan } from '@staffcast/local-team';
import { DraftLocalTeamPlan } from '../../planner-api/src/local-team/local-team.messages.js';
import { openCliContext, type CliContext } from './context.js';
import { parseCommandArgs } from './command.js';
import { formatLocalTeamTable, localTeamProjectionCommand, runLocalTeamCommand } from './local-team.command.js';

describe('local-team CLI command', () => {
  let ctx: CliContext;
  beforeAll(async () => {
    ctx = await openCliContext({ STORE_URL: 'memory:' });
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('reads its arguments', () => {
    expect(parseCommandArgs(localTeamProjectionCommand, ['p1', '--as-of', '42', '--csv'])).toMatchObject({ positionals: ['p1'], format: 'csv', values: { 'as-of': '42' } });
    expect(parseCommandArgs(localTeamProjectionCommand, ['--json', '--as-of=2025-01-01T00:00:00Z', 'p2'])).toMatchObject({ positionals: ['p2'], format: 'json', values: { 'as-of': '2025-01-01T00:00:00Z' } });
  });

  it('prints a recorded plan as a table with one line per month, the summary and the sensitivity', async () => {
    const { planId } = await ctx.app.get(CommandBus).execute(new DraftLocalTeamPlan(exampleLocalTeamPlan(), { actor: 'cli', correlationId: 'test' }, 1_750_000_000_000));
    let out = '';
    expect(await runLocalTeamCommand(ctx, planId, { format: 'table' }, (text) => (out += text))).toBe(0);
    expect(out).toBe(formatLocalTeamTable(planId, projectLocalTeamPlan(exampleLocalTeamPlan())));
    const lines = out.split('\n');
    expect(lines[2]).toMatch(/^month\s+req FTE\s+hires/);
    expect(lines[5]).toMatch(/^2025-03\s+0\.0\s+16\s+14\.4\s/);
    expect(lines.filter((l) => /^20\d\d-\d\d /.test(l))).toHaveLength(12);
    expect(out).toContain('break-even            2025-11');
    expect(out).toMatch(/costs\.annualLoaded\.agent\s+\+20%\s+0\.0\s+\+380,870/);
  });

  it('prints CSV and JSON, and refuses a missing plan id', async () => {
    const { planId } = await ctx.app.get(CommandBus).execute(new DraftLocalTeamPlan(exampleLocalTeamPlan(), { actor: 'cli', correlationId: 'test' }, 1_750_000_000_001));
    let csv = '';
    await runLocalTeamCommand(ctx, planId, { format: 'csv' }, (text) => (csv += text));
    expect(csv.split('\r\n')).toHaveLength(14);
    let json = '';
    await runLocalTeamCommand(ctx, planId, { format: 'json' }, (text) => (json += text));
    expect(JSON.parse(json).summary.totalHires).toBe(51);
    let problem = '';
    expect(await runLocalTeamCommand(ctx, '0192f4a8-1c00-7000-8000-00000000dead', {}, (text) => (problem += text))).toBe(3);
    expect(problem).toBe('local-team: id: no local-team plan 0192f4a8-1c00-7000-8000-00000000dead\n');
    problem = '';
    expect(await runLocalTeamCommand(ctx, planId, { asOf: 'yesterday' }, (text) => (problem += text))).toBe(2);
    expect(problem).toMatch(/^local-team: asOf: must be a log position/);
    let usage = '';
    expect(await runLocalTeamCommand(ctx, undefined, {}, (text) => (usage += text))).toBe(2);
    expect(usage).toBe('local-team: give the plan id (the planId POST /v1/local-team/plans answered)\n');
  });
});
