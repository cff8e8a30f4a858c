import { Inject, Injectable } from '@nestjs/common';
import { deterministicEventId, uuidFromName, type EventStore, type ExpectedRevision } from '@staffcast/event-store';
import { foldEvents, scenarioStream } from '@staffcast/events';
import { SCENARIO_SCHEMA_VERSIONS, parseScenarioEvent, scenarioDecider, type ScenarioEvent, type ScenarioState } from '@staffcast/scenarios';
import type { RequestContext } from '../http/request-context.js';
import { readCategoryStreams } from '../recording/category-streams.js';
import { EVENT_STORE } from '../tokens.js';

/** Reads and writes `scenario-<id>` streams, and only those: a scenario never writes into baseline streams. */
@Injectable()
export class ScenarioRepository {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The scenario folded from its stream, with the stream revision to append at ('no_stream' when there is none). */
  async load(scenarioId: string): Promise<{ state: ScenarioState; expectedRevision: ExpectedRevision }> {
    const events: ScenarioEvent[] = [];
    let revision: bigint | undefined;
    for await (const e of this.store.readStream(scenarioStream(scenarioId))) {
      events.push(parseScenarioEvent(e.type, e.data, e.metadata.schemaVersion));
      revision = e.revision;
    }
    return { state: foldEvents(scenarioDecider, events), expectedRevision: revision ?? 'no_stream' };
  }

  /**
   * Appends decided events at the expected revision (a concurrent writer makes it a 409). Ids derive
   * from the stream and the revision each event lands at.
   */
  async append(scenarioId: string, events: readonly ScenarioEvent[], expectedRevision: ExpectedRevision, ctx: RequestContext): Promise<void> {
    if (events.length === 0) return;
    const stream = scenarioStream(scenarioId);
    const first = typeof expectedRevision === 'bigint' ? expectedRevision + 1n : 0n;
    await this.store.append(
      stream,
      events.map((event, i) => ({
        id: uuidFromName(deterministicEventId(stream, `${event.type}/${first + BigInt(i)}`)),
        type: event.type,
        data: event.data,
        metadata: { actor: ctx.actor, correlationId: ctx.correlationId, schemaVersion: SCENARIO_SCHEMA_VERSIONS[event.type] },
      })),
      { expectedRevision },
    );
  }

  /** Every scenario folded from its stream, in log order of creation. */
  async loadAll(): Promise<ScenarioState[]> {
    const states: ScenarioState[] = [];
    for (const events of (await readCategoryStreams(this.store, 'scenario')).values()) {
      states.push(foldEvents(scenarioDecider, events.map((e) => parseScenarioEvent(e.type, e.data, e.metadata.schemaVersion))));
    }
    return states;
  }

  /** The log's head position now: the baseline a run started now evaluates. */
  async headPosition(): Promise<bigint> {
    return (await this.store.headPosition()) ?? 0n;
  }
}
