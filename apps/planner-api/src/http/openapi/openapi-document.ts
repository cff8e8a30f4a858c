import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { AppConfig } from '@staffcast/config';
import { z } from 'zod';
import { CorrelationIdHeader } from '../request-context.js';
import { ErrorBody, standardErrors, type ErrorStatus, type RouteDoc, type RouteDocs } from './route-doc.js';

const ERROR_MEANING: Record<ErrorStatus, string> = {
  400: 'A field, query parameter or header is invalid; `issues` names each one and why. Nothing was written.',
  401: 'No token, or a token the server does not know.',
  403: 'The token is valid but its role is too low for this route.',
  404: 'The entity named in the path does not exist.',
  409: 'The request conflicts with the recorded state (a stale revision, a duplicate id with other content, a domain rule). Nothing was written.',
  413: 'The body is larger than the limit.',
  415: 'The body is not of the media type the route reads.',
  422: 'The request is well-formed but cannot be evaluated on the recorded facts.',
};

const STATUS_TEXT: Record<200 | 201 | 204, string> = { 200: 'OK', 201: 'Created', 204: 'No content' };

/** Each field of an object schema with its example attached, for the document only (validation keeps the original). */
function withExamples(schema: z.ZodObject, example: Record<string, unknown>): z.ZodObject {
  const shape = Object.fromEntries(Object.entries(schema.shape).map(([key, field]) => [key, key in example ? (field as z.ZodType).meta({ example: example[key] }) : field]));
  return z.object(shape);
}

/** The object behind a query schema that refines or transforms it (`strictObject(...).superRefine(...)`). */
function objectOf(schema: z.ZodType): z.ZodObject | undefined {
  if (schema instanceof z.ZodObject) return schema;
  if (schema instanceof z.ZodPipe) return objectOf(schema.in as z.ZodType);
  return undefined;
}

/** `/v1/queues/:id/volume` → `/v1/queues/{id}/volume`. */
export function openApiPath(fastifyPath: string): string {
  return fastifyPath.replace(/:([A-Za-z]+)/g, '{$1}');
}

function operationId(route: RouteDoc): string {
  const words = route.path
    .split('/')
    .filter((part) => part !== '' && part !== 'v1')
    .map((part) => (part.startsWith(':') ? `by-${part.slice(1)}` : part));
  return [route.method, ...words].join('-').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

function roleText(route: RouteDoc): string {
  return route.role === 'public' ? 'Public: no token needed.' : `Needs a Bearer token with the **${route.role}** role or higher (viewer < planner < admin).`;
}

function toRouteConfig(route: RouteDoc): RouteConfig {
  const responses: Record<string, ResponseConfig> = {};
  for (const [status, doc] of Object.entries(route.responses)) {
    const contentType = doc.contentType ?? 'application/json';
    responses[status] = {
      description: doc.description || STATUS_TEXT[Number(status) as 200 | 201 | 204],
      ...(doc.schema
        ? {
            content: {
              [contentType]: { schema: doc.schema, ...(doc.example === undefined ? {} : { example: doc.example }) },
              ...(doc.csvExample === undefined ? {} : { 'text/csv': { schema: z.string(), example: doc.csvExample } }),
            },
          }
        : {}),
    };
  }
  for (const [status, example] of Object.entries(standardErrors(route))) {
    responses[status] = { description: ERROR_MEANING[Number(status) as ErrorStatus], content: { 'application/json': { schema: ErrorBody, example } } };
  }
  const request: NonNullable<RouteConfig['request']> = {};
  if (route.params) request.params = withExamples(route.params.schema, route.params.example);
  if (route.query) {
    const object = objectOf(route.query.schema);
    if (!object) throw new Error(`${route.method} ${route.path}: the query schema must be an object`);
    request.query = withExamples(object, route.query.example);
  }
  // Every guarded route takes a correlation id; public ones write nothing.
  const correlation = route.role === 'public' ? {} : { 'x-correlation-id': CorrelationIdHeader.optional().meta({ example: 'ops-2026-11-16-0042' }) };
  const headers = route.headers ? withExamples(route.headers.schema, route.headers.example).extend(correlation) : z.object(correlation);
  if (Object.keys(headers.shape).length > 0) request.headers = headers;
  if (route.body) {
    const contentType = route.body.contentType ?? 'application/json';
    request.body = { required: true, ...(route.body.description ? { description: route.body.description } : {}), content: { [contentType]: { schema: route.body.schema, example: route.body.example } } };
  }
  return {
    method: route.method,
    path: openApiPath(route.path),
    operationId: operationId(route),
    tags: [route.tag],
    summary: route.summary,
    description: [route.description, roleText(route)].filter(Boolean).join('\n\n'),
    security: route.role === 'public' ? [] : [{ bearer: [] }],
    'x-required-role': route.role,
    request,
    responses,
  };
}

/** Every module's routes, in the order the document lists them. */
export function describeRoutes(modules: readonly RouteDocs[], config: AppConfig): RouteDoc[] {
  return modules.flatMap((docs) => docs(config));
}

/**
 * The OpenAPI 3.1 document of the routes given, generated from the zod schemas their handlers
 * validate with. Throws when two modules describe the same method and path.
 */
export function buildOpenApiDocument(routes: readonly RouteDoc[], version: string): ReturnType<OpenApiGeneratorV31['generateDocument']> {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'A token listed in API_TOKENS as `role:name:token`. Roles rank viewer < planner < admin: reads need viewer, writes planner.',
  });
  const seen = new Set<string>();
  for (const route of routes) {
    const key = `${route.method} ${route.path}`;
    if (seen.has(key)) throw new Error(`${key} is described twice`);
    seen.add(key);
    registry.registerPath(toRouteConfig(route));
  }
  const tags = [...new Set(routes.map((r) => r.tag))].map((name) => ({ name }));
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Staffcast planner API',
      version,
      description:
        'Event-sourced workforce and volume planning: record queues, tickets, launches and agents; read projections; forecast, plan, run what-if scenarios and local-team build-outs. Every 4xx answers `{ error, issues: [{ path, message }] }`.',
    },
    security: [{ bearer: [] }],
    tags,
  });
}
