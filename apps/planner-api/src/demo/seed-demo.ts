import type { INestApplicationContext } from '@nestjs/common';
import type { EventStore } from '@staffcast/event-store';
import { agentDecider } from '@staffcast/roster';
import { calendarDecider, launchDecider } from '@staffcast/launches';
import { queueDecider } from '@staffcast/tickets';
import { agentStream, calendarStream, launchStream, queueStream } from '@staffcast/events';
import { StreamWriter } from '../recording/stream-writer.service.js';
import { TicketIngest, type IngestUnit } from '../recording/ticket-ingest.service.js';
import { demoOperation, type DemoOptions } from '@staffcast/demo';

export interface SeedReport {
  seeded: boolean;
  queues: number;
  agents: number;
  launches: number;
  tickets: number;
  events: number;
}

/**
 * Fills an empty store with the demo operation through the same command handlers the API
 * uses, so every invariant holds. A store that already has events is left alone.
 */
export async function seedDemo(app: INestApplicationContext, store: EventStore, options: DemoOptions = {}, onProgress?: (tickets: number) => void): Promise<SeedReport> {
  const report: SeedReport = { seeded: false, queues: 0, agents: 0, launches: 0, tickets: 0, events: 0 };
  if ((await store.headPosition()) !== undefined) return report;
  const writer = app.get(StreamWriter);
  const ingest = app.get(TicketIngest);
  const ctx = { actor: 'demo', correlationId: 'demo-seed' };
  const op = demoOperation(options);

  for (const data of op.queues) {
    report.events += (await writer.execute({ stream: queueStream(data.queueId), decider: queueDecider, command: { type: 'DefineQueue', data }, ctx })).written;
    report.queues++;
  }
  for (const data of op.holidays) {
    report.events += (await writer.execute({ stream: calendarStream(data.market), decider: calendarDecider, command: { type: 'DeclareHoliday', data }, ctx })).written;
  }
  for (const data of op.launches) {
    report.events += (await writer.execute({ stream: launchStream(data.launchId), decider: launchDecider, command: { type: 'ScheduleLaunch', data }, ctx })).written;
    report.launches++;
  }
  for (const agent of op.agents) {
    for (const command of agent.commands) {
      report.events += (await writer.execute({ stream: agentStream(agent.agentId), decider: agentDecider, command, ctx })).written;
    }
    report.agents++;
  }
  let units: IngestUnit[] = [];
  const flush = async () => {
    const result = await ingest.ingest(units, ctx, 'all-or-nothing');
    report.events += result.eventsWritten;
    units = [];
    onProgress?.(report.tickets);
  };
  for (const commands of op.tickets()) {
    units.push({ ref: report.tickets++, commands });
    if (units.length >= 2000) await flush();
  }
  if (units.length > 0) await flush();
  report.seeded = true;
  return report;
}
