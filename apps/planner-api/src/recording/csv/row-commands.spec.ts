import { TICKET_COMMAND_SCHEMAS } from '@staffcast/tickets';
import { EXPORT_ESCALATION_REASON, RowError, TICKET_CSV_COLUMNS, columnIndexes, rowCommands } from './row-commands.js';

describe('rowCommands', () => {
  const columns = columnIndexes(TICKET_CSV_COLUMNS);
  const row = (cells: Partial<Record<(typeof TICKET_CSV_COLUMNS)[number], string>>) => TICKET_CSV_COLUMNS.map((c) => cells[c] ?? '');
  const created = { ticket_id: 'T1', created_at: '2026-05-04T01:00:00.000Z', channel: 'chat', market: 'US', category: 'kyc', language: 'en', priority: 'normal' };

  it('the escalation reason it records passes the escalation schema', () => {
    expect(TICKET_COMMAND_SCHEMAS.EscalateTicket.shape.reasonCode.safeParse(EXPORT_ESCALATION_REASON).success).toBe(true);
  });

  it('given a resolved and rated row, when read, then it implies create, resolve and rate in order', () => {
    const commands = rowCommands(columns, row({ ...created, resolved_at: '2026-05-04T02:00:00.000Z', handle_seconds: '300', csat_score: '5' }));
    expect(commands.map((c) => c.type)).toEqual(['CreateTicket', 'ResolveTicket', 'RateCsat']);
  });

  it('given a handle time without a resolution, when read, then it names resolved_at', () => {
    expect(() => rowCommands(columns, row({ ...created, handle_seconds: '300' }))).toThrow(RowError);
    try {
      rowCommands(columns, row({ ...created, handle_seconds: '300' }));
    } catch (error) {
      expect((error as RowError).column).toBe('resolved_at');
    }
  });
});
