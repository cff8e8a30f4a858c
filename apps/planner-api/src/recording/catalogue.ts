import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { EventStore } from '@staffcast/event-store';
import { foldEvents, type LaunchScheduledData, type QueueDefinedData } from '@staffcast/events';
import { launchDecider } from '@staffcast/launches';
import { queueDecider } from '@staffcast/tickets';
import { z } from 'zod';
import { EVENT_STORE } from '../tokens.js';
import { readCategoryStreams } from './category-streams.js';
import { toDomainEvent } from './stream-writer.service.js';

/** List reads take no parameters: an unknown one is a 400 naming it. */
export const NoListParams = z.strictObject({});

export type QueueListing = QueueDefinedData & { retired: boolean; revision: string };
export type LaunchListing = LaunchScheduledData & { cancelled: boolean; revision: string };

/** Every defined queue, retired ones flagged, sorted by id. */
export class ListQueues extends Query<{ queues: QueueListing[] }> {}

/** Every scheduled launch with its current window and uplift, cancelled ones flagged, sorted by start. */
export class ListLaunches extends Query<{ launches: LaunchListing[] }> {}

@QueryHandler(ListQueues)
export class ListQueuesHandler implements IQueryHandler<ListQueues> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(): Promise<{ queues: QueueListing[] }> {
    const queues: QueueListing[] = [];
    for (const events of (await readCategoryStreams(this.store, 'queue')).values()) {
      const state = foldEvents(queueDecider, events.map(toDomainEvent) as never[]);
      if (state.definition) queues.push({ ...state.definition, retired: state.retired !== undefined, revision: String(events.at(-1)!.revision) });
    }
    return { queues: queues.sort((a, b) => a.queueId.localeCompare(b.queueId)) };
  }
}

@QueryHandler(ListLaunches)
export class ListLaunchesHandler implements IQueryHandler<ListLaunches> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(): Promise<{ launches: LaunchListing[] }> {
    const launches: LaunchListing[] = [];
    for (const events of (await readCategoryStreams(this.store, 'launch')).values()) {
      const state = foldEvents(launchDecider, events.map(toDomainEvent) as never[]);
      if (state.current) launches.push({ ...state.current, cancelled: state.cancelled !== undefined, revision: String(events.at(-1)!.revision) });
    }
    return { launches: launches.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.launchId.localeCompare(b.launchId)) };
  }
}
