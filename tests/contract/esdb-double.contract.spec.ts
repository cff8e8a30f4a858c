import { openEventStore } from '@staffcast/event-store';
import { EsdbTestDouble } from '../support/esdb-test-double.js';
import { describeEventStoreContract } from './event-store.contract.js';

// One double for the file: every contract test works in its own categories, as on a shared server.
let double: EsdbTestDouble;
beforeAll(async () => {
  double = await EsdbTestDouble.start();
});
afterAll(async () => {
  await double.stop();
});

describeEventStoreContract('esdb (gRPC test double)', async () => {
  const store = await openEventStore(double.connectionString);
  return { store, cleanup: () => store.close() };
});
