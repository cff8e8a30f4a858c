import { createReadStream, statSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import cliProgress from 'cli-progress';
import { TicketCsvImport, type ImportReport } from '../../planner-api/src/recording/csv-import.service.js';
import { EXIT, UsageError, type CliIo } from './cli-io.js';
import type { CliCommand } from './command.js';
import type { CliContext } from './context.js';

/** `import tickets FILE`: the same streamed import as `POST /v1/imports/tickets`, with a progress bar. */
export async function importTickets(ctx: CliContext, file: string, options: { quiet?: boolean; stream?: NodeJS.WriteStream } = {}): Promise<ImportReport> {
  const size = statSync(file).size;
  const bar = options.quiet
    ? undefined
    : new cliProgress.SingleBar(
        { format: 'importing |{bar}| {percentage}% | {rows} rows | {events} events | {rejected} rejected | ETA {eta_formatted}', hideCursor: true, stream: options.stream ?? process.stderr },
        cliProgress.Presets.shades_classic,
      );
  bar?.start(size, 0, { rows: 0, events: 0, rejected: 0 });
  const importer = ctx.app.get(TicketCsvImport);
  try {
    const report = await importer.import(createReadStream(file), { actor: 'cli', correlationId: `import-${randomUUID()}` }, {
      onProgress: (r, bytes) => bar?.update(Math.min(bytes, size), { rows: r.rowsRead, events: r.eventsWritten, rejected: r.rejectedCount }),
    });
    bar?.update(size, { rows: report.rowsRead, events: report.eventsWritten, rejected: report.rejectedCount });
    return report;
  } finally {
    bar?.stop();
  }
}

function reportText(report: ImportReport): string {
  const lines = [`rows read ${report.rowsRead}, events written ${report.eventsWritten}, duplicates skipped ${report.duplicatesSkipped}, rejected ${report.rejectedCount}`];
  for (const r of report.rejectedRows.slice(0, 20)) lines.push(`  line ${r.line}${r.column ? ` (${r.column})` : ''}: ${r.reason}`);
  return `${lines.join('\n')}\n`;
}

export const importTicketsCommand: CliCommand = {
  words: ['import', 'tickets'],
  usage: 'import tickets FILE.csv [--json]',
  summary: 'import a ticket export (streamed, idempotent) with a progress bar',
  help: `The same import as POST /v1/imports/tickets: one row per ticket, header
ticket_id,created_at,channel,market,category,language,priority,first_response_at,escalated_at,
escalation_target,resolved_at,handle_seconds,csat_score. Re-importing writes nothing twice, so
after fixing rejected rows import the whole file again. Exit status 1 when any row was rejected.`,
  options: {},
  prepare({ positionals, format }, io: CliIo) {
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0) throw new UsageError('give the one CSV file to import');
    try {
      statSync(file);
    } catch {
      throw new UsageError(`cannot read ${file}: check the path`);
    }
    return async (ctx) => {
      const report = await importTickets(ctx, file, { quiet: format === 'json', ...(io.progressStream ? { stream: io.progressStream } : {}) });
      io.out(format === 'json' ? `${JSON.stringify(report)}\n` : reportText(report));
      if (report.rejectedCount > 0) io.err(`import tickets: ${report.rejectedCount} rows were rejected; fix them and import the file again (rows already recorded are skipped)\n`);
      return report.rejectedCount > 0 ? EXIT.failed : EXIT.ok;
    };
  },
};
