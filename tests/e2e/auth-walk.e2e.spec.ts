import { startWalkedApp, fillParams, type WalkedApp } from '../support/route-walk.js';

const TOKENS = { viewer: 'walk-viewer-0123456789', planner: 'walk-planner-0123456789', admin: 'walk-admin-0123456789' } as const;
type Role = keyof typeof TOKENS;
const BELOW: Record<Role, Role[]> = { viewer: [], planner: ['viewer'], admin: ['viewer', 'planner'] };

/** Computations that write nothing are reads, for viewers; the audit trail is for admins; every other write needs planner. */
const POST_READS = new Set(['/v1/plans', '/v1/forecasts', '/v1/forecasts/series', '/v1/forecasts/intraday', '/v1/staffing/erlang', '/v1/staffing/requirements']);
function roleNeeded(method: string, url: string): Role {
  if (url.startsWith('/v1/audit')) return 'admin';
  return method === 'GET' || POST_READS.has(url) ? 'viewer' : 'planner';
}

describe('every /v1 route, walked from the router', () => {
  let w: WalkedApp;
  beforeAll(async () => {
    w = await startWalkedApp({ API_TOKENS: Object.entries(TOKENS).map(([role, token]) => `${role}:${token}`).join(',') });
  });
  afterAll(() => w.app.close());

  const call = (method: string, url: string, token?: string) => {
    const bodyless = method === 'GET' || method === 'DELETE';
    return fetch(`${w.baseUrl}${fillParams(url, () => 'walk1')}`, {
      method,
      headers: { ...(bodyless ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(bodyless ? {} : { body: '{}' }),
    });
  };

  it('finds the routes the API documents, audit included', () => {
    const v1 = w.routes.filter((r) => r.url.startsWith('/v1'));
    expect(v1.length).toBeGreaterThanOrEqual(40);
    expect(v1).toContainEqual({ method: 'GET', url: '/v1/audit' });
    expect(v1).toContainEqual({ method: 'POST', url: '/v1/tickets/events' });
  });

  it('answers 401 without a token, 403 below the role needed, and lets the role needed through', async () => {
    const head = await w.store.headPosition();
    const seen: string[] = [];
    for (const { method, url } of w.routes.filter((r) => r.url.startsWith('/v1'))) {
      const needed = roleNeeded(method, url);
      const label = `${method} ${url} (needs ${needed})`;
      const anonymous = await call(method, url);
      const bogus = await call(method, url, 'not-a-known-token-000');
      const below = await Promise.all(BELOW[needed].map((role) => call(method, url, TOKENS[role])));
      const allowed = await call(method, url, TOKENS[needed]);
      seen.push(`${label}: ${[anonymous, bogus, ...below, allowed].map((r) => r.status).join(' ')}`);
      expect(`${label} anonymous ${anonymous.status}`).toBe(`${label} anonymous 401`);
      expect(`${label} bogus ${bogus.status}`).toBe(`${label} bogus 401`);
      for (const r of below) expect(`${label} below ${r.status}`).toBe(`${label} below 403`);
      expect([401, 403]).not.toContain(allowed.status);
      expect(allowed.status).toBeLessThan(500);
    }
    expect(seen.length).toBeGreaterThanOrEqual(40);
    // The bodies were empty objects: nothing was valid, so nothing was written.
    expect(await w.store.headPosition()).toBe(head);
  });
});
