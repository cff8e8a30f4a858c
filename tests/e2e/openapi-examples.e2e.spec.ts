import { loadConfig } from '@staffcast/config';
import { API_ROUTE_DOCS } from '../../apps/planner-api/src/http/openapi-docs.js';
import { describeRoutes } from '../../apps/planner-api/src/http/openapi/openapi-document.js';
import { ErrorBody, issuesFor, type RouteDoc } from '../../apps/planner-api/src/http/openapi/route-doc.js';
import { seedDemo } from '../../apps/planner-api/src/demo/seed-demo.js';
import { asViewer, TOKENS_ENV } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The request a route's examples make: its path with the example ids, the example query and body. */
function exampleRequest(route: RouteDoc): { url: string; body?: unknown; rawBody?: string; contentType?: string } {
  const path = route.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(route.params!.example[name]!));
  const query = route.query ? `?${new URLSearchParams(Object.entries(route.query.example).map(([k, v]): [string, string] => [k, String(v)]))}` : '';
  if (route.body?.contentType) return { url: path + query, rawBody: String(route.body.example), contentType: route.body.contentType };
  return { url: path + query, ...(route.body ? { body: route.body.example } : {}) };
}

/**
 * The read routes' documented examples, sent to the API over the demo operation (two queues, eight
 * weeks): every answer is one the document lists, and a 200 matches the documented answer schema.
 */
describe('OpenAPI examples against the running API', () => {
  let t: TestApp;
  const config = loadConfig({ STORE_URL: 'memory:', LOG_LEVEL: 'silent' });
  beforeAll(async () => {
    t = await startTestApp(TOKENS_ENV);
    await seedDemo(t.app, t.store, { start: '2026-09-21T00:00:00Z', weeks: 8, queues: 2 });
  }, 240_000);
  afterAll(async () => {
    await t.close();
  });

  it('answers each read example with a documented status, and a 200 in the documented shape', async () => {
    const reads = describeRoutes(API_ROUTE_DOCS, config).filter((r) => r.role === 'viewer' || (r.role === 'public' && r.path !== '/docs' && r.path !== '/openapi.json'));
    const failures: string[] = [];
    let ok = 0;
    for (const route of reads) {
      const request = exampleRequest(route);
      const res = await t.request(route.method.toUpperCase(), request.url, {
        headers: { ...asViewer, ...(route.headers?.example ?? {}), ...(request.contentType ? { 'content-type': request.contentType } : {}) },
        ...(request.rawBody !== undefined ? { rawBody: request.rawBody } : request.body !== undefined ? { body: request.body } : {}),
      });
      const documented = [...Object.keys(route.responses), ...Object.keys(route.errors ?? {}), '400', '401'];
      const name = `${route.method} ${route.path}`;
      if (!documented.includes(String(res.status))) {
        failures.push(`${name}: ${res.status} is not documented (${res.text.slice(0, 200)})`);
        continue;
      }
      if (res.status === 400) {
        failures.push(`${name}: its example was refused: ${res.text.slice(0, 300)}`);
        continue;
      }
      if (res.status >= 400 && issuesFor(ErrorBody, res.json()).length > 0) failures.push(`${name}: ${res.status} is not in the error shape: ${res.text.slice(0, 200)}`);
      const schema = route.responses[res.status as 200]?.schema;
      if (res.status === 200 && schema) {
        ok++;
        const issues = issuesFor(schema, res.json());
        if (issues.length > 0) failures.push(`${name}: the answer does not match its schema: ${JSON.stringify(issues.slice(0, 5))}`);
      }
    }
    expect(failures).toEqual([]);
    // Most read examples name entities of the demo operation, so most answer 200.
    expect(ok).toBeGreaterThanOrEqual(14);
  }, 300_000);
});
