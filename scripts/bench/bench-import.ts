/**
 * CSV import benchmark: a ticket export of N tickets (default 1,000,000, from the demo
 * generator) streamed into a fresh sqlite file database through the same import the API and CLI
 * use. Reports tickets/s and events/s (whole run, and the median over 50,000-ticket stretches)
 * and peak RSS; then re-imports the same file and reports how many events that wrote (zero).
 * The export is written by a child process, so that the import runs in a process that has done
 * nothing else, as `npm run cli -- import tickets FILE` does: generating a million tickets first
 * in the same process left its heap and compiled code behind and cost the import ~12 % more CPU
 * (BENCHMARKS.md).
 *
 *   npm run bench:import [-- --tickets 1000000] [--json]
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TicketCsvImport, TICKET_CSV_COLUMNS } from '../../apps/planner-api/src/recording/csv-import.service.js';
import { openCliContext } from '../../apps/planner-cli/src/context.js';
import { demoOperation } from '@staffcast/demo';
import { argValue, machine, median, RssPeak, wantsJson } from './bench-support.js';

const TICKETS = argValue('tickets', 1_000_000);

async function writeExport(path: string): Promise<number> {
  // The demo operation yields about 108,000 tickets over 28 weeks at scale 1.
  const op = demoOperation({ volumeScale: (TICKETS / 100_000) * 1.02, weeks: 28 });
  const out = createWriteStream(path);
  out.write(TICKET_CSV_COLUMNS.join(',') + '\n');
  let written = 0;
  for (const commands of op.tickets()) {
    if (written >= TICKETS) break;
    const row: Record<string, string | number> = {};
    for (const c of commands) {
      if (c.type === 'CreateTicket') Object.assign(row, { ticket_id: c.data.ticketId, created_at: c.data.createdAt, channel: c.data.channel, market: c.data.market, category: c.data.category, language: c.data.language, priority: c.data.priority });
      if (c.type === 'RecordFirstResponse') row.first_response_at = c.data.respondedAt;
      if (c.type === 'EscalateTicket') Object.assign(row, { escalated_at: c.data.escalatedAt, escalation_target: c.data.target });
      if (c.type === 'ResolveTicket') Object.assign(row, { resolved_at: c.data.resolvedAt, handle_seconds: c.data.handleSeconds });
      if (c.type === 'RateCsat') row.csat_score = c.data.score;
    }
    if (!out.write(TICKET_CSV_COLUMNS.map((k) => row[k] ?? '').join(',') + '\n')) await once(out, 'drain');
    written++;
  }
  out.end();
  await once(out, 'finish');
  return written;
}

/** Writes the export in a child process (this script with `--write-export PATH`) and returns its row count. */
function writeExportInChild(path: string): number {
  const output = execFileSync(process.execPath, [...process.execArgv, process.argv[1]!, '--write-export', path, '--tickets', String(TICKETS)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return Number(output.trim().split('\n').at(-1));
}

async function main(): Promise<void> {
  const exportTo = process.argv.indexOf('--write-export');
  if (exportTo >= 0) {
    console.log(await writeExport(process.argv[exportTo + 1]!));
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'staffcast-bench-import-'));
  try {
    const csv = join(dir, 'tickets.csv');
    const rows = writeExportInChild(csv);
    const ctx = await openCliContext({ ...process.env, STORE_URL: `sqlite:${join(dir, 'store.db')}` });
    const importer = ctx.app.get(TicketCsvImport);
    const rss = new RssPeak();
    const stretchRates: number[] = [];
    let lastRows = 0;
    let lastAt = process.hrtime.bigint();
    const start = lastAt;
    const cpuBefore = process.cpuUsage();
    const report = await importer.import(createReadStream(csv), { actor: 'bench', correlationId: 'bench-import' }, {
      onProgress: (r) => {
        if (r.rowsRead - lastRows < 50_000) return;
        const now = process.hrtime.bigint();
        stretchRates.push((r.rowsRead - lastRows) / (Number(now - lastAt) / 1e9));
        lastRows = r.rowsRead;
        lastAt = now;
      },
    });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const peakRssMiB = rss.stop();
    const reStart = process.hrtime.bigint();
    const again = await importer.import(createReadStream(csv), { actor: 'bench', correlationId: 'bench-reimport' });
    const reimportSeconds = Number(process.hrtime.bigint() - reStart) / 1e9;
    await ctx.close();

    const result = {
      tickets: report.rowsRead,
      eventsWritten: report.eventsWritten,
      rejected: report.rejectedCount,
      seconds: Number(seconds.toFixed(2)),
      ticketsPerSec: Math.round(report.rowsRead / seconds),
      eventsPerSec: Math.round(report.eventsWritten / seconds),
      medianStretchTicketsPerSec: stretchRates.length ? Math.round(median(stretchRates)) : null,
      /** CPU time the import used; far below `seconds` means the machine was busy with other work. */
      cpuSeconds: Number(cpuSeconds.toFixed(2)),
      peakRssMiB: Math.round(peakRssMiB),
      reimportEventsWritten: again.eventsWritten,
      reimportTicketsPerSec: Math.round(again.rowsRead / reimportSeconds),
      machine: machine(),
    };
    console.log(`CSV import of ${rows.toLocaleString('en')} tickets into a fresh sqlite file database`);
    console.log(`  ${result.ticketsPerSec.toLocaleString('en')} tickets/s, ${result.eventsPerSec.toLocaleString('en')} events/s (${result.eventsWritten.toLocaleString('en')} events in ${result.seconds} s; median over 50k-ticket stretches ${result.medianStretchTicketsPerSec?.toLocaleString('en')} tickets/s)`);
    console.log(`  peak RSS ${result.peakRssMiB} MiB; rejected rows ${result.rejected}`);
    console.log(`  re-import of the same file: ${result.reimportEventsWritten} events written, ${result.reimportTicketsPerSec.toLocaleString('en')} tickets/s`);
    console.log(`  machine: ${result.machine}`);
    if (wantsJson()) console.log(JSON.stringify(result));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
