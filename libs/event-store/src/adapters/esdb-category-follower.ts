import type { EventStore, RecordedEvent, Subscription } from '../event-store.port.js';

/** How long a read waits for the follower to see a write this process made, before it fails. */
const WRITE_VISIBLE_TIMEOUT_MS = 10_000;

/**
 * A read model of a few small stream categories (queues, calendars, launches, agents) for a store
 * whose reads cannot filter on the server (EventStoreDB through client 6.2): a subscription with
 * the server-side category filter keeps their events in memory, in log order, so a read is served
 * without a scan of `$all`. Reads wait until it has caught up, and until it has seen every write
 * the caller names (read-your-writes within the process); writes made through another process
 * appear within the subscription's latency.
 *
 * Memory: every event of the categories, which are small by design (tens to thousands of events).
 */
export class CategoryFollower {
  private readonly events: RecordedEvent[] = [];
  private last: bigint | undefined;
  private readonly subscription: Subscription;
  private waiters: (() => void)[] = [];

  constructor(store: EventStore, categories: readonly string[]) {
    this.subscription = store.subscribe(
      { name: `staffcast-categories-${categories.join('+')}`, fromCheckpoint: 'start', autoCheckpoint: false, filter: { streamCategories: categories } },
      {
        onEvent: (event) => {
          this.events.push(event);
          this.last = event.position;
          const waiters = this.waiters;
          this.waiters = [];
          for (const wake of waiters) wake();
        },
      },
    );
  }

  /**
   * The categories' events once the follower has caught up and has seen `written` (the position of
   * the last write to them this process made, if any).
   * @throws Error when the write is not seen within 10 s.
   */
  async read(written: bigint | undefined): Promise<RecordedEvent[]> {
    await this.subscription.caughtUp;
    const deadline = Date.now() + WRITE_VISIBLE_TIMEOUT_MS;
    while (written !== undefined && (this.last === undefined || this.last < written)) {
      if (Date.now() > deadline) throw new Error(`the category read model did not see position ${written} within ${WRITE_VISIBLE_TIMEOUT_MS} ms`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return this.events.slice();
  }

  stop(): Promise<void> {
    return this.subscription.stop();
  }
}
