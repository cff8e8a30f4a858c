import { MemoryEventStore } from '@staffcast/event-store';
import { describeEventStoreContract, describeMultiStreamContract } from './event-store.contract.js';

async function openMemory() {
  const store = new MemoryEventStore();
  return { store, cleanup: () => store.close() };
}

describeEventStoreContract('memory', openMemory);
describeMultiStreamContract('memory', openMemory);
