import type { IncomingMessage } from 'node:http';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { HttpException } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@staffcast/config';
import { bearerToken, parseTokens, tokenDigest } from './auth.js';

/** How much of an over-limit body is still read (and dropped) so that its 413 reaches the client. */
const DRAIN_MAX_BYTES = 64 * 2 ** 20;
const DRAIN_MAX_MS = 5_000;

/**
 * Security headers, per-token rate limits and a readable 413. The dashboard and the API docs are
 * built assets served from this origin (scripts and style sheets as files; preact, uPlot and
 * swagger-ui set styles through the DOM, which a policy does not restrict), so the content security
 * policy allows 'self' only, plus data: images (swagger-ui's icons).
 */
export async function registerSecurity(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  await app.register(helmet, {
    // No page of ours is meant to be framed: X-Frame-Options agrees with frame-ancestors 'none'.
    frameguard: { action: 'deny' },
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  const known = new Set(parseTokens(config.API_TOKENS).map((entry) => entry.digest.toString('hex')));
  await app.register(rateLimit, {
    max: config.RATE_LIMIT_PER_MINUTE,
    timeWindow: 60_000,
    keyGenerator: (request) => rateLimitKey(request, known),
    errorResponseBuilder: (_request, context) =>
      new HttpException(
        { error: 'too many requests', issues: [{ path: 'authorization', message: `at most ${context.max} requests a minute per token; retry after ${context.after}` }] },
        429,
      ),
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply, payload) => {
      if (reply.statusCode === 413) await drainBody(request.raw);
      return payload;
    });
}

/**
 * Each configured token is limited on its own, keyed by its digest (never the token itself). A
 * missing or unknown token counts against the caller's address, so that inventing tokens does not
 * buy a fresh budget.
 */
export function rateLimitKey(request: { headers: Record<string, string | string[] | undefined>; ip: string }, known: ReadonlySet<string>): string {
  const token = bearerToken(request.headers.authorization);
  const digest = token === undefined ? undefined : tokenDigest(token).toString('hex');
  return digest !== undefined && known.has(digest) ? `token:${digest}` : `ip:${request.ip}`;
}

/**
 * Reads the rest of a rejected body, bounded in bytes and time. The socket closes after a 413;
 * closing it with unread bytes resets the connection, and a client still sending (Python's urllib
 * sends the whole body before it reads) sees a broken pipe instead of the answer.
 */
export function drainBody(raw: IncomingMessage, maxBytes = DRAIN_MAX_BYTES, maxMs = DRAIN_MAX_MS): Promise<void> {
  if (raw.complete || raw.destroyed) return Promise.resolve();
  const declared = Number(raw.headers['content-length']);
  if (declared > maxBytes) return Promise.resolve();
  return new Promise((resolve) => {
    let read = 0;
    const finish = (): void => {
      clearTimeout(timer);
      raw.off('data', onData).off('end', finish).off('close', finish).off('error', finish);
      resolve();
    };
    const onData = (chunk: Buffer): void => {
      read += chunk.length;
      if (read > maxBytes) finish();
    };
    const timer = setTimeout(finish, maxMs);
    raw.on('data', onData).once('end', finish).once('close', finish).once('error', finish);
    raw.resume();
  });
}
