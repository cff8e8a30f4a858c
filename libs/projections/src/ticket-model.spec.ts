import fc from 'fast-check';
import { DateTime } from 'luxon';
import { EVENT_CATALOGUE, type EventType } from '@staffcast/events';
import {
  NO_MARKS,
  UNROUTED,
  applyChunk,
  contactDrivers,
  createTicketModel,
  decodeChunk,
  encodeChunk,
  directDrivers,
  directHourlyVolume,
  hourlyVolumes,
  hourlyHistory,
  directKpis,
  evolveTicketModel,
  exportChunk,
  hourlyVolume,
  localHourOfWeek,
  marksOf,
  modelFromChunks,
  queueKpis,
  type ModelChunk,
  type ProjectedEvent,
  type TicketModel,
} from './index.js';

const HOUR = 3_600_000;
const BASE = Date.UTC(2026, 9, 26); // Monday 26 Oct 2026; US clocks go back on Sunday 1 Nov
const SPAN_HOURS = 14 * 24;
const iso = (ms: number) => new Date(ms).toISOString();

type Raw = { type: string; data: Record<string, unknown> };

function logged(raw: readonly Raw[], firstPosition = 1n, gap = 1n): ProjectedEvent[] {
  return raw.map((e, i) => ({ ...e, position: firstPosition + BigInt(i) * gap, metadata: { schemaVersion: EVENT_CATALOGUE[e.type as EventType].schemaVersion } }));
}

function queueDefined(queueId: string, timeZone: string, routing: { markets?: string[]; categories?: string[]; languages?: string[]; channels?: string[] }): Raw {
  return {
    type: 'QueueDefined',
    data: { queueId, timeZone, routing: { markets: [], categories: [], languages: [], channels: [], ...routing } },
  };
}

/** Rounds every number to 9 significant digits: sums of the same values in another order may differ in the last bit. */
function rounded(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' ? Number(v.toPrecision(9)) : v)));
}

// Ticket lifecycles in whole seconds, valid for the ticket decider.
const ticketArb = fc.record({
  createdHour: fc.integer({ min: 0, max: SPAN_HOURS - 1 }),
  createdSecond: fc.integer({ min: 0, max: 3599 }),
  channel: fc.constantFrom('chat', 'email'),
  market: fc.constantFrom('US', 'AU'),
  category: fc.constantFrom('kyc', 'trading'),
  language: fc.constantFrom('en', 'es'),
  firstResponseAfter: fc.option(fc.integer({ min: 0, max: 20_000 })),
  escalations: fc.array(fc.record({ after: fc.integer({ min: 0, max: 20_000 }), target: fc.constantFrom('tier2', 'compliance', 'fraud') }), { maxLength: 2 }),
  resolveAfter: fc.option(fc.integer({ min: 1, max: 200_000 })),
  handleSeconds: fc.integer({ min: 0, max: 5000 }),
  rating: fc.option(fc.integer({ min: 1, max: 5 })),
  reopenAndResolveAgain: fc.option(fc.tuple(fc.integer({ min: 0, max: 50_000 }), fc.integer({ min: 1, max: 50_000 }))),
});

type TicketSpec = typeof ticketArb extends fc.Arbitrary<infer T> ? T : never;

function ticketEvents(id: string, t: TicketSpec): Raw[] {
  const created = BASE + t.createdHour * HOUR + t.createdSecond * 1000;
  const out: Raw[] = [
    { type: 'TicketCreated', data: { ticketId: id, createdAt: iso(created), channel: t.channel, market: t.market, category: t.category, language: t.language, priority: 'normal' } },
  ];
  let cursor = created;
  if (t.firstResponseAfter !== null) out.push({ type: 'TicketFirstResponded', data: { ticketId: id, respondedAt: iso((cursor += t.firstResponseAfter * 1000)) } });
  for (const e of t.escalations) out.push({ type: 'TicketEscalated', data: { ticketId: id, escalatedAt: iso((cursor += e.after * 1000)), target: e.target, reasonCode: 'policy' } });
  if (t.resolveAfter === null) return out;
  out.push({ type: 'TicketResolved', data: { ticketId: id, resolvedAt: iso((cursor += t.resolveAfter * 1000)), handleSeconds: t.handleSeconds } });
  if (t.rating !== null) out.push({ type: 'TicketCsatRated', data: { ticketId: id, ratedAt: iso(cursor + 60_000), score: t.rating } });
  if (t.reopenAndResolveAgain !== null) {
    const [reopenAfter, again] = t.reopenAndResolveAgain;
    out.push({ type: 'TicketReopened', data: { ticketId: id, reopenedAt: iso((cursor += 60_000 + reopenAfter * 1000)) } });
    out.push({ type: 'TicketResolved', data: { ticketId: id, resolvedAt: iso(cursor + again * 1000), handleSeconds: t.handleSeconds + 1 } });
  }
  return out;
}

const listArb = <T>(values: readonly T[]) => fc.subarray([...values]);
const routingArb = fc.record({
  markets: listArb(['US', 'AU']),
  categories: listArb(['kyc', 'trading']),
  languages: listArb(['en', 'es']),
  channels: listArb(['chat', 'email']),
});
const queueArb = fc.record({ zone: fc.constantFrom('America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'UTC'), routing: routingArb });
const queueChangeArb = fc.oneof(
  fc.record({ kind: fc.constant('routing' as const), queue: fc.integer({ min: 0, max: 2 }), routing: routingArb }),
  fc.record({ kind: fc.constant('retire' as const), queue: fc.integer({ min: 0, max: 2 }), hour: fc.integer({ min: 0, max: SPAN_HOURS }) }),
);

/** A random log: queues first, then ticket lifecycles interleaved at random (each in its own order), queue changes anywhere. */
const logArb = fc
  .record({
    queues: fc.array(queueArb, { minLength: 1, maxLength: 3 }),
    tickets: fc.array(ticketArb, { maxLength: 25 }),
    changes: fc.array(queueChangeArb, { maxLength: 3 }),
    seed: fc.integer(),
    gap: fc.bigInt({ min: 1n, max: 5n }),
  })
  .map(({ queues, tickets, changes, seed, gap }) => {
    const ids = queues.map((_, i) => `q${i}`);
    const head: Raw[] = queues.map((q, i) => queueDefined(ids[i]!, q.zone, q.routing));
    const lanes: Raw[][] = tickets.map((t, i) => ticketEvents(`t${i}`, t));
    for (const c of changes) {
      const queueId = ids[c.queue % ids.length]!;
      lanes.push([
        c.kind === 'routing'
          ? { type: 'QueueRoutingChanged', data: { queueId, routing: c.routing } }
          : { type: 'QueueRetired', data: { queueId, retiredAt: iso(BASE + c.hour * HOUR) } },
      ]);
    }
    // Deterministic interleaving from the seed (a small LCG), preserving each lane's order.
    let state = seed >>> 0;
    const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0);
    const merged: Raw[] = [...head];
    const cursors = lanes.map(() => 0);
    let left = lanes.reduce((n, l) => n + l.length, 0);
    while (left > 0) {
      const open = lanes.map((l, i) => i).filter((i) => cursors[i]! < lanes[i]!.length);
      const lane = open[next() % open.length]!;
      merged.push(lanes[lane]![cursors[lane]!++]!);
      left--;
    }
    return { events: logged(merged, 1n, gap), queueIds: [...ids, UNROUTED] };
  });

/** A chunk after storage: encoded, its bytes copied at an odd offset (as a blob may come back), decoded. */
function stored(chunk: ModelChunk): ModelChunk {
  const { header, columns } = encodeChunk(chunk);
  const shifted = new Uint8Array(columns.length + 1);
  shifted.set(columns, 1);
  return decodeChunk({ header: JSON.parse(JSON.stringify(header)) as string, columns: shifted.subarray(1) });
}

function rebuild(events: readonly ProjectedEvent[]): TicketModel {
  const model = createTicketModel();
  for (const e of events) evolveTicketModel(model, e);
  return model;
}

function reads(model: TicketModel, queueIds: readonly string[]) {
  const from = BASE - 24 * HOUR;
  const to = BASE + (SPAN_HOURS + 24 * 6) * HOUR;
  return queueIds.map((q) => ({
    volume: hourlyVolume(model, q, from, to),
    days: queueKpis(model, q, '2026-10-25', '2026-11-20', 'day'),
    weeks: queueKpis(model, q, '2026-10-25', '2026-11-20', 'week'),
    drivers: contactDrivers(model, '2026-10-25', '2026-11-20'),
  }));
}

function directReads(events: readonly ProjectedEvent[], queueIds: readonly string[]) {
  const from = BASE - 24 * HOUR;
  const to = BASE + (SPAN_HOURS + 24 * 6) * HOUR;
  return queueIds.map((q) => ({
    volume: directHourlyVolume(events, q, from, to),
    days: directKpis(events, q, '2026-10-25', '2026-11-20', 'day'),
    weeks: directKpis(events, q, '2026-10-25', '2026-11-20', 'week'),
    drivers: directDrivers(events, '2026-10-25', '2026-11-20'),
  }));
}

describe('ticket read model', () => {
  it('incremental with restarts (chunks saved and reloaded, events redelivered) equals one rebuild and the direct computation', () => {
    fc.assert(
      fc.property(logArb, fc.array(fc.integer({ min: 1, max: 400 }), { maxLength: 6 }), ({ events, queueIds }, cutsRaw) => {
        const cuts = [...new Set(cutsRaw.map((c) => c % (events.length + 1)))].sort((a, b) => a - b);
        const saved: ModelChunk[] = [];
        let model = createTicketModel();
        let marks = NO_MARKS;
        let start = 0;
        for (const cut of [...cuts, events.length]) {
          // At-least-once delivery: a restart re-reads the last event before the checkpoint.
          for (const e of events.slice(Math.max(0, start - 1), cut)) evolveTicketModel(model, e);
          saved.push(stored(exportChunk(model, marks)));
          model = modelFromChunks(saved); // restart: load what was committed
          marks = marksOf(model);
          start = cut;
        }
        const once = rebuild(events);
        expect(exportChunk(model, NO_MARKS)).toEqual(exportChunk(once, NO_MARKS));
        const incremental = reads(model, queueIds);
        expect(incremental).toEqual(reads(once, queueIds));
        // All queues in one scan read the same as one queue at a time.
        const all = hourlyVolumes(model, queueIds, BASE - 24 * HOUR, BASE + (SPAN_HOURS + 24 * 6) * HOUR);
        expect(queueIds.map((q) => all.get(q))).toEqual(incremental.map((r) => r.volume));
        // The forecast's lean read gives the same arrivals, resolutions and AHT.
        const lean = hourlyHistory(model, queueIds, BASE - 24 * HOUR, BASE + (SPAN_HOURS + 24 * 6) * HOUR);
        for (const q of queueIds) {
          const h = lean.get(q)!;
          expect({ arrivals: [...h.arrivals], handled: [...h.handled], ahtSeconds: h.ahtSeconds }).toEqual({
            arrivals: all.get(q)!.map((r) => r.arrivals),
            handled: all.get(q)!.map((r) => r.handled),
            ahtSeconds: all.get(q)!.map((r) => r.ahtSeconds),
          });
        }
        expect(rounded(incremental)).toEqual(rounded(directReads(events, queueIds)));
      }),
      { numRuns: 60 },
    );
    // The direct computation filters every fact list per hour and period: slow on a busy machine.
  }, 180_000);

  it('routes to the most specific queue and re-routes history when routing changes', () => {
    const events = logged([
      queueDefined('us-all', 'America/New_York', { markets: ['US'] }),
      queueDefined('us-kyc', 'America/New_York', { markets: ['US'], categories: ['kyc'] }),
      { type: 'TicketCreated', data: { ticketId: 'a', createdAt: '2026-10-27T15:10:00Z', channel: 'chat', market: 'US', category: 'kyc', language: 'en', priority: 'normal' } },
      { type: 'TicketCreated', data: { ticketId: 'b', createdAt: '2026-10-27T15:20:00Z', channel: 'chat', market: 'US', category: 'trading', language: 'en', priority: 'normal' } },
      { type: 'TicketCreated', data: { ticketId: 'c', createdAt: '2026-10-27T15:30:00Z', channel: 'chat', market: 'AU', category: 'kyc', language: 'en', priority: 'normal' } },
    ]);
    const model = rebuild(events);
    const at = (q: string) => hourlyVolume(model, q, Date.UTC(2026, 9, 27, 15), Date.UTC(2026, 9, 27, 16))[0]!.arrivals;
    expect([at('us-all'), at('us-kyc'), at(UNROUTED)]).toEqual([1, 1, 1]);
    evolveTicketModel(model, { type: 'QueueRoutingChanged', data: { queueId: 'us-kyc', routing: { markets: [], categories: ['kyc'], languages: [], channels: [] } }, position: 10n, metadata: { schemaVersion: 1 } });
    // Now both constrain one list with one value, so the id decides (us-all < us-kyc): history re-routes.
    expect([at('us-all'), at('us-kyc'), at(UNROUTED)]).toEqual([2, 1, 0]);
  });

  it('reads TicketCreated v1 (no language) as language und', () => {
    const model = createTicketModel();
    evolveTicketModel(model, { type: 'QueueDefined', data: queueDefined('en-only', 'UTC', { languages: ['en'] }).data, position: 1n, metadata: { schemaVersion: 1 } });
    evolveTicketModel(model, {
      type: 'TicketCreated',
      data: { ticketId: 'old', createdAt: '2026-10-27T15:10:00Z', channel: 'chat', market: 'US', category: 'kyc', priority: 'normal' },
      position: 2n,
      metadata: { schemaVersion: 1 },
    });
    expect(model.keys[0]?.language).toBe('und');
    expect(hourlyVolume(model, UNROUTED, Date.UTC(2026, 9, 27, 15), Date.UTC(2026, 9, 27, 16))[0]!.arrivals).toBe(1);
  });

  it('DST: 09:00 New York tickets either side of the November change land at 13:00Z and 14:00Z, in the same local hour of week', () => {
    const events = logged([
      queueDefined('us', 'America/New_York', { markets: ['US'] }),
      { type: 'TicketCreated', data: { ticketId: 'before', createdAt: '2026-10-30T09:00:00-04:00', channel: 'chat', market: 'US', category: 'kyc', language: 'en', priority: 'normal' } },
      { type: 'TicketCreated', data: { ticketId: 'after', createdAt: '2026-11-06T09:00:00-05:00', channel: 'chat', market: 'US', category: 'kyc', language: 'en', priority: 'normal' } },
    ]);
    const model = rebuild(events);
    const rows = hourlyVolume(model, 'us', Date.UTC(2026, 9, 26), Date.UTC(2026, 10, 9)).filter((r) => r.arrivals > 0);
    expect(rows.map((r) => r.hour)).toEqual(['2026-10-30T13:00:00.000Z', '2026-11-06T14:00:00.000Z']);
    const hoursOfWeek = rows.map((r) => localHourOfWeek(Date.parse(r.hour), 'America/New_York'));
    expect(hoursOfWeek).toEqual([4 * 24 + 9, 4 * 24 + 9]);
    const days = queueKpis(model, 'us', '2026-10-30', '2026-11-07', 'day').periods;
    expect(days.filter((d) => d.arrivals > 0).map((d) => d.period)).toEqual(['2026-10-30', '2026-11-06']);
    const fallBack = days.find((d) => d.period === '2026-11-01')!;
    expect((Date.parse(fallBack.end) - Date.parse(fallBack.start)) / HOUR).toBe(25);
    // The same local hour, reached through the zone: luxon agrees.
    expect(rows.map((r) => DateTime.fromISO(r.hour, { zone: 'America/New_York' }).toFormat('ccc HH:mm'))).toEqual(['Fri 09:00', 'Fri 09:00']);
  });

  it('hand-worked hour: AHT, backlog, first response, KPIs and a chunk round trip', () => {
    const t = (id: string, at: string) => ({ type: 'TicketCreated', data: { ticketId: id, createdAt: at, channel: 'email', market: 'AU', category: 'kyc', language: 'en', priority: 'normal' } });
    const events = logged([
      queueDefined('au', 'Australia/Sydney', { markets: ['AU'] }),
      t('x', '2026-10-27T01:00:00Z'),
      t('y', '2026-10-27T01:30:00Z'),
      t('z', '2026-10-27T01:45:00Z'),
      { type: 'TicketFirstResponded', data: { ticketId: 'x', respondedAt: '2026-10-27T01:10:00Z' } },
      { type: 'TicketFirstResponded', data: { ticketId: 'y', respondedAt: '2026-10-27T01:50:00Z' } },
      { type: 'TicketResolved', data: { ticketId: 'x', resolvedAt: '2026-10-27T01:20:00Z', handleSeconds: 300 } },
      { type: 'TicketResolved', data: { ticketId: 'y', resolvedAt: '2026-10-27T01:55:00Z', handleSeconds: 600 } },
      { type: 'TicketEscalated', data: { ticketId: 'z', escalatedAt: '2026-10-27T02:05:00Z', target: 'fraud', reasonCode: 'policy' } },
      { type: 'TicketCsatRated', data: { ticketId: 'x', ratedAt: '2026-10-27T02:00:00Z', score: 5 } },
      { type: 'TicketCsatRated', data: { ticketId: 'y', ratedAt: '2026-10-27T02:00:00Z', score: 2 } },
      { type: 'TicketReopened', data: { ticketId: 'y', reopenedAt: '2026-10-27T02:30:00Z' } },
    ]);
    const model = rebuild(events);
    const [h1, h2] = hourlyVolume(model, 'au', Date.UTC(2026, 9, 27, 1), Date.UTC(2026, 9, 27, 3));
    expect(h1).toEqual({ hour: '2026-10-27T01:00:00.000Z', arrivals: 3, handled: 2, ahtSeconds: 450, backlogEnd: 1, escalations: 0, firstResponses: 2, meanFirstResponseSeconds: (600 + 1200) / 2 });
    expect(h2).toMatchObject({ arrivals: 0, handled: 0, ahtSeconds: null, backlogEnd: 2, escalations: 1 });
    // 01:00Z on 27 Oct is 12:00 in Sydney (AEDT, +11), the same local day as everything here.
    const [day] = queueKpis(model, 'au', '2026-10-27', '2026-10-28', 'day').periods;
    expect(day).toMatchObject({
      period: '2026-10-27',
      start: '2026-10-27T00:00:00+11:00',
      arrivals: 3,
      resolutions: 2,
      resolutionSeconds: { median: (1200 + 1500) / 2, p90: 1500 },
      csat: { rated: 2, satisfied: 1, share: 0.5 },
      escalations: { total: 1, rate: 1 / 3, byTarget: { tier2: 0, compliance: 0, cdd: 0, fraud: 1, other: 0 } },
      reopens: 1,
      reopenRate: 0.5,
    });
    const copy = applyChunk(createTicketModel(), stored(exportChunk(model, NO_MARKS)));
    expect(hourlyVolume(copy, 'au', Date.UTC(2026, 9, 27, 1), Date.UTC(2026, 9, 27, 3))).toEqual([h1, h2]);
  });

  it('drivers: week-over-week change by category and market', () => {
    const t = (id: string, at: string, category: string) => ({ type: 'TicketCreated', data: { ticketId: id, createdAt: at, channel: 'chat', market: 'US', category, language: 'en', priority: 'normal' } });
    const model = rebuild(
      logged([
        t('a', '2026-10-27T10:00:00Z', 'kyc'),
        t('b', '2026-10-28T10:00:00Z', 'kyc'),
        t('c', '2026-11-03T10:00:00Z', 'kyc'),
        t('d', '2026-11-03T11:00:00Z', 'kyc'),
        t('e', '2026-11-03T12:00:00Z', 'kyc'),
        { type: 'TicketEscalated', data: { ticketId: 'e', escalatedAt: '2026-11-03T12:30:00Z', target: 'tier2', reasonCode: 'policy' } },
      ]),
    );
    const weeks = contactDrivers(model, '2026-11-02', '2026-11-09');
    expect(weeks).toEqual([
      { week: '2026-W45', start: '2026-11-02T00:00:00.000Z', rows: [{ category: 'kyc', market: 'US', arrivals: 3, escalations: 1, previousArrivals: 2, previousEscalations: 0, arrivalsChange: 0.5, escalationsChange: null }] },
    ]);
  });
});
