export * from './event-store.port.js';
export * from './errors.js';
export { canonicalJson } from './canonical-json.js';
export { matchesFilter, streamMatchesCategory, isSystemStream } from './streams.js';
export { startCatchUpSubscription, type CatchUpSource, type CatchUpTuning } from './catch-up-subscription.js';
export { MemoryEventStore } from './adapters/memory-event-store.js';
export { openEventStore, parseStoreUrl, type StoreLocation } from './open-event-store.js';
export { uuidv7, deterministicEventId, uuidFromName } from './event-ids.js';
export { appendToStreams, readStreams } from './append-to-streams.js';
