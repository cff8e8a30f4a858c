import type { ExpectedRevision } from '@staffcast/event-store';
import { EntityId } from '@staffcast/events';
import { z } from 'zod';
import { parseOrThrow, ValidationError } from '../http/validation.js';

interface HeaderBag {
  headers: Record<string, string | string[] | undefined>;
}

/** `If-Match: "<revision>"`, weak or strong, quoted or not: the stream revision the client last saw, `-1` for none. */
export const IfMatchHeader = z
  .string()
  .regex(/^(W\/)?("(-1|\d{1,19})"|-1|\d{1,19})$/, 'must be a stream revision such as "3", or "-1" for a new stream')
  .transform((raw): ExpectedRevision => {
    const value = raw.replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
    return value === '-1' ? 'no_stream' : BigInt(value);
  })
  .describe('The stream revision the client last saw (from the ETag or `revision`); a stale one is a 409 and nothing is written');

/** `Idempotency-Key`: a retried request with the same key writes nothing twice. */
export const IdempotencyKeyHeader = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,128}$/, 'must be 1-128 characters of letters, digits and ._:-')
  .describe('Event ids derive from this key, so a retried request writes nothing twice');

/** The headers a recording write reads. */
export const WriteHeaders = z.object({ 'if-match': IfMatchHeader.optional(), 'idempotency-key': IdempotencyKeyHeader.optional() });

/** `If-Match`, or undefined. */
export function expectedRevisionFrom(request: HeaderBag): ExpectedRevision | undefined {
  const raw = single(request.headers['if-match']);
  return raw === undefined ? undefined : parseOrThrow(IfMatchHeader, raw, 'if-match');
}

/** `Idempotency-Key`, or undefined. */
export function idempotencyKeyFrom(request: HeaderBag): string | undefined {
  const raw = single(request.headers['idempotency-key']);
  return raw === undefined ? undefined : parseOrThrow(IdempotencyKeyHeader, raw, 'idempotency-key');
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
