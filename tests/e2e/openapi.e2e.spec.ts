import { asPlanner, asViewer, TOKENS_ENV } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * `printRoutes({ commonPrefix: false })` draws the router as a tree, one node a line:
 * `│   ├── /:id (GET, HEAD)`. A node's path is its ancestors' segments joined with its own.
 */
function servedRoutes(tree: string): Set<string> {
  const stack: string[] = [];
  const routes = new Set<string>();
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/u.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    stack.push(match[2]!);
    const path = stack.join('');
    for (const method of (match[3] ?? '').split(', ').filter(Boolean)) routes.add(`${method} ${path}`);
  }
  return routes;
}

interface Operation {
  security?: unknown[];
  'x-required-role'?: string;
  parameters?: { in: string; name: string; example?: unknown; schema?: { example?: unknown } }[];
  requestBody?: { content: Record<string, { example?: unknown }> };
  responses: Record<string, { content?: Record<string, { example?: unknown }> }>;
}
type Document = { paths: Record<string, Record<string, Operation>>; components: { securitySchemes: Record<string, { type: string; scheme: string }> } };

/** Routes served that are not API operations, each with the reason; the document describes all others. */
const NOT_OPERATIONS: { path: RegExp; why: string }[] = [
  { path: /^\/docs\//, why: "Swagger UI's own files and its copy of the document (the page itself, /docs, is described)" },
  { path: /^\/(index\.html|assets\/.*)?$/, why: "the dashboard's built files (the page and its hashed assets), not API operations" },
];

describe('OpenAPI document', () => {
  let t: TestApp;
  let document: Document;
  const documented = () =>
    Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({ method: method.toUpperCase(), path: path.replace(/\{(\w+)\}/g, ':$1'), operation })));

  beforeAll(async () => {
    t = await startTestApp(TOKENS_ENV);
    const res = await t.request('GET', '/openapi.json');
    expect(res.status).toBe(200);
    document = res.json<Document>();
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists every route the router serves, with the same methods, and nothing it does not serve', () => {
    const tree = t.app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
    // HEAD is Fastify's automatic twin of each GET.
    const served = [...servedRoutes(tree)].filter((r) => !r.startsWith('HEAD ') && !NOT_OPERATIONS.some((n) => n.path.test(r.split(' ')[1]!))).sort();
    const listed = documented()
      .map((o) => `${o.method} ${o.path}`)
      .sort();
    expect(served.length).toBeGreaterThan(40);
    expect(listed).toEqual(served);
  });

  it('names the role of each route, and the guard enforces exactly that role', async () => {
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const failures: string[] = [];
    for (const { method, path, operation } of documented()) {
      const role = operation['x-required-role'];
      const url = path.replace(/:(\w+)/g, 'x1');
      const anonymous = await t.request(method, url);
      if (role === 'public') {
        if (operation.security?.length !== 0 || anonymous.status !== 200) failures.push(`${method} ${path}: public but ${anonymous.status}`);
        continue;
      }
      if (anonymous.status !== 401) failures.push(`${method} ${path}: ${anonymous.status} without a token`);
      const asLowest = await t.request(method, url, { headers: asViewer });
      if (role === 'admin' && asLowest.status !== 403) failures.push(`${method} ${path}: viewer got ${asLowest.status}, not 403`);
      if (role === 'viewer' && [401, 403].includes(asLowest.status)) failures.push(`${method} ${path}: viewer refused (${asLowest.status})`);
      if (role === 'planner' && asLowest.status !== 403) failures.push(`${method} ${path}: viewer got ${asLowest.status}, not 403`);
      if (role === 'planner' && [401, 403].includes((await t.request(method, url, { headers: asPlanner })).status)) failures.push(`${method} ${path}: planner refused`);
      if (role === 'admin' && (await t.request(method, url, { headers: asPlanner })).status !== 403) failures.push(`${method} ${path}: planner not refused`);
      if (!['viewer', 'planner', 'admin'].includes(role ?? '')) failures.push(`${method} ${path}: role ${role}`);
    }
    expect(failures).toEqual([]);
  });

  it('gives an example of every parameter, body and answer, and the error shape for every 4xx', () => {
    const missing: string[] = [];
    for (const { method, path, operation } of documented()) {
      for (const p of operation.parameters ?? []) if (p.schema?.example === undefined) missing.push(`${method} ${path} ${p.in} ${p.name}`);
      for (const [type, media] of Object.entries(operation.requestBody?.content ?? {})) if (media.example === undefined) missing.push(`${method} ${path} body ${type}`);
      for (const [status, response] of Object.entries(operation.responses)) {
        if (status === '204' || path === '/openapi.json' || path === '/docs') continue;
        for (const [type, media] of Object.entries(response.content ?? { none: {} })) if (media.example === undefined) missing.push(`${method} ${path} ${status} ${type}`);
        if (status.startsWith('4')) {
          const example = response.content?.['application/json']?.example as { error?: unknown; issues?: { path?: unknown; message?: unknown }[] } | undefined;
          if (typeof example?.error !== 'string' || !example.issues?.every((i) => typeof i.path === 'string' && typeof i.message === 'string')) missing.push(`${method} ${path} ${status} shape`);
        }
      }
      const hasInput = operation.requestBody !== undefined || (operation.parameters ?? []).some((p) => p.in !== 'header');
      if (hasInput && !operation.responses['400']) missing.push(`${method} ${path} 400`);
    }
    expect(missing).toEqual([]);
  });

  it('serves /docs, public, under a policy that allows only its own scripts', async () => {
    const page = await t.request('GET', '/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self';/);
    expect(page.text).not.toMatch(/<script>(?!\s*<\/script>)|https?:\/\//);
    const copy = await t.request('GET', '/docs/json');
    expect(copy.json()).toEqual(document);
  });
});
