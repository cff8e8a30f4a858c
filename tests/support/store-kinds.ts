import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryEventStore, openEventStore, type EventStore } from '@staffcast/event-store';
import { EsdbTestDouble } from './esdb-test-double.js';

export interface OpenedStore {
  store: EventStore;
  cleanup(): Promise<void>;
}

/** One of each store the API runs on: memory, a sqlite file, and EventStoreDB (the gRPC double). */
export const STORE_KINDS: { name: string; open(): Promise<OpenedStore> }[] = [
  {
    name: 'memory',
    open: async () => {
      const store = new MemoryEventStore();
      return { store, cleanup: () => store.close() };
    },
  },
  {
    name: 'sqlite',
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'staffcast-kinds-'));
      const store = await openEventStore(`sqlite:${join(dir, 'events.db')}`);
      return {
        store,
        cleanup: async () => {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'esdb (gRPC double)',
    open: async () => {
      const double = await EsdbTestDouble.start();
      const store = await openEventStore(double.connectionString);
      return {
        store,
        cleanup: async () => {
          await store.close();
          await double.stop();
        },
      };
    },
  },
];
