import { EVENT_CATALOGUE, type EventType } from '@staffcast/events';
import { arrivalsUntil, createTicketModel, evolveTicketModel, hourlyVolume } from './index.js';

const HOUR = 3_600_000;
const BASE = Date.UTC(2026, 2, 2, 13); // a whole UTC hour
const iso = (ms: number) => new Date(ms).toISOString();

function model(createdMs: readonly number[], market = 'US') {
  const m = createTicketModel();
  const raw = [
    { type: 'QueueDefined', data: { queueId: 'q-us', timeZone: 'America/New_York', routing: { markets: ['US'], categories: [], languages: [], channels: [] } } },
    ...createdMs.map((ms, i) => ({ type: 'TicketCreated', data: { ticketId: `T${i}`, createdAt: iso(ms), channel: 'chat', market, category: 'kyc', language: 'en', priority: 'normal' } })),
  ];
  raw.forEach((e, i) => evolveTicketModel(m, { ...e, position: BigInt(i + 1), metadata: { schemaVersion: EVENT_CATALOGUE[e.type as EventType].schemaVersion } }));
  return m;
}

describe('arrivalsUntil', () => {
  it('given tickets around the cut-off, then it counts each hour begun and only tickets created before the instant', () => {
    const m = model([BASE + 10, BASE + HOUR - 1, BASE + HOUR + 5 * 60_000, BASE + HOUR + 29 * 60_000, BASE + HOUR + 30 * 60_000, BASE + 3 * HOUR]);
    expect(arrivalsUntil(m, 'q-us', BASE, BASE + HOUR + 30 * 60_000)).toEqual([2, 2]);
    expect(arrivalsUntil(m, 'q-us', BASE, BASE)).toEqual([]);
    // At a whole hour it agrees with the hourly volume.
    expect(arrivalsUntil(m, 'q-us', BASE, BASE + 4 * HOUR)).toEqual(hourlyVolume(m, 'q-us', BASE, BASE + 4 * HOUR).map((r) => r.arrivals));
  });

  it('given a ticket routed elsewhere, then it is not counted; bad bounds and unknown queues throw', () => {
    const m = model([BASE + 10], 'AU');
    expect(arrivalsUntil(m, 'q-us', BASE, BASE + HOUR)).toEqual([0]);
    expect(() => arrivalsUntil(m, 'q-us', BASE + 1, BASE + HOUR)).toThrow(RangeError);
    expect(() => arrivalsUntil(m, 'q-us', BASE, BASE - 1)).toThrow(RangeError);
    expect(() => arrivalsUntil(m, 'nope', BASE, BASE + HOUR)).toThrow(/unknown queue/);
  });
});
