import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('GET /health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers ok with the store kind and the log head as a string, without a token', async () => {
    const empty = await t.request('GET', '/health');
    expect(empty.status).toBe(200);
    expect(empty.json()).toEqual({ status: 'ok', store: 'memory', position: '0' });

    const { position } = await t.store.append('queue-q1', [
      { id: randomUUID(), type: 'Noted', data: {}, metadata: { actor: 'test', correlationId: 'c', schemaVersion: 1 } },
    ]);
    const after = await t.request('GET', '/health');
    expect(after.json()).toEqual({ status: 'ok', store: 'memory', position: position.toString() });
  });

  it('answers readiness', async () => {
    const res = await t.request('GET', '/ready');
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ status: 'ready' });
  });
});
