import type { z } from 'zod';
import { EVENT_CATALOGUE, isEventType, type EventType } from './catalogue.js';
import { UNDETERMINED_LANGUAGE } from './primitives.js';
import { TicketCreatedV1Data } from './ticket-events.js';

/**
 * Upcasters read an old shape of an event as the next version: the log is never rewritten, and
 * every reader sees only the current shape. Each upcaster raises one version; a registry chains them.
 */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  /** Schema of the old shape, checked before upcasting so that errors name the stored fields. */
  readonly fromSchema?: z.ZodType;
  upcast(data: unknown): unknown;
}

/**
 * TicketCreated v1 → v2. v1 had no `language`: exports before language routing did not carry it.
 * It is read as `und` (BCP 47 "undetermined") rather than guessed, so those tickets route only to
 * queues whose routing accepts any language.
 */
export const ticketCreatedV1ToV2: Upcaster = {
  type: 'TicketCreated',
  fromVersion: 1,
  fromSchema: TicketCreatedV1Data,
  upcast: (data) => ({ ...(data as Record<string, unknown>), language: UNDETERMINED_LANGUAGE }),
};

export const DEFAULT_UPCASTERS: readonly Upcaster[] = [ticketCreatedV1ToV2];

export class UpcasterRegistry {
  private readonly byKey = new Map<string, Upcaster>();

  /** `currentVersion(type)` gives the version upcasting stops at; by default the catalogue's. */
  constructor(
    upcasters: readonly Upcaster[] = DEFAULT_UPCASTERS,
    readonly currentVersion: (type: string) => number | undefined = (type) => (isEventType(type) ? EVENT_CATALOGUE[type as EventType].schemaVersion : undefined),
  ) {
    for (const u of upcasters) {
      const current = this.currentVersion(u.type);
      if (current === undefined) throw new Error(`upcaster for unknown event type ${u.type}`);
      if (!Number.isInteger(u.fromVersion) || u.fromVersion < 1 || u.fromVersion >= current) {
        throw new Error(`upcaster ${u.type} v${u.fromVersion}: must start below the current version ${current}`);
      }
      const key = `${u.type}@${u.fromVersion}`;
      if (this.byKey.has(key)) throw new Error(`two upcasters for ${u.type} v${u.fromVersion}`);
      this.byKey.set(key, u);
    }
  }

  /** The upcaster raising `type` from `version` to `version + 1`, if registered. */
  find(type: string, version: number): Upcaster | undefined {
    return this.byKey.get(`${type}@${version}`);
  }
}

export const defaultUpcasters = new UpcasterRegistry();
