import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import { PassThrough } from 'node:stream';
import { loadConfig } from '@staffcast/config';
import { MemoryEventStore } from '@staffcast/event-store';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../apps/planner-api/src/bootstrap.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const PLAIN = 'planner-token-0123456789';
const SECRET = 'hashed-admin-token-0123456789';
const OTHER = 'viewer-token-9876543210';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Writes the whole request (head and body) before reading anything, as Python's urllib does. */
function sendThenRead(port: number, head: string, body: Buffer): Promise<{ response: string; error?: string }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let response = '';
    socket.on('data', (chunk) => (response += chunk.toString('latin1')));
    socket.on('error', (error) => resolve({ response, error: (error as NodeJS.ErrnoException).code ?? error.message }));
    socket.on('close', () => resolve({ response }));
    socket.on('connect', () => {
      socket.write(head);
      socket.write(body, () => socket.end());
    });
  });
}

describe('security: headers, hashed tokens, rate limits, body limits, logs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ API_TOKENS: `planner:plain:${PLAIN},admin:root:sha256:${sha256(SECRET)},viewer:${OTHER}`, RATE_LIMIT_PER_MINUTE: '30', BODY_LIMIT_BYTES: '65536', IMPORT_MAX_BYTES: String(2 ** 20) });
  });
  afterAll(() => t.close());

  it('sends helmet security headers with a self-only content security policy', async () => {
    const res = await t.request('GET', '/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('accepts a token configured only by its SHA-256 digest, under its name', async () => {
    const res = await t.request('GET', '/v1/whoami', { headers: bearer(SECRET) });
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ role: 'admin', name: 'root' });
    expect((await t.request('GET', '/v1/whoami', { headers: bearer(sha256(SECRET)) })).status).toBe(401);
  });

  it('limits each token on its own with a 429 and Retry-After', async () => {
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<TestApp['request']>> | undefined;
    for (let i = 0; i < 31; i += 1) {
      const res = await t.request('GET', '/v1/whoami', { headers: bearer(PLAIN) });
      statuses.push(res.status);
      limited = res;
    }
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(limited!.status).toBe(429);
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited!.json()).toMatchObject({ error: 'too many requests', issues: [{ path: 'authorization' }] });
    // Another token is not slowed by the first one's burst.
    expect((await t.request('GET', '/v1/whoami', { headers: bearer(OTHER) })).status).toBe(200);
  });

  it('counts unknown tokens against the address, so that inventing tokens buys no fresh budget', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i += 1) statuses.push((await t.request('GET', '/v1/whoami', { headers: bearer(`invented-token-${i}-0123456789`) })).status);
    // The address's budget of 30 is shared with this suite's earlier anonymous requests (one /health).
    const first = statuses.indexOf(429);
    expect(first).toBeGreaterThanOrEqual(25);
    expect(statuses.slice(0, first).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(first).every((s) => s === 429)).toBe(true);
  });

  it('answers 413 to a client that sends the whole oversized body before reading', async () => {
    const port = Number(new URL(t.baseUrl).port);
    const body = Buffer.alloc(4 * 2 ** 20, 'a');
    const head = `POST /v1/tickets/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${OTHER}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const { response, error } = await sendThenRead(port, head, body);
    expect(error).toBeUndefined();
    expect(response).toMatch(/^HTTP\/1\.1 413 /);
    expect(response).toContain('"path":"(body)"');
  });

  it('answers 413 to an import over IMPORT_MAX_BYTES sent whole before reading', async () => {
    const port = Number(new URL(t.baseUrl).port);
    const body = Buffer.from(`ticket_id,created_at\n${'T1,2026-03-02T14:05:00Z\n'.repeat(200_000)}`);
    const head = `POST /v1/imports/tickets HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${SECRET}\r\nContent-Type: text/csv\r\nContent-Length: ${body.length}\r\n\r\n`;
    const { response, error } = await sendThenRead(port, head, body);
    expect(error).toBeUndefined();
    expect(response).toMatch(/^HTTP\/1\.1 413 /);
    expect(response).toContain('an import may be at most 1048576 bytes');
  });

  it.each([
    ['/v1/queues/q1/volume?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z'],
    ['/v1/kpis?queueId=q1&from=2020-01-01&to=2026-01-01'],
    ['/v1/drivers?from=2020-01-01&to=2026-01-01'],
    ['/v1/roster?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z'],
    ['/v1/accuracy?queueId=q1&from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z'],
    ['/v1/audit?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z'],
  ])('refuses a query range past the limit: %s', async (path) => {
    const res = await t.request('GET', path, { headers: bearer(SECRET) });
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ issues: [{ path: 'to', message: expect.stringMatching(/at most \d+ days/) }] });
  });

  it('answers 413 to Python urllib sending an oversized body', async () => {
    const script = [
      'import sys, urllib.request, urllib.error',
      "req = urllib.request.Request(sys.argv[1], data=b'x' * (16 * 2 ** 20), method='POST', headers={'Content-Type': 'application/json', 'Authorization': 'Bearer ' + sys.argv[2]})",
      'try:',
      '    urllib.request.urlopen(req)',
      'except urllib.error.HTTPError as e:',
      '    print(e.code)',
    ].join('\n');
    const out = await new Promise<string>((resolve, reject) =>
      execFile('python3', ['-c', script, `${t.baseUrl}/v1/tickets/events`, OTHER], { timeout: 20_000 }, (error, stdout, stderr) => (error ? reject(new Error(stderr || error.message)) : resolve(stdout))),
    );
    expect(out.trim()).toBe('413');
  });
});

describe('request logs', () => {
  let app: NestFastifyApplication;
  const lines: string[] = [];
  beforeAll(async () => {
    const logStream = new PassThrough();
    logStream.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
    app = await createApp(loadConfig({ STORE_URL: 'memory:', LOG_LEVEL: 'trace', API_TOKENS: `viewer:${OTHER}` }), new MemoryEventStore(), { logStream });
    await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => app.close());

  it('never carry the token, whether it is accepted or not', async () => {
    const address = app.getHttpServer().address() as { port: number };
    for (const token of [OTHER, 'unknown-token-0123456789']) {
      await fetch(`http://127.0.0.1:${address.port}/v1/whoami`, { headers: bearer(token) });
    }
    expect(lines.length).toBeGreaterThan(0);
    const log = lines.join('');
    expect(log).toContain('/v1/whoami');
    expect(log).not.toContain(OTHER);
    expect(log).not.toContain('unknown-token-0123456789');
  });
});
