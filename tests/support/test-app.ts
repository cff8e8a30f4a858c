import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@staffcast/config';
import { MemoryEventStore, type EventStore } from '@staffcast/event-store';
import { createApp } from '../../apps/planner-api/src/bootstrap.js';

export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
  json<T = unknown>(): T;
}

export interface RequestOptions {
  body?: unknown;
  /** Sent as-is instead of JSON, with its own content type. */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface TestApp {
  app: NestFastifyApplication;
  store: EventStore;
  baseUrl: string;
  request(method: string, path: string, options?: RequestOptions): Promise<HttpResponse>;
  close(): Promise<void>;
}

/** Boots the real API on a loopback port over an in-memory (or given) store; tests speak real HTTP to it. */
export async function startTestApp(env: Record<string, string> = {}, store: EventStore = new MemoryEventStore(), options: { dashboardRoot?: string } = {}): Promise<TestApp> {
  const config = loadConfig({ STORE_URL: 'memory:', LOG_LEVEL: 'silent', ...env });
  const app = await createApp(config, store, options);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  if (address === null || typeof address === 'string') throw new Error('test app did not bind a TCP port');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    app,
    store,
    baseUrl,
    async request(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      let body: string | undefined;
      if (options.rawBody !== undefined) body = options.rawBody;
      else if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      const res = await fetch(`${baseUrl}${path}`, { method, headers, body });
      const text = await res.text();
      return { status: res.status, headers: res.headers, text, json: <T>() => JSON.parse(text) as T };
    },
    close: () => app.close(),
  };
}
