import { isMultiStreamAppender, type AppendResult, type EventStore, type StreamWrite } from './event-store.port.js';

/**
 * Appends to several streams: atomically where the store can (sqlite, memory). On EventStoreDB,
 * which has no cross-stream transaction, the writes go one by one after the caller has validated
 * the whole batch; a failure part-way leaves the earlier streams written, and because event ids
 * are deterministic, retrying the same batch completes it without writing anything twice.
 */
export async function appendToStreams(store: EventStore, writes: readonly StreamWrite[]): Promise<AppendResult[]> {
  if (isMultiStreamAppender(store)) return store.appendMultiple(writes);
  const results: AppendResult[] = [];
  for (const write of writes) results.push(await store.append(write.stream, write.events, { expectedRevision: write.expectedRevision ?? 'any' }));
  return results;
}
