import { createReadStream, statSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import cliProgress from 'cli-progress';
import { TicketCsvImport, type ImportReport } from '../../planner-api/src/recording/csv-import.service.js';
import type { CliContext } from './context.js';

/** `import tickets FILE`: the same streamed import as `POST /v1/imports/tickets`, with a progress bar. */
export async function importTickets(ctx: CliContext, file: string, options: { quiet?: boolean } = {}): Promise<ImportReport> {
  const size = statSync(file).size;
  const bar = options.quiet
    ? undefined
    : new cliProgress.SingleBar(
        { format: 'importing |{bar}| {percentage}% | {rows} rows | {events} events | {rejected} rejected | ETA {eta_formatted}', hideCursor: true },
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
