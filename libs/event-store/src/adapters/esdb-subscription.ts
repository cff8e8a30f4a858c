import type { AllStreamResolvedEvent, AllStreamSubscription, Position, StreamingRead } from '@eventstore/db-client';
import { sleep } from '../catch-up-subscription.js';
import type { EventFilter, SubscribeOptions, Subscription, SubscriptionHandler } from '../event-store.port.js';
import { decode } from './esdb-codec.js';

/** What a subscription needs of the adapter. */
export interface SubscriptionSource {
  loadCheckpoint(name: string): Promise<bigint | undefined>;
  saveCheckpoint(name: string, position: bigint): Promise<void>;
  headPosition(): Promise<bigint | undefined>;
  subscribeToAll(from: bigint | undefined, filter: EventFilter | undefined, checkpointReached: (position: Position) => void): AllStreamSubscription;
  visible(stream: string, type: string, filter: EventFilter | undefined): boolean;
  readonly backoff: { min: number; max: number };
}

/**
 * A native `$all` subscription with the server-side filter. After an error, a drop (the client
 * only emits `error`) or a server that ends the call, it resubscribes from the stored checkpoint
 * (or from the last handled event when checkpoints are not stored), with exponential backoff.
 */
export class EsdbSubscription implements Subscription {
  readonly name: string;
  readonly caughtUp: Promise<void>;
  readonly done: Promise<void>;
  private resolveCaughtUp!: () => void;
  private readonly abort = new AbortController();
  private current: AllStreamSubscription | undefined;
  private last: bigint | undefined;
  private backoffMs: number;

  constructor(
    private readonly store: SubscriptionSource,
    private readonly options: SubscribeOptions,
    private readonly handler: SubscriptionHandler,
  ) {
    this.name = options.name;
    this.caughtUp = new Promise<void>((resolve) => (this.resolveCaughtUp = resolve));
    this.backoffMs = store.backoff.min;
    this.done = this.run();
  }

  get lastPosition(): bigint | undefined {
    return this.last;
  }

  async stop(): Promise<void> {
    this.abort.abort();
    // Cancelling the call ends the consuming loop; the stream is drained there, not destroyed.
    await this.current?.unsubscribe().catch(() => undefined);
    await this.done;
  }

  private async run(): Promise<void> {
    let initial = true;
    while (!this.abort.signal.aborted) {
      try {
        const from = await this.resumePosition(initial);
        initial = false;
        await this.consume(from);
      } catch (error) {
        if (this.abort.signal.aborted) return;
        this.handler.onError?.(error);
        await sleep(this.backoffMs, this.abort.signal);
        this.backoffMs = Math.min(this.backoffMs * 2, this.store.backoff.max);
      }
    }
  }

  private async resumePosition(initial: boolean): Promise<bigint | undefined> {
    const start = this.options.fromCheckpoint ?? 'stored';
    const stored = await this.store.loadCheckpoint(this.options.name);
    if (!initial) return stored ?? this.last ?? (typeof start === 'bigint' ? start : undefined);
    if (start === 'start') return undefined;
    if (start === 'stored') return stored;
    return start;
  }

  /** One subscription call; resolves only when stopped, throws on error or when the server ends it. */
  private async consume(from: bigint | undefined): Promise<void> {
    const autoCheckpoint = this.options.autoCheckpoint ?? true;
    // Servers before 23.10 send no caught-up message. There the subscription has caught up once
    // it has passed the head as it was before subscribing (an event or a server checkpoint at or
    // after it), or at once when there was nothing to catch up.
    const head = await this.store.headPosition();
    if (this.abort.signal.aborted) return;
    let consumed = 0;
    let completed = 0;
    let signalledSinceEvent = false;
    let passedHead = false;
    const targets: number[] = [];
    const sub = this.store.subscribeToAll(from, this.options.filter, (position) => {
      if (head !== undefined && position.commit >= head) passHead();
    });
    this.current = sub;
    // The client emits caughtUp (and calls checkpointReached) when the message arrives, possibly
    // before the events ahead of it in its buffer are handled: the signal waits for those.
    const reachedEnd = () => {
      targets.push(consumed + sub.readableLength);
      fireReached();
    };
    const passHead = () => {
      if (passedHead) return;
      passedHead = true;
      reachedEnd();
    };
    const fireReached = () => {
      while (targets.length > 0 && completed >= targets[0]!) {
        targets.shift();
        if (signalledSinceEvent) continue;
        signalledSinceEvent = true;
        this.handler.onCaughtUp?.(this.last);
        this.resolveCaughtUp();
      }
    };
    sub.on('caughtUp', reachedEnd);
    sub.on('confirmation', () => {
      if (head === undefined || (from !== undefined && from >= head)) passHead();
    });
    try {
      for await (const resolved of sub.iterator({ destroyOnReturn: false }) as AsyncIterable<AllStreamResolvedEvent>) {
        if (this.abort.signal.aborted) return;
        consumed++;
        const event = resolved.event;
        if (event?.position) {
          const position = event.position.commit;
          const fresh = from === undefined || position > from;
          if (fresh && this.store.visible(event.streamId, event.type, this.options.filter)) {
            const recorded = decode(event);
            await this.handler.onEvent(recorded);
            this.last = recorded.position;
            if (autoCheckpoint) await this.store.saveCheckpoint(this.options.name, recorded.position);
            this.backoffMs = this.store.backoff.min;
            signalledSinceEvent = false;
          }
          if (head !== undefined && position >= head && !passedHead) {
            passedHead = true;
            targets.push(consumed);
          }
        }
        completed++;
        fireReached();
        if (this.abort.signal.aborted) return;
      }
    } finally {
      this.current = undefined;
      sub.removeAllListeners('caughtUp');
      sub.removeAllListeners('confirmation');
      // As in untilDone: cancel, then drain what was already received so the call finishes.
      await sub.unsubscribe().catch(() => undefined);
      sub.resume();
    }
    if (!this.abort.signal.aborted) throw new Error(`subscription ${this.name}: EventStoreDB ended the subscription`);
  }
}

/**
 * Iterates a client read. Leaving early cancels the call and drains what the server already sent:
 * a call that has already ended holds its unread messages, never finishes, and makes the
 * client's dispose() wait forever.
 */
export async function* untilDone<T>(read: StreamingRead<T>): AsyncGenerator<T> {
  let done = false;
  try {
    for await (const item of read.iterator({ destroyOnReturn: false })) yield item as T;
    done = true;
  } finally {
    if (!done) {
      await read.cancel();
      read.resume();
    }
  }
}
