import { loadConfig } from '@staffcast/config';
import { API_ROUTE_DOCS } from '../openapi-docs.js';
import { buildOpenApiDocument, describeRoutes, openApiPath } from './openapi-document.js';
import { issuesFor, type RouteDoc } from './route-doc.js';

const config = loadConfig({ STORE_URL: 'memory:', LOG_LEVEL: 'silent' });
const routes = describeRoutes(API_ROUTE_DOCS, config);
const name = (r: RouteDoc) => `${r.method} ${r.path}`;

describe('route descriptions', () => {
  it('give request examples the handlers accept: each parses with the schema the route validates with', () => {
    const rejected: string[] = [];
    for (const route of routes) {
      const parts: [string, { schema: unknown; example: unknown } | undefined][] = [
        ['params', route.params],
        ['query', route.query],
        ['headers', route.headers],
        ['body', route.body && { schema: route.body.validator ?? route.body.schema, example: route.body.example }],
      ];
      for (const [part, doc] of parts) {
        if (!doc) continue;
        const issues = issuesFor(doc.schema as never, doc.example);
        if (issues.length > 0) rejected.push(`${name(route)} ${part}: ${JSON.stringify(issues)}`);
      }
    }
    expect(rejected).toEqual([]);
  });

  it('give answer examples that match the answer schemas', () => {
    const rejected: string[] = [];
    for (const route of routes) {
      for (const [status, response] of Object.entries(route.responses)) {
        if (!response.schema) continue;
        const issues = issuesFor(response.schema, response.example);
        if (issues.length > 0) rejected.push(`${name(route)} ${status}: ${JSON.stringify(issues.slice(0, 3))}`);
      }
    }
    expect(rejected).toEqual([]);
  });

  it('give a 400 example worked out from the schema for every route that takes input', () => {
    const document = buildOpenApiDocument(routes, '1');
    const volume = document.paths?.['/v1/queues/{id}/volume']?.get;
    const example = (volume?.responses?.['400'] as { content: Record<string, { example: { issues: { path: string }[] } }> }).content['application/json']!.example;
    expect(example.issues.map((i) => i.path)).toEqual(['from', 'to']);
  });

  it('refuses a route described twice', () => {
    const twice = [routes[0]!, { ...routes[0]! }];
    expect(() => buildOpenApiDocument(twice, '1')).toThrow(`${name(routes[0]!)} is described twice`);
  });

  it('writes Fastify path parameters in OpenAPI form', () => {
    expect(openApiPath('/v1/scenarios/:id/runs/:runId')).toBe('/v1/scenarios/{id}/runs/{runId}');
  });
});
