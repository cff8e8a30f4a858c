import { z } from 'zod';
import { EVENT_CATALOGUE, EVENT_TYPES, streamOf } from './catalogue.js';
import { EventParseError, parseEvent, safeParseEvent } from './parse-event.js';
import { UpcasterRegistry, type Upcaster } from './upcasters.js';

const v2 = { ticketId: 'T-1', createdAt: '2024-03-10T09:00:00+11:00', channel: 'chat', market: 'AU', category: 'kyc', language: 'en-AU', priority: 'high' };
const { language: _language, ...v1 } = v2;

describe('parseEvent', () => {
  it('returns a current-version event unchanged', () => {
    expect(parseEvent('TicketCreated', v2, 2)).toEqual({ type: 'TicketCreated', data: v2 });
    expect(parseEvent('TicketCreated', v2)).toEqual({ type: 'TicketCreated', data: v2 });
  });

  it('upcasts a v1 TicketCreated without language to v2 with language und', () => {
    const result = safeParseEvent('TicketCreated', v1, 1);
    expect(result).toEqual({ success: true, upcastFrom: 1, event: { type: 'TicketCreated', data: { ...v1, language: 'und' } } });
  });

  it('validates the old shape before upcasting and names its fields', () => {
    const result = safeParseEvent('TicketCreated', { ...v1, market: 'Australia' }, 1);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.schemaVersion).toBe(1);
    expect(result.error.issues.map((i) => i.path)).toEqual([['market']]);
  });

  it('rejects a v2 payload that lacks language', () => {
    expect(() => parseEvent('TicketCreated', v1, 2)).toThrow(EventParseError);
    const result = safeParseEvent('TicketCreated', v1, 2);
    expect(!result.success && result.error.issues.map((i) => i.path)).toEqual([['language']]);
  });

  it('rejects unknown types and versions from the future or below 1', () => {
    expect(safeParseEvent('TicketDeleted', v2).success).toBe(false);
    expect(safeParseEvent('__proto__', v2).success).toBe(false);
    expect(safeParseEvent('TicketCreated', v2, 3).success).toBe(false);
    expect(safeParseEvent('TicketCreated', v2, 0).success).toBe(false);
    expect(safeParseEvent('TicketCreated', v2, 1.5).success).toBe(false);
  });

  it('chains upcasters one version at a time', () => {
    // A registry in which TicketResolved is at v3: v1 had `handleMinutes`, v2 had `handleMs`.
    const toV2: Upcaster = {
      type: 'TicketResolved',
      fromVersion: 1,
      fromSchema: z.object({ ticketId: z.string(), resolvedAt: z.string(), handleMinutes: z.number() }),
      upcast: (d) => {
        const { handleMinutes, ...rest } = d as { handleMinutes: number };
        return { ...rest, handleMs: handleMinutes * 60_000 };
      },
    };
    const toV3: Upcaster = {
      type: 'TicketResolved',
      fromVersion: 2,
      upcast: (d) => {
        const { handleMs, ...rest } = d as { handleMs: number };
        return { ...rest, handleSeconds: handleMs / 1000 };
      },
    };
    const registry = new UpcasterRegistry([toV3, toV2], (type) => (type === 'TicketResolved' ? 3 : EVENT_CATALOGUE.TicketCreated.schemaVersion));
    const data = { ticketId: 'T-1', resolvedAt: '2024-03-10T10:00:00Z' };
    expect(parseEvent('TicketResolved', { ...data, handleMinutes: 7 }, 1, registry)).toEqual({ type: 'TicketResolved', data: { ...data, handleSeconds: 420 } });
    expect(parseEvent('TicketResolved', { ...data, handleMs: 1500 }, 2, registry)).toEqual({ type: 'TicketResolved', data: { ...data, handleSeconds: 1.5 } });
    expect(safeParseEvent('TicketResolved', { ...data, handleMinutes: 7 }, 2, registry).success).toBe(false);
  });

  it('refuses a registry with duplicate or pointless upcasters', () => {
    const u: Upcaster = { type: 'TicketCreated', fromVersion: 1, upcast: (d) => d };
    expect(() => new UpcasterRegistry([u, u])).toThrow(/two upcasters/);
    expect(() => new UpcasterRegistry([{ ...u, fromVersion: 2 }])).toThrow(/below the current version/);
    expect(() => new UpcasterRegistry([{ ...u, type: 'Nope' }])).toThrow(/unknown event type/);
  });

  it('reports a missing upcaster instead of skipping versions', () => {
    const registry = new UpcasterRegistry([], () => 2);
    expect(safeParseEvent('QueueRetired', { queueId: 'q', retiredAt: '2024-01-01T00:00:00Z' }, 1, registry)).toMatchObject({ success: false });
  });
});

describe('catalogue', () => {
  it('names every event stream from its data', () => {
    expect(streamOf(parseEvent('TicketCreated', v2))).toBe('ticket-T-1');
    expect(streamOf({ type: 'HolidayDeclared', data: { market: 'US', date: '2024-07-04', name: 'Independence Day' } })).toBe('calendar-US');
  });
  it('lists each catalogued event of queues, tickets, launches, agents and calendars, and published forecasts, once', () => {
    expect(EVENT_TYPES.sort()).toEqual(
      [
        'QueueDefined', 'QueueRoutingChanged', 'QueueServiceTargetChanged', 'QueueRetired',
        'TicketCreated', 'TicketFirstResponded', 'TicketEscalated', 'TicketResolved', 'TicketReopened', 'TicketCsatRated',
        'LaunchScheduled', 'LaunchRescheduled', 'LaunchUpliftRevised', 'LaunchCancelled',
        'AgentHired', 'AgentCertified', 'AgentScheduleSet', 'AgentAbsenceRecorded', 'AgentDeparted',
        'HolidayDeclared',
        'ForecastPublished',
      ].sort(),
    );
  });
});
