import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '../http/request-context.js';
import { csvRowBatches } from './csv-rows.js';
import { OrderedIngestPipeline } from './csv/ingest-pipeline.js';
import { RejectionLog, type RejectedRow } from './csv/rejection-log.js';
import { REQUIRED_CSV_COLUMNS, RowError, TICKET_CSV_COLUMNS, columnIndexes, columnOfField, rowCommands, type ColumnIndexes } from './csv/row-commands.js';
import { TicketIngest, type IngestResult, type IngestUnit } from './ticket-ingest.service.js';

export { EXPORT_ESCALATION_REASON, TICKET_CSV_COLUMNS } from './csv/row-commands.js';

export interface ImportReport {
  rowsRead: number;
  eventsWritten: number;
  duplicatesSkipped: number;
  /** Every rejected row counts; `rejectedRows` lists the first ones (by line) with their line and reason. */
  rejectedCount: number;
  rejectedRows: RejectedRow[];
}

export interface ImportOptions {
  chunkRows?: number;
  /** Called after each chunk, for progress bars. */
  onProgress?(report: ImportReport, bytesRead: number): void;
  /** Rejected rows listed in the report at most; the count is always exact. */
  maxListedRejections?: number;
}

/**
 * Streams a ticket export, one row per ticket, into ticket events. Memory stays flat: rows are
 * parsed as they arrive and ingested a chunk at a time. Each row implies the facts its filled
 * columns state, with natural-key event ids, so a re-import writes nothing and a later export
 * of the same tickets appends only what is new. A bad row is reported with its line and skipped.
 */
@Injectable()
export class TicketCsvImport {
  constructor(@Inject(TicketIngest) private readonly ingest: TicketIngest) {}

  async import(input: Readable, ctx: RequestContext, options: ImportOptions = {}): Promise<ImportReport> {
    const chunkRows = options.chunkRows ?? 1000;
    const rejections = new RejectionLog(options.maxListedRejections ?? 1000);
    const totals = { rowsRead: 0, eventsWritten: 0, duplicatesSkipped: 0 };
    const report = (): ImportReport => ({ ...totals, rejectedCount: rejections.count, rejectedRows: rejections.listed() });
    let bytesRead = 0;
    input.on('data', (chunk: Buffer | string) => (bytesRead += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length));
    const pipeline = new OrderedIngestPipeline(
      (units) => this.ingest.ingest(units, ctx, 'skip-rejected'),
      (result: IngestResult) => {
        totals.eventsWritten += result.eventsWritten;
        totals.duplicatesSkipped += result.duplicatesSkipped;
        for (const r of result.rejected) rejections.reject(r.ref, `${r.code}: ${r.reason}`, columnOfField(r.field));
        if (options.onProgress) options.onProgress(report(), bytesRead);
      },
    );
    let columns: ColumnIndexes | undefined;
    let units: IngestUnit[] = [];
    try {
      for await (const rows of csvRowBatches(input)) {
        for (const { line, cells, malformed } of rows) {
          if (!columns) {
            columns = headerColumns(cells);
            continue;
          }
          totals.rowsRead++;
          try {
            if (malformed !== undefined) throw new RowError(undefined, `the row is not well-formed CSV: ${malformed}`);
            units.push({ ref: line, commands: rowCommands(columns, cells) });
          } catch (error) {
            if (!(error instanceof RowError)) throw error;
            rejections.reject(line, error.message, error.column);
          }
          if (units.length >= chunkRows) {
            await pipeline.push(units);
            units = [];
          }
        }
      }
      await pipeline.push(units);
      await pipeline.drain();
    } finally {
      await pipeline.settle();
    }
    if (!columns) throw new CsvHeaderError(`the file is empty; expected a header row: ${TICKET_CSV_COLUMNS.join(', ')}`);
    return report();
  }
}

/** The file has no usable header: nothing is imported (a 400, not a per-row rejection). */
export class CsvHeaderError extends Error {
  override readonly name = 'CsvHeaderError';
  readonly field = 'header';
  readonly reason: string;
  constructor(message: string) {
    super(message);
    this.reason = message;
  }
}

function headerColumns(cells: readonly string[]): ColumnIndexes {
  const header = cells.map((c) => c.trim().toLowerCase());
  const missing = REQUIRED_CSV_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new CsvHeaderError(`the header lacks the column(s) ${missing.join(', ')}; expected ${TICKET_CSV_COLUMNS.join(', ')}`);
  return columnIndexes(header);
}
