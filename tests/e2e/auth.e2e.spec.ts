import { startTestApp, type TestApp } from '../support/test-app.js';

const VIEWER = 'viewer-token-0123456789';
const PLANNER = 'planner-token-0123456789';

describe('token auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ API_TOKENS: `viewer:${VIEWER},planner:alice:${PLANNER}` });
  });
  afterAll(async () => {
    await t.close();
  });

  it('rejects a missing or unknown token with 401 naming the authorization header', async () => {
    const none = await t.request('GET', '/v1/whoami');
    expect(none.status).toBe(401);
    expect(none.json()).toMatchObject({ error: 'unauthorized', issues: [{ path: 'authorization' }] });
    const wrong = await t.request('GET', '/v1/whoami', { headers: { authorization: 'Bearer nope-nope-nope-nope' } });
    expect(wrong.status).toBe(401);
  });

  it('names the principal by its token name, never by the token, and echoes a well-formed correlation id', async () => {
    const planner = await t.request('GET', '/v1/whoami', { headers: { authorization: `Bearer ${PLANNER}`, 'x-correlation-id': 'req-42' } });
    expect(planner.status).toBe(200);
    expect(planner.json()).toEqual({ role: 'planner', name: 'alice', correlationId: 'req-42' });
    const viewer = await t.request('GET', '/v1/whoami', { headers: { authorization: `Bearer ${VIEWER}`, 'x-correlation-id': 'bad id with spaces' } });
    const body = viewer.json<{ name: string; correlationId: string }>();
    expect(body.name).toMatch(/^viewer-[0-9a-f]{8}$/);
    expect(viewer.text).not.toContain(VIEWER);
    expect(body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 404 in the common error shape for an unknown route', async () => {
    const res = await t.request('GET', '/v1/no-such-thing', { headers: { authorization: `Bearer ${VIEWER}` } });
    expect(res.status).toBe(404);
    expect(res.json()).toMatchObject({ error: expect.any(String) });
  });
});
