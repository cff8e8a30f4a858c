import { DateTime } from 'luxon';
import type {
  AgentHiredData,
  AgentScheduleSetData,
  Channel,
  HolidayDeclaredData,
  LaunchScheduledData,
  QueueDefinedData,
} from '@staffcast/events';
import type { AgentCommand } from '@staffcast/roster';
import type { TicketCommand } from '@staffcast/tickets';
import { Rng } from './random.js';

/**
 * A realistic, seeded support operation for demos and benchmarks: US and AU queues across
 * channels and contact drivers, tickets whose arrivals follow each market's local clock (so
 * they move with DST), launches that lift volume, holidays that lower it, and an offshore
 * roster in Kuala Lumpur with shifts, certifications, absences, hires and departures.
 */
export interface DemoOptions {
  seed?: number;
  /** First local Monday of the history (UTC date). */
  start?: string;
  weeks?: number;
  /** Scales every queue's volume. */
  volumeScale?: number;
  /**
   * How many queues, 1–20 (default 10): the first N of the ten core queues followed by ten more
   * (access, tax, sanctions and due-diligence queues, more chat and email, AU social). Queues past
   * the tenth draw their tickets from their own random stream and are served by two extra teams, so
   * the core queues' tickets and agents are the same whether or not the extra queues are present.
   */
  queues?: number;
}

export interface DemoOperation {
  start: DateTime;
  end: DateTime;
  queues: QueueDefinedData[];
  holidays: HolidayDeclaredData[];
  launches: LaunchScheduledData[];
  agents: { agentId: string; commands: AgentCommand[] }[];
  /** Ticket lifecycles in creation order, one command list per ticket. */
  tickets(): Generator<TicketCommand[]>;
}

interface QueueSpec {
  id: string;
  name: string;
  market: 'US' | 'AU';
  channel: Channel;
  categories: string[];
  languages: string[];
  skills: string[];
  regulatory: boolean;
  /** Tickets on an ordinary weekday. */
  dailyVolume: number;
}

const ZONE = { US: 'America/New_York', AU: 'Australia/Sydney' } as const;

const QUEUES: QueueSpec[] = [
  { id: 'us-kyc-chat', name: 'US ID verification (chat)', market: 'US', channel: 'chat', categories: ['kyc'], languages: ['en', 'es'], skills: ['kyc-us'], regulatory: true, dailyVolume: 120 },
  { id: 'us-fraud-phone', name: 'US scam and fraud (phone)', market: 'US', channel: 'phone', categories: ['scam-fraud'], languages: ['en', 'es'], skills: ['fraud-us'], regulatory: true, dailyVolume: 70 },
  { id: 'us-restrictions-email', name: 'US account restrictions (email)', market: 'US', channel: 'email', categories: ['account-restriction'], languages: ['en', 'es'], skills: ['cdd-us'], regulatory: true, dailyVolume: 45 },
  { id: 'us-payments-chat', name: 'US deposits and withdrawals (chat)', market: 'US', channel: 'chat', categories: ['deposits', 'withdrawals'], languages: ['en', 'es'], skills: ['chat'], regulatory: false, dailyVolume: 160 },
  { id: 'us-trading-email', name: 'US trading (email)', market: 'US', channel: 'email', categories: ['trading'], languages: ['en', 'es'], skills: ['email'], regulatory: false, dailyVolume: 60 },
  { id: 'us-social', name: 'US social', market: 'US', channel: 'social', categories: ['trading', 'deposits', 'withdrawals', 'kyc'], languages: ['en'], skills: ['social'], regulatory: false, dailyVolume: 25 },
  { id: 'au-kyc-chat', name: 'AU ID verification (chat)', market: 'AU', channel: 'chat', categories: ['kyc'], languages: ['en'], skills: ['kyc-au'], regulatory: true, dailyVolume: 45 },
  { id: 'au-fraud-phone', name: 'AU scam and fraud (phone)', market: 'AU', channel: 'phone', categories: ['scam-fraud'], languages: ['en'], skills: ['fraud-au'], regulatory: true, dailyVolume: 25 },
  { id: 'au-payments-email', name: 'AU deposits and withdrawals (email)', market: 'AU', channel: 'email', categories: ['deposits', 'withdrawals', 'account-restriction'], languages: ['en'], skills: ['email'], regulatory: false, dailyVolume: 50 },
  { id: 'au-trading-chat', name: 'AU trading (chat)', market: 'AU', channel: 'chat', categories: ['trading'], languages: ['en'], skills: ['chat'], regulatory: false, dailyVolume: 40 },
];

/**
 * Ten more queues for a larger operation (`queues` > 10): contact drivers the core queues do not
 * take (account access, tax documents, staking, sanctions screening, source of funds) and more
 * channels for the regulated ones, each routed to a (market, channel, category) no other queue takes.
 */
const EXTRA_QUEUES: QueueSpec[] = [
  { id: 'us-access-phone', name: 'US account access and 2FA (phone)', market: 'US', channel: 'phone', categories: ['account-access'], languages: ['en', 'es'], skills: ['phone'], regulatory: false, dailyVolume: 80 },
  { id: 'us-fraud-chat', name: 'US scam and fraud (chat)', market: 'US', channel: 'chat', categories: ['scam-fraud'], languages: ['en', 'es'], skills: ['fraud-us'], regulatory: true, dailyVolume: 55 },
  { id: 'us-sanctions-email', name: 'US sanctions screening (email)', market: 'US', channel: 'email', categories: ['sanctions'], languages: ['en', 'es'], skills: ['sanctions-us'], regulatory: true, dailyVolume: 18 },
  { id: 'us-tax-email', name: 'US tax documents (email)', market: 'US', channel: 'email', categories: ['tax-documents'], languages: ['en', 'es'], skills: ['email'], regulatory: false, dailyVolume: 35 },
  { id: 'us-staking-chat', name: 'US staking and rewards (chat)', market: 'US', channel: 'chat', categories: ['staking'], languages: ['en', 'es'], skills: ['chat'], regulatory: false, dailyVolume: 50 },
  { id: 'au-kyc-email', name: 'AU ID verification (email)', market: 'AU', channel: 'email', categories: ['kyc'], languages: ['en'], skills: ['kyc-au'], regulatory: true, dailyVolume: 22 },
  { id: 'au-fraud-chat', name: 'AU scam and fraud (chat)', market: 'AU', channel: 'chat', categories: ['scam-fraud'], languages: ['en'], skills: ['fraud-au'], regulatory: true, dailyVolume: 20 },
  { id: 'au-cdd-email', name: 'AU source of funds (email)', market: 'AU', channel: 'email', categories: ['source-of-funds'], languages: ['en'], skills: ['cdd-au'], regulatory: true, dailyVolume: 15 },
  { id: 'au-access-chat', name: 'AU account access and 2FA (chat)', market: 'AU', channel: 'chat', categories: ['account-access'], languages: ['en'], skills: ['chat'], regulatory: false, dailyVolume: 30 },
  { id: 'au-social', name: 'AU social', market: 'AU', channel: 'social', categories: ['trading', 'deposits', 'withdrawals', 'kyc'], languages: ['en'], skills: ['social'], regulatory: false, dailyVolume: 12 },
];

/** Share of a weekday's tickets by local hour, 00–23: quiet nights, a late-morning peak, an evening shoulder. */
const INTRADAY = [0.6, 0.4, 0.3, 0.3, 0.3, 0.5, 1.2, 2.6, 4.6, 6.4, 7.4, 7.6, 7.0, 6.8, 6.9, 6.6, 6.0, 5.4, 4.8, 4.6, 4.2, 3.6, 2.4, 1.3];
const INTRADAY_SUM = INTRADAY.reduce((a, b) => a + b, 0);
/** Monday … Sunday relative to a mid-week day. */
const WEEKDAY_FACTOR = [1.12, 1.04, 1.0, 0.98, 0.94, 0.62, 0.55];

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const LIVE_OPEN = { from: '07:00', to: '22:00' };
const ASYNC_OPEN = { from: '08:00', to: '20:00' };

function openingHours(channel: Channel): QueueDefinedData['openingHours'] {
  const live = channel === 'phone' || channel === 'chat';
  const day = [live ? LIVE_OPEN : ASYNC_OPEN];
  const weekend = [live ? { from: '09:00', to: '18:00' } : ASYNC_OPEN];
  return { mon: day, tue: day, wed: day, thu: day, fri: day, sat: weekend, sun: weekend };
}

function queueDefinition(q: QueueSpec): QueueDefinedData {
  const live = q.channel === 'phone' || q.channel === 'chat';
  const definition: QueueDefinedData = {
    queueId: q.id,
    name: q.name,
    channel: q.channel,
    routing: { markets: [q.market], categories: q.categories, languages: q.languages, channels: [q.channel] },
    timeZone: ZONE[q.market],
    openingHours: openingHours(q.channel),
    serviceTarget: live ? { kind: 'sl', percent: 80, seconds: q.channel === 'phone' ? 30 : 60 } : { kind: 'response', hours: q.regulatory ? 12 : 24 },
    requiredSkills: q.skills,
    chatConcurrency: q.channel === 'chat' ? 2 : 1,
    regulatory: q.regulatory,
  };
  if (live) definition.callerPatienceSeconds = q.channel === 'phone' ? 180 : 300;
  return definition;
}

const HOLIDAYS: HolidayDeclaredData[] = [
  { market: 'US', date: '2026-05-25', name: 'Memorial Day' },
  { market: 'US', date: '2026-06-19', name: 'Juneteenth' },
  { market: 'US', date: '2026-07-03', name: 'Independence Day (observed)' },
  { market: 'US', date: '2026-09-07', name: 'Labor Day' },
  { market: 'US', date: '2026-11-26', name: 'Thanksgiving Day' },
  { market: 'US', date: '2026-12-25', name: 'Christmas Day' },
  { market: 'AU', date: '2026-06-08', name: "King's Birthday" },
  { market: 'AU', date: '2026-10-05', name: 'Labour Day' },
  { market: 'AU', date: '2026-12-25', name: 'Christmas Day' },
  { market: 'AU', date: '2026-12-28', name: 'Boxing Day (observed)' },
];
/** Volume on a market holiday relative to an ordinary day. */
const HOLIDAY_FACTOR = 0.45;

function launches(start: DateTime): LaunchScheduledData[] {
  const at = (days: number, zone: string, hour: number) => start.setZone(zone).plus({ days }).set({ hour, minute: 0 }).toUTC().toISO({ suppressMilliseconds: true })!;
  return [
    {
      launchId: 'us-staking-launch', name: 'US staking launch', kind: 'product', markets: ['US'], channels: [], categories: ['kyc', 'trading'],
      startsAt: at(44, ZONE.US, 9), endsAt: at(47, ZONE.US, 9), uplift: { kind: 'percent', percent: 100 }, profile: 'spike-decay',
    },
    {
      launchId: 'au-deposit-campaign', name: 'AU deposit bonus campaign', kind: 'campaign', markets: ['AU'], channels: [], categories: ['deposits', 'withdrawals'],
      startsAt: at(86, ZONE.AU, 8), endsAt: at(100, ZONE.AU, 8), uplift: { kind: 'percent', percent: 40 }, profile: 'flat',
    },
    {
      launchId: 'us-travel-rule', name: 'US travel-rule verification change', kind: 'regulatory', markets: ['US'], channels: [], categories: ['kyc', 'account-restriction'],
      startsAt: at(128, ZONE.US, 8), endsAt: at(142, ZONE.US, 8), uplift: { kind: 'percent', percent: 60 }, profile: 'flat',
    },
    {
      // Announced for after the history ends: the forecast must add it.
      launchId: 'us-options-launch', name: 'US options launch', kind: 'product', markets: ['US'], channels: [], categories: ['trading', 'kyc'],
      startsAt: at(7 * 28 + 3, ZONE.US, 9), endsAt: at(7 * 28 + 6, ZONE.US, 9), uplift: { kind: 'percent', percent: 80 }, profile: 'spike-decay',
    },
  ];
}

/** Multiplier of a launch at `t`: flat, or a spike of twice the mean decaying linearly to zero. */
function launchFactor(list: readonly LaunchScheduledData[], market: string, category: string, t: number): number {
  let factor = 1;
  for (const l of list) {
    if (l.uplift.kind !== 'percent' || !l.markets.includes(market) || !l.categories.includes(category)) continue;
    const s = Date.parse(l.startsAt);
    const e = Date.parse(l.endsAt);
    if (t < s || t >= e) continue;
    const shape = l.profile === 'flat' ? 1 : 2 * (1 - (t - s) / (e - s));
    factor += (l.uplift.percent / 100) * shape;
  }
  return factor;
}

function kulShift(start: string, end: string, breakStart: string, breakEnd: string) {
  return [{ start, end, breaks: [{ start: breakStart, end: breakEnd }] }];
}

const CORE_TEAMS = [
  { prefix: 'kul-us-a', count: 18, shift: kulShift('20:00', '05:00', '00:00', '01:00'), markets: ['US'], certs: ['kyc-us', 'fraud-us', 'cdd-us'] },
  { prefix: 'kul-us-b', count: 18, shift: kulShift('01:00', '10:00', '05:00', '06:00'), markets: ['US'], certs: ['kyc-us', 'fraud-us', 'cdd-us'] },
  { prefix: 'kul-au', count: 14, shift: kulShift('06:00', '15:00', '10:00', '11:00'), markets: ['AU'], certs: ['kyc-au', 'fraud-au'] },
];
/** Teams for the extra queues: a US night team that also screens sanctions, and an AU afternoon team that also does source-of-funds checks. */
const EXTRA_TEAMS = [
  { prefix: 'kul-us-c', count: 12, shift: kulShift('22:00', '07:00', '02:00', '03:00'), markets: ['US'], certs: ['kyc-us', 'fraud-us', 'cdd-us', 'sanctions-us'] },
  { prefix: 'kul-au-b', count: 10, shift: kulShift('10:00', '19:00', '14:00', '15:00'), markets: ['AU'], certs: ['kyc-au', 'fraud-au', 'cdd-au'] },
];

/**
 * The offshore roster: US shifts run through the Kuala Lumpur night, AU shifts through its day. The
 * extra teams come after the core ones in the same random stream, so the core agents do not change.
 */
function roster(rng: Rng, start: DateTime, end: DateTime, withExtraTeams: boolean): DemoOperation['agents'] {
  const agents: DemoOperation['agents'] = [];
  const teams = withExtraTeams ? [...CORE_TEAMS, ...EXTRA_TEAMS] : CORE_TEAMS;
  const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
  const historyDays = Math.round(end.diff(start, 'days').days);
  for (const team of teams) {
    for (let i = 1; i <= team.count; i++) {
      const agentId = `${team.prefix}-${String(i).padStart(2, '0')}`;
      const lateHire = rng.chance(0.12);
      const startDate = (lateHire ? start.plus({ days: rng.int(30, historyDays - 30) }) : start.minus({ days: rng.int(60, 900) })).toISODate()!;
      const skills = ['chat', 'phone', 'email', 'social'].filter(() => rng.chance(0.85));
      if (skills.length === 0) skills.push('chat');
      const hire: AgentHiredData = {
        agentId,
        site: { siteId: 'kul', timeZone: 'Asia/Kuala_Lumpur' },
        markets: team.markets,
        languages: team.markets.includes('US') && rng.chance(0.3) ? ['en', 'es'] : ['en'],
        skills,
        startDate,
        contractedHoursPerWeek: rng.chance(0.9) ? 40 : 30,
        hourlyCost: { amount: Math.round(rng.logNormal(9, 0.12) * 100) / 100, currency: 'USD' },
      };
      const commands: AgentCommand[] = [{ type: 'HireAgent', data: hire }];
      for (const cert of team.certs) {
        if (!rng.chance(0.55)) continue;
        // Certified a few weeks after starting, valid a year, renewed each year before it lapses.
        let certifiedOn = DateTime.fromISO(startDate).plus({ days: rng.int(14, 60) });
        while (certifiedOn < end) {
          commands.push({ type: 'CertifyAgent', data: { agentId, skill: cert, certifiedOn: certifiedOn.toISODate()!, expiresOn: certifiedOn.plus({ years: 1 }).toISODate()! } });
          certifiedOn = certifiedOn.plus({ years: 1, days: -rng.int(7, 30) });
        }
      }
      // Five days on, two rotating days off.
      const offA = rng.int(0, 6);
      const offB = (offA + 1) % 7;
      const shifts = Object.fromEntries(days.map((d, k) => [d, k === offA || k === offB ? [] : team.shift])) as AgentScheduleSetData['shifts'];
      commands.push({ type: 'SetAgentSchedule', data: { agentId, effectiveFrom: startDate, shifts } });
      const absences = rng.int(0, 3);
      for (let a = 0; a < absences; a++) {
        const from = DateTime.max(start, DateTime.fromISO(startDate, { zone: 'Asia/Kuala_Lumpur' })).plus({ days: rng.int(1, historyDays - 10) }).setZone('Asia/Kuala_Lumpur').startOf('day');
        if (from >= end) continue;
        commands.push({
          type: 'RecordAbsence',
          data: { agentId, from: from.toUTC().toISO({ suppressMilliseconds: true })!, to: from.plus({ days: rng.int(1, 5) }).toUTC().toISO({ suppressMilliseconds: true })!, reasonCode: rng.pick(['sick', 'annual-leave', 'training']) },
        });
      }
      if (!lateHire && rng.chance(0.1)) {
        commands.push({ type: 'DepartAgent', data: { agentId, departedOn: start.plus({ days: rng.int(20, historyDays - 5) }).toISODate()!, reasonCode: rng.pick(['resigned', 'relocated']) } });
      }
      const departure = commands.find((c) => c.type === 'DepartAgent');
      const employed = departure ? commands.filter((c) => c.type !== 'CertifyAgent' || c.data.certifiedOn <= departure.data.departedOn) : commands;
      agents.push({ agentId, commands: sortAgentCommands(employed) });
    }
  }
  return agents;
}

/** Hire first, then the rest by the date they take effect; a departure last. */
function sortAgentCommands(commands: AgentCommand[]): AgentCommand[] {
  const when = (c: AgentCommand): string => {
    switch (c.type) {
      case 'HireAgent':
        return '0';
      case 'CertifyAgent':
        return c.data.certifiedOn;
      case 'SetAgentSchedule':
        return c.data.effectiveFrom;
      case 'RecordAbsence':
        return c.data.from;
      case 'DepartAgent':
        return '9';
    }
  };
  return [...commands].sort((a, b) => (when(a) < when(b) ? -1 : when(a) > when(b) ? 1 : 0));
}

const ESCALATION: Record<string, { p: number; target: 'tier2' | 'compliance' | 'cdd' | 'fraud' }> = {
  'scam-fraud': { p: 0.25, target: 'fraud' },
  kyc: { p: 0.12, target: 'compliance' },
  'account-restriction': { p: 0.2, target: 'cdd' },
};

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

export function demoOperation(options: DemoOptions = {}): DemoOperation {
  const seed = options.seed ?? 20260504;
  const start = DateTime.fromISO(options.start ?? '2026-05-04T00:00:00Z', { zone: 'utc' });
  const weeks = options.weeks ?? 28;
  const end = start.plus({ weeks });
  const scale = options.volumeScale ?? 1;
  const queueCount = options.queues ?? QUEUES.length;
  if (!Number.isInteger(queueCount) || queueCount < 1 || queueCount > QUEUES.length + EXTRA_QUEUES.length) {
    throw new RangeError(`queues: must be an integer from 1 to ${QUEUES.length + EXTRA_QUEUES.length}, got ${String(options.queues)}`);
  }
  const core = QUEUES.slice(0, queueCount);
  const extra = EXTRA_QUEUES.slice(0, Math.max(0, queueCount - QUEUES.length));
  const launchList = launches(start);
  const holidaySet = new Set(HOLIDAYS.map((h) => `${h.market}|${h.date}`));
  const agents = roster(new Rng(seed ^ 0x5eed), start, end, extra.length > 0);

  function* tickets(): Generator<TicketCommand[]> {
    // The extra queues have their own random stream and ticket-id series, so adding them leaves the core queues' tickets as they were.
    const streams = [
      { queues: core, rng: new Rng(seed), idPrefix: '', serial: 0 },
      { queues: extra, rng: new Rng(seed ^ 0xe7a0), idPrefix: 'x', serial: 0 },
    ];
    const endMs = end.toMillis();
    for (let hour = start; hour < end; hour = hour.plus({ hours: 1 })) {
      const hourMs = hour.toMillis();
      const weeksIn = (hourMs - start.toMillis()) / (7 * 86_400_000);
      const batch: { at: number; commands: TicketCommand[] }[] = [];
      for (const stream of streams) {
        const rng = stream.rng;
        for (const q of stream.queues) {
          const local = hour.setZone(ZONE[q.market]);
          const live = q.channel === 'phone' || q.channel === 'chat';
          const open = openingHours(q.channel)[WEEKDAYS[local.weekday - 1]!][0]!;
          if (live && (local.hour < Number(open.from.slice(0, 2)) || local.hour >= Number(open.to.slice(0, 2)))) continue;
          const holiday = holidaySet.has(`${q.market}|${local.toISODate()}`) ? HOLIDAY_FACTOR : 1;
          const trend = 1 + 0.004 * weeksIn;
          const base = q.dailyVolume * scale * (INTRADAY[local.hour]! / INTRADAY_SUM) * WEEKDAY_FACTOR[local.weekday - 1]! * holiday * trend;
          for (const category of q.categories) {
            const mean = (base / q.categories.length) * launchFactor(launchList, q.market, category, hourMs);
            const count = rng.poisson(mean);
            for (let n = 0; n < count; n++) {
              const at = hourMs + Math.floor(rng.next() * 3_600_000 / 1000) * 1000;
              const ticketId = `${q.market.toLowerCase()}-${stream.idPrefix}${(++stream.serial).toString(36).padStart(7, '0')}`;
              batch.push({ at, commands: lifecycle(rng, ticketId, q, category, at, endMs) });
            }
          }
        }
      }
      batch.sort((a, b) => a.at - b.at);
      for (const b of batch) yield b.commands;
    }
  }

  return { start, end, queues: [...core, ...extra].map(queueDefinition), holidays: HOLIDAYS, launches: launchList, agents, tickets };
}

function lifecycle(rng: Rng, ticketId: string, q: QueueSpec, category: string, createdMs: number, endMs: number): TicketCommand[] {
  const commands: TicketCommand[] = [
    {
      type: 'CreateTicket',
      data: { ticketId, createdAt: iso(createdMs), channel: q.channel, market: q.market, category, language: rng.chance(0.85) ? 'en' : rng.pick(q.languages), priority: category === 'scam-fraud' ? 'urgent' : rng.chance(0.15) ? 'high' : 'normal' },
    },
  ];
  const live = q.channel === 'phone' || q.channel === 'chat';
  const firstResponse = createdMs + Math.round(live ? rng.logNormal(q.channel === 'phone' ? 25 : 70, 0.8) : rng.logNormal(4 * 3600, 0.7)) * 1000;
  if (firstResponse >= endMs) return commands;
  commands.push({ type: 'RecordFirstResponse', data: { ticketId, respondedAt: iso(firstResponse) } });
  let cursor = firstResponse;
  const escalation = ESCALATION[category] ?? { p: 0.05, target: 'tier2' as const };
  if (rng.chance(escalation.p)) {
    cursor += Math.round(rng.logNormal(live ? 600 : 3 * 3600, 0.6)) * 1000;
    if (cursor >= endMs) return commands;
    commands.push({ type: 'EscalateTicket', data: { ticketId, escalatedAt: iso(cursor), target: escalation.target, reasonCode: rng.pick(['policy', 'specialist-needed', 'customer-request']) } });
  }
  const handleSeconds = Math.round(rng.logNormal(q.channel === 'phone' ? 420 : q.channel === 'chat' ? 600 : 480, 0.4));
  const resolveAfter = live ? handleSeconds + rng.logNormal(300, 0.8) : rng.logNormal(20 * 3600, 0.8);
  const resolved = cursor + Math.round(resolveAfter) * 1000;
  if (resolved >= endMs) return commands;
  commands.push({ type: 'ResolveTicket', data: { ticketId, resolvedAt: iso(resolved), handleSeconds } });
  if (rng.chance(0.35)) {
    const hours = (resolved - createdMs) / 3_600_000;
    const good = hours < 4 ? 0.9 : hours < 24 ? 0.78 : 0.55;
    const score = rng.chance(good) ? rng.pick([4, 5, 5]) : rng.pick([1, 2, 3]);
    commands.push({ type: 'RateCsat', data: { ticketId, ratedAt: iso(resolved + 60_000), score } });
  }
  return commands;
}
