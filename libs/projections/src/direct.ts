import { DateTime } from 'luxon';
import { instantMs, routingMatches, type Channel, type RoutingMatch } from '@staffcast/events';
import { compareSpecificity, UNROUTED } from './routing.js';
import { quantileSorted } from './quantile.js';
import type { DriverWeek, HourlyVolumeRow, KpiReport } from './queries.js';
import type { Granularity } from './periods.js';
import type { ProjectedEvent } from './ticket-model.js';
import { ESCALATION_TARGETS } from './ticket-model.js';

/**
 * Direct computation of the ticket read models from raw events, written the slow obvious way
 * (objects per ticket, luxon per fact, filtering lists) and sharing nothing with the incremental
 * model but the routing precedence rule and the quantile definition. Tests hold the projection
 * equal to it. O(events · queries); for tests only.
 */
interface Ticket {
  id: string;
  createdMs: number;
  channel: Channel;
  market: string;
  category: string;
  language: string;
  queueId?: string;
}

interface Fact {
  ticket: Ticket;
  ms: number;
  value: number | string;
}

interface Folded {
  queues: Map<string, { queueId: string; timeZone: string; routing: RoutingMatch; retiredAtMs: number | null }>;
  tickets: Ticket[];
  firstResponses: Fact[];
  resolutions: Fact[];
  escalations: Fact[];
  reopens: Fact[];
  ratings: Fact[];
}

function fold(events: readonly ProjectedEvent[]): Folded {
  const f: Folded = { queues: new Map(), tickets: [], firstResponses: [], resolutions: [], escalations: [], reopens: [], ratings: [] };
  const byId = new Map<string, Ticket>();
  const seen = new Set<bigint>();
  for (const e of events) {
    if (seen.has(e.position)) continue;
    seen.add(e.position);
    const data = e.data as Record<string, unknown>;
    const d = (k: string) => data[k] as string;
    const t = byId.get(d('ticketId'));
    switch (e.type) {
      case 'QueueDefined':
        f.queues.set(d('queueId'), { queueId: d('queueId'), timeZone: d('timeZone'), routing: data['routing'] as RoutingMatch, retiredAtMs: null });
        break;
      case 'QueueRoutingChanged': {
        const q = f.queues.get(d('queueId'));
        if (q) q.routing = data['routing'] as RoutingMatch;
        break;
      }
      case 'QueueRetired': {
        const q = f.queues.get(d('queueId'));
        if (q) q.retiredAtMs = instantMs(d('retiredAt'));
        break;
      }
      case 'TicketCreated':
        if (!byId.has(d('ticketId'))) {
          const ticket: Ticket = { id: d('ticketId'), createdMs: Date.parse(d('createdAt')), channel: d('channel') as Channel, market: d('market'), category: d('category'), language: d('language') ?? 'und' };
          byId.set(ticket.id, ticket);
          f.tickets.push(ticket);
        }
        break;
      case 'TicketFirstResponded':
        if (t) f.firstResponses.push({ ticket: t, ms: Date.parse(d('respondedAt')), value: 0 });
        break;
      case 'TicketResolved':
        if (t) f.resolutions.push({ ticket: t, ms: Date.parse(d('resolvedAt')), value: data['handleSeconds'] as number });
        break;
      case 'TicketEscalated':
        if (t) f.escalations.push({ ticket: t, ms: Date.parse(d('escalatedAt')), value: d('target') });
        break;
      case 'TicketReopened':
        if (t) f.reopens.push({ ticket: t, ms: Date.parse(d('reopenedAt')), value: 0 });
        break;
      case 'TicketCsatRated':
        if (t) f.ratings.push({ ticket: t, ms: Date.parse(d('ratedAt')), value: data['score'] as number });
        break;
    }
  }
  const queues = [...f.queues.values()];
  for (const t of f.tickets) {
    const winner = queues.filter((q) => routingMatches(q.routing, t) && (q.retiredAtMs === null || t.createdMs < q.retiredAtMs)).sort(compareSpecificity)[0];
    t.queueId = winner?.queueId ?? UNROUTED;
  }
  return f;
}

const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

export function directHourlyVolume(events: readonly ProjectedEvent[], queueId: string, fromMs: number, toMs: number): HourlyVolumeRow[] {
  const f = fold(events);
  const mine = (x: { ticket: Ticket }) => x.ticket.queueId === queueId;
  const rows: HourlyVolumeRow[] = [];
  for (let h = fromMs; h < toMs; h += 3_600_000) {
    const inHour = (ms: number) => ms >= h && ms < h + 3_600_000;
    const end = h + 3_600_000;
    const handled = f.resolutions.filter((x) => mine(x) && inHour(x.ms)).map((x) => x.value as number);
    const responses = f.firstResponses.filter((x) => mine(x) && inHour(x.ms)).map((x) => (x.ms - x.ticket.createdMs) / 1000);
    rows.push({
      hour: new Date(h).toISOString(),
      arrivals: f.tickets.filter((t) => t.queueId === queueId && inHour(t.createdMs)).length,
      handled: handled.length,
      ahtSeconds: mean(handled),
      backlogEnd:
        f.tickets.filter((t) => t.queueId === queueId && t.createdMs < end).length -
        f.resolutions.filter((x) => mine(x) && x.ms < end).length +
        f.reopens.filter((x) => mine(x) && x.ms < end).length,
      escalations: f.escalations.filter((x) => mine(x) && inHour(x.ms)).length,
      firstResponses: responses.length,
      meanFirstResponseSeconds: mean(responses),
    });
  }
  return rows;
}

function label(ms: number, zone: string, granularity: Granularity): string {
  const d = DateTime.fromMillis(ms, { zone });
  return granularity === 'day' ? d.toISODate()! : `${d.weekYear}-W${String(d.weekNumber).padStart(2, '0')}`;
}

export function directKpis(events: readonly ProjectedEvent[], queueId: string, fromDate: string, toDate: string, granularity: Granularity): KpiReport {
  const f = fold(events);
  const zone = f.queues.get(queueId)?.timeZone ?? 'UTC';
  // Every local date in [fromDate, toDate) names the periods; weeks are whole.
  const wanted: string[] = [];
  for (let d = DateTime.fromISO(fromDate, { zone }); d < DateTime.fromISO(toDate, { zone }); d = d.plus({ days: 1 })) {
    const l = label(d.toMillis(), zone, granularity);
    if (!wanted.includes(l)) wanted.push(l);
  }
  const mine = (x: { ticket: Ticket }) => x.ticket.queueId === queueId;
  const periods = wanted.map((period) => {
    const inP = (ms: number) => label(ms, zone, granularity) === period;
    const arrivals = f.tickets.filter((t) => t.queueId === queueId && inP(t.createdMs)).length;
    const times = f.resolutions.filter((x) => mine(x) && inP(x.ms)).map((x) => (x.ms - x.ticket.createdMs) / 1000).sort((a, b) => a - b);
    const ratings = f.ratings.filter((x) => mine(x) && inP(x.ms));
    const escalations = f.escalations.filter((x) => mine(x) && inP(x.ms));
    const reopens = f.reopens.filter((x) => mine(x) && inP(x.ms)).length;
    const satisfied = ratings.filter((x) => (x.value as number) >= 4).length;
    const start = granularity === 'day' ? DateTime.fromISO(period, { zone }) : DateTime.fromISO(`${period}-1`, { zone });
    const end = start.plus(granularity === 'day' ? { days: 1 } : { weeks: 1 });
    return {
      period,
      start: start.toISO({ suppressMilliseconds: true })!,
      end: end.toISO({ suppressMilliseconds: true })!,
      arrivals,
      resolutions: times.length,
      resolutionSeconds: times.length > 0 ? { median: quantileSorted(times, 0.5), p90: quantileSorted(times, 0.9) } : null,
      csat: { rated: ratings.length, satisfied, share: ratings.length > 0 ? satisfied / ratings.length : null },
      escalations: {
        total: escalations.length,
        rate: arrivals > 0 ? escalations.length / arrivals : null,
        byTarget: Object.fromEntries(ESCALATION_TARGETS.map((target) => [target, escalations.filter((x) => x.value === target).length])),
      },
      reopens,
      reopenRate: times.length > 0 ? reopens / times.length : null,
    };
  });
  return { queueId, timeZone: zone, granularity, periods };
}

export function directDrivers(events: readonly ProjectedEvent[], fromDate: string, toDate: string): DriverWeek[] {
  const f = fold(events);
  const weekOf = (ms: number) => label(ms, 'UTC', 'week');
  const weeks: string[] = [];
  for (let d = DateTime.fromISO(fromDate, { zone: 'UTC' }); d < DateTime.fromISO(toDate, { zone: 'UTC' }); d = d.plus({ days: 1 })) {
    const w = weekOf(d.toMillis());
    if (!weeks.includes(w)) weeks.push(w);
  }
  const pair = (t: Ticket) => `${t.category}|${t.market}`;
  const pairs = [...new Set(f.tickets.map(pair))].sort();
  return weeks.map((week) => {
    const start = DateTime.fromISO(`${week}-1`, { zone: 'UTC' });
    const previous = weekOf(start.minus({ weeks: 1 }).toMillis());
    const count = (p: string, w: string) => f.tickets.filter((t) => pair(t) === p && weekOf(t.createdMs) === w).length;
    const esc = (p: string, w: string) => f.escalations.filter((x) => pair(x.ticket) === p && weekOf(x.ms) === w).length;
    const rows = pairs
      .map((p) => {
        const [category, market] = p.split('|') as [string, string];
        const a = count(p, week);
        const pa = count(p, previous);
        const e = esc(p, week);
        const pe = esc(p, previous);
        return { category, market, arrivals: a, escalations: e, previousArrivals: pa, previousEscalations: pe, arrivalsChange: pa > 0 ? (a - pa) / pa : null, escalationsChange: pe > 0 ? (e - pe) / pe : null };
      })
      .filter((r) => r.arrivals + r.escalations + r.previousArrivals + r.previousEscalations > 0);
    return { week, start: start.toJSDate().toISOString(), rows };
  });
}
