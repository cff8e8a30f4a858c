import { Inject, Module, type BeforeApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '@staffcast/event-store';
import { EVENT_STORE } from '../tokens.js';
import { ProjectionsController } from './projections.controller.js';
import { TicketProjectionRunner } from './ticket-projection.runner.js';

class RunnerLifecycle implements BeforeApplicationShutdown {
  constructor(@Inject(TicketProjectionRunner) private readonly runner: TicketProjectionRunner) {}
  /** Before the store closes (StoreLifecycle runs on onApplicationShutdown): commit what was applied. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }
}

/**
 * Projections over HTTP. The runner starts on the first read (so CLI commands that boot the app
 * context do not replay the log) and from then on follows the store's subscription.
 */
@Module({
  controllers: [ProjectionsController],
  providers: [{ provide: TicketProjectionRunner, useFactory: (store: EventStore) => new TicketProjectionRunner(store), inject: [EVENT_STORE] }, RunnerLifecycle],
  exports: [TicketProjectionRunner],
})
export class ProjectionsModule {}
