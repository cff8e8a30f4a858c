import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from './auth.js';

/** Who asked and under which correlation id: becomes the metadata of every event a request writes. */
export interface RequestContext {
  actor: string;
  correlationId: string;
}

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

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
  request.correlationId = given && CORRELATION_ID.test(given) ? given : randomUUID();
  return request.correlationId;
}

export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext => {
  const request = context.switchToHttp().getRequest<ContextRequest>();
  return { actor: request.principal?.name ?? 'anonymous', correlationId: correlationIdOf(request) };
});
