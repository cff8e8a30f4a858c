import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@staffcast/config';
import { MemoryEventStore, type EventStore } from '@staffcast/event-store';
import { createApp } from '../../apps/planner-api/src/bootstrap.js';

export interface WalkedRoute {
  method: string;
  /** Fastify's pattern, e.g. `/v1/queues/:id`. */
  url: string;
}

export interface WalkedApp {
  app: NestFastifyApplication;
  store: EventStore;
  baseUrl: string;
  /** Every route the router holds, as it registered them (HEAD and OPTIONS left out). */
  routes: WalkedRoute[];
}

/** Boots the API and records every route as the router registers it, so tests cover routes nobody listed. */
export async function startWalkedApp(env: Record<string, string>, store: EventStore = new MemoryEventStore()): Promise<WalkedApp> {
  const app = await createApp(loadConfig({ STORE_URL: 'memory:', LOG_LEVEL: 'silent', ...env }), store);
  const routes: WalkedRoute[] = [];
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) if (method !== 'HEAD' && method !== 'OPTIONS') routes.push({ method, url: route.url ?? route.path });
    });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  if (address === null || typeof address === 'string') throw new Error('the app did not bind a TCP port');
  return { app, store, baseUrl: `http://127.0.0.1:${address.port}`, routes };
}

/** The route's URL with each `:param` filled by `value`. */
export function fillParams(url: string, value: (name: string) => string): string {
  return url.replace(/:([A-Za-z]+)/g, (_all, name: string) => encodeURIComponent(value(name)));
}
