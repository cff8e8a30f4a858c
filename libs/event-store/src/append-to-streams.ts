import { isMultiStreamAppender, isMultiStreamReader, type AppendMultipleOptions, type AppendResult, type EventStore, type RecordedEvent, type StreamWrite } from './event-store.port.js';

/**
 * Appends a store without multi-stream calls (EventStoreDB) is sent at once: one wave of
 * concurrent requests, pipelined on the client's one BatchAppend call, so a batch costs a round
 * trip or two instead of one per stream.
 */
const APPENDS_PER_WAVE = 5_000;
/**
 * Reads in flight at once: each is a call of its own, and servers cap the concurrent calls of a
 * connection (EventStoreDB's HTTP/2 server: 100 streams by default).
 */
const READS_PER_WAVE = 100;

/**
 * Appends to several streams: atomically where the store can (sqlite, memory: every expected
 * revision holds and all is written, or nothing is). EventStoreDB has no cross-stream
 * transaction: the writes go in concurrent waves after the caller has validated the whole batch,
 * and a failure part-way leaves some streams written and others not, visible to readers at once.
 * Callers make that recoverable with deterministic event ids: retrying the same batch completes
 * it without writing anything twice.
 */
export async function appendToStreams(store: EventStore, writes: readonly StreamWrite[], options: AppendMultipleOptions = {}): Promise<AppendResult[]> {
  if (isMultiStreamAppender(store)) return store.appendMultiple(writes, options);
  const results: AppendResult[] = [];
  for (let i = 0; i < writes.length; i += APPENDS_PER_WAVE) {
    const wave = writes.slice(i, i + APPENDS_PER_WAVE);
    // Every write of the wave is awaited before a failure is reported, so none is left in flight.
    const settled = await Promise.allSettled(wave.map((write) => store.append(write.stream, write.events, { expectedRevision: write.expectedRevision ?? 'any' })));
    for (const outcome of settled) {
      if (outcome.status === 'rejected') throw outcome.reason;
      results.push(outcome.value);
    }
  }
  return results;
}

/**
 * Loads whole streams: in one query where the store can, else in concurrent waves of reads from
 * the leader (the histories decide writes).
 */
export async function readStreams(store: EventStore, streams: readonly string[]): Promise<Map<string, RecordedEvent[]>> {
  if (isMultiStreamReader(store)) return store.readStreams(streams);
  const out = new Map<string, RecordedEvent[]>();
  for (let i = 0; i < streams.length; i += READS_PER_WAVE) {
    const wave = streams.slice(i, i + READS_PER_WAVE);
    const histories = await Promise.all(
      wave.map(async (stream) => {
        const events: RecordedEvent[] = [];
        for await (const event of store.readStream(stream, { requiresLeader: true })) events.push(event);
        return events;
      }),
    );
    wave.forEach((stream, k) => out.set(stream, histories[k]!));
  }
  return out;
}
