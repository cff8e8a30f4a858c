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

/** The least role a route needs: reads need viewer, writes planner. */
export const RequireRole = (role: Role) => SetMetadata(ROLE_KEY, role);
/** A route open without a token (health, readiness, docs). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

interface TokenEntry {
  digest: Buffer;
  principal: Principal;
}

/** Parses `role:token` / `role:name:token`; an unnamed token is named by role and a digest prefix. */
export function parseTokens(entries: readonly string[]): TokenEntry[] {
  return entries.map((entry) => {
    const [role, ...rest] = entry.split(':') as [Role, ...string[]];
    const token = rest.length === 2 ? rest[1]! : rest[0]!;
    const digest = sha256(token);
    const name = rest.length === 2 ? rest[0]! : `${role}-${digest.toString('hex').slice(0, 8)}`;
    return { digest, principal: { role, name } };
  });
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
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
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new UnauthorizedException({ error: 'unauthorized', issues: [{ path: 'authorization', message: 'a Bearer token is required' }] });
    const digest = sha256(match[1]!);
    const found = this.tokens.find((t) => timingSafeEqual(t.digest, digest));
    if (!found) throw new UnauthorizedException({ error: 'unauthorized', issues: [{ path: 'authorization', message: 'unknown token' }] });
    if (RANK[found.principal.role] < RANK[needed]) {
      throw new ForbiddenException({ error: 'forbidden', issues: [{ path: 'authorization', message: `this needs the ${needed} role; the token has ${found.principal.role}` }] });
    }
    request.principal = found.principal;
    return true;
  }
}
