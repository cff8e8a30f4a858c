import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@staffcast/config';
import { auditRoutes } from '../audit/audit.openapi.js';
import { forecastingRoutes } from '../forecasting/forecasting.openapi.js';
import { healthRoutes } from '../health/health.openapi.js';
import { localTeamRoutes } from '../local-team/local-team.openapi.js';
import { planningRoutes } from '../planning/planning.openapi.js';
import { projectionRoutes } from '../projections/projections.openapi.js';
import { catalogueRoutes } from '../recording/catalogue.openapi.js';
import { recordingRoutes } from '../recording/recording.openapi.js';
import { scheduleRoutes } from '../schedules/schedules.openapi.js';
import { scenarioRoutes } from '../scenarios/scenarios.openapi.js';
import { staffingRoutes } from '../staffing/staffing.openapi.js';
import { buildOpenApiDocument, describeRoutes } from './openapi/openapi-document.js';
import type { RouteDocs } from './openapi/route-doc.js';

/** The document and its interactive view: public, like /health. */
const docsRoutes: RouteDocs = () => [
  { method: 'get', path: '/openapi.json', tag: 'docs', summary: 'This OpenAPI 3.1 document', role: 'public', responses: { 200: { description: 'The document', contentType: 'application/json' } } },
  { method: 'get', path: '/docs', tag: 'docs', summary: 'Interactive documentation (Swagger UI, served from its own files)', role: 'public', responses: { 200: { description: 'An HTML page', contentType: 'text/html' } } },
];

/** Every module's route descriptions; a module that adds routes adds its `*.openapi.ts` here. */
export const API_ROUTE_DOCS: readonly RouteDocs[] = [healthRoutes, docsRoutes, recordingRoutes, projectionRoutes, forecastingRoutes, staffingRoutes, planningRoutes, scenarioRoutes, localTeamRoutes, catalogueRoutes, scheduleRoutes, auditRoutes];

/** Swagger UI's own files only: no inline script, no other origin (it works under a `script-src 'self'` policy). */
const DOCS_CSP = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
// Building the document takes a few hundred milliseconds; a process builds it once per set of limits.
const built = new Map<string, OpenApiDocument>();

/** The OpenAPI document generated from the routes' zod schemas, for this configuration (its limits). */
export function apiDocument(config: AppConfig): OpenApiDocument {
  const key = JSON.stringify([config.MAX_QUERY_RANGE_DAYS, config.IMPORT_MAX_BYTES]);
  let document = built.get(key);
  if (!document) {
    document = buildOpenApiDocument(describeRoutes(API_ROUTE_DOCS, config), '1');
    built.set(key, document);
  }
  return document;
}

/** Serves `/openapi.json` and Swagger UI at `/docs`, both without a token. */
export async function registerOpenApiDocs(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const document = apiDocument(config);
  await app.register(fastifySwagger, { mode: 'static', specification: { document: document as never } });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/docs',
    staticCSP: DOCS_CSP,
    validatorUrl: false,
    uiConfig: { deepLinking: true, displayRequestDuration: true, defaultModelsExpandDepth: 0 },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .get('/openapi.json', (_request, reply) => reply.header('cache-control', 'no-cache').send(document));
}
