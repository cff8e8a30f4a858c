import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** `dist/web` of the repository this module sits in (from `apps/…/src/http` or `dist/apps/…/src/http`). */
export function defaultDashboardRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'staffcast') return join(dir, 'dist', 'web');
    const up = dirname(dir);
    if (up === dir) return join(process.cwd(), 'dist', 'web');
    dir = up;
  }
}

const MISSING = 'The Staffcast dashboard is not built on this server: run `npm run build` (or `npm run demo`), then reload. The API under /v1 works without it.';

/**
 * Serves the built dashboard at `/` without a token (its API calls carry one). Only files present
 * at start-up are routed, so unknown paths keep the API's JSON 404; without a build `/` answers 503
 * with what to run.
 */
export async function registerDashboard(app: NestFastifyApplication, root = defaultDashboardRoot()): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  if (!existsSync(join(root, 'index.html'))) {
    fastify.get('/', (_request, reply) => {
      void reply.code(503).type('text/plain; charset=utf-8').send(MISSING);
    });
    return;
  }
  await fastify.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: 'index.html',
    // Asset names carry a content hash; the page that names them must be fetched afresh.
    setHeaders: (reply, path) => reply.header('cache-control', path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable'),
  });
}
