import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import { ConcurrencyError, DuplicateEventIdError, InvalidAppendError, StoreAccessDeniedError, StoreTimeoutError, StreamDeletedError } from '@staffcast/event-store';

interface ErrorBody {
  error: string;
  issues?: { path: string; message: string }[];
  [key: string]: unknown;
}

/**
 * One error shape for every failure: `{ error, issues?: [{ path, message }] }`.
 * Domain and store errors map to 4xx by what they mean; only a genuine bug is a 500.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<{ status(code: number): { send(body: unknown): void }; sent?: boolean }>();
    const request = host.switchToHttp().getRequest<{ correlationId?: string; method?: string; url?: string }>();
    const [status, body] = describe(exception);
    if (status >= 500) this.logger.error({ msg: 'unhandled error', method: request.method, url: request.url, correlationId: request.correlationId, err: String((exception as Error)?.stack ?? exception) });
    if (reply.sent) return;
    reply.status(status).send(body);
  }
}

export function describe(exception: unknown): [number, ErrorBody] {
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    if (typeof response === 'object' && response !== null && 'error' in response && typeof (response as ErrorBody).error === 'string' && 'issues' in response) {
      return [status, response as ErrorBody];
    }
    const message = typeof response === 'string' ? response : ((response as { message?: unknown }).message ?? exception.message);
    return [status, { error: status === 404 ? 'not found' : String(message), issues: [{ path: status === 413 ? '(body)' : '(request)', message: String(message) }] }];
  }
  if (exception instanceof ConcurrencyError) {
    return [
      409,
      {
        error: 'concurrency conflict',
        stream: exception.stream,
        expectedRevision: String(exception.expected),
        actualRevision: String(exception.actual),
        issues: [{ path: 'expectedRevision', message: exception.message }],
      },
    ];
  }
  if (exception instanceof DuplicateEventIdError) {
    return [409, { error: 'duplicate event id', issues: [{ path: 'id', message: exception.message }] }];
  }
  if (exception instanceof StreamDeletedError) {
    // A tombstone is for ever (410); a soft-deleted stream can be written again as a new one (409).
    return [exception.tombstoned ? 410 : 409, { error: 'stream deleted', stream: exception.stream, issues: [{ path: '(stream)', message: exception.message }] }];
  }
  if (exception instanceof StoreAccessDeniedError) {
    // The store refused the service's own credentials: the operator's to fix, not the caller's.
    return [503, { error: 'event store refused access', issues: [{ path: '(store)', message: exception.message }] }];
  }
  if (exception instanceof StoreTimeoutError) {
    return [503, { error: 'event store timeout', issues: [{ path: '(store)', message: `${exception.message}; retrying the request is safe` }] }];
  }
  if (exception instanceof InvalidAppendError) {
    return [400, { error: 'invalid append', issues: [{ path: '(request)', message: exception.message }] }];
  }
  if (exception instanceof Error) {
    const e = exception as Error & { code?: unknown; field?: unknown; reason?: unknown; statusCode?: unknown; status?: unknown };
    // Domain invariant violated by the current state of a stream: a conflict, not a malformed request.
    if (e.name === 'DomainError' && typeof e.code === 'string') {
      const status = typeof e.status === 'number' && e.status >= 400 && e.status < 500 ? e.status : 409;
      return [status, { error: e.code, issues: [{ path: typeof e.field === 'string' ? e.field : '(state)', message: e.message }] }];
    }
    // Input the numerics cannot work with (zero AHT, unreachable target…): the caller's fault.
    if (typeof e.field === 'string' && typeof e.reason === 'string') {
      return [400, { error: 'invalid input', issues: [{ path: e.field, message: e.reason }] }];
    }
    // Fastify's own 4xx: body too large (413), malformed JSON (400), unsupported media type (415).
    if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
      const aboutBody = e.statusCode === 413 || (typeof e.code === 'string' && e.code.startsWith('FST_ERR_CTP'));
      return [e.statusCode, { error: e.message, issues: [{ path: aboutBody ? '(body)' : '(request)', message: e.message }] }];
    }
  }
  return [500, { error: 'internal error' }];
}
