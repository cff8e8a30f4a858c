import { isCategoryReader, isEventScanner, type EventStore, type RecordedEvent, type ScanRow } from './event-store.port.js';

/**
 * Every event of a few small stream categories, in log order: through the store's stream index
 * where it has one, else a filtered read of the log (EventStoreDB; a read model should hold
 * these facts there instead of calling this per request).
 */
export async function readCategories(store: EventStore, categories: readonly string[]): Promise<RecordedEvent[]> {
  if (isCategoryReader(store)) return store.readCategories(categories);
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll({ filter: { streamCategories: categories } })) events.push(event);
  return events;
}

/**
 * Pages of projection rows of `types` with positions in (after, bound]: the store's bulk path
 * where it has one, else envelopes from a type-filtered `$all` read turned into rows.
 */
export async function* scanEvents(store: EventStore, types: readonly string[], after: bigint | undefined, bound: bigint, limit: number, withRecordedAt: boolean): AsyncIterable<ScanRow[]> {
  if (isEventScanner(store)) {
    yield* store.scanPages(types, after ?? 0n, bound, limit, withRecordedAt);
    return;
  }
  const index = new Map(types.map((type, i) => [type, i]));
  let page: ScanRow[] = [];
  for await (const event of store.readAll({ fromPosition: after, filter: { eventTypes: types } })) {
    if (event.position > bound) break;
    const row: ScanRow = [Number(event.position), index.get(event.type)!, event.data, event.metadata.schemaVersion];
    if (withRecordedAt) row.push(event.metadata.recordedAt);
    page.push(row);
    if (page.length >= limit) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
}
