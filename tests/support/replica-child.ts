/**
 * Child process for the two-replica test: one API replica on the store argv[2] (an EventStoreDB
 * connection string), with the token argv[3]; sends its base URL, and closes when disconnected.
 */
import 'reflect-metadata';
import { loadConfig } from '@staffcast/config';
import { openEventStore } from '@staffcast/event-store';
import { createApp } from '../../apps/planner-api/src/bootstrap.js';

const config = loadConfig({ STORE_URL: process.argv[2]!, LOG_LEVEL: process.env.REPLICA_LOG_LEVEL ?? 'silent', API_TOKENS: `planner:replica:${process.argv[3]!}` });
const store = await openEventStore(config.STORE_URL);
const app = await createApp(config, store);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.getHttpServer().address() as { port: number };
process.send?.(`http://127.0.0.1:${address.port}`);
process.on('disconnect', () => {
  void app.close().then(() => process.exit(0));
});
