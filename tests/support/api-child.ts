/**
 * Child process for the crash tests: the real API over the sqlite store named in argv[2], with the
 * tokens of argv[3], on a loopback port it reports over IPC as `{ port }`. It runs until killed.
 */
import type { AddressInfo } from 'node:net';
import { loadConfig } from '@staffcast/config';
import { openEventStore } from '@staffcast/event-store';
import { createApp } from '../../apps/planner-api/src/bootstrap.js';

const config = loadConfig({ STORE_URL: `sqlite:${process.argv[2]}`, LOG_LEVEL: 'silent', API_TOKENS: process.argv[3] ?? '' });
const store = await openEventStore(config.STORE_URL);
const app = await createApp(config, store);
await app.listen({ port: 0, host: '127.0.0.1' });
process.send?.({ port: (app.getHttpServer().address() as AddressInfo).port });
