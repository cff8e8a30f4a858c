import type { z } from 'zod';
import { EVENT_CATALOGUE, isEventType, type DomainEvent } from './catalogue.js';
import { defaultUpcasters, type UpcasterRegistry } from './upcasters.js';

export interface EventIssue {
  /** Path inside the event's data, e.g. `['routing', 'markets', 0]`; `[]` for the data itself. */
  path: (string | number)[];
  message: string;
}

/** A stored or submitted event that is not a valid event of the catalogue. */
export class EventParseError extends Error {
  override readonly name = 'EventParseError';
  constructor(
    readonly eventType: string,
    readonly schemaVersion: number,
    readonly issues: EventIssue[],
  ) {
    super(`${eventType.slice(0, 80)} v${schemaVersion}: ${issues.map((i) => `${i.path.join('.') || '(data)'}: ${i.message}`).join('; ')}`);
  }
}

export type ParseEventResult = { success: true; event: DomainEvent; upcastFrom?: number } | { success: false; error: EventParseError };

function issuesOf(error: z.ZodError): EventIssue[] {
  return error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message }));
}

/**
 * Validates an event's data and upgrades it to the current version: the old shape is checked
 * against its own schema where one is registered, each upcaster raises it one version, and the
 * result is checked against the current schema. `schemaVersion` defaults to the current one.
 * Never throws; see {@link parseEvent}.
 */
export function safeParseEvent(type: string, data: unknown, schemaVersion?: number, registry: UpcasterRegistry = defaultUpcasters): ParseEventResult {
  const fail = (version: number, issues: EventIssue[]): ParseEventResult => ({ success: false, error: new EventParseError(type, version, issues) });
  if (!isEventType(type)) return fail(schemaVersion ?? 0, [{ path: [], message: `unknown event type "${type.slice(0, 80)}"` }]);
  const entry = EVENT_CATALOGUE[type];
  const current = registry.currentVersion(type) ?? entry.schemaVersion;
  const from = schemaVersion ?? current;
  if (!Number.isInteger(from) || from < 1 || from > current) {
    return fail(from, [{ path: [], message: `schema version ${from} is not between 1 and the current version ${current}` }]);
  }
  let value = data;
  for (let version = from; version < current; version++) {
    const upcaster = registry.find(type, version);
    if (!upcaster) return fail(from, [{ path: [], message: `no upcaster from version ${version} of ${type}` }]);
    if (upcaster.fromSchema) {
      const old = upcaster.fromSchema.safeParse(value);
      if (!old.success) return fail(version, issuesOf(old.error));
      value = old.data;
    }
    value = upcaster.upcast(value);
  }
  const parsed = entry.data.safeParse(value);
  if (!parsed.success) return fail(from, issuesOf(parsed.error));
  const event = { type, data: parsed.data } as DomainEvent;
  return from === current ? { success: true, event } : { success: true, event, upcastFrom: from };
}

/**
 * `parseEvent(recorded.type, recorded.data, recorded.metadata.schemaVersion)`: the event in its
 * current shape, or an {@link EventParseError} listing every bad field.
 */
export function parseEvent(type: string, data: unknown, schemaVersion?: number, registry?: UpcasterRegistry): DomainEvent {
  const result = safeParseEvent(type, data, schemaVersion, registry);
  if (!result.success) throw result.error;
  return result.event;
}
