import type { EventStore, RecordedEvent } from '@staffcast/event-store';

/**
 * Every stream of one small category (queues, launches, scenarios, local-team plans) with its
 * events in log order, read through the store's category filter so ticket streams are never folded.
 * O(events in the category).
 */
export async function readCategoryStreams(store: EventStore, category: string): Promise<Map<string, RecordedEvent[]>> {
  const streams = new Map<string, RecordedEvent[]>();
  for await (const recorded of store.readAll({ filter: { streamCategories: [category] } })) {
    const list = streams.get(recorded.stream);
    if (list) list.push(recorded);
    else streams.set(recorded.stream, [recorded]);
  }
  return streams;
}
