import { inLogAsOf, parseAsOf, type LoggedEvent } from './as-of.js';
import { exampleLocalTeamPlan } from './example-plan.js';
import { resolveQueueProfiles } from '../demand/queue-profiles.js';
import { planAsOf, queueFactsAsOf } from './recorded-plan.js';

const plan = exampleLocalTeamPlan();
const planId = 'p1';
const at = (position: bigint, recordedAt: string, type: string, data: unknown): LoggedEvent => ({ type, data, position, metadata: { recordedAt, schemaVersion: 1 } });
const events = [
  at(10n, '2025-01-10T09:00:00Z', 'LocalTeamPlanDrafted', { planId, plan }),
  at(25n, '2025-02-10T09:00:00Z', 'LocalTeamPlanRevised', { planId, plan: { ...plan, months: 24 }, changedFields: ['months'] }),
];

describe('as-of reads', () => {
  it('parses positions and instants, and names asOf otherwise', () => {
    expect(parseAsOf('42')).toEqual({ kind: 'position', position: 42n });
    expect(parseAsOf('2025-03-01T10:00:00+10:00')).toEqual({ kind: 'time', ms: Date.UTC(2025, 2, 1), iso: '2025-03-01T10:00:00+10:00' });
    expect(() => parseAsOf('2025-03-01')).toThrow(expect.objectContaining({ field: 'asOf' }));
    expect(() => parseAsOf('-1')).toThrow(expect.objectContaining({ field: 'asOf' }));
  });

  it('folds only the events in the log at the given point', () => {
    expect(planAsOf(events).revision).toBe(1n);
    expect(planAsOf(events, parseAsOf('24')).state).toMatchObject({ status: 'drafted', plan: { months: 12 } });
    expect(planAsOf(events, parseAsOf('25')).state).toMatchObject({ status: 'drafted', plan: { months: 24 } });
    expect(planAsOf(events, parseAsOf('9'))).toEqual({ state: { status: 'none' }, revision: undefined });
    expect(planAsOf(events, parseAsOf('2025-02-10T09:00:00Z')).revision).toBe(1n);
    expect(planAsOf(events, parseAsOf('2025-02-10T08:59:59.999Z')).revision).toBe(0n);
    expect(inLogAsOf(events[1]!, undefined)).toBe(true);
  });

  it('reads a queue’s facts as of a point, target changes included', () => {
    const defined = {
      queueId: 'au-kyc-phone',
      name: 'AU KYC',
      channel: 'phone',
      routing: { markets: ['AU'], categories: ['kyc'], languages: [], channels: ['phone'] },
      timeZone: 'Australia/Brisbane',
      openingHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
      serviceTarget: { kind: 'sl', percent: 80, seconds: 20 },
      requiredSkills: ['kyc-au'],
      chatConcurrency: 1,
      callerPatienceSeconds: 240,
      regulatory: true,
    };
    const queue = [at(3n, '2025-01-01T00:00:00Z', 'QueueDefined', defined), at(30n, '2025-03-01T00:00:00Z', 'QueueServiceTargetChanged', { queueId: 'au-kyc-phone', serviceTarget: { kind: 'sl', percent: 90, seconds: 30 } })];
    expect(queueFactsAsOf(queue, parseAsOf('2')) ).toBeUndefined();
    expect(queueFactsAsOf(queue, parseAsOf('3'))).toEqual({ queueId: 'au-kyc-phone', channel: 'phone', serviceTarget: { kind: 'sl', percent: 80, seconds: 20 }, chatConcurrency: 1, callerPatienceSeconds: 240 });
    const now = queueFactsAsOf(queue)!;
    expect(now.serviceTarget).toEqual({ kind: 'sl', percent: 90, seconds: 30 });
    // The plan's own entry wins field by field; what it leaves out is inherited.
    const inherited = resolveQueueProfiles({ ...plan, queues: [{ queueId: 'au-kyc-phone', ahtSeconds: 200 }] }, new Map([['au-kyc-phone', now]]));
    expect(inherited).toEqual([{ queueId: 'au-kyc-phone', channel: 'phone', ahtSeconds: 200, serviceTarget: { kind: 'sl', percent: 90, seconds: 30 }, patienceSeconds: 240, chatConcurrency: 1 }]);
    const overridden = resolveQueueProfiles(plan, new Map([['au-kyc-phone', now]]));
    expect(overridden[0]).toMatchObject({ serviceTarget: { kind: 'sl', percent: 80, seconds: 20 }, patienceSeconds: 300 });
    expect(() => resolveQueueProfiles({ ...plan, queues: [{ queueId: 'au-kyc-phone', ahtSeconds: 200 }] }, new Map())).toThrow(expect.objectContaining({ field: 'queues.0.channel' }));
  });
});
