import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller.js';
import { GetAuditTrailHandler } from './audit.query.js';

/** The audit trail: a read of the log's metadata for admins. The store and config come from the global AppModule. */
@Module({ controllers: [AuditController], providers: [GetAuditTrailHandler] })
export class AuditModule {}
