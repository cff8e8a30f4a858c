import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { seedDemo } from '../../planner-api/src/demo/seed-demo.js';
import { runCli } from './cli.js';
import { openCliContext } from './context.js';

const run = promisify(execFile);

/** Runs one command line in this process on the seeded store, as main.ts does. */
async function cli(env: Record<string, string>, ...argv: string[]): Promise<{ code: number; out: string; err: string; opened: boolean }> {
  let out = '';
  let err = '';
  let opened = false;
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) }, () => {
    opened = true;
    return openCliContext(env);
  });
  return { code, out, err, opened };
}

describe('staffcast CLI on a seeded store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'staffcast-cli-'));
  // Two queues (US KYC chat, US fraud phone) with eight weeks of history ending 2026-11-16.
  const env = { STORE_URL: `sqlite:${join(dir, 'store.db')}` };
  beforeAll(async () => {
    const ctx = await openCliContext(env);
    await seedDemo(ctx.app, ctx.store, { start: '2026-09-21T00:00:00Z', weeks: 8, queues: 2 });
    await ctx.close();
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('plan prints a table per queue whose figures are those of --json, and --json parses from a child process', async () => {
    const table = await cli(env, 'plan', '--from', '2026-11-16', '--weeks', '1');
    expect(table).toMatchObject({ code: 0, err: '' });
    const json = await cli(env, 'plan', '--from', '2026-11-16', '--weeks', '1', '--json');
    const plan = JSON.parse(json.out) as { horizonHours: number; rows: unknown[]; summaries: { queueId: string; total: { requiredAgentHours: number; shortAgentHours: number; hoursShort: number } }[] };
    expect(plan.horizonHours).toBe(168);
    expect(plan.summaries.length).toBeGreaterThan(0);
    expect(plan.rows).toHaveLength(168 * plan.summaries.length);
    const lines = table.out.split('\n');
    expect(lines[0]).toBe('capacity plan from 2026-11-16T00:00Z for 168 h, staffed to the 80% forecast, shrinkage 30%');
    expect(lines[2]).toMatch(/^queue\s+time zone\s+required h\s+scheduled h\s+rostered h\s+short h\s+hours short\s+SL\s+abandon$/);
    for (const s of plan.summaries) {
      const line = lines.find((l) => l.startsWith(`${s.queueId} `))!;
      const cells = line.split(/\s+/);
      expect(cells[2]).toBe(s.total.requiredAgentHours.toFixed(1));
      expect(cells[5]).toBe(s.total.shortAgentHours.toFixed(1));
      expect(cells[6]).toBe(String(s.total.hoursShort));
    }
    expect(table.out).toContain('short agent-hours by local day');

    // The entry itself, in its own process, piping 100+ KB of JSON: all of it arrives and parses.
    const child = await run(process.execPath, ['--import', './tests/support/ts-loader-register.mjs', 'apps/planner-cli/src/main.ts', 'plan', '--from', '2026-11-16', '--weeks', '1', '--json'], {
      env: { ...process.env, ...env, NODE_OPTIONS: '' },
      maxBuffer: 64 * 2 ** 20,
    });
    expect(child.stdout.length).toBeGreaterThan(65_536);
    expect(JSON.parse(child.stdout)).toEqual(plan);
  }, 240_000);

  it('forecast prints each queue by local day and --csv one row per queue and hour', async () => {
    const table = await cli(env, 'forecast', '--from', '2026-11-16', '--weeks', '1', '--queue', 'us-kyc-chat');
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/^us-kyc-chat \(chat, America\/New_York\): \S+, backtest WAPE \d+\.\d% over \d+ origins, \d+ h of history\nlocal day\s+volume\s+peak hour\s+peak volume\s+AHT s\n/);
    const csv = await cli(env, 'forecast', '--from', '2026-11-16', '--hours', '24', '--quantile', '0.1', '--quantile', '0.9', '--csv');
    const rows = csv.out.trim().split('\n');
    expect(rows[0]).toBe('queueId,hour,mean,q0.1,q0.9,ahtSeconds');
    expect(rows.length - 1).toBe(24 * 2);
  }, 240_000);

  it('creates a scenario, adds an assumption, runs it and shows it; a clash is exit 4', async () => {
    const created = await cli(env, 'scenario', 'create', 'KYC surge', '--id', 'kyc-surge', '--json');
    expect(created).toMatchObject({ code: 0 });
    expect(JSON.parse(created.out)).toEqual({ scenarioId: 'kyc-surge', created: true });
    const assumption = JSON.stringify({ kind: 'volume-multiplier', factor: 2, from: '2026-11-17T00:00:00Z', to: '2026-11-20T00:00:00Z', queueIds: ['us-kyc-chat'] });
    expect((await cli(env, 'scenario', 'assume', 'kyc-surge', assumption)).code).toBe(0);
    const ran = await cli(env, 'scenario', 'run', 'kyc-surge', '--from', '2026-11-16', '--weeks', '1', '--json');
    expect(ran.code).toBe(0);
    const record = JSON.parse(ran.out) as { runId: string; summary: { total: { delta: { volume: number } } } };
    expect(record.summary.total.delta.volume).toBeGreaterThan(0);
    const shown = await cli(env, 'scenario', 'show', 'kyc-surge', '--run', record.runId);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain('reproduced exactly');
    expect(shown.out).toMatch(/\nvolume \(planned\)\s+[\d.]+\s+[\d.]+\s+\+[\d.]+\n/);
    const list = await cli(env, 'scenario', 'show', 'kyc-surge');
    expect(list.out).toContain(`${record.runId}  `);
    const clash = await cli(env, 'scenario', 'create', 'Another name', '--id', 'kyc-surge');
    expect(clash).toMatchObject({ code: 4, out: '' });
    expect(clash.err).toBe('scenario create: scenarioId: scenario kyc-surge already exists\n');
  }, 240_000);

  it('records the example local-team plan from a file and projects it', async () => {
    const example = await cli(env, 'local-team', 'example');
    expect(example).toMatchObject({ code: 0 });
    const file = join(dir, 'plan.json');
    writeFileSync(file, example.out);
    const created = await cli(env, 'local-team', 'create', `@${file}`, '--json');
    expect(created.code).toBe(0);
    const { planId } = JSON.parse(created.out) as { planId: string };
    const projected = await cli(env, 'local-team', planId);
    expect(projected).toMatchObject({ code: 0, err: '' });
    expect(projected.out).toContain(`local-team plan ${planId}`);
    expect(projected.out).toContain('break-even            2025-11');
    expect(await cli(env, 'local-team', 'create', '{"name":"x"}')).toMatchObject({ code: 2, err: expect.stringContaining('local-team create: market: ') });
  });

  it('answers usage errors with exit 2, a missing entity with 3, and --help without opening the store', async () => {
    const unknown = await cli(env, 'plan', '--from', '2026-11-16', '--week', '1');
    expect(unknown).toMatchObject({ code: 2, out: '', opened: false });
    expect(unknown.err).toBe("plan: Unknown option '--week'\n  (staffcast plan --help shows the options)\n");
    // Arguments are checked before the store is opened.
    expect(await cli(env, 'plan', '--weeks', '1')).toMatchObject({ code: 2, opened: false, err: expect.stringContaining('--from is required') });
    expect(await cli(env, 'plan', '--from', '2026-11-16T13:30:00Z')).toMatchObject({ code: 2, opened: false, err: expect.stringContaining('from: must be a whole UTC hour') });
    expect(await cli(env, 'plan', '--from', '2026-11-16', '--queue', 'nope')).toMatchObject({ code: 3, err: 'plan: queueIds: queue nope is not defined\n' });
    expect(await cli(env, 'scenario', 'show', 'missing')).toMatchObject({ code: 3, err: 'scenario show: id: no scenario missing\n' });
    expect(await cli(env, 'scenario')).toMatchObject({ code: 2, err: expect.stringContaining('did you mean scenario create, scenario assume, scenario run, scenario show?') });
    const help = await cli(env, 'plan', '--help');
    expect(help).toMatchObject({ code: 0, opened: false });
    expect(help.out).toMatch(/^usage: staffcast plan --from DATE/);
    expect((await cli(env)).out).toContain('exit status: 0 done, 1 the work failed, 2 usage');
  });
});
