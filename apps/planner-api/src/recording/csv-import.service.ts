import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { TICKET_COMMAND_SCHEMAS, type TicketCommand } from '@staffcast/tickets';
import type { RequestContext } from '../http/request-context.js';
import { csvRowBatches } from './csv-rows.js';
import { TicketIngest, type IngestResult, type IngestUnit, type Rejection } from './ticket-ingest.service.js';

export const TICKET_CSV_COLUMNS = [
  'ticket_id',
  'created_at',
  'channel',
  'market',
  'category',
  'language',
  'priority',
  'first_response_at',
  'escalated_at',
  'escalation_target',
  'resolved_at',
  'handle_seconds',
  'csat_score',
] as const;
const REQUIRED = TICKET_CSV_COLUMNS.slice(0, 7);

/** Chunks ingested at once: one being written while the next is decided. */
const CHUNKS_IN_FLIGHT = 2;

/** Reason code recorded for escalations from an export, which carries a target but no reason. */
export const EXPORT_ESCALATION_REASON = 'unspecified';

export interface ImportReport {
  rowsRead: number;
  eventsWritten: number;
  duplicatesSkipped: number;
  /** Every rejected row counts; `rejectedRows` lists the first ones (by line) with their line and reason. */
  rejectedCount: number;
  rejectedRows: { line: number; column?: string; reason: string }[];
}

export interface ImportOptions {
  chunkRows?: number;
  /** Called after each chunk, for progress bars. */
  onProgress?(report: ImportReport, bytesRead: number): void;
  /** Rejected rows listed in the report at most; the count is always exact. */
  maxListedRejections?: number;
}

/** Which CSV column a command field came from, so a rejection names what the user can fix. */
const COLUMN_OF: Record<string, string> = {
  ticketId: 'ticket_id',
  createdAt: 'created_at',
  channel: 'channel',
  market: 'market',
  category: 'category',
  language: 'language',
  priority: 'priority',
  respondedAt: 'first_response_at',
  escalatedAt: 'escalated_at',
  target: 'escalation_target',
  resolvedAt: 'resolved_at',
  handleSeconds: 'handle_seconds',
  ratedAt: 'resolved_at',
  score: 'csat_score',
};

class RowError extends Error {
  constructor(
    readonly column: string | undefined,
    message: string,
  ) {
    super(message);
  }
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
    const maxListed = options.maxListedRejections ?? 1000;
    const report: ImportReport = { rowsRead: 0, eventsWritten: 0, duplicatesSkipped: 0, rejectedCount: 0, rejectedRows: [] };
    // Rejections arrive out of line order (a chunk's parse before the previous chunk's decisions):
    // keep the first `maxListed` by line, trimming now and then so the list stays bounded.
    const listFirst = () => {
      report.rejectedRows.sort((a, b) => a.line - b.line);
      report.rejectedRows.length = Math.min(report.rejectedRows.length, maxListed);
    };
    const reject = (line: number, reason: string, column?: string) => {
      report.rejectedCount++;
      report.rejectedRows.push(column ? { line, column, reason } : { line, reason });
      if (report.rejectedRows.length >= 2 * maxListed + 1) listFirst();
    };
    let bytesRead = 0;
    input.on('data', (chunk: Buffer | string) => (bytesRead += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length));
    let header: string[] | undefined;
    let columns: ColumnIndexes | undefined;
    let units: IngestUnit[] = [];
    // Chunks handed to ingest and not yet counted, in file order, with their tickets: while the store
    // writes one (on its writer thread), the next is parsed and decided here, unless they share a
    // ticket (its history would be read before the earlier chunk's facts are written).
    const pending: { result: Promise<IngestResult>; tickets: Set<string> }[] = [];
    const countOldest = async () => {
      const result = await pending.shift()!.result;
      report.eventsWritten += result.eventsWritten;
      report.duplicatesSkipped += result.duplicatesSkipped;
      for (const r of result.rejected) reject(r.ref, `${r.code}: ${r.reason}`, columnOf(r));
      options.onProgress?.(report, bytesRead);
    };
    const startIngest = async () => {
      if (units.length === 0) return;
      const tickets = new Set<string>();
      for (const unit of units) for (const command of unit.commands) tickets.add(command.data.ticketId);
      const shared = (id: string) => pending.some((chunk) => chunk.tickets.has(id));
      for (const id of tickets) {
        if (!shared(id)) continue;
        while (pending.length > 0) await countOldest();
        break;
      }
      const result = this.ingest.ingest(units, ctx, 'skip-rejected');
      // Handled when its turn to be counted comes; until then a failure must not go unhandled.
      result.catch(() => undefined);
      pending.push({ result, tickets });
      units = [];
    };
    try {
      for await (const rows of csvRowBatches(input)) {
        for (const { line, cells, malformed } of rows) {
          if (!header) {
            header = cells.map((c) => c.trim().toLowerCase());
            const missing = REQUIRED.filter((c) => !header!.includes(c));
            if (missing.length > 0) throw new CsvHeaderError(`the header lacks the column(s) ${missing.join(', ')}; expected ${TICKET_CSV_COLUMNS.join(', ')}`);
            columns = columnIndexes(header);
            continue;
          }
          report.rowsRead++;
          try {
            if (malformed !== undefined) throw new RowError(undefined, `the row is not well-formed CSV: ${malformed}`);
            units.push({ ref: line, commands: rowCommands(columns!, cells) });
          } catch (error) {
            if (!(error instanceof RowError)) throw error;
            reject(line, error.message, error.column);
          }
          if (units.length >= chunkRows) {
            await startIngest();
            if (pending.length >= CHUNKS_IN_FLIGHT) await countOldest();
          }
        }
      }
      await startIngest();
      while (pending.length > 0) await countOldest();
    } finally {
      // On a failure, what was handed to the store finishes before the import reports it.
      await Promise.allSettled(pending.map((chunk) => chunk.result));
    }
    if (!header) throw new CsvHeaderError(`the file is empty; expected a header row: ${TICKET_CSV_COLUMNS.join(', ')}`);
    listFirst();
    return report;
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

function columnOf(rejection: Rejection): string | undefined {
  return rejection.field === undefined ? undefined : (COLUMN_OF[rejection.field] ?? rejection.field);
}

type Column = (typeof TICKET_CSV_COLUMNS)[number];
/** Where each column is in the file's rows (-1: not in the file), found once from the header. */
type ColumnIndexes = Record<Column, number>;

function columnIndexes(header: readonly string[]): ColumnIndexes {
  return Object.fromEntries(TICKET_CSV_COLUMNS.map((column) => [column, header.indexOf(column)])) as ColumnIndexes;
}

const { CreateTicket, RecordFirstResponse, EscalateTicket, ResolveTicket, RateCsat } = TICKET_COMMAND_SCHEMAS;

/**
 * A row's facts, each field checked once by the schema of the event it goes into: a row of a
 * resolved ticket would otherwise check its ticket id three times and pay three object parses
 * (zod was a fifth of the import's main thread). Undefined fields are empty cells. Not strict:
 * rowCommands builds the object from known columns, always with every key (one shape, so the
 * parser's property reads stay monomorphic), and never has others.
 */
const TicketCsvRow = z.object({
  ...CreateTicket.shape,
  respondedAt: RecordFirstResponse.shape.respondedAt.optional(),
  escalatedAt: EscalateTicket.shape.escalatedAt.optional(),
  target: EscalateTicket.shape.target.optional(),
  resolvedAt: ResolveTicket.shape.resolvedAt.optional(),
  handleSeconds: ResolveTicket.shape.handleSeconds.optional(),
  score: RateCsat.shape.score.optional(),
});
// The escalation's reason is not in the file; the constant must pass the field it fills.
EscalateTicket.shape.reasonCode.parse(EXPORT_ESCALATION_REASON);

/**
 * The commands a row implies, in the order their facts happen. Of a row's problems the one
 * reported is: a missing companion cell (a target without its escalation, a resolution without
 * its handle time, ...), else a number cell that is not a number, else the first cell in column
 * order that does not parse.
 */
function rowCommands(columns: ColumnIndexes, record: readonly string[]): TicketCommand[] {
  const cell = (column: Column): string => (record[columns[column]] ?? '').trim();
  const escalatedAt = cell('escalated_at');
  const target = cell('escalation_target');
  if (!escalatedAt && target) throw new RowError('escalated_at', 'escalated_at: an escalation_target needs escalated_at');
  const resolvedAt = cell('resolved_at');
  const handle = cell('handle_seconds');
  if (resolvedAt && !handle) throw new RowError('handle_seconds', 'handle_seconds: a resolved ticket needs its handle time');
  if (!resolvedAt && handle) throw new RowError('resolved_at', 'resolved_at: handle_seconds is given for a ticket that is not resolved');
  const csat = cell('csat_score');
  if (csat && !resolvedAt) throw new RowError('csat_score', 'csat_score: a CSAT score needs a resolved ticket (resolved_at)');
  const parsed = TicketCsvRow.safeParse({
    ticketId: cell('ticket_id'),
    createdAt: cell('created_at'),
    channel: cell('channel'),
    market: cell('market'),
    category: cell('category'),
    language: cell('language'),
    priority: cell('priority'),
    respondedAt: cell('first_response_at') || undefined,
    escalatedAt: escalatedAt || undefined,
    target: escalatedAt ? target : undefined,
    resolvedAt: resolvedAt || undefined,
    handleSeconds: handle ? numberCell(handle, 'handle_seconds') : undefined,
    score: csat ? numberCell(csat, 'csat_score') : undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? '');
    const column = COLUMN_OF[field] ?? field;
    throw new RowError(column || undefined, `${column || 'row'}: ${issue.message}`);
  }
  const fact = parsed.data;
  const { ticketId } = fact;
  // Each command's data has its event schema's keys in that schema's order, as its own parse gave.
  const commands: TicketCommand[] = [
    {
      type: 'CreateTicket',
      data: { ticketId, createdAt: fact.createdAt, channel: fact.channel, market: fact.market, category: fact.category, language: fact.language, priority: fact.priority },
    },
  ];
  if (fact.respondedAt !== undefined) commands.push({ type: 'RecordFirstResponse', data: { ticketId, respondedAt: fact.respondedAt } });
  if (fact.escalatedAt !== undefined && fact.target !== undefined) {
    commands.push({ type: 'EscalateTicket', data: { ticketId, escalatedAt: fact.escalatedAt, target: fact.target, reasonCode: EXPORT_ESCALATION_REASON } });
  }
  if (fact.resolvedAt !== undefined && fact.handleSeconds !== undefined) {
    commands.push({ type: 'ResolveTicket', data: { ticketId, resolvedAt: fact.resolvedAt, handleSeconds: fact.handleSeconds } });
    if (fact.score !== undefined) commands.push({ type: 'RateCsat', data: { ticketId, ratedAt: fact.resolvedAt, score: fact.score } });
  }
  return commands;
}

function numberCell(value: string, column: string): number {
  if (!/^-?\d+(\.\d+)?$/.test(value)) throw new RowError(column, `${column}: ${JSON.stringify(value.slice(0, 40))} is not a number`);
  return Number(value);
}
