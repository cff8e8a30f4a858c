import { deterministicEventId, uuidFromName, uuidv7 } from './event-ids.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('event ids', () => {
  it('uuidv7 is a version-7 UUID that sorts by time', () => {
    const a = uuidv7(Date.UTC(2026, 0, 1));
    const b = uuidv7(Date.UTC(2026, 0, 1, 0, 0, 1));
    expect(a).toMatch(UUID);
    expect(a[14]).toBe('7');
    expect(a < b).toBe(true);
    expect(a.slice(0, 13).replace('-', '')).toBe(Date.UTC(2026, 0, 1).toString(16).padStart(12, '0'));
  });

  it('deterministic ids repeat for the same fact and differ between facts', () => {
    expect(deterministicEventId('ticket-T1', 'created')).toBe(deterministicEventId('ticket-T1', 'created'));
    expect(deterministicEventId('ticket-T1', 'created')).not.toBe(deterministicEventId('ticket-T1', 'resolved'));
  });

  it('uuidFromName is a stable version-5 UUID', () => {
    const id = uuidFromName('ticket-T1/created');
    expect(id).toMatch(UUID);
    expect(id[14]).toBe('5');
    expect(uuidFromName('ticket-T1/created')).toBe(id);
    expect(uuidFromName('ticket-T1/resolved')).not.toBe(id);
  });
});
