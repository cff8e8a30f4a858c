import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { loadConfig, type AppConfig } from '@staffcast/config';
import { openEventStore, ensureStoreDirectory, type EventStore } from '@staffcast/event-store';
import { AppModule } from '../../planner-api/src/app.module.js';

export interface CliContext {
  config: AppConfig;
  store: EventStore;
  app: INestApplicationContext;
  close(): Promise<void>;
}

/** The planner's services without HTTP, on the store `STORE_URL` names. */
export async function openCliContext(env: Record<string, string | undefined> = process.env): Promise<CliContext> {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  ensureStoreDirectory(config.STORE_URL);
  const store = await openEventStore(config.STORE_URL);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, store), { logger: false });
  return { config, store, app, close: () => app.close() };
}
