import type { EventEmitter } from 'node:events';
import type {
  CheckpointStore,
  EventFilter,
  RecordedEvent,
  ReadAllOptions,
  SubscribeOptions,
  Subscription,
  SubscriptionHandler,
} from './event-store.port.js';

/** What a store must offer for the generic catch-up subscription to run on it. */
export interface CatchUpSource extends CheckpointStore {
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  headPosition(): Promise<bigint | undefined>;
  /**
   * Resolves when the head may have moved past `head`, or after `timeoutMs` (so that writers in
   * other processes are seen too), or when `signal` aborts.
   */
  waitForAppend(head: bigint | undefined, timeoutMs: number, signal: AbortSignal): Promise<void>;
}

export interface CatchUpTuning {
  pageSize?: number;
  pollMs?: number;
  maxBackoffMs?: number;
}

/**
 * A catch-up subscription over `readAll`: reads pages after the checkpoint, signals caught-up at
 * the head, then waits for appends. On any error it reports it, backs off and resumes from the
 * stored checkpoint (or the last handled position when checkpoints are not stored), so delivery
 * is at-least-once and in log order.
 */
export function startCatchUpSubscription(
  source: CatchUpSource,
  options: SubscribeOptions,
  handler: SubscriptionHandler,
  tuning: CatchUpTuning = {},
): Subscription {
  const pageSize = tuning.pageSize ?? 500;
  const pollMs = tuning.pollMs ?? 250;
  const maxBackoffMs = tuning.maxBackoffMs ?? 5000;
  const autoCheckpoint = options.autoCheckpoint ?? true;
  const filter: EventFilter | undefined = options.filter;
  const abort = new AbortController();
  let lastPosition: bigint | undefined;
  let resolveCaughtUp!: () => void;
  const caughtUp = new Promise<void>((resolve) => (resolveCaughtUp = resolve));

  const resumePosition = async (initial: boolean): Promise<bigint | undefined> => {
    const start = options.fromCheckpoint ?? 'stored';
    const stored = await source.loadCheckpoint(options.name);
    if (!initial) return stored ?? lastPosition ?? (typeof start === 'bigint' ? start : undefined);
    if (start === 'start') return undefined;
    if (start === 'stored') return stored;
    return start;
  };

  const run = async (): Promise<void> => {
    let backoff = 50;
    let initial = true;
    while (!abort.signal.aborted) {
      try {
        let position = await resumePosition(initial);
        initial = false;
        while (!abort.signal.aborted) {
          const head = await source.headPosition();
          let count = 0;
          for await (const event of source.readAll({ fromPosition: position, maxCount: pageSize, filter })) {
            if (abort.signal.aborted) return;
            await handler.onEvent(event);
            position = event.position;
            lastPosition = position;
            if (autoCheckpoint) await source.saveCheckpoint(options.name, position);
            count++;
          }
          backoff = 50;
          if (count === pageSize) continue;
          handler.onCaughtUp?.(position);
          resolveCaughtUp();
          await source.waitForAppend(head, pollMs, abort.signal);
        }
      } catch (error) {
        if (abort.signal.aborted) return;
        handler.onError?.(error);
        await sleep(backoff, abort.signal);
        backoff = Math.min(backoff * 2, maxBackoffMs);
      }
    }
  };

  const done = run();
  return {
    name: options.name,
    caughtUp,
    get lastPosition() {
      return lastPosition;
    },
    async stop() {
      abort.abort();
      await done;
    },
  };
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Resolves on the next `append` emitted by `emitter`, after `timeoutMs`, or on abort; at once
 * when the head has already moved. The timeout also catches writers in other processes.
 */
export function waitForAppendSignal(emitter: EventEmitter, headMoved: boolean, timeoutMs: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (headMoved || signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      emitter.off('append', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    emitter.once('append', done);
    signal.addEventListener('abort', done, { once: true });
  });
}
