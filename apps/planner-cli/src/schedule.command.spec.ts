import { CommandBus } from '@nestjs/cqrs';
import { ShiftRules } from '@staffcast/events';
import { KL_RULES } from '../../../tests/support/schedule-fixtures.js';
import { SetShiftRules } from '../../planner-api/src/schedules/schedules.messages.js';
import { StreamWriter } from '../../planner-api/src/recording/stream-writer.service.js';
import { agentDecider } from '@staffcast/roster';
import { agentStream } from '@staffcast/events';
import { openCliContext, type CliContext } from './context.js';
import { runScheduleCommand } from './schedule.command.js';

describe('schedule CLI command', () => {
  let ctx: CliContext;
  const cli = { actor: 'cli', correlationId: 'test' };
  beforeAll(async () => {
    ctx = await openCliContext({ STORE_URL: 'memory:' });
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('names bad arguments by field, and a site without rules', async () => {
    let out = '';
    expect(await runScheduleCommand(ctx, ['kul', '2026-06-02', '--weeks', 'x'], (t) => (out += t))).toBe(2);
    expect(out).toContain('weekStart: must be a Monday');
    expect(out).toContain('weeks:');
    out = '';
    expect(await runScheduleCommand(ctx, ['kul', '2026-06-01'], (t) => (out += t))).toBe(1);
    expect(out).toContain('no shift rules for site kul');
  });

  it('drafts a week for a site and publishes it', async () => {
    await ctx.app.get(CommandBus).execute(new SetShiftRules(ShiftRules.parse({ ...KL_RULES, siteId: 'kul' }), cli));
    const hire = { agentId: 'k1', site: { siteId: 'kul', timeZone: 'Asia/Kuala_Lumpur' }, markets: ['US'], languages: ['en'], skills: ['chat'], startDate: '2026-01-01', contractedHoursPerWeek: 40, hourlyCost: { amount: 9, currency: 'USD' } };
    await ctx.app.get(StreamWriter).execute({ stream: agentStream('k1'), decider: agentDecider, command: { type: 'HireAgent', data: hire }, ctx: cli });
    let out = '';
    expect(await runScheduleCommand(ctx, ['kul', '2026-06-01', '--id', 'cli-w23', '--time-limit', '5'], (t) => (out += t))).toBe(0);
    expect(out).toMatch(/^schedule cli-w23 \(kul, week of 2026-06-01, log position \d+\)\n {2}agents 1, required 0\.0 agent-h, under 0\.0/);
    let csv = '';
    expect(await runScheduleCommand(ctx, ['kul', '2026-06-01', '--id', 'cli-w23', '--time-limit', '5', '--csv'], (t) => (csv += t))).toBe(0);
    expect(csv.trim().split('\n')).toHaveLength(8);
    let published = '';
    expect(await runScheduleCommand(ctx, ['publish', 'cli-w23'], (t) => (published += t))).toBe(0);
    expect(JSON.parse(published)).toEqual({ scheduleId: 'cli-w23', published: true, agentEvents: 1 });
  });
});
