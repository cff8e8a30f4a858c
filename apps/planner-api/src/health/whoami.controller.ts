import { Controller, Get, Req } from '@nestjs/common';
import { RequireRole, type Principal } from '../http/auth.js';
import { correlationIdOf } from '../http/request-context.js';

@Controller('v1')
export class WhoAmIController {
  /** Lets a client check its token: the role and name it acts under. */
  @RequireRole('viewer')
  @Get('whoami')
  whoami(@Req() request: { principal?: Principal; headers: Record<string, string | undefined> }): Principal & { correlationId: string } {
    return { ...(request.principal as Principal), correlationId: correlationIdOf(request) };
  }
}
