import type { ExpectedRevision } from '@staffcast/event-store';
import { EntityId } from '@staffcast/events';
import { parseOrThrow, ValidationError } from '../http/validation.js';

interface HeaderBag {
  headers: Record<string, string | string[] | undefined>;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,128}$/;

/** `If-Match: "<revision>"` (the stream revision the client last saw), or undefined. */
export function expectedRevisionFrom(request: HeaderBag): ExpectedRevision | undefined {
  const raw = single(request.headers['if-match']);
  if (raw === undefined) return undefined;
  const value = raw.replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
  if (value === '-1') return 'no_stream';
  if (!/^\d{1,19}$/.test(value)) throw new ValidationError([{ path: 'if-match', message: 'must be a stream revision such as "3", or "-1" for a new stream' }]);
  return BigInt(value);
}

/** `Idempotency-Key`: a retried request with the same key writes nothing twice. */
export function idempotencyKeyFrom(request: HeaderBag): string | undefined {
  const raw = single(request.headers['idempotency-key']);
  if (raw === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(raw)) throw new ValidationError([{ path: 'idempotency-key', message: 'must be 1-128 characters of letters, digits and ._:-' }]);
  return raw;
}

/** The body with the id from the path filled in; a body naming another id is a 400. */
export function withPathId(body: unknown, field: string, id: string): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const given = (body as Record<string, unknown>)[field];
  if (given !== undefined && given !== id) throw new ValidationError([{ path: field, message: `must match the id in the path (${id.slice(0, 80)})` }]);
  return { ...body, [field]: id };
}

/** 201 when events were written, 200 for a no-op (the facts were already recorded). */
export function statusFor(result: { written: number }): 200 | 201 {
  return result.written > 0 ? 201 : 200;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export type HttpCommandRequest = HeaderBag;
export interface HttpReply {
  status(code: number): unknown;
}

/** A path id checked like any other id field, so a hostile path is a 400 naming `id`. */
export function pathId(id: string): string {
  return parseOrThrow(EntityId, id, 'id');
}
