import { ShiftRules } from '@staffcast/events';
import type { RosterAgent } from '@staffcast/projections';
import { expandInstance, type ScheduleInstance } from '@staffcast/scheduling';
import { DateTime } from 'luxon';
import { Rng } from '@staffcast/demo';

/**
 * Synthetic schedule instances for bench:schedule, shaped like the demo's offshore site: a
 * Kuala Lumpur roster serving US queues through the local night and AU queues through the day;
 * each queue is worked only by agents holding its skill, and teams of about ten agents share a
 * profile of two or three skills; 9-hour shifts on the hour with a placed 15-minute break
 * and an unpaid lunch; a 32–40 h, 4–5 day contract with two rest days in a row, 11 h rest and at
 * most five days in a row. The requirement is sized so the roster's productive hours cover
 * about 95 % of it. Deterministic for a seed.
 */
const ZONE = 'Asia/Kuala_Lumpur';
export const BENCH_WEEK = '2026-06-01';

export function benchRules(): ShiftRules {
  return ShiftRules.parse({
    siteId: 'bench',
    timeZone: ZONE,
    templates: [
      {
        templateId: 'nine-hours',
        starts: Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00`),
        lengthMinutes: 540,
        breaks: [
          { kind: 'break', minutes: 15, paid: true, earliestAfterMinutes: 120, latestAfterMinutes: 150 },
          { kind: 'lunch', minutes: 60, paid: false, earliestAfterMinutes: 240, latestAfterMinutes: 300 },
        ],
      },
    ],
    contracts: [{ contractId: 'full-time', weeklyHours: { min: 32, max: 40 }, daysPerWeek: { min: 4, max: 5 }, restDays: 'two-consecutive', minRestHours: 11, maxConsecutiveDays: 5 }],
    defaultContractId: 'full-time',
  });
}

export function benchInstance(agentCount: number, queueCount: number, seed: number): ScheduleInstance {
  const rng = new Rng(seed);
  const startMs = DateTime.fromISO(BENCH_WEEK, { zone: ZONE }).toMillis();
  const skills = Array.from({ length: queueCount }, (_, q) => `skill-${q}`);
  // Teams of about ten agents share a skill profile of two or three queues' skills.
  const profiles = Array.from({ length: Math.ceil(agentCount / 10) }, () => {
    const held = new Set<string>();
    const n = rng.int(2, 3);
    while (held.size < n) held.add(rng.pick(skills));
    return [...held].sort();
  });
  const agents: RosterAgent[] = Array.from({ length: agentCount }, (_, i) => {
    const held = profiles[i % profiles.length]!;
    return { agentId: `agent-${String(i + 1).padStart(3, '0')}`, siteId: 'bench', timeZone: ZONE, skills: held, startDate: '2025-01-01', departedOn: null, certifications: [], schedules: [], absences: [] };
  });
  // Productive agent-hours per agent-week: 5 shifts × (9 h − 1 h lunch − 0.25 h break).
  const supply = agentCount * 5 * 7.75;
  const shapes = Array.from({ length: queueCount }, (_, q) => {
    const us = q % 2 === 0;
    // Local (KL) opening: US queues 20:00–10:00, AU queues 06:00–20:00; peak in the middle.
    const open = us ? { from: 20, hours: 14 } : { from: 6, hours: 14 };
    const weight = 0.5 + rng.next();
    const weekendFactor = 0.6 + 0.3 * rng.next();
    return { open, weight, weekendFactor };
  });
  const raw = shapes.map((s) =>
    Array.from({ length: 168 }, (_, h) => {
      const day = Math.floor(h / 24);
      const local = h % 24;
      const into = (local - s.open.from + 24) % 24;
      if (into >= s.open.hours) return 0;
      const bump = Math.sin((Math.PI * (into + 0.5)) / s.open.hours);
      return s.weight * (0.4 + bump) * (day >= 5 ? s.weekendFactor : 1);
    }),
  );
  const total = raw.flat().reduce((a, b) => a + b, 0);
  const scale = supply / 0.95 / total;
  return expandInstance({
    rules: benchRules(),
    weekStart: BENCH_WEEK,
    weeks: 1,
    queues: raw.map((hours, q) => ({ queueId: `queue-${q}`, requiredSkills: [skills[q]!], requiredPerHour: hours.map((v) => Math.round(v * scale * 100) / 100) })),
    requirementFromMs: startMs,
    agents: agents.map((roster) => ({ roster, hourlyCost: { amount: Math.round(rng.logNormal(9, 0.12) * 100) / 100, currency: 'USD' } })),
    ramp: [],
  });
}
