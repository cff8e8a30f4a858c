import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MemoryEventStore } from './adapters/memory-event-store.js';
import type { EventStore } from './event-store.port.js';

export type StoreLocation =
  | { kind: 'memory' }
  | { kind: 'sqlite'; path: string }
  | { kind: 'esdb'; connectionString: string };

/** `memory:`, `sqlite:<path>` or `esdb://…` / `esdb+discover://…`. */
export function parseStoreUrl(url: string): StoreLocation {
  if (url === 'memory:' || url === 'memory') return { kind: 'memory' };
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (!path) throw new Error('STORE_URL sqlite: needs a file path, e.g. sqlite:./var/staffcast.db');
    return { kind: 'sqlite', path };
  }
  if (url.startsWith('esdb://') || url.startsWith('esdb+discover://')) return { kind: 'esdb', connectionString: url };
  throw new Error(`STORE_URL must start with memory:, sqlite: or esdb://, got ${JSON.stringify(url)}`);
}

export async function openEventStore(url: string, clock: () => Date = () => new Date()): Promise<EventStore> {
  const location = parseStoreUrl(url);
  switch (location.kind) {
    case 'memory':
      return new MemoryEventStore(clock);
    case 'sqlite': {
      const { SqliteEventStore } = await import('./adapters/sqlite-event-store.js');
      return SqliteEventStore.open(location.path, { clock });
    }
    case 'esdb': {
      const { EsdbEventStore } = await import('./adapters/esdb-event-store.js');
      return EsdbEventStore.connect(location.connectionString, { clock });
    }
  }
}

/** Creates the directory a file store lives in, so a first start needs no setup; other stores need none. */
export function ensureStoreDirectory(url: string): void {
  const location = parseStoreUrl(url);
  if (location.kind === 'sqlite') mkdirSync(dirname(location.path), { recursive: true });
}
