import { EscalationTarget, EVENT_CATALOGUE, UNDETERMINED_LANGUAGE, instantMs, safeParseEvent, type Channel, type RoutingMatch } from '@staffcast/events';
import { Column } from './column.js';
import type { QueueInfo, RoutingKey } from './routing.js';

/** The fields of a logged event a projection reads (a subset of the store's RecordedEvent). */
export interface ProjectedEvent {
  type: string;
  data: unknown;
  position: bigint;
  metadata: { schemaVersion: number };
}

export const ESCALATION_TARGETS = EscalationTarget.options;

/**
 * The ticket read model: the queue definitions plus compact, append-only facts per ticket. Facts
 * are kept per ticket (interned routing key, instants in ms) and aggregated per queue at read time
 * (see queries.ts), which is why a routing change re-routes the whole history exactly: routing is
 * applied when reading, with the queue definitions as they stand in the model.
 *
 * Why this and not per-queue counters: counters would have to be re-aggregated from facts on every
 * QueueRoutingChanged anyway, and medians/p90 need the individual resolution times; a columnar fact
 * table costs ~8 bytes per value and a read is one linear scan.
 *
 * `evolve` MUTATES the model in place (for speed; a fold over millions of events must not copy).
 * It is deterministic: the same events in the same log order give the same model. It ignores an
 * event at or before `position` (so at-least-once delivery is harmless) and facts about a ticket
 * it has not seen created (cannot happen through the ticket decider, but an `asOf` time bound on
 * recordedAt could cut a creation off in a hand-written log).
 */
export interface TicketModel {
  /** Position of the last applied event, or undefined before any. */
  position: bigint | undefined;
  queues: Map<string, QueueInfo>;
  keys: RoutingKey[];
  keyIndex: Map<string, number>;
  ticketIds: string[];
  ticketIndex: Map<string, number>;
  tickets: { key: Column; createdMs: Column };
  firstResponses: { ticket: Column; atMs: Column };
  resolutions: { ticket: Column; atMs: Column; handleSeconds: Column };
  escalations: { ticket: Column; atMs: Column; target: Column };
  reopens: { ticket: Column; atMs: Column };
  ratings: { ticket: Column; atMs: Column; score: Column };
  /** Bumped on every queue change, so readers can cache per-ticket routing. */
  queueVersion: number;
}

export function createTicketModel(): TicketModel {
  return {
    position: undefined,
    queues: new Map(),
    keys: [],
    keyIndex: new Map(),
    ticketIds: [],
    ticketIndex: new Map(),
    tickets: { key: new Column(), createdMs: new Column() },
    firstResponses: { ticket: new Column(), atMs: new Column() },
    resolutions: { ticket: new Column(), atMs: new Column(), handleSeconds: new Column() },
    escalations: { ticket: new Column(), atMs: new Column(), target: new Column() },
    reopens: { ticket: new Column(), atMs: new Column() },
    ratings: { ticket: new Column(), atMs: new Column(), score: new Column() },
    queueVersion: 0,
  };
}

/** Event types the ticket model reads; the runner filters its subscription to these. */
export const TICKET_MODEL_EVENT_TYPES = [
  'QueueDefined',
  'QueueRoutingChanged',
  'QueueRetired',
  'TicketCreated',
  'TicketFirstResponded',
  'TicketEscalated',
  'TicketResolved',
  'TicketReopened',
  'TicketCsatRated',
] as const;
export const TICKET_MODEL_STREAM_CATEGORIES = ['queue', 'ticket'] as const;

type Data = Record<string, unknown>;

function currentData(event: ProjectedEvent): Data {
  // Stored events were validated when written; only older schema versions go through the upcasters.
  const entry = (EVENT_CATALOGUE as Record<string, { schemaVersion: number } | undefined>)[event.type];
  if (entry === undefined || event.metadata.schemaVersion === entry.schemaVersion) return event.data as Data;
  const parsed = safeParseEvent(event.type, event.data, event.metadata.schemaVersion);
  if (!parsed.success) throw parsed.error;
  return parsed.event.data as unknown as Data;
}

function ticketOf(model: TicketModel, data: Data): number | undefined {
  return model.ticketIndex.get(data['ticketId'] as string);
}

/**
 * Applies one event to the model (in place) and returns it. Events of other types are skipped
 * (their position still advances the model). O(1) amortised, except queue events (O(1) too, but
 * they invalidate readers' routing caches).
 */
export function evolveTicketModel(model: TicketModel, event: ProjectedEvent): TicketModel {
  if (model.position !== undefined && event.position <= model.position) return model;
  model.position = event.position;
  switch (event.type) {
    case 'TicketCreated': {
      const d = currentData(event);
      const id = d['ticketId'] as string;
      if (model.ticketIndex.has(id)) return model;
      const keyText = `${d['channel'] as string}|${d['market'] as string}|${d['category'] as string}|${(d['language'] as string | undefined) ?? UNDETERMINED_LANGUAGE}`;
      let key = model.keyIndex.get(keyText);
      if (key === undefined) {
        key = model.keys.length;
        model.keys.push({ channel: d['channel'] as Channel, market: d['market'] as string, category: d['category'] as string, language: (d['language'] as string | undefined) ?? UNDETERMINED_LANGUAGE });
        model.keyIndex.set(keyText, key);
      }
      model.ticketIndex.set(id, model.ticketIds.length);
      model.ticketIds.push(id);
      model.tickets.key.push(key);
      model.tickets.createdMs.push(instantMs(d['createdAt'] as string));
      return model;
    }
    case 'TicketFirstResponded': {
      const d = event.data as Data;
      const t = ticketOf(model, d);
      if (t === undefined) return model;
      model.firstResponses.ticket.push(t);
      model.firstResponses.atMs.push(instantMs(d['respondedAt'] as string));
      return model;
    }
    case 'TicketEscalated': {
      const d = event.data as Data;
      const t = ticketOf(model, d);
      if (t === undefined) return model;
      model.escalations.ticket.push(t);
      model.escalations.atMs.push(instantMs(d['escalatedAt'] as string));
      model.escalations.target.push(ESCALATION_TARGETS.indexOf(d['target'] as EscalationTarget));
      return model;
    }
    case 'TicketResolved': {
      const d = event.data as Data;
      const t = ticketOf(model, d);
      if (t === undefined) return model;
      model.resolutions.ticket.push(t);
      model.resolutions.atMs.push(instantMs(d['resolvedAt'] as string));
      model.resolutions.handleSeconds.push(d['handleSeconds'] as number);
      return model;
    }
    case 'TicketReopened': {
      const d = event.data as Data;
      const t = ticketOf(model, d);
      if (t === undefined) return model;
      model.reopens.ticket.push(t);
      model.reopens.atMs.push(instantMs(d['reopenedAt'] as string));
      return model;
    }
    case 'TicketCsatRated': {
      const d = event.data as Data;
      const t = ticketOf(model, d);
      if (t === undefined) return model;
      model.ratings.ticket.push(t);
      model.ratings.atMs.push(instantMs(d['ratedAt'] as string));
      model.ratings.score.push(d['score'] as number);
      return model;
    }
    case 'QueueDefined': {
      const d = currentData(event);
      model.queues.set(d['queueId'] as string, { queueId: d['queueId'] as string, timeZone: d['timeZone'] as string, routing: d['routing'] as RoutingMatch, retiredAtMs: null });
      model.queueVersion++;
      return model;
    }
    case 'QueueRoutingChanged': {
      const d = event.data as Data;
      const q = model.queues.get(d['queueId'] as string);
      if (q) model.queues.set(q.queueId, { ...q, routing: d['routing'] as RoutingMatch });
      model.queueVersion++;
      return model;
    }
    case 'QueueRetired': {
      const d = event.data as Data;
      const q = model.queues.get(d['queueId'] as string);
      if (q) model.queues.set(q.queueId, { ...q, retiredAtMs: instantMs(d['retiredAt'] as string) });
      model.queueVersion++;
      return model;
    }
    default:
      return model;
  }
}

/** Lengths of the append-only parts: what has been persisted so far. */
export interface ModelMarks {
  keys: number;
  tickets: number;
  firstResponses: number;
  resolutions: number;
  escalations: number;
  reopens: number;
  ratings: number;
}

export const NO_MARKS: ModelMarks = { keys: 0, tickets: 0, firstResponses: 0, resolutions: 0, escalations: 0, reopens: 0, ratings: 0 };

export function marksOf(model: TicketModel): ModelMarks {
  return {
    keys: model.keys.length,
    tickets: model.ticketIds.length,
    firstResponses: model.firstResponses.ticket.length,
    resolutions: model.resolutions.ticket.length,
    escalations: model.escalations.ticket.length,
    reopens: model.reopens.ticket.length,
    ratings: model.ratings.ticket.length,
  };
}

/**
 * The serialisable form of the model: what was appended since `since` plus the (small) queue
 * table in full and the position. Numeric columns are Float64Arrays; `encodeChunk` turns a chunk
 * into a JSON header and one binary block (8 bytes per value). A model is saved as the sequence of
 * chunks of its commits; `exportChunk(model, NO_MARKS)` is the whole model.
 */
export interface ModelChunk {
  position: string | null;
  queues: QueueInfo[];
  keys: RoutingKey[];
  tickets: { ids: string[]; key: Float64Array; createdMs: Float64Array };
  firstResponses: { ticket: Float64Array; atMs: Float64Array };
  resolutions: { ticket: Float64Array; atMs: Float64Array; handleSeconds: Float64Array };
  escalations: { ticket: Float64Array; atMs: Float64Array; target: Float64Array };
  reopens: { ticket: Float64Array; atMs: Float64Array };
  ratings: { ticket: Float64Array; atMs: Float64Array; score: Float64Array };
}

export function exportChunk(model: TicketModel, since: ModelMarks): ModelChunk {
  return {
    position: model.position === undefined ? null : model.position.toString(),
    queues: [...model.queues.values()].sort((a, b) => (a.queueId < b.queueId ? -1 : a.queueId > b.queueId ? 1 : 0)),
    keys: model.keys.slice(since.keys),
    tickets: { ids: model.ticketIds.slice(since.tickets), key: model.tickets.key.slice(since.tickets), createdMs: model.tickets.createdMs.slice(since.tickets) },
    firstResponses: { ticket: model.firstResponses.ticket.slice(since.firstResponses), atMs: model.firstResponses.atMs.slice(since.firstResponses) },
    resolutions: {
      ticket: model.resolutions.ticket.slice(since.resolutions),
      atMs: model.resolutions.atMs.slice(since.resolutions),
      handleSeconds: model.resolutions.handleSeconds.slice(since.resolutions),
    },
    escalations: {
      ticket: model.escalations.ticket.slice(since.escalations),
      atMs: model.escalations.atMs.slice(since.escalations),
      target: model.escalations.target.slice(since.escalations),
    },
    reopens: { ticket: model.reopens.ticket.slice(since.reopens), atMs: model.reopens.atMs.slice(since.reopens) },
    ratings: { ticket: model.ratings.ticket.slice(since.ratings), atMs: model.ratings.atMs.slice(since.ratings), score: model.ratings.score.slice(since.ratings) },
  };
}

/** Appends a chunk (the next one after the model's current state) to the model, in place. O(chunk). */
export function applyChunk(model: TicketModel, chunk: ModelChunk): TicketModel {
  model.position = chunk.position === null ? undefined : BigInt(chunk.position);
  model.queues = new Map(chunk.queues.map((q) => [q.queueId, q]));
  model.queueVersion++;
  for (const k of chunk.keys) {
    model.keyIndex.set(`${k.channel}|${k.market}|${k.category}|${k.language}`, model.keys.length);
    model.keys.push(k);
  }
  for (const id of chunk.tickets.ids) {
    model.ticketIndex.set(id, model.ticketIds.length);
    model.ticketIds.push(id);
  }
  model.tickets.key.pushAll(chunk.tickets.key);
  model.tickets.createdMs.pushAll(chunk.tickets.createdMs);
  const copy = (columns: Record<string, Column>, values: Record<string, Float64Array>) => {
    for (const [name, column] of Object.entries(columns)) column.pushAll(values[name]!);
  };
  copy(model.firstResponses, chunk.firstResponses);
  copy(model.resolutions, chunk.resolutions);
  copy(model.escalations, chunk.escalations);
  copy(model.reopens, chunk.reopens);
  copy(model.ratings, chunk.ratings);
  return model;
}

/** A model from its chunks in commit order. */
export function modelFromChunks(chunks: Iterable<ModelChunk>): TicketModel {
  const model = createTicketModel();
  for (const c of chunks) applyChunk(model, c);
  return model;
}

/** The numeric columns of a chunk, in a fixed order (the binary layout of `encodeChunk`). */
function numericColumns(c: ModelChunk): Float64Array[] {
  return [
    c.tickets.key,
    c.tickets.createdMs,
    c.firstResponses.ticket,
    c.firstResponses.atMs,
    c.resolutions.ticket,
    c.resolutions.atMs,
    c.resolutions.handleSeconds,
    c.escalations.ticket,
    c.escalations.atMs,
    c.escalations.target,
    c.reopens.ticket,
    c.reopens.atMs,
    c.ratings.ticket,
    c.ratings.atMs,
    c.ratings.score,
  ];
}

/** A chunk as stored: a JSON header (position, queues, keys, ticket ids, column lengths) and the numeric columns as one little-endian float64 block. */
export interface EncodedChunk {
  header: string;
  columns: Uint8Array;
}

/**
 * Encodes a chunk for storage. Ticket ids are joined with a newline (ids cannot contain one).
 * O(chunk); the binary block avoids printing and parsing millions of numbers.
 */
export function encodeChunk(chunk: ModelChunk): EncodedChunk {
  const cols = numericColumns(chunk);
  const total = cols.reduce((n, c) => n + c.length, 0);
  const block = new Float64Array(total);
  let at = 0;
  for (const c of cols) {
    block.set(c, at);
    at += c.length;
  }
  const header = JSON.stringify({ position: chunk.position, queues: chunk.queues, keys: chunk.keys, ids: chunk.tickets.ids.join('\n'), lengths: cols.map((c) => c.length) });
  return { header, columns: new Uint8Array(block.buffer) };
}

/** Inverse of `encodeChunk`. O(chunk). */
export function decodeChunk(encoded: EncodedChunk): ModelChunk {
  const h = JSON.parse(encoded.header) as { position: string | null; queues: QueueInfo[]; keys: RoutingKey[]; ids: string; lengths: number[] };
  // Copy into an aligned buffer: a stored blob may start at any byte offset.
  const bytes = new Uint8Array(encoded.columns.length);
  bytes.set(encoded.columns);
  const block = new Float64Array(bytes.buffer);
  let at = 0;
  const next = (i: number) => block.slice(at, (at += h.lengths[i]!));
  return {
    position: h.position,
    queues: h.queues,
    keys: h.keys,
    tickets: { ids: h.ids === '' ? [] : h.ids.split('\n'), key: next(0), createdMs: next(1) },
    firstResponses: { ticket: next(2), atMs: next(3) },
    resolutions: { ticket: next(4), atMs: next(5), handleSeconds: next(6) },
    escalations: { ticket: next(7), atMs: next(8), target: next(9) },
    reopens: { ticket: next(10), atMs: next(11) },
    ratings: { ticket: next(12), atMs: next(13), score: next(14) },
  };
}
