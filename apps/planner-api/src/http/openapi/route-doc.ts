import type { AppConfig } from '@staffcast/config';
import { z } from 'zod';
import type { Role } from '../auth.js';
import { toFieldIssues, type FieldIssue } from '../validation.js';

/** An error answer as the one error filter writes it. */
export const ErrorBody = z
  .looseObject({
    error: z.string().describe('What went wrong, in words'),
    issues: z.array(z.strictObject({ path: z.string().describe('The field, header or `(body)`/`(request)`/`(state)`'), message: z.string() })).optional(),
  })
  .meta({ id: 'Error', description: 'Every 4xx: `{ error, issues: [{ path, message }] }`; a 409 on a stale revision also names the stream and both revisions' });

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422;

export interface ErrorExample {
  error: string;
  issues: FieldIssue[];
  /** A stale revision's 409 also names the stream and both revisions. */
  [detail: string]: unknown;
}

export interface BodyDoc {
  /** The zod schema the handler parses the body with (for CSV, the schema of the text). */
  schema: z.ZodType;
  example: unknown;
  contentType?: string;
  description?: string;
  /** The schema the handler parses the example with, when the document shows a composed one (an envelope and its content). */
  validator?: z.ZodType;
}

export interface ResponseDoc {
  description: string;
  /** zod schema of the answer; omitted only for 204 and non-JSON answers described in words. */
  schema?: z.ZodType;
  example?: unknown;
  contentType?: string;
  /** With `?format=csv` the same answer as `text/csv`: an example of it. */
  csvExample?: string;
}

/**
 * One route as the API serves it: the schemas its handler validates with, the role it needs, and an
 * example of each request part and answer. Paths are in Fastify form (`/v1/queues/:id`).
 */
export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** The least role the route's guard accepts; `public` needs no token. */
  role: Role | 'public';
  params?: { schema: z.ZodObject; example: Record<string, string> };
  query?: { schema: z.ZodType; example: Record<string, unknown> };
  headers?: { schema: z.ZodObject; example: Record<string, string> };
  body?: BodyDoc;
  responses: Partial<Record<200 | 201 | 204, ResponseDoc>>;
  /** Errors beyond those the role and the inputs imply (400 for inputs, 401/403 for the role, 413 for a body). */
  errors?: Partial<Record<ErrorStatus, ErrorExample>>;
}

/** What a module's `*.openapi.ts` gives the document: its routes, given the configuration (limits). */
export type RouteDocs = (config: AppConfig) => RouteDoc[];

/** The issues a schema reports for `value`: a real 400 example, worked out from the schema itself. */
export function issuesFor(schema: z.ZodType, value: unknown): FieldIssue[] {
  const result = schema.safeParse(value);
  return result.success ? [] : toFieldIssues(result.error);
}

/** The standard example of a 400: what the route's first input schema says of an empty input. */
export function validationExample(route: RouteDoc): ErrorExample | undefined {
  const given = route.errors?.[400];
  if (given) return given;
  const jsonBody = route.body?.contentType === undefined ? route.body : undefined;
  const probes: [z.ZodType | undefined, unknown][] = [
    [jsonBody && (jsonBody.validator ?? jsonBody.schema), {}],
    [route.query?.schema, {}],
    [route.params?.schema, Object.fromEntries(Object.keys(route.params?.schema.shape ?? {}).map((k) => [k, 'bad id!']))],
  ];
  for (const [schema, value] of probes) {
    if (schema === undefined) continue;
    const issues = issuesFor(schema, value);
    if (issues.length > 0) return { error: 'validation failed', issues };
  }
  return undefined;
}

/** The 401, 403 and 413 every guarded or body-taking route can answer, in the filter's words. */
export function standardErrors(route: RouteDoc): Partial<Record<ErrorStatus, ErrorExample>> {
  const errors: Partial<Record<ErrorStatus, ErrorExample>> = {};
  const invalid = validationExample(route);
  if (invalid) errors[400] = invalid;
  if (route.role !== 'public') errors[401] = { error: 'unauthorized', issues: [{ path: 'authorization', message: 'a Bearer token is required' }] };
  if (route.role === 'planner' || route.role === 'admin') {
    errors[403] = { error: 'forbidden', issues: [{ path: 'authorization', message: `this needs the ${route.role} role; the token has viewer` }] };
  }
  if (route.body && route.body.contentType === undefined) {
    // Fastify's own words; the limit is BODY_LIMIT_BYTES.
    const message = 'Request body is too large';
    errors[413] = { error: message, issues: [{ path: '(body)', message }] };
  }
  return { ...errors, ...route.errors };
}

/** A 404 in the shape the handlers throw. */
export function notFound(path: string, message: string): ErrorExample {
  return { error: 'not found', issues: [{ path, message }] };
}
