import { candidateQueues, pickQueue, UNROUTED, type QueueInfo } from './routing.js';
import { localPeriods, periodIndex, type Granularity } from './periods.js';
import { quantileSorted } from './quantile.js';
import { ESCALATION_TARGETS, type TicketModel } from './ticket-model.js';
import type { Column } from './column.js';

const HOUR_MS = 3_600_000;

/** One UTC hour of one queue. */
export interface HourlyVolumeRow {
  /** Start of the UTC hour, ISO-8601. */
  hour: string;
  /** Tickets created in the hour. */
  arrivals: number;
  /** Resolutions in the hour (a ticket reopened and resolved again counts again). */
  handled: number;
  /** Mean handleSeconds of the hour's resolutions; null when none. */
  ahtSeconds: number | null;
  /** Tickets open at the end of the hour: created − resolved + reopened, all before the hour's end. */
  backlogEnd: number;
  escalations: number;
  /** First responses given in the hour. */
  firstResponses: number;
  /** Mean of (first response − creation) in seconds over the hour's first responses; null when none. */
  meanFirstResponseSeconds: number | null;
}

export interface KpiPeriod {
  /** `YYYY-MM-DD` or `YYYY-Www` in the queue's time zone. */
  period: string;
  start: string;
  end: string;
  arrivals: number;
  resolutions: number;
  /** Resolution time = resolution instant − creation instant, in seconds, over the period's resolutions; exact. */
  resolutionSeconds: { median: number; p90: number } | null;
  /** Ratings given in the period; share = ratings of 4 or 5 / ratings. */
  csat: { rated: number; satisfied: number; share: number | null };
  /** Escalations in the period by target; rate = escalations / arrivals of the period. */
  escalations: { total: number; rate: number | null; byTarget: Record<string, number> };
  reopens: number;
  /** Reopens / resolutions of the period. */
  reopenRate: number | null;
}

export interface KpiReport {
  queueId: string;
  timeZone: string;
  granularity: Granularity;
  periods: KpiPeriod[];
}

export interface DriverRow {
  category: string;
  market: string;
  arrivals: number;
  escalations: number;
  previousArrivals: number;
  previousEscalations: number;
  /** (arrivals − previous) / previous; null when the previous week had none. */
  arrivalsChange: number | null;
  escalationsChange: number | null;
}

export interface DriverWeek {
  week: string;
  start: string;
  rows: DriverRow[];
}

const routingCache = new WeakMap<TicketModel, { version: number; queueIds: string[]; ticketQueue: Int32Array; filled: number }>();

/**
 * The queue of every ticket as the model's queue definitions stand (index into `queueIds`; the
 * last id is UNROUTED). Cached per model and queue version and extended for new tickets, so a
 * read after a few appended tickets costs O(new tickets). O(tickets + keys·q log q) otherwise.
 */
export function ticketRouting(model: TicketModel): { queueIds: string[]; ticketQueue: Int32Array } {
  let cached = routingCache.get(model);
  const n = model.ticketIds.length;
  if (!cached || cached.version !== model.queueVersion) {
    const queueIds = [...model.queues.keys()].sort();
    queueIds.push(UNROUTED);
    cached = { version: model.queueVersion, queueIds, ticketQueue: new Int32Array(Math.max(1024, n)), filled: 0 };
    routingCache.set(model, cached);
  }
  if (cached.filled < n) {
    if (cached.ticketQueue.length < n) {
      const grown = new Int32Array(Math.max(n, cached.ticketQueue.length * 2));
      grown.set(cached.ticketQueue.subarray(0, cached.filled));
      cached.ticketQueue = grown;
    }
    const slot = new Map(cached.queueIds.map((id, i) => [id, i]));
    const candidates: QueueInfo[][] = model.keys.map((k) => candidateQueues(model.queues.values(), k));
    for (let t = cached.filled; t < n; t++) {
      cached.ticketQueue[t] = slot.get(pickQueue(candidates[model.tickets.key.get(t)]!, model.tickets.createdMs.get(t)))!;
    }
    cached.filled = n;
  }
  return { queueIds: cached.queueIds, ticketQueue: cached.ticketQueue };
}

/** True when the model knows the queue (or it is the UNROUTED bucket). */
export function hasQueue(model: TicketModel, queueId: string): boolean {
  return queueId === UNROUTED || model.queues.has(queueId);
}

/** Calls `visit(row)` for each fact row of a queue's tickets. */
function eachOf(ticketCol: Column, ticketQueue: Int32Array, slot: number, visit: (row: number) => void): void {
  for (let i = 0; i < ticketCol.length; i++) if (ticketQueue[ticketCol.get(i)] === slot) visit(i);
}

function slotOf(model: TicketModel, queueId: string): { slot: number; ticketQueue: Int32Array } {
  const { queueIds, ticketQueue } = ticketRouting(model);
  const slot = queueIds.indexOf(queueId);
  if (slot < 0) throw new RangeError(`unknown queue ${queueId}`);
  return { slot, ticketQueue };
}

/**
 * Hourly volume of one queue (or UNROUTED) for the UTC hours in [fromMs, toMs) (whole hours).
 * One linear scan over the facts: O(facts + hours).
 */
export function hourlyVolume(model: TicketModel, queueId: string, fromMs: number, toMs: number): HourlyVolumeRow[] {
  return hourlyVolumes(model, [queueId], fromMs, toMs).get(queueId)!;
}

/**
 * Hourly volume of several queues at once (see hourlyVolume): one linear scan over the facts for
 * all of them, so a plan over 20 queues reads the facts once, not 20 times.
 * O(facts + queues · hours).
 */
export function hourlyVolumes(model: TicketModel, queueIds: readonly string[], fromMs: number, toMs: number): Map<string, HourlyVolumeRow[]> {
  const t = hourlyTables(model, queueIds, fromMs, toMs, true);
  const hours = (toMs - fromMs) / HOUR_MS;
  const labels = Array.from({ length: hours }, (_, h) => new Date(fromMs + h * HOUR_MS).toISOString());
  const out = new Map<string, HourlyVolumeRow[]>();
  queueIds.forEach((id, k) => {
    const rows: HourlyVolumeRow[] = [];
    let open = t.openBefore[k]!;
    for (let h = 0; h < hours; h++) {
      open += t.openDelta[k]![h]!;
      const n = t.handled[k]![h]!;
      const answered = t.responses[k]![h]!;
      rows.push({
        hour: labels[h]!,
        arrivals: t.arrivals[k]![h]!,
        handled: n,
        ahtSeconds: n > 0 ? t.handleSum[k]![h]! / n : null,
        backlogEnd: open,
        escalations: t.escalations[k]![h]!,
        firstResponses: answered,
        meanFirstResponseSeconds: answered > 0 ? t.responseSum[k]![h]! / answered : null,
      });
    }
    out.set(id, rows);
  });
  return out;
}

/** What a volume and AHT forecast reads of a queue's history, per UTC hour. */
export interface HourlyHistory {
  arrivals: Float64Array;
  handled: Float64Array;
  /** Mean handle time of the hour's resolutions, null with none. */
  ahtSeconds: (number | null)[];
}

/**
 * Arrivals, resolutions and mean handle time per UTC hour of several queues in [fromMs, toMs):
 * the columns of hourlyVolumes a forecast needs, from the ticket and resolution facts only and
 * without a row object per hour. O(tickets + resolutions + queues · hours).
 *
 * @example hourlyHistory(model, ['us-kyc-chat'], from, to).get('us-kyc-chat').arrivals[0] // tickets created in the first hour
 */
export function hourlyHistory(model: TicketModel, queueIds: readonly string[], fromMs: number, toMs: number): Map<string, HourlyHistory> {
  const t = hourlyTables(model, queueIds, fromMs, toMs, false);
  return new Map(
    queueIds.map((id, k) => {
      const handled = t.handled[k]!;
      const sums = t.handleSum[k]!;
      return [id, { arrivals: t.arrivals[k]!, handled, ahtSeconds: Array.from(handled, (n, h) => (n > 0 ? sums[h]! / n : null)) }];
    }),
  );
}

/** Per asked queue and hour: the sums both reads are made of; `lifecycle` adds reopens, escalations and first responses. */
function hourlyTables(model: TicketModel, queueIds: readonly string[], fromMs: number, toMs: number, lifecycle: boolean) {
  if (fromMs % HOUR_MS !== 0 || toMs % HOUR_MS !== 0 || toMs < fromMs) throw new RangeError('from and to must be whole UTC hours, from ≤ to');
  const { queueIds: slots, ticketQueue } = ticketRouting(model);
  // Which of the asked queues (index k) each routing slot is, or −1.
  const askedOf = new Int32Array(slots.length).fill(-1);
  queueIds.forEach((id, k) => {
    const slot = slots.indexOf(id);
    if (slot < 0) throw new RangeError(`unknown queue ${id}`);
    askedOf[slot] = k;
  });
  const hours = (toMs - fromMs) / HOUR_MS;
  const table = () => queueIds.map(() => new Float64Array(hours));
  const arrivals = table();
  const handled = table();
  const handleSum = table();
  const openDelta = table();
  const escalations = table();
  const responses = table();
  const responseSum = table();
  const openBefore = new Float64Array(queueIds.length);
  const hourOf = (ms: number) => Math.floor((ms - fromMs) / HOUR_MS);
  const { tickets } = model;
  const queueOfTicket = (t: number) => askedOf[ticketQueue[t]!]!;
  for (let t = 0; t < tickets.key.length; t++) {
    const k = queueOfTicket(t);
    if (k < 0) continue;
    const ms = tickets.createdMs.get(t);
    if (ms < fromMs) openBefore[k]!++;
    else if (ms < toMs) {
      arrivals[k]![hourOf(ms)]!++;
      openDelta[k]![hourOf(ms)]!++;
    }
  }
  const r = model.resolutions;
  for (let i = 0; i < r.ticket.length; i++) {
    const k = queueOfTicket(r.ticket.get(i));
    if (k < 0) continue;
    const ms = r.atMs.get(i);
    if (ms < fromMs) openBefore[k]!--;
    else if (ms < toMs) {
      const h = hourOf(ms);
      handled[k]![h]!++;
      handleSum[k]![h]! += r.handleSeconds.get(i);
      openDelta[k]![h]!--;
    }
  }
  const tables = { arrivals, handled, handleSum, openDelta, escalations, responses, responseSum, openBefore };
  if (!lifecycle) return tables;
  const o = model.reopens;
  for (let i = 0; i < o.ticket.length; i++) {
    const k = queueOfTicket(o.ticket.get(i));
    if (k < 0) continue;
    const ms = o.atMs.get(i);
    if (ms < fromMs) openBefore[k]!++;
    else if (ms < toMs) openDelta[k]![hourOf(ms)]!++;
  }
  const e = model.escalations;
  for (let i = 0; i < e.ticket.length; i++) {
    const k = queueOfTicket(e.ticket.get(i));
    const ms = e.atMs.get(i);
    if (k >= 0 && ms >= fromMs && ms < toMs) escalations[k]![hourOf(ms)]!++;
  }
  const f = model.firstResponses;
  for (let i = 0; i < f.ticket.length; i++) {
    const t = f.ticket.get(i);
    const k = queueOfTicket(t);
    const ms = f.atMs.get(i);
    if (k >= 0 && ms >= fromMs && ms < toMs) {
      const h = hourOf(ms);
      responses[k]![h]!++;
      responseSum[k]![h]! += (ms - tickets.createdMs.get(t)) / 1000;
    }
  }
  return tables;
}

/** The queue's time zone; UTC for the UNROUTED bucket. */
export function queueTimeZone(model: TicketModel, queueId: string): string {
  return model.queues.get(queueId)?.timeZone ?? 'UTC';
}

/**
 * KPIs of one queue per local day or ISO week of its time zone covering the local dates
 * [fromDate, toDate) (weeks whole, see localPeriods). Each fact counts in the period of its own
 * instant (a resolution in the period of its resolution, a rating in that of the rating).
 * O(facts·log periods + resolutions·log resolutions) per call.
 */
export function queueKpis(model: TicketModel, queueId: string, fromDate: string, toDate: string, granularity: Granularity): KpiReport {
  const { slot, ticketQueue } = slotOf(model, queueId);
  const timeZone = queueTimeZone(model, queueId);
  const periods = localPeriods(fromDate, toDate, timeZone, granularity);
  const n = periods.labels.length;
  const arrivals = new Array<number>(n).fill(0);
  const resolutionTimes: number[][] = Array.from({ length: n }, () => []);
  const rated = new Array<number>(n).fill(0);
  const satisfied = new Array<number>(n).fill(0);
  const escalations = Array.from({ length: n }, () => new Array<number>(ESCALATION_TARGETS.length).fill(0));
  const reopens = new Array<number>(n).fill(0);
  const { tickets } = model;
  for (let t = 0; t < tickets.key.length; t++) {
    if (ticketQueue[t] !== slot) continue;
    const p = periodIndex(periods.starts, tickets.createdMs.get(t));
    if (p >= 0) arrivals[p]!++;
  }
  const r = model.resolutions;
  eachOf(r.ticket, ticketQueue, slot, (i) => {
    const at = r.atMs.get(i);
    const p = periodIndex(periods.starts, at);
    if (p >= 0) resolutionTimes[p]!.push((at - tickets.createdMs.get(r.ticket.get(i))) / 1000);
  });
  const c = model.ratings;
  eachOf(c.ticket, ticketQueue, slot, (i) => {
    const p = periodIndex(periods.starts, c.atMs.get(i));
    if (p < 0) return;
    rated[p]!++;
    if (c.score.get(i) >= 4) satisfied[p]!++;
  });
  const e = model.escalations;
  eachOf(e.ticket, ticketQueue, slot, (i) => {
    const p = periodIndex(periods.starts, e.atMs.get(i));
    if (p >= 0) escalations[p]![e.target.get(i)]!++;
  });
  const o = model.reopens;
  eachOf(o.ticket, ticketQueue, slot, (i) => {
    const p = periodIndex(periods.starts, o.atMs.get(i));
    if (p >= 0) reopens[p]!++;
  });
  const out: KpiPeriod[] = periods.labels.map((label, p) => {
    const times = Float64Array.from(resolutionTimes[p]!).sort();
    const total = escalations[p]!.reduce((a, b) => a + b, 0);
    return {
      period: label,
      start: periods.bounds[p]!,
      end: periods.bounds[p + 1]!,
      arrivals: arrivals[p]!,
      resolutions: times.length,
      resolutionSeconds: times.length > 0 ? { median: quantileSorted(times, 0.5), p90: quantileSorted(times, 0.9) } : null,
      csat: { rated: rated[p]!, satisfied: satisfied[p]!, share: rated[p]! > 0 ? satisfied[p]! / rated[p]! : null },
      escalations: { total, rate: arrivals[p]! > 0 ? total / arrivals[p]! : null, byTarget: Object.fromEntries(ESCALATION_TARGETS.map((target, k) => [target, escalations[p]![k]!])) },
      reopens: reopens[p]!,
      reopenRate: times.length > 0 ? reopens[p]! / times.length : null,
    };
  });
  return { queueId, timeZone, granularity, periods: out };
}

/**
 * Contact drivers: arrivals and escalations by category and market per UTC ISO week, for the whole
 * weeks covering the UTC dates [fromDate, toDate), each with the previous week's figures and the
 * week-over-week change. Pairs with nothing in either week are left out. O(facts·log weeks).
 */
export function contactDrivers(model: TicketModel, fromDate: string, toDate: string): DriverWeek[] {
  const periods = localPeriods(fromDate, toDate, 'UTC', 'week');
  // One more week before the first, for its week-over-week change.
  const starts = [periods.starts[0]! - 7 * 86_400_000, ...periods.starts];
  const weeks = starts.length - 1;
  const pairOfKey = model.keys.map((k) => `${k.category}|${k.market}`);
  const arrivals = new Map<string, number[]>();
  const escalations = new Map<string, number[]>();
  const bump = (table: Map<string, number[]>, pair: string, w: number) => {
    let row = table.get(pair);
    if (!row) table.set(pair, (row = new Array<number>(weeks).fill(0)));
    row[w]!++;
  };
  const { tickets } = model;
  for (let t = 0; t < tickets.key.length; t++) {
    const w = periodIndex(starts, tickets.createdMs.get(t));
    if (w >= 0) bump(arrivals, pairOfKey[tickets.key.get(t)]!, w);
  }
  const e = model.escalations;
  for (let i = 0; i < e.ticket.length; i++) {
    const w = periodIndex(starts, e.atMs.get(i));
    if (w >= 0) bump(escalations, pairOfKey[tickets.key.get(e.ticket.get(i))]!, w);
  }
  const pairs = [...new Set([...arrivals.keys(), ...escalations.keys()])].sort();
  const change = (now: number, before: number) => (before > 0 ? (now - before) / before : null);
  return periods.labels.map((week, j) => {
    const w = j + 1;
    const rows: DriverRow[] = [];
    for (const pair of pairs) {
      const a = arrivals.get(pair);
      const s = escalations.get(pair);
      const row = { now: a?.[w] ?? 0, before: a?.[w - 1] ?? 0, escNow: s?.[w] ?? 0, escBefore: s?.[w - 1] ?? 0 };
      if (row.now + row.before + row.escNow + row.escBefore === 0) continue;
      const [category, market] = pair.split('|') as [string, string];
      rows.push({
        category,
        market,
        arrivals: row.now,
        escalations: row.escNow,
        previousArrivals: row.before,
        previousEscalations: row.escBefore,
        arrivalsChange: change(row.now, row.before),
        escalationsChange: change(row.escNow, row.escBefore),
      });
    }
    return { week, start: new Date(starts[w]!).toISOString(), rows };
  });
}
