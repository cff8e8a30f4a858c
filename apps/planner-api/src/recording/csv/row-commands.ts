import { z } from 'zod';
import { TICKET_COMMAND_SCHEMAS, type TicketCommand } from '@staffcast/tickets';

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
export const REQUIRED_CSV_COLUMNS = TICKET_CSV_COLUMNS.slice(0, 7);

/** Reason code recorded for escalations from an export, which carries a target but no reason. */
export const EXPORT_ESCALATION_REASON = 'unspecified';

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

/** The column a command field came from (the field's own name when it has no column). */
export function columnOfField(field: string | undefined): string | undefined {
  return field === undefined ? undefined : (COLUMN_OF[field] ?? field);
}

/** A row that implies no commands: the column to fix and why. */
export class RowError extends Error {
  constructor(
    readonly column: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

type Column = (typeof TICKET_CSV_COLUMNS)[number];
/** Where each column is in the file's rows (-1: not in the file), found once from the header. */
export type ColumnIndexes = Record<Column, number>;

export function columnIndexes(header: readonly string[]): ColumnIndexes {
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

/**
 * The commands a row implies, in the order their facts happen. Of a row's problems the one
 * reported is: a missing companion cell (a target without its escalation, a resolution without
 * its handle time, ...), else a number cell that is not a number, else the first cell in column
 * order that does not parse.
 *
 * @throws {RowError} when the row implies no valid commands, naming the column.
 */
export function rowCommands(columns: ColumnIndexes, record: readonly string[]): TicketCommand[] {
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
  return factCommands(parsed.data);
}

/** Each command's data has its event schema's keys in that schema's order, as its own parse gave. */
function factCommands(fact: z.infer<typeof TicketCsvRow>): TicketCommand[] {
  const { ticketId } = fact;
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
