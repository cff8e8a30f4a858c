import { Inject, Injectable } from '@nestjs/common';
import { readCategories, type EventStore } from '@staffcast/event-store';
import { foldEvents, type DomainEvent, type LaunchScheduledData, type QueueDefinedData } from '@staffcast/events';
import { calendarDecider, launchDecider } from '@staffcast/launches';
import { inLogAsOf, type AsOf } from '@staffcast/projections';
import { queueDecider } from '@staffcast/tickets';
import { toDomainEvent } from '../recording/stream-writer.service.js';
import { EVENT_STORE } from '../tokens.js';

/** What a forecast or plan needs besides ticket history, as the log stood at `asOf`. */
export interface PlanningFacts {
  queues: Map<string, QueueDefinedData>;
  /** Holiday dates (YYYY-MM-DD) by market. */
  holidays: Map<string, string[]>;
  /** Launches not cancelled, as currently scheduled. */
  launches: LaunchScheduledData[];
}

/**
 * Reads queue definitions, market calendars and launches from their streams, folded with the same
 * deciders that recorded them, keeping only events in the log at `asOf`. These streams are small
 * (one per queue, market and launch), so a filtered scan of the log per request is cheap.
 */
@Injectable()
export class PlanningFactsReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load(asOf: AsOf | undefined): Promise<PlanningFacts> {
    const byStream = new Map<string, DomainEvent[]>();
    for (const recorded of await readCategories(this.store, ['queue', 'calendar', 'launch'])) {
      if (asOf && !inLogAsOf(recorded, asOf)) {
        if (asOf.kind === 'position') break;
        continue;
      }
      const list = byStream.get(recorded.stream) ?? [];
      list.push(toDomainEvent(recorded));
      byStream.set(recorded.stream, list);
    }
    const facts: PlanningFacts = { queues: new Map(), holidays: new Map(), launches: [] };
    for (const [stream, events] of byStream) {
      if (stream.startsWith('queue-')) {
        const state = foldEvents(queueDecider, events as never[]);
        if (state.definition && !state.retired) facts.queues.set(state.definition.queueId, state.definition);
      } else if (stream.startsWith('calendar-')) {
        const state = foldEvents(calendarDecider, events as never[]);
        if (state.market) facts.holidays.set(state.market, Object.keys(state.holidays).sort());
      } else if (stream.startsWith('launch-')) {
        const state = foldEvents(launchDecider, events as never[]);
        if (state.current && !state.cancelled) facts.launches.push(state.current);
      }
    }
    return facts;
  }

  /** Each agent's pay terms from its hire record, as the log stood at `asOf`. */
  async agentTerms(asOf: AsOf | undefined): Promise<Map<string, { hourlyCost: { amount: number; currency: string }; contractedHoursPerWeek: number }>> {
    const terms = new Map<string, { hourlyCost: { amount: number; currency: string }; contractedHoursPerWeek: number }>();
    for (const recorded of await readCategories(this.store, ['agent'])) {
      if (recorded.type !== 'AgentHired') continue;
      if (asOf && !inLogAsOf(recorded, asOf)) {
        if (asOf.kind === 'position') break;
        continue;
      }
      const hired = toDomainEvent(recorded);
      if (hired.type === 'AgentHired' && !terms.has(hired.data.agentId)) terms.set(hired.data.agentId, { hourlyCost: hired.data.hourlyCost, contractedHoursPerWeek: hired.data.contractedHoursPerWeek });
    }
    return terms;
  }
}
