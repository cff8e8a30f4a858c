import { Controller, Get, Inject, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { AppConfig } from '@staffcast/config';
import { RequireRole } from '../http/auth.js';
import { parseOrThrow } from '../http/validation.js';
import { APP_CONFIG } from '../tokens.js';
import { auditQuery, type AuditPage } from './audit.dto.js';
import { GetAuditTrail } from './audit.query.js';

@Controller('v1/audit')
export class AuditController {
  private readonly schema: ReturnType<typeof auditQuery>;

  constructor(
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.schema = auditQuery(config.MAX_QUERY_RANGE_DAYS, config.AUDIT_PAGE_MAX);
  }

  /** Who changed what, and when: the events recorded in [from, to), optionally by one actor, a page at a time. */
  @RequireRole('admin')
  @Get()
  trail(@Query() query: unknown): Promise<AuditPage> {
    return this.queries.execute(new GetAuditTrail(parseOrThrow(this.schema, query)));
  }
}
