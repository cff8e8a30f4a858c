import { isMultiStreamAppender, isMultiStreamReader, type AppendMultipleOptions, type AppendResult, type EventStore, type RecordedEvent, type StreamWrite } from './event-store.port.js';

/**
 * Appends to several streams: atomically where the store can (sqlite, memory). On EventStoreDB,
 * which has no cross-stream transaction, the writes go one by one after the caller has validated
 * the whole batch; a failure part-way leaves the earlier streams written, and because event ids
 * are deterministic, retrying the same batch completes it without writing anything twice.
 */
export async function appendToStreams(store: EventStore, writes: readonly StreamWrite[], options: AppendMultipleOptions = {}): Promise<AppendResult[]> {
  if (isMultiStreamAppender(store)) return store.appendMultiple(writes, options);
  const results: AppendResult[] = [];
  for (const write of writes) results.push(await store.append(write.stream, write.events, { expectedRevision: write.expectedRevision ?? 'any' }));
  return results;
}

/** Loads whole streams: in one query where the store can, else stream by stream. */
export async function readStreams(store: EventStore, streams: readonly string[]): Promise<Map<string, RecordedEvent[]>> {
  if (isMultiStreamReader(store)) return store.readStreams(streams);
  const out = new Map<string, RecordedEvent[]>();
  for (const stream of streams) {
    const events: RecordedEvent[] = [];
    for await (const event of store.readStream(stream)) events.push(event);
    out.set(stream, events);
  }
  return out;
}
