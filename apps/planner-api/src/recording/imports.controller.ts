import { Readable, Transform } from 'node:stream';
import { Controller, HttpException, Inject, Post, Req } from '@nestjs/common';
import type { AppConfig } from '@staffcast/config';
import { RequireRole } from '../http/auth.js';
import { Ctx, type RequestContext } from '../http/request-context.js';
import { APP_CONFIG } from '../tokens.js';
import { TicketCsvImport, type ImportReport } from './csv-import.service.js';

interface CsvRequest {
  headers: Record<string, string | undefined>;
  body: unknown;
}

@Controller('v1/imports')
export class ImportsController {
  constructor(
    @Inject(TicketCsvImport) private readonly csv: TicketCsvImport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A ticket export as `text/csv`, streamed: rows read, events written, duplicates skipped, rejected rows. */
  @RequireRole('planner')
  @Post('tickets')
  async tickets(@Req() request: CsvRequest, @Ctx() ctx: RequestContext): Promise<ImportReport> {
    const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (!(request.body instanceof Readable) || (type !== 'text/csv' && type !== 'application/csv')) {
      throw new HttpException({ error: 'unsupported media type', issues: [{ path: 'content-type', message: 'send the export as text/csv' }] }, 415);
    }
    const limit = this.config.IMPORT_MAX_BYTES;
    const declared = Number(request.headers['content-length'] ?? NaN);
    if (declared > limit) throw tooLarge(limit);
    let seen = 0;
    const guard = new Transform({
      transform(chunk: Buffer, _enc, done) {
        seen += chunk.length;
        done(seen > limit ? tooLarge(limit) : null, chunk);
      },
    });
    return this.csv.import(request.body.pipe(guard), ctx);
  }
}

function tooLarge(limit: number): HttpException {
  return new HttpException({ error: 'payload too large', issues: [{ path: '(body)', message: `an import may be at most ${limit} bytes` }] }, 413);
}
