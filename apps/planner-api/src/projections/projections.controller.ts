import { Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import type { AppConfig } from '@staffcast/config';
import { instantMs } from '@staffcast/events';
import { DEFAULT_NEW_HIRE_RAMP, contactDrivers, hasQueue, hourlyVolume, parseAsOf, queueKpis, queueTimeZone, rosterHours, ticketSpan, type TicketModel } from '@staffcast/projections';
import { RequireRole } from '../http/auth.js';
import { parseOrThrow } from '../http/validation.js';
import { APP_CONFIG } from '../tokens.js';
import { driversQuery, kpisQuery, QueueIdParam, rosterQuery, statusQuery, volumeQuery } from './projections.dto.js';
import { TicketProjectionRunner } from './ticket-projection.runner.js';

/**
 * Reads of the ticket projection. Without `asOf` a read first waits until the live
 * model has applied the log up to its head at request time (so a read after a write sees it);
 * with `asOf` the model is folded from the start of the log to that bound (exact; cost O(log)).
 * Every reply names the log position it reflects (`asOfPosition`).
 */
@Controller('v1')
export class ProjectionsController {
  /** The query schemas, built once: a zod schema costs more to build than to run. */
  private readonly queries: { volume: ReturnType<typeof volumeQuery>; kpis: ReturnType<typeof kpisQuery>; drivers: ReturnType<typeof driversQuery>; roster: ReturnType<typeof rosterQuery> };

  constructor(
    @Inject(TicketProjectionRunner) private readonly runner: TicketProjectionRunner,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const maxDays = config.MAX_QUERY_RANGE_DAYS;
    this.queries = { volume: volumeQuery(maxDays), kpis: kpisQuery(maxDays), drivers: driversQuery(maxDays), roster: rosterQuery(maxDays) };
  }

  private model(asOf: string | undefined): Promise<TicketModel> {
    return this.runner.modelAsOf(asOf === undefined ? undefined : parseAsOf(asOf));
  }

  private static known(model: TicketModel, queueId: string): void {
    if (!hasQueue(model, queueId)) throw new NotFoundException(`queue ${queueId} is not defined in the log read`);
  }

  /** Hourly arrivals, handled, AHT, backlog at the end of the hour, escalations and first-response time per UTC hour. */
  @RequireRole('viewer')
  @Get('queues/:id/volume')
  async volume(@Param('id') id: string, @Query() query: unknown) {
    const queueId = parseOrThrow(QueueIdParam, id, 'id');
    const q = parseOrThrow(this.queries.volume, query);
    const model = await this.model(q.asOf);
    ProjectionsController.known(model, queueId);
    return {
      queueId,
      timeZone: queueTimeZone(model, queueId),
      asOfPosition: model.position?.toString() ?? null,
      hours: hourlyVolume(model, queueId, instantMs(q.from), instantMs(q.to)),
    };
  }

  /** Resolution time (median, p90), CSAT, escalations by target and rate, reopen rate per local day or ISO week. */
  @RequireRole('viewer')
  @Get('kpis')
  async kpis(@Query() query: unknown) {
    const q = parseOrThrow(this.queries.kpis, query);
    const model = await this.model(q.asOf);
    ProjectionsController.known(model, q.queueId);
    return { ...queueKpis(model, q.queueId, q.from, q.to, q.granularity), asOfPosition: model.position?.toString() ?? null };
  }

  /** Contact drivers: arrivals and escalations by category and market per UTC ISO week, with week-over-week change. */
  @RequireRole('viewer')
  @Get('drivers')
  async drivers(@Query() query: unknown) {
    const q = parseOrThrow(this.queries.drivers, query);
    const model = await this.model(q.asOf);
    return { asOfPosition: model.position?.toString() ?? null, weeks: contactDrivers(model, q.from, q.to) };
  }

  /**
   * Productive agent-hours per UTC hour (ramp-weighted), in total and by skill and site; `skill`
   * and `site` select agents; `ramp` overrides the default new-hire ramp (0.25,0.5,0.75).
   */
  @RequireRole('viewer')
  @Get('roster')
  async roster(@Query() query: unknown) {
    const q = parseOrThrow(this.queries.roster, query);
    const { tickets, roster } = await this.runner.modelsAsOf(q.asOf === undefined ? undefined : parseAsOf(q.asOf));
    const ramp = q.ramp ?? DEFAULT_NEW_HIRE_RAMP;
    const filter = { ...(q.skill === undefined ? {} : { skill: q.skill }), ...(q.site === undefined ? {} : { site: q.site }) };
    return { asOfPosition: tickets.position?.toString() ?? null, ramp, hours: rosterHours(roster, instantMs(q.from), instantMs(q.to), filter, ramp) };
  }

  /**
   * The projection's position, committed checkpoint, log head and lag, and the creation span of the
   * ticket history once the model has caught up with the head (null before any ticket).
   */
  @RequireRole('viewer')
  @Get('projections/status')
  async status(@Query() query: unknown) {
    parseOrThrow(statusQuery, query);
    const span = ticketSpan(await this.model(undefined));
    const tickets = span ? { first: new Date(span.firstMs).toISOString(), last: new Date(span.lastMs).toISOString() } : null;
    return { projections: [{ ...(await this.runner.status()), tickets }] };
  }
}
