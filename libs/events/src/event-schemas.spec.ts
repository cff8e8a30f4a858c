import { AgentCertifiedData, AgentHiredData } from './agent-events.js';
import { HolidayDeclaredData } from './calendar-events.js';
import { LaunchScheduledData } from './launch-events.js';
import { QueueDefinedData, routingMatches } from './queue-events.js';
import { TicketResolvedData } from './ticket-events.js';

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => result.error?.issues.map((i) => i.path.join('.')) ?? [];
const hours = [{ from: '00:00', to: '24:00' }];
const email = {
  queueId: 'au-email',
  name: 'AU email',
  channel: 'email',
  routing: { markets: ['AU'], categories: [], languages: [], channels: ['email', 'social'] },
  timeZone: 'Australia/Sydney',
  openingHours: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: [], sun: [] },
  serviceTarget: { kind: 'response', hours: 24 },
  requiredSkills: [],
  chatConcurrency: 1,
  regulatory: false,
};

describe('event schemas, by example', () => {
  it('accepts a valid async queue', () => {
    expect(QueueDefinedData.safeParse(email).success).toBe(true);
  });
  it.each([
    ['a service-level target on email', { serviceTarget: { kind: 'sl', percent: 80, seconds: 20 } }, 'serviceTarget.kind'],
    ['chat concurrency on email', { chatConcurrency: 3 }, 'chatConcurrency'],
    ['caller patience on email', { callerPatienceSeconds: 90 }, 'callerPatienceSeconds'],
    ['a regulatory queue without skills', { regulatory: true }, 'requiredSkills'],
    ['live channels routed to an async queue', { routing: { ...email.routing, channels: ['email', 'phone'] } }, 'routing.channels.1'],
    ['a duplicate market', { routing: { ...email.routing, markets: ['AU', 'AU'] } }, 'routing.markets.1'],
    ['a service level above 100%', { channel: 'phone', serviceTarget: { kind: 'sl', percent: 101, seconds: 20 }, routing: { ...email.routing, channels: [] } }, 'serviceTarget.percent'],
  ])('rejects %s at the field', (_what, change, field) => {
    expect(paths(QueueDefinedData.safeParse({ ...email, ...change }))).toEqual([field]);
  });

  it('routes by every list, empty lists matching anything', () => {
    const ticket = { market: 'AU', category: 'kyc', language: 'en', channel: 'social' } as const;
    const routing = QueueDefinedData.parse(email).routing;
    expect(routingMatches(routing, ticket)).toBe(true);
    expect(routingMatches({ ...routing, markets: ['US'] }, ticket)).toBe(false);
    expect(routingMatches({ markets: [], categories: ['kyc'], languages: ['es'], channels: [] }, ticket)).toBe(false);
  });

  it('needs at least one market and language for an agent, and a real currency', () => {
    const agent = {
      agentId: 'kl-1',
      site: { siteId: 'kl', timeZone: 'Asia/Kuala_Lumpur' },
      markets: ['US'],
      languages: ['en'],
      skills: [],
      startDate: '2024-01-08',
      contractedHoursPerWeek: 40,
      hourlyCost: { amount: 9.5, currency: 'USD' },
    };
    expect(AgentHiredData.safeParse(agent).success).toBe(true);
    expect(paths(AgentHiredData.safeParse({ ...agent, markets: [] }))).toEqual(['markets']);
    expect(paths(AgentHiredData.safeParse({ ...agent, languages: [] }))).toEqual(['languages']);
    expect(paths(AgentHiredData.safeParse({ ...agent, hourlyCost: { amount: 9.5, currency: 'XXY' } }))).toEqual(['hourlyCost.currency']);
    expect(paths(AgentHiredData.safeParse({ ...agent, hourlyCost: 9.5 }))).toEqual(['hourlyCost']);
    expect(paths(AgentHiredData.safeParse({ ...agent, site: { siteId: 'kl', timeZone: 'Asia/KL' } }))).toEqual(['site.timeZone']);
  });

  it('needs a certification to expire after it starts', () => {
    expect(paths(AgentCertifiedData.safeParse({ agentId: 'a', skill: 'kyc-us', certifiedOn: '2024-02-01', expiresOn: '2024-01-31' }))).toEqual(['expiresOn']);
  });

  it('caps a launch at a year and handle time at a week', () => {
    const launch = {
      launchId: 'L1', name: 'Card launch', kind: 'product', markets: ['US'], channels: [], categories: [],
      startsAt: '2024-01-01T00:00:00Z', endsAt: '2025-01-02T00:00:01Z', uplift: { kind: 'percent', percent: 20 }, profile: 'flat',
    };
    expect(paths(LaunchScheduledData.safeParse(launch))).toEqual(['endsAt']);
    expect(paths(LaunchScheduledData.safeParse({ ...launch, uplift: { kind: 'percent', percent: -100 } }))).toEqual(['uplift.percent', 'endsAt']);
    expect(paths(TicketResolvedData.safeParse({ ticketId: 't', resolvedAt: '2024-01-01T00:00:00Z', handleSeconds: 604_801 }))).toEqual(['handleSeconds']);
  });

  it('declares holidays on real dates only', () => {
    expect(HolidayDeclaredData.safeParse({ market: 'AU', date: '2024-01-26', name: 'Australia Day' }).success).toBe(true);
    expect(paths(HolidayDeclaredData.safeParse({ market: 'AU', date: '2024-02-30', name: 'Nope' }))).toEqual(['date']);
  });
});
