import { connect } from 'node:net';
import fc from 'fast-check';
import { agentBody, launchBody, queueBody, ticketCreated } from '../support/fixtures.js';
import { fillParams, startWalkedApp, type WalkedApp, type WalkedRoute } from '../support/route-walk.js';

/**
 * Hostile input at every route the router holds, reads included: whatever arrives in the path,
 * query, headers or body, the answer comes within a bound, is never a 5xx, and a rejected request
 * leaves the log's head where it was.
 */
const ADMIN = 'fuzz-admin-0123456789';
const BODY_LIMIT = 1024 * 1024;
const REQUEST_TIMEOUT_MS = 15_000;

interface Sent {
  status: number;
  text: string;
}

const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 60 });
const hostileText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  printable,
  fc.constantFrom('', ' ', '..', '../../etc/passwd', '$all', '\u0000', '\u202Eevil', 'x'.repeat(9000), '2026-02-30T25:61:00Z', '-1', '1e999', 'NaN', '__proto__', 'constructor', '=cmd|"/c calc"!A1', '%00', 'q1', 'a1'),
);
const QUERY_KEYS = ['from', 'to', 'asOf', 'queueId', 'granularity', 'skill', 'site', 'ramp', 'format', 'compare', 'actor', 'after', 'limit'];
const queryString = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), printable), hostileText), { maxLength: 5 })
  .map((pairs) => (pairs.length ? `?${new URLSearchParams(pairs).toString()}` : ''));
const headerSet = fc.record(
  {
    'if-match': fc.oneof(printable, fc.constantFrom('"0"', '"-1"', 'W/"3"', '"99999999999999999999"', '*')),
    'idempotency-key': printable,
    'x-correlation-id': printable,
    'content-type': fc.constantFrom('application/json', 'application/json; charset=latin1', 'text/csv', 'text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', '*/*'),
  },
  { requiredKeys: [] },
);
const VALID_BODIES = [queueBody('q-fuzz'), ticketCreated('F1'), { events: [ticketCreated('F2')] }, launchBody('l-fuzz'), agentBody('a-fuzz'), { name: 'fuzz' }];
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.constantFrom(...VALID_BODIES).chain((valid) => fc.tuple(fc.constantFrom(...Object.keys(valid)), fc.jsonValue({ maxDepth: 2 })).map(([key, value]) => JSON.stringify({ ...valid, [key]: value }))),
  hostileText,
  fc.constant(undefined),
);

describe('every route under hostile input (property)', () => {
  let w: WalkedApp;
  let port: number;
  beforeAll(async () => {
    w = await startWalkedApp({ API_TOKENS: `admin:fuzzer:${ADMIN}`, BODY_LIMIT_BYTES: String(BODY_LIMIT) });
    port = Number(new URL(w.baseUrl).port);
    // Entities for the path ids to hit, so that requests get past "not found" to validation and invariants.
    for (const [path, payload] of [['/v1/queues', queueBody('q1')], ['/v1/agents', agentBody('a1')], ['/v1/launches', launchBody('l1')]] as const) {
      expect((await send('POST', path, { 'content-type': 'application/json' }, JSON.stringify(payload))).status).toBe(201);
    }
  });
  afterAll(() => w.app.close());

  const routes = (): WalkedRoute[] => w.routes;

  function send(method: string, path: string, headers: Record<string, string>, payload?: string | Buffer): Promise<Sent> {
    const bodyless = method === 'GET' || method === 'DELETE';
    return fetch(`${w.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN}`, ...headers },
      ...(bodyless || payload === undefined ? {} : { body: payload }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    }).then(async (res) => ({ status: res.status, text: await res.text() }));
  }

  /** Sends, then checks the answer is no 5xx and that a rejected request moved nothing. */
  async function expectSafe(method: string, path: string, headers: Record<string, string>, payload?: string | Buffer): Promise<Sent> {
    const before = await w.store.headPosition();
    const res = await send(method, path, headers, payload);
    const label = `${method} ${path.slice(0, 120)} -> ${res.status} ${res.text.slice(0, 200)}`;
    expect(res.status < 500 ? 'ok' : label).toBe('ok');
    if (res.status >= 400) {
      // API answers use the one error shape; static files (docs, dashboard) may answer otherwise.
      if (path.startsWith('/v1')) expect(JSON.parse(res.text)).toMatchObject({ error: expect.any(String) });
      expect((await w.store.headPosition()) === before ? 'unchanged' : `${label} moved the log`).toBe('unchanged');
    }
    return res;
  }

  it('never answers 5xx to hostile paths, queries, headers and bodies, and writes nothing it rejects', async () => {
    const route = fc.integer({ min: 0, max: routes().length - 1 }).map((i) => routes()[i]!);
    const params = fc.dictionary(fc.constantFrom('id', 'market', 'runId', 'assumptionId'), fc.oneof(fc.constantFrom('q1', 'a1', 'l1', 'US'), hostileText));
    await fc.assert(
      fc.asyncProperty(route, params, queryString, headerSet, body, async (r, values, query, headers, payload) => {
        const path = fillParams(r.url, (name) => values[name] ?? 'q1') + query;
        await expectSafe(r.method, path, headers as Record<string, string>, payload);
      }),
      { numRuns: 600 },
    );
  }, 240_000);

  it('answers 413 to an oversized body at every route that takes one, 400 to deep JSON and invalid UTF-8', async () => {
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    const deepObject = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    const badUtf8 = Buffer.concat([Buffer.from('{"type":"TicketCreated","data":{"ticketId":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}}')]);
    for (const r of routes().filter((x) => x.method !== 'GET' && x.method !== 'DELETE')) {
      const path = fillParams(r.url, () => 'q1');
      const huge = await expectSafe(r.method, path, { 'content-type': 'application/json' }, Buffer.alloc(BODY_LIMIT + 1, 0x20));
      if (r.url !== '/v1/imports/tickets') expect(`${r.url} ${huge.status}`).toBe(`${r.url} 413`);
      for (const payload of [deep, deepObject, badUtf8]) {
        const res = await expectSafe(r.method, path, { 'content-type': 'application/json' }, payload);
        expect(res.status).toBeGreaterThanOrEqual(400);
      }
    }
  }, 120_000);

  it('rejects a batch over 5,000 events whole, and writes none of it', async () => {
    const events = Array.from({ length: 5001 }, (_, i) => ticketCreated(`B${i}`));
    const res = await expectSafe('POST', '/v1/tickets/events', { 'content-type': 'application/json' }, JSON.stringify({ events }));
    expect(res.status).toBe(400);
    expect(res.text).toContain('events');
  });

  it('answers a request whose body never ends within a bound, without writing', async () => {
    const before = await w.store.headPosition();
    const status = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      let answer = '';
      socket.setTimeout(REQUEST_TIMEOUT_MS, () => resolve('hung'));
      socket.on('data', (chunk) => (answer += chunk.toString()));
      socket.on('close', () => resolve(answer.slice(0, 12)));
      socket.on('error', () => resolve(answer.slice(0, 12) || 'reset'));
      socket.write(`POST /v1/tickets/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${ADMIN}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`);
      // Chunks past the body limit, never the terminating chunk.
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      for (let i = 0; i < 20; i += 1) socket.write(`${chunk.length.toString(16)}\r\n${chunk.toString()}\r\n`);
    });
    expect(status).toBe('HTTP/1.1 413');
    expect(await w.store.headPosition()).toBe(before);
  });

  it('imports CSV with formula-injection cells and broken quoting without a 5xx, writing exactly what it reports', async () => {
    const header = 'ticket_id,created_at,channel,market,category,language,priority,first_response_at,escalated_at,escalation_target,resolved_at,handle_seconds,csat_score';
    const cell = fc.oneof(
      fc.constantFrom('=HYPERLINK("http://x","y")', '+1', '-1+2', '@SUM(A1)', '\t=1', '=cmd|"/c calc"!A1', '"unclosed', 'a"b', '"x"y', '"multi\nline"', '""', ',', ''),
      printable,
    );
    const valid = (i: number) => [`C${i}`, '2026-03-02T14:05:00Z', 'chat', 'US', 'kyc', 'en', 'normal', '', '', '', '', '', ''];
    const row = fc.tuple(fc.nat(), fc.integer({ min: 0, max: 12 }), cell).map(([i, column, value]) => {
      const cells = valid(i);
      cells[column] = value;
      return cells.join(',');
    });
    const eventsIn = async () => {
      let n = 0;
      for await (const _event of w.store.readAll()) n += 1;
      return n;
    };
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 30 }), fc.constantFrom('\n', '\r\n'), async (rows, newline) => {
        const before = await eventsIn();
        const res = await expectSafe('POST', '/v1/imports/tickets', { 'content-type': 'text/csv' }, [header, ...rows].join(newline));
        expect(res.status).toBeLessThan(300);
        const report = JSON.parse(res.text) as { eventsWritten: number; rejectedCount: number };
        expect((await eventsIn()) - before).toBe(report.eventsWritten);
        for await (const event of w.store.readAll()) expect(event.stream).toMatch(/^[a-z-]+-[A-Za-z0-9][A-Za-z0-9_-]*$|^[a-z-]+$/);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
