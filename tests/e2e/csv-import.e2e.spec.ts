import { startTestApp, type TestApp } from '../support/test-app.js';
import { asPlanner, TOKENS_ENV } from '../support/fixtures.js';

const HEADER = 'ticket_id,created_at,channel,market,category,language,priority,first_response_at,escalated_at,escalation_target,resolved_at,handle_seconds,csat_score';

const firstExport = [
  HEADER,
  'T1,2026-03-02T14:05:00Z,chat,US,kyc,en,normal,2026-03-02T14:06:00Z,,,,,',
  'T2,2026-03-02T15:00:00Z,email,AU,deposits,en,high,2026-03-02T18:00:00Z,2026-03-02T19:00:00Z,compliance,2026-03-03T01:00:00Z,900,5',
  'T3,2026-03-02T15:30:00Z,phone,US,scam-fraud,en,urgent,,,,,,',
].join('\n');

const laterExport = [
  HEADER,
  'T1,2026-03-02T14:05:00Z,chat,US,kyc,en,normal,2026-03-02T14:06:00Z,,,2026-03-02T14:30:00Z,600,4',
  'T2,2026-03-02T15:00:00Z,email,AU,deposits,en,high,2026-03-02T18:00:00Z,2026-03-02T19:00:00Z,compliance,2026-03-03T01:00:00Z,900,5',
  'T3,2026-03-02T15:30:00Z,phone,US,scam-fraud,en,urgent,,,,,,',
  'T4,2026-03-03T09:00:00Z,social,US,trading,en,low,,,,,,',
  'T5,not-a-time,chat,US,kyc,en,normal,,,,,,',
  'T6,2026-03-03T09:00:00Z,chat,US,kyc,en,normal,,,,2026-03-03T08:00:00Z,60,',
  'T7,2026-03-03T09:00:00Z,chat,US,kyc,en,normal,,,,,,5',
].join('\n');

describe('POST /v1/imports/tickets (text/csv)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(TOKENS_ENV);
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (csv: string) => t.request('POST', '/v1/imports/tickets', { rawBody: csv, headers: { ...asPlanner, 'content-type': 'text/csv' } });

  it('imports every fact a row states, then writes nothing on a re-import and only new facts from a later export', async () => {
    const first = await post(firstExport);
    expect(first.status).toBe(201);
    // T1: created + first response; T2: created, responded, escalated, resolved, rated; T3: created.
    expect(first.json()).toEqual({ rowsRead: 3, eventsWritten: 8, duplicatesSkipped: 0, rejectedCount: 0, rejectedRows: [] });
    const head = await t.store.headPosition();

    const again = await post(firstExport);
    expect(again.json()).toMatchObject({ rowsRead: 3, eventsWritten: 0, duplicatesSkipped: 8 });
    expect(await t.store.headPosition()).toBe(head);

    const later = await post(laterExport);
    const report = later.json<{ eventsWritten: number; duplicatesSkipped: number; rejectedCount: number; rejectedRows: { line: number; column?: string }[] }>();
    // New: T1 resolved + rated, T4 created. T5 bad time, T6 resolved before created, T7 CSAT without resolution.
    expect(report.eventsWritten).toBe(3);
    expect(report.duplicatesSkipped).toBe(8);
    expect(report.rejectedCount).toBe(3);
    expect(report.rejectedRows.map((r) => [r.line, r.column])).toEqual([
      [6, 'created_at'],
      [7, 'resolved_at'],
      [8, 'csat_score'],
    ]);
  });

  it('reports a row that is not well-formed CSV as rejected, with its line, and imports the rows around it', async () => {
    const head = await t.store.headPosition();
    const response = await post(
      [
        HEADER,
        'T20,2026-03-04T09:00:00Z,chat,US,kyc,en,normal,,,,,,',
        'T21,"2026-03-04T09:05:00Z"x,chat,US,kyc,en,normal,,,,,,',
        'T22,"2026-03-04T09:10:00Z,chat,US,kyc,en,normal,,,,,,',
        'T23,2026-03-04T09:15:00Z,chat,US,kyc,en,normal,,,,,,',
      ].join('\r\n'),
    );
    expect(response.status).toBe(201);
    const report = response.json<{ rowsRead: number; eventsWritten: number; rejectedRows: { line: number; reason: string }[] }>();
    expect(report).toMatchObject({ rowsRead: 4, eventsWritten: 2 });
    expect(report.rejectedRows).toEqual([
      { line: 3, reason: expect.stringMatching(/not well-formed CSV/) },
      { line: 4, reason: expect.stringMatching(/not well-formed CSV/) },
    ]);
    expect(await t.store.headPosition()).toBe(head! + 2n);
  });

  it('rejects a file without the required header columns, and non-CSV bodies', async () => {
    const head = await t.store.headPosition();
    const noHeader = await post('foo,bar\n1,2');
    expect(noHeader.status).toBe(400);
    expect(noHeader.json()).toMatchObject({ issues: [{ path: 'header' }] });
    const json = await t.request('POST', '/v1/imports/tickets', { body: { rows: [] }, headers: asPlanner });
    expect(json.status).toBe(415);
    expect(await t.store.headPosition()).toBe(head);
  });
});
