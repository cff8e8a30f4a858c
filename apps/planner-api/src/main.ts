import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '@staffcast/config';
import { openEventStore, ensureStoreDirectory } from '@staffcast/event-store';
import { seedDemo } from './demo/seed-demo.js';
import { createApp } from './bootstrap.js';

async function main(): Promise<void> {
  const demo = process.argv.includes('--demo');
  const config = loadConfig(process.env);
  let demoToken: string | undefined;
  if (demo && !config.API_TOKENS.some((entry) => entry.startsWith('planner:') || entry.startsWith('admin:'))) {
    demoToken = randomBytes(18).toString('base64url');
    config.API_TOKENS = [...config.API_TOKENS, `planner:demo:${demoToken}`];
  }
  ensureStoreDirectory(config.STORE_URL);
  const store = await openEventStore(config.STORE_URL);
  const app = await createApp(config, store);
  if (demo) {
    const started = Date.now();
    process.stdout.write('Seeding the demo operation (first run only)… ');
    const seeded = await seedDemo(app, store, {}, (tickets) => process.stdout.write(tickets % 20000 < 2000 ? `${tickets} tickets… ` : ''));
    console.log(
      seeded.seeded
        ? `\n  ${seeded.queues} queues, ${seeded.agents} agents, ${seeded.launches} launches, ${seeded.tickets} tickets, ${seeded.events} events in ${((Date.now() - started) / 1000).toFixed(1)} s`
        : 'the store already holds events; left as it is',
    );
  }
  await app.listen({ port: config.PORT, host: config.HOST });
  const url = `http://localhost:${config.PORT}`;
  console.log(`Staffcast planner API on ${url} (store: ${store.kind}${demo ? ', demo mode' : ''})`);
  console.log(`  dashboard: ${url}/`);
  console.log(`  health: ${url}/health`);
  console.log(`  API docs: ${url}/docs (OpenAPI document: ${url}/openapi.json)`);
  if (demoToken) console.log(`  planner token: ${demoToken}\n  try: curl -H "Authorization: Bearer ${demoToken}" ${url}/v1/whoami`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
