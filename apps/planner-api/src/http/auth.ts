import { createHash, timingSafeEqual } from 'node:crypto';
import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, SetMetadata, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AppConfig } from '@staffcast/config';
import { APP_CONFIG } from '../tokens.js';

export type Role = 'viewer' | 'planner' | 'admin';
const RANK: Record<Role, number> = { viewer: 1, planner: 2, admin: 3 };

export interface Principal {
  role: Role;
  /** The token's name, recorded as the actor of events; never the token itself. */
  name: string;
}

const ROLE_KEY = 'staffcast:role';
const PUBLIC_KEY = 'staffcast:public';

/** The least role a route needs: reads need viewer, writes planner, the audit trail admin. */
export const RequireRole = (role: Role) => SetMetadata(ROLE_KEY, role);
/** A route open without a token (health, readiness, docs). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

interface TokenEntry {
  digest: Buffer;
  principal: Principal;
}

/**
 * Parses `role:token`, `role:name:token`, `role:sha256:<hex>` and `role:name:sha256:<hex>`; a
 * hashed entry holds the SHA-256 of the token, so config need not hold the secret. An unnamed
 * token is named by role and a digest prefix.
 */
export function parseTokens(entries: readonly string[]): TokenEntry[] {
  return entries.map((entry) => {
    const [role, ...rest] = entry.split(':') as [Role, ...string[]];
    const hashed = rest.length >= 2 && rest[rest.length - 2] === 'sha256';
    const secret = rest.slice(hashed ? -2 : -1);
    const named = rest.length > secret.length ? rest[0] : undefined;
    const digest = hashed ? Buffer.from(secret[1]!, 'hex') : tokenDigest(secret[0]!);
    const name = named ?? `${role}-${digest.toString('hex').slice(0, 8)}`;
    return { digest, principal: { role, name } };
  });
}

/** SHA-256 of a token: what is compared, and the key a token is rate-limited under. */
export function tokenDigest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** The Bearer token of an Authorization header, or undefined. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value === undefined ? undefined : /^Bearer\s+(\S+)$/i.exec(value)?.[1];
}

/** Compares against every entry, without stopping at a match, so timing says nothing about which. */
function findToken(tokens: readonly TokenEntry[], digest: Buffer): TokenEntry | undefined {
  let found: TokenEntry | undefined;
  for (const entry of tokens) if (timingSafeEqual(entry.digest, digest)) found = entry;
  return found;
}

/** Global guard: default deny. Every route is either @Public() or declares @RequireRole(...). */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly tokens: TokenEntry[];

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.tokens = parseTokens(config.API_TOKENS);
  }

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const needed = this.reflector.getAllAndOverride<Role>(ROLE_KEY, targets) ?? 'admin';
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; principal?: Principal }>();
    const token = bearerToken(request.headers.authorization);
    if (token === undefined) throw new UnauthorizedException({ error: 'unauthorized', issues: [{ path: 'authorization', message: 'a Bearer token is required' }] });
    const found = findToken(this.tokens, tokenDigest(token));
    if (!found) throw new UnauthorizedException({ error: 'unauthorized', issues: [{ path: 'authorization', message: 'unknown token' }] });
    if (RANK[found.principal.role] < RANK[needed]) {
      throw new ForbiddenException({ error: 'forbidden', issues: [{ path: 'authorization', message: `this needs the ${needed} role; the token has ${found.principal.role}` }] });
    }
    request.principal = found.principal;
    return true;
  }
}
