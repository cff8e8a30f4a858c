import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEventStore } from '@staffcast/event-store';
import { describeEventStoreContract, describeMultiStreamContract } from './event-store.contract.js';

async function openSqlite() {
  const dir = mkdtempSync(join(tmpdir(), 'staffcast-contract-'));
  const store = await openEventStore(`sqlite:${join(dir, 'events.db')}`);
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describeEventStoreContract('sqlite', openSqlite);
describeMultiStreamContract('sqlite', openSqlite);
