import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { MemoryEventStore, openEventStore, type EventStore } from '@staffcast/event-store';

/** The embedded store's count of appends its writer thread committed (0 for a store without one). */
const writtenOffThread = (store: EventStore): number => ('writtenOffThread' in store && typeof store.writtenOffThread === 'number' ? store.writtenOffThread : 0);
import { TICKET_COMMAND_SCHEMAS } from '@staffcast/tickets';
import { EXPORT_ESCALATION_REASON, TICKET_CSV_COLUMNS, TicketCsvImport, type ImportReport } from './csv-import.service.js';
import { TicketIngest } from './ticket-ingest.service.js';

const clock = () => new Date('2026-06-01T00:00:00.000Z');
const ctx = { actor: 'spec', correlationId: 'csv-spec' };

/** One export row; `facts` says how much of the ticket's life it states, `shift` moves its resolution. */
function row(ticket: number, facts: 'created' | 'full', shift = 0): string {
  const minute = (m: number) => new Date(Date.UTC(2026, 4, 4) + (ticket * 7 + m) * 60_000).toISOString().replace('.000Z', 'Z');
  const cells: Record<string, string> = {
    ticket_id: `t-${ticket}`,
    created_at: minute(0),
    channel: ['chat', 'email', 'phone'][ticket % 3]!,
    market: ticket % 2 ? 'US' : 'AU',
    category: 'kyc',
    language: 'en',
    priority: 'normal',
  };
  if (facts === 'full') Object.assign(cells, { first_response_at: minute(1), resolved_at: minute(5 + shift), handle_seconds: '300', csat_score: String(1 + (ticket % 5)) });
  return TICKET_CSV_COLUMNS.map((c) => cells[c] ?? '').join(',');
}

/** Every stream's events (type, data, id) in revision order. */
async function streams(store: EventStore): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for await (const event of store.readAll()) (out[event.stream] ??= []).push([event.type, event.data, event.id]);
  return out;
}

// Three rejections listed at most: the first three by line, whatever order they were found in.
const importInto = (store: EventStore, csv: string, chunkRows: number): Promise<ImportReport> =>
  new TicketCsvImport(new TicketIngest(store)).import(Readable.from([csv]), ctx, { chunkRows, maxListedRejections: 3 });

describe('TicketCsvImport with chunks in flight on the embedded store', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'staffcast-csv-spec-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  // 600 tickets in 150-row chunks (~600 events each, so the writer thread takes them), with rows
  // repeated elsewhere in the file: the same facts again, a ticket created first and completed in a
  // later chunk (often the very next one, decided while the earlier is still being written), a
  // contradicting resolution, or a row with a bad time. The outcome must be that of one chunk
  // decided row after row.
  const echo = fc.record({
    ticket: fc.integer({ min: 0, max: 599 }),
    kind: fc.constantFrom('same', 'created-first', 'contradiction', 'invalid'),
    offset: fc.integer({ min: -200, max: 200 }),
  });

  it('writes and reports what importing the file in one chunk does', async () => {
    let run = 0;
    let offThreadCommits = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(echo, { maxLength: 30 }), async (echoes) => {
        run++;
        const rows = Array.from({ length: 600 }, (_, t) => row(t, 'full'));
        for (const { ticket, kind, offset } of echoes) {
          const at = Math.max(0, Math.min(rows.length, ticket + offset));
          if (kind === 'same') rows.splice(at, 0, row(ticket, 'full'));
          else if (kind === 'invalid') rows.splice(at, 0, row(ticket, 'full').replace(/,2026-[^,]*Z,/, ',not-a-time,'));
          else if (kind === 'contradiction') rows.splice(Math.max(at, ticket + 1), 0, row(ticket, 'full', 1));
          else {
            // Its first row states only the creation; the full row comes 150 rows later (the next chunk).
            const index = rows.indexOf(row(ticket, 'full'));
            rows[index] = row(ticket, 'created');
            rows.splice(Math.min(rows.length, index + 150), 0, row(ticket, 'full'));
          }
        }
        const csv = [TICKET_CSV_COLUMNS.join(','), ...rows].join('\n');
        const file = await openEventStore(`sqlite:${join(dir, `import-${run}.db`)}`, clock);
        const memory = new MemoryEventStore(clock);
        try {
          const report = await importInto(file, csv, 150);
          expect(report).toEqual(await importInto(memory, csv, 100_000));
          expect(await streams(file)).toEqual(await streams(memory));
          offThreadCommits += writtenOffThread(file);
        } finally {
          await file.close();
          await memory.close();
        }
      }),
      { numRuns: 8 },
    );
    expect(offThreadCommits).toBeGreaterThan(8);
  });
});

describe('TicketCsvImport row checks', () => {
  /** The facts a row states, as each command's own schema parses them: the check the row schema stands for. */
  function commandsCheckedOneByOne(cells: Record<string, string>): { type: string; data: unknown }[] | 'rejected' {
    const commands: { type: string; data: unknown }[] = [];
    const add = (type: keyof typeof TICKET_COMMAND_SCHEMAS, data: Record<string, unknown>): boolean => {
      const parsed = TICKET_COMMAND_SCHEMAS[type].safeParse(data);
      if (parsed.success) commands.push({ type, data: parsed.data });
      return parsed.success;
    };
    const number = (value: string) => (/^-?\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN);
    const ticketId = cells.ticket_id!;
    const created = { ticketId, createdAt: cells.created_at, channel: cells.channel, market: cells.market, category: cells.category, language: cells.language, priority: cells.priority };
    if (!add('CreateTicket', created)) return 'rejected';
    if (cells.first_response_at && !add('RecordFirstResponse', { ticketId, respondedAt: cells.first_response_at })) return 'rejected';
    if (cells.escalated_at) {
      if (!add('EscalateTicket', { ticketId, escalatedAt: cells.escalated_at, target: cells.escalation_target, reasonCode: EXPORT_ESCALATION_REASON })) return 'rejected';
    } else if (cells.escalation_target) return 'rejected';
    if (cells.resolved_at) {
      if (!cells.handle_seconds || !add('ResolveTicket', { ticketId, resolvedAt: cells.resolved_at, handleSeconds: number(cells.handle_seconds) })) return 'rejected';
    } else if (cells.handle_seconds) return 'rejected';
    if (cells.csat_score && (!cells.resolved_at || !add('RateCsat', { ticketId, ratedAt: cells.resolved_at, score: number(cells.csat_score) }))) return 'rejected';
    return commands;
  }

  // Mostly good cells, so that many rows hold and the commands they yield are compared too.
  const cell = (good: string[], bad: string[]) => fc.oneof({ weight: 15, arbitrary: fc.constantFrom(...good) }, { weight: 1, arbitrary: fc.constantFrom(...bad) });
  const instant = ['2026-05-04T00:00:04Z', '2026-05-04T10:30:00+10:00', '2026-05-04T00:00:04.250Z'];
  const badInstant = ['not-a-time', '2026-02-30T00:00:00Z', '2026-05-04 00:00:04'];
  const cellsOfRow = fc.record({
    ticket_id: cell(['T-1', 'au_09'], ['', '-x', 'a b', 'x'.repeat(65)]),
    created_at: cell(instant, [...badInstant, '']),
    channel: cell(['chat', 'email'], ['fax', '']),
    market: cell(['US', 'AU'], ['us', '']),
    category: cell(['kyc', 'scam-fraud'], ['KYC!', '']),
    language: cell(['en', 'en-US'], ['EN', '']),
    priority: cell(['normal', 'urgent'], ['meh', '']),
    first_response_at: cell(['', ...instant], badInstant),
    escalated_at: cell(['', '', ...instant], badInstant),
    escalation_target: cell(['', 'fraud', 'compliance'], ['bogus']),
    resolved_at: cell(['', ...instant], badInstant),
    handle_seconds: cell(['', '300', '0', '3.5'], ['-5', 'abc', '99999999']),
    csat_score: cell(['', '4', '1'], ['0', '2.5', 'x']),
  });

  it('reports a missing companion cell first, then a cell that is not a number, then the first cell that does not parse', async () => {
    const good = 'T-1,2026-05-04T00:00:04Z,chat,US,kyc,en,normal,2026-05-04T00:01:04Z,,,2026-05-04T00:09:04Z,300,4';
    const variants = [
      // a bad created_at and channel, and an escalation target without escalated_at
      'T-1,not-a-time,fax,US,kyc,en,normal,,,fraud,2026-05-04T00:09:04Z,300,',
      // a bad created_at, and a handle time that is not a number
      'T-1,not-a-time,chat,US,kyc,en,normal,,,,2026-05-04T00:09:04Z,abc,',
      // a bad channel, created_at and language
      'T-1,not-a-time,fax,US,kyc,EN,normal,,,,,,',
      // only the language
      'T-1,2026-05-04T00:00:04Z,chat,US,kyc,EN,normal,,,,,,',
    ];
    const csv = [TICKET_CSV_COLUMNS.join(','), good, ...variants].join('\n');
    const ingest = { ingest: async () => ({ eventsWritten: 0, duplicatesSkipped: 0, rejected: [] }) };
    const report = await new TicketCsvImport(ingest as unknown as TicketIngest).import(Readable.from([csv]), ctx);
    expect(report.rejectedRows.map((r) => [r.line, r.column])).toEqual([
      [3, 'escalated_at'],
      [4, 'handle_seconds'],
      [5, 'created_at'],
      [6, 'language'],
    ]);
  });

  it('yields exactly the commands that checking each command with its own schema yields, and rejects the rows that check rejects', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(cellsOfRow, { minLength: 1, maxLength: 20 }), async (rows) => {
        const ingested: { ref: number; commands: unknown[] }[] = [];
        const ingest = { ingest: async (units: { ref: number; commands: unknown[] }[]) => (ingested.push(...units), { eventsWritten: 0, duplicatesSkipped: 0, rejected: [] }) };
        const csv = [TICKET_CSV_COLUMNS.join(','), ...rows.map((cells) => TICKET_CSV_COLUMNS.map((c) => cells[c]).join(','))].join('\n');
        const report = await new TicketCsvImport(ingest as unknown as TicketIngest).import(Readable.from([csv]), ctx);
        const expected = rows.map(commandsCheckedOneByOne);
        const rejectedLines = expected.flatMap((commands, i) => (commands === 'rejected' ? [i + 2] : []));
        expect(report.rejectedRows.map((r) => r.line)).toEqual(rejectedLines);
        accepted += rows.length - rejectedLines.length;
        for (const rejection of report.rejectedRows) expect(TICKET_CSV_COLUMNS).toContain(rejection.column);
        // Same commands, same data, keys in the same order (the stored JSON text).
        expect(JSON.stringify(ingested.map((unit) => [unit.ref, unit.commands]))).toBe(
          JSON.stringify(expected.flatMap((commands, i) => (commands === 'rejected' ? [] : [[i + 2, commands]]))),
        );
      }),
      { numRuns: 300 },
    );
    expect(accepted).toBeGreaterThan(100);
  });
});
