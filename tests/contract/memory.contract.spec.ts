import { MemoryEventStore } from '@staffcast/event-store';
import { describeEventStoreContract } from './event-store.contract.js';

describeEventStoreContract('memory', async () => {
  const store = new MemoryEventStore();
  return { store, cleanup: () => store.close() };
});
