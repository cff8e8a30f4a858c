import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@staffcast/config';
import type { EventStore } from '@staffcast/event-store';
import { AppModule } from './app.module.js';
import { registerDashboard } from './http/dashboard.js';
import { registerOpenApiDocs } from './http/openapi-docs.js';
import { registerSecurity } from './http/security.js';

export interface AppOptions {
  /** Where the request log goes (stdout by default); tests read it to check what is logged. */
  logStream?: NodeJS.WritableStream;
  /** Where the dashboard's built files are, when not in dist/web (tests). */
  dashboardRoot?: string;
}

/** Never logged, even at trace level or by a custom serializer: credentials and correlation secrets. */
const REDACTED = ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'authorization'];

/** Builds the HTTP application on Fastify; shared by main and the end-to-end tests. */
export async function createApp(config: AppConfig, store: EventStore, options: AppOptions = {}): Promise<NestFastifyApplication> {
  // Fastify's pino logger writes one JSON line per request (structured logs) unless silenced.
  const logger = config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL, redact: REDACTED, ...(options.logStream ? { stream: options.logStream } : {}) };
  // Long path ids reach the route and fail its id validation (400 naming `id`) instead of
  // Fastify's bare 414; Node's header size limit still bounds the URL.
  const adapter = new FastifyAdapter({ bodyLimit: config.BODY_LIMIT_BYTES, logger, genReqId: () => randomUUID(), routerOptions: { maxParamLength: 8192 } });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, store), adapter, {
    logger: config.LOG_LEVEL === 'silent' ? false : ['error', 'warn', 'log'],
  });
  await registerSecurity(app, config);
  // CSV imports arrive as a raw stream so that memory stays flat whatever the file size.
  adapter.getInstance().addContentTypeParser(['text/csv', 'application/csv'], (_request, payload, done) => done(null, payload));
  await registerOpenApiDocs(app, config);
  await registerDashboard(app, options.dashboardRoot);
  app.enableShutdownHooks();
  return app;
}
