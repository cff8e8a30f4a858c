import { erlangARequirement } from '@staffcast/staffing';
import { openHours } from './opening-hours.js';
import { queueRequirements, requirementsBySkillSet } from './queue-requirements.js';

const allDay = [{ from: '00:00', to: '24:00' }];
const everyDay = { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay };
const office = [{ from: '09:00', to: '17:00' }];
const weekdays = { mon: office, tue: office, wed: office, thu: office, fri: office, sat: [], sun: [] };

const phone = {
  queueId: 'us-fraud-phone',
  channel: 'phone' as const,
  timeZone: 'America/New_York',
  openingHours: everyDay,
  serviceTarget: { kind: 'sl' as const, percent: 80, seconds: 20 },
  chatConcurrency: 1,
  callerPatienceSeconds: 300,
  requiredSkills: ['fraud-us'],
};

describe('queueRequirements', () => {
  it('staffs a phone queue with Erlang A at its caller patience, and grosses up for shrinkage', () => {
    const [hour] = queueRequirements({ queue: phone, startMs: Date.UTC(2026, 2, 2, 15), arrivals: [200], ahtSeconds: 180, shrinkage: 0.3 });
    const direct = erlangARequirement({ arrivalsPerHour: 200, ahtSeconds: 180, patienceSeconds: 300, target: { serviceLevel: 0.8, thresholdSeconds: 20 } });
    expect(hour!.requiredAgents).toBe(direct.agents);
    expect(hour!.rawAgents).toBeCloseTo(direct.rawAgents, 12);
    expect(hour!.scheduledAgents).toBe(Math.ceil(direct.rawAgents / 0.7));
  });

  it('needs nobody while a live queue is closed, following the queue time zone across DST', () => {
    const queue = { ...phone, openingHours: weekdays };
    // 2026-11-02 (Mon) 14:00 UTC is 09:00 in New York after the change back to EST; 13:00 UTC is 08:00.
    const hours = queueRequirements({ queue, startMs: Date.UTC(2026, 10, 2, 13), arrivals: [50, 50], ahtSeconds: 180, shrinkage: 0 });
    expect(hours.map((h) => h.open)).toEqual([false, true]);
    expect(hours[0]!.requiredAgents).toBe(0);
    expect(hours[1]!.requiredAgents).toBeGreaterThan(0);
    // Before the change (EDT) 09:00 local is 13:00 UTC.
    expect(openHours(weekdays, 'America/New_York', Date.UTC(2026, 9, 26, 13), 1)).toEqual([true]);
  });

  it('answers every email within its response target inside opening hours', () => {
    const email = { ...phone, queueId: 'us-mail', channel: 'email' as const, openingHours: weekdays, serviceTarget: { kind: 'response' as const, hours: 4 }, callerPatienceSeconds: undefined };
    // Monday 00:00 New York = 05:00 UTC (EST in January); 10 emails an hour while open (09:00–17:00).
    const arrivals = Array.from({ length: 24 }, (_, h) => (h >= 9 && h < 17 ? 10 : 0));
    const hours = queueRequirements({ queue: email, startMs: Date.UTC(2026, 0, 5, 5), arrivals, ahtSeconds: 360, shrinkage: 0.2 });
    expect(hours.filter((h) => h.open).map((h) => new Date(h.hourMs).getUTCHours())).toEqual([14, 15, 16, 17, 18, 19, 20, 21]);
    expect(hours.filter((h) => !h.open).every((h) => h.rawAgents === 0)).toBe(true);
    // A 4-hour target with the queue closing at 17:00: the day's 80 emails (8 agent-hours) are all answered by closing.
    const agentHours = hours.reduce((s, h) => s + h.rawAgents, 0);
    expect(agentHours).toBeGreaterThanOrEqual(8 - 1e-6);
    expect(hours[16]!.backlogEnd).toBeCloseTo(0, 6);
    expect(hours.every((h) => h.scheduledAgents >= h.rawAgents / 0.8 - 1e-9)).toBe(true);
  });

  it('pools queues that need the same skills before rounding', () => {
    const hour = (raw: number) => [{ hourMs: 0, open: true, arrivals: 1, ahtSeconds: 1, requiredAgents: Math.ceil(raw), rawAgents: raw, scheduledAgents: 0 }];
    const pooled = requirementsBySkillSet(
      [
        { requiredSkills: ['kyc-us'], hours: hour(2.2) },
        { requiredSkills: ['kyc-us'], hours: hour(3.3) },
        { requiredSkills: ['fraud-us'], hours: hour(1.1) },
      ],
      0.25,
    );
    expect(pooled.get('kyc-us')!.requiredAgents).toEqual([6]);
    expect(pooled.get('kyc-us')!.rawAgents[0]).toBeCloseTo(5.5, 12);
    expect(pooled.get('kyc-us')!.scheduledAgents).toEqual([Math.ceil(5.5 / 0.75)]);
    expect(pooled.get('fraud-us')!.requiredAgents).toEqual([2]);
  });
});
