import { Controller, Get, Inject, Query } from '@nestjs/common';
import type { AppConfig } from '@staffcast/config';
import type { EventStore } from '@staffcast/event-store';
import { instantMs, IsoDateTime, SkillCode, EntityId, type AgentEvent } from '@staffcast/events';
import { inLogAsOf, parseAsOf } from '@staffcast/projections';
import { agentRoster, productiveRoster, type AgentRoster } from '@staffcast/staffing-roster';
import { z } from 'zod';
import { RequireRole } from '../http/auth.js';
import { parseOrThrow } from '../http/validation.js';
import { toDomainEvent } from '../recording/stream-writer.service.js';
import { APP_CONFIG, EVENT_STORE } from '../tokens.js';

const HOUR_MS = 3_600_000;
const WholeHour = IsoDateTime.refine((v) => instantMs(v) % HOUR_MS === 0, 'must be a whole UTC hour, e.g. 2026-11-01T13:00:00Z');

const rosterQuery = (maxDays: number) =>
  z
    .strictObject({
      from: WholeHour,
      to: WholeHour,
      skill: SkillCode.optional(),
      site: EntityId.optional(),
      asOf: z.string().max(40).refine((v) => parseAsOf(v) !== undefined, 'must be a log position (digits) or an ISO-8601 time with an offset or Z').optional(),
    })
    .superRefine((q, ctx) => {
      const span = instantMs(q.to) - instantMs(q.from);
      if (!(span > 0)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
      else if (span > maxDays * 86_400_000) ctx.addIssue({ code: 'custom', path: ['to'], message: `the range from..to may span at most ${maxDays} days` });
    });

@Controller('v1/roster')
export class RosterController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Productive agent-hours per UTC hour: schedules expanded in each site's time zone, less breaks
   * and absences, inside employment, weighted by the new-hire ramp (`NEW_HIRE_RAMP`); in total,
   * per skill held at the time (certifications with their expiry) and per site. Agent streams
   * are folded as the log stood at `asOf`.
   */
  @RequireRole('viewer')
  @Get()
  async roster(@Query() query: unknown): Promise<unknown> {
    const q = parseOrThrow(rosterQuery(this.config.MAX_QUERY_RANGE_DAYS), query);
    const asOf = q.asOf === undefined ? undefined : parseAsOf(q.asOf)!;
    const byAgent = new Map<string, AgentEvent[]>();
    for await (const recorded of this.store.readAll({ filter: { streamCategories: ['agent'] } })) {
      if (asOf && !inLogAsOf(recorded, asOf)) {
        if (asOf.kind === 'position') break;
        continue;
      }
      const list = byAgent.get(recorded.stream) ?? [];
      list.push(toDomainEvent(recorded) as AgentEvent);
      byAgent.set(recorded.stream, list);
    }
    const rosters = [...byAgent.values()].map((events) => agentRoster(events)).filter((r): r is AgentRoster => r !== undefined && (q.site === undefined || r.hired.site.siteId === q.site));
    const rows = productiveRoster(rosters, instantMs(q.from), instantMs(q.to), this.config.NEW_HIRE_RAMP);
    return {
      from: new Date(instantMs(q.from)).toISOString(),
      to: new Date(instantMs(q.to)).toISOString(),
      agents: rosters.length,
      ramp: this.config.NEW_HIRE_RAMP,
      hours: rows.map((r) => ({
        hour: new Date(r.hourMs).toISOString(),
        productiveHours: q.skill === undefined ? r.productiveHours : (r.bySkill[q.skill] ?? 0),
        bySkill: q.skill === undefined ? r.bySkill : { [q.skill]: r.bySkill[q.skill] ?? 0 },
        bySite: r.bySite,
      })),
    };
  }
}
