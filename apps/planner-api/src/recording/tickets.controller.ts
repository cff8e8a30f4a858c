import { Body, Controller, Get, HttpException, Inject, NotFoundException, Param, Post, Res } from '@nestjs/common';
import { ticketStream, type TicketEvent } from '@staffcast/events';
import { TICKET_COMMAND_SCHEMAS, ticketDecider, type TicketCommand } from '@staffcast/tickets';
import { z } from 'zod';
import { RequireRole } from '../http/auth.js';
import { Ctx, type RequestContext } from '../http/request-context.js';
import { parseOrThrow } from '../http/validation.js';
import { pathId } from './command-http.js';
import { StreamWriter } from './stream-writer.service.js';
import { BatchRejectedError, TicketIngest, type IngestResult } from './ticket-ingest.service.js';

export const MAX_TICKET_BATCH = 5000;

/** Each ticket event type and the command that records it. */
export const TICKET_EVENT_COMMANDS = {
  TicketCreated: 'CreateTicket',
  TicketFirstResponded: 'RecordFirstResponse',
  TicketEscalated: 'EscalateTicket',
  TicketResolved: 'ResolveTicket',
  TicketReopened: 'ReopenTicket',
  TicketCsatRated: 'RateCsat',
} as const satisfies Record<TicketEvent['type'], TicketCommand['type']>;

export const TicketEventInput = z.discriminatedUnion(
  'type',
  (Object.keys(TICKET_EVENT_COMMANDS) as (keyof typeof TICKET_EVENT_COMMANDS)[]).map((type) =>
    z.strictObject({ type: z.literal(type), data: TICKET_COMMAND_SCHEMAS[TICKET_EVENT_COMMANDS[type]] }),
  ) as unknown as [z.ZodObject, ...z.ZodObject[]],
);

export const TicketBatchInput = z.strictObject({
  events: z.array(z.unknown()).min(1).max(MAX_TICKET_BATCH, `a batch holds at most ${MAX_TICKET_BATCH} events`),
});

type TicketEventShape = { type: keyof typeof TICKET_EVENT_COMMANDS; data: unknown };

export function toTicketCommand(event: TicketEventShape): TicketCommand {
  return { type: TICKET_EVENT_COMMANDS[event.type], data: event.data } as TicketCommand;
}

@Controller('v1/tickets')
export class TicketsController {
  constructor(
    @Inject(TicketIngest) private readonly ingest: TicketIngest,
    @Inject(StreamWriter) private readonly writer: StreamWriter,
  ) {}

  /**
   * One ticket event `{ type, data }`, or `{ events: [...] }` with up to 5,000: validated and
   * decided as a whole, and refused whole when any event breaks an invariant. Then written: in one
   * transaction on sqlite; on EventStoreDB stream by stream, where a failure part-way is completed
   * by re-sending the batch (ids are the facts' natural keys, so nothing is written twice).
   */
  @RequireRole('planner')
  @Post('events')
  async record(@Body() body: unknown, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: { status(code: number): unknown }): Promise<IngestResult> {
    const isBatch = body !== null && typeof body === 'object' && 'events' in body;
    const raw = isBatch ? parseOrThrow(TicketBatchInput, body).events : [body];
    const commands = raw.map((event, index) => toTicketCommand(parseOrThrow(TicketEventInput, event, isBatch ? `events.${index}` : undefined) as TicketEventShape));
    try {
      const result = await this.ingest.ingest(
        commands.map((command, index) => ({ ref: index, commands: [command] })),
        ctx,
        'all-or-nothing',
      );
      reply.status(result.eventsWritten > 0 ? 201 : 200);
      return result;
    } catch (error) {
      if (!(error instanceof BatchRejectedError)) throw error;
      const statuses = error.rejected.map((r) => r.status);
      const status = statuses.every((s) => s === 404) ? 404 : statuses.includes(400) ? 400 : 409;
      throw new HttpException(
        {
          error: `${error.rejected[0]!.code}: the batch was refused, nothing of it written`,
          issues: error.rejected.map((r) => ({
            path: `${isBatch ? `events.${r.ref}.` : ''}${r.field ? `data.${r.field}` : 'data.ticketId'}`,
            message: `${r.code}: ${r.reason}`,
          })),
        },
        status,
      );
    }
  }

  @RequireRole('viewer')
  @Get(':id')
  async get(@Param('id') id: string): Promise<unknown> {
    const { state, revision } = await this.writer.load(ticketStream(pathId(id)), ticketDecider);
    if (revision === undefined) throw new NotFoundException({ error: 'not found', issues: [{ path: 'id', message: `ticket ${id} was never created` }] });
    return { ...state, revision: String(revision) };
  }
}
