import 'reflect-metadata';
import { importTickets } from './import-tickets.command.js';
import { openCliContext } from './context.js';
import { LOCAL_TEAM_USAGE, parseLocalTeamArgs, runLocalTeamCommand } from './local-team.command.js';
import { PROJECTIONS_USAGE, runProjectionsCommand } from './projections.command.js';
import { runScheduleCommand, SCHEDULE_USAGE } from './schedule.command.js';

const USAGE = `staffcast CLI (store from STORE_URL, default sqlite:./var/staffcast.db)

  npm run cli -- import tickets FILE.csv [--json]   import a ticket export (streamed, idempotent)
${LOCAL_TEAM_USAGE}
${PROJECTIONS_USAGE}
${SCHEDULE_USAGE}
`;

async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  const json = argv.includes('--json');
  if (command === 'import' && sub === 'tickets') {
    const file = rest.find((a) => !a.startsWith('--'));
    if (!file) {
      console.error('import tickets: give the CSV file to import\n\n' + USAGE);
      return 2;
    }
    const ctx = await openCliContext();
    try {
      const report = await importTickets(ctx, file, { quiet: json });
      if (json) console.log(JSON.stringify(report));
      else {
        console.log(`rows read ${report.rowsRead}, events written ${report.eventsWritten}, duplicates skipped ${report.duplicatesSkipped}, rejected ${report.rejectedCount}`);
        for (const r of report.rejectedRows.slice(0, 20)) console.log(`  line ${r.line}${r.column ? ` (${r.column})` : ''}: ${r.reason}`);
      }
      return report.rejectedCount > 0 ? 1 : 0;
    } finally {
      await ctx.close();
    }
  }
  if (command === 'local-team') {
    const { planId, options } = parseLocalTeamArgs(argv.slice(1));
    const ctx = await openCliContext();
    try {
      return await runLocalTeamCommand(ctx, planId, options, (text) => process.stdout.write(text));
    } finally {
      await ctx.close();
    }
  }
  if (command === 'schedule') {
    const ctx = await openCliContext();
    try {
      return await runScheduleCommand(ctx, argv.slice(1), (text) => process.stdout.write(text));
    } finally {
      await ctx.close();
    }
  }
  if (command === 'projections' && sub === 'rebuild') {
    const ctx = await openCliContext();
    try {
      return await runProjectionsCommand(ctx, { json }, (text) => process.stdout.write(text));
    } finally {
      await ctx.close();
    }
  }
  console.error(USAGE);
  return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
