import { Module } from '@nestjs/common';
import { AgentsController } from './agents.controller.js';
import { ListLaunchesHandler, ListQueuesHandler } from './catalogue.js';
import { TicketCsvImport } from './csv-import.service.js';
import { ImportsController } from './imports.controller.js';
import { CalendarsController, LaunchesController } from './launches.controller.js';
import { QueuesController } from './queues.controller.js';
import { StreamWriter } from './stream-writer.service.js';
import { TicketIngest } from './ticket-ingest.service.js';
import { TicketsController } from './tickets.controller.js';

/** Recording: queues, tickets (one, batch, CSV), launches, holidays, agents. Thin handlers over the deciders. */
@Module({
  controllers: [QueuesController, TicketsController, LaunchesController, CalendarsController, AgentsController, ImportsController],
  providers: [StreamWriter, TicketIngest, TicketCsvImport, ListQueuesHandler, ListLaunchesHandler],
  exports: [StreamWriter, TicketIngest, TicketCsvImport],
})
export class RecordingModule {}
