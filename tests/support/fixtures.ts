/** Valid payloads for the recording endpoints, used as the base of e2e and property tests. */
export const PLANNER_TOKEN = 'planner-token-0123456789';
export const VIEWER_TOKEN = 'viewer-token-0123456789';
export const TOKENS_ENV = { API_TOKENS: `planner:tester:${PLANNER_TOKEN},viewer:${VIEWER_TOKEN}` };
export const asPlanner = { authorization: `Bearer ${PLANNER_TOKEN}` };
export const asViewer = { authorization: `Bearer ${VIEWER_TOKEN}` };

const weekdays = (ranges: { from: string; to: string }[]) => ({ mon: ranges, tue: ranges, wed: ranges, thu: ranges, fri: ranges, sat: [], sun: [] });

export function queueBody(queueId = 'us-kyc-chat') {
  return {
    queueId,
    name: 'US KYC chat',
    channel: 'chat',
    routing: { markets: ['US'], categories: ['kyc'], languages: ['en'], channels: ['chat'] },
    timeZone: 'America/New_York',
    openingHours: weekdays([{ from: '08:00', to: '20:00' }]),
    serviceTarget: { kind: 'sl', percent: 80, seconds: 60 },
    requiredSkills: ['kyc-us'],
    chatConcurrency: 2,
    callerPatienceSeconds: 240,
    regulatory: true,
  };
}

export function ticketCreated(ticketId = 'T1', createdAt = '2026-03-02T14:05:00Z') {
  return { type: 'TicketCreated', data: { ticketId, createdAt, channel: 'chat', market: 'US', category: 'kyc', language: 'en', priority: 'normal' } };
}

export function launchBody(launchId = 'L1') {
  return {
    launchId,
    name: 'Staking launch',
    kind: 'product',
    markets: ['US'],
    channels: [],
    categories: ['trading'],
    startsAt: '2026-04-01T13:00:00Z',
    endsAt: '2026-04-04T13:00:00Z',
    uplift: { kind: 'percent', percent: 100 },
    profile: 'spike-decay',
  };
}

export function agentBody(agentId = 'A1') {
  return {
    agentId,
    site: { siteId: 'kul', timeZone: 'Asia/Kuala_Lumpur' },
    markets: ['US', 'AU'],
    languages: ['en'],
    skills: ['chat', 'kyc-us'],
    startDate: '2026-01-05',
    contractedHoursPerWeek: 40,
    hourlyCost: { amount: 9.5, currency: 'USD' },
  };
}

export function scheduleBody() {
  const shift = [{ start: '21:00', end: '06:00', breaks: [{ start: '01:00', end: '02:00' }] }];
  return { effectiveFrom: '2026-01-05', shifts: { mon: shift, tue: shift, wed: shift, thu: shift, fri: shift, sat: [], sun: [] } };
}
