import { Controller, Get, Inject } from '@nestjs/common';
import type { EventStore } from '@staffcast/event-store';
import { Public } from '../http/auth.js';
import { EVENT_STORE } from '../tokens.js';

@Public()
@Controller()
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Liveness and the log head; needs no token. */
  @Get('health')
  async health(): Promise<{ status: 'ok'; store: string; position: string }> {
    const head = await this.store.headPosition();
    return { status: 'ok', store: this.store.kind, position: (head ?? 0n).toString() };
  }

  /** Readiness: the store answers a read. */
  @Get('ready')
  async ready(): Promise<{ status: 'ready' }> {
    await this.store.headPosition();
    return { status: 'ready' };
  }
}
