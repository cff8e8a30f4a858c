import { openEventStore } from '@staffcast/event-store';
import { describeEventStoreContract } from './event-store.contract.js';

/**
 * The shared contract against a real EventStoreDB (23.10+), e.g.
 * `ESDB_CONNECTION_STRING='esdb://localhost:2113?tls=false' npm test`. Every test works in its
 * own categories, so a shared, non-empty server is fine. jest.config.js leaves this file out when
 * the variable is unset; the same suite always runs against the gRPC double
 * (esdb-double.contract.spec.ts).
 */
const connectionString = process.env.ESDB_CONNECTION_STRING;
if (!connectionString) throw new Error('set ESDB_CONNECTION_STRING to run the real-server contract');

describeEventStoreContract('esdb (real server)', async () => {
  const store = await openEventStore(connectionString);
  return { store, cleanup: () => store.close() };
});
