import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { z } from 'zod';
import type { Principal } from './auth.js';

/** Who asked and under which correlation id: becomes the metadata of every event a request writes. */
export interface RequestContext {
  actor: string;
  correlationId: string;
}

/** `X-Correlation-Id`: recorded in the metadata of every event the request writes; an ill-formed one is replaced by a new id. */
export const CorrelationIdHeader = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,128}$/)
  .describe('Recorded with every event the request writes (and echoed by /v1/whoami); an ill-formed one is replaced by a new id');

interface ContextRequest {
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
  correlationId?: string;
}

/** The correlation id from `X-Correlation-Id` when well-formed, else a new one; stable per request. */
export function correlationIdOf(request: ContextRequest): string {
  if (request.correlationId) return request.correlationId;
  const header = request.headers['x-correlation-id'];
  const given = Array.isArray(header) ? header[0] : header;
  request.correlationId = given !== undefined && CorrelationIdHeader.safeParse(given).success ? given : randomUUID();
  return request.correlationId;
}

export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext => {
  const request = context.switchToHttp().getRequest<ContextRequest>();
  return { actor: request.principal?.name ?? 'anonymous', correlationId: correlationIdOf(request) };
});
