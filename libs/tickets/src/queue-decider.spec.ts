import { givenWhenThen, type QueueDefinedData, type QueueEvent } from '@staffcast/events';
import { queueDecider, type QueueCommand } from './queue-decider.js';

const then = (given: QueueEvent[], when: QueueCommand) => givenWhenThen(queueDecider, given, when);

const open = [{ from: '08:00', to: '20:00' }];
const usChat: QueueDefinedData = {
  queueId: 'us-chat-kyc',
  name: 'US chat — KYC',
  channel: 'chat',
  routing: { markets: ['US'], categories: ['kyc'], languages: ['en'], channels: ['chat'] },
  timeZone: 'America/New_York',
  openingHours: { mon: open, tue: open, wed: open, thu: open, fri: open, sat: [], sun: [] },
  serviceTarget: { kind: 'sl', percent: 80, seconds: 60 },
  requiredSkills: ['kyc-us'],
  chatConcurrency: 3,
  callerPatienceSeconds: 120,
  regulatory: true,
};
const Defined: QueueEvent = { type: 'QueueDefined', data: usChat };
const retirement = { queueId: 'us-chat-kyc', retiredAt: '2024-06-01T00:00:00Z' };
const Retired: QueueEvent = { type: 'QueueRetired', data: retirement };

describe('queue decider', () => {
  it('defines a queue', () => {
    expect(then([], { type: 'DefineQueue', data: usChat })).toEqual({ events: [Defined] });
  });
  it('treats the same definition again as a no-op', () => {
    expect(then([Defined], { type: 'DefineQueue', data: { ...usChat } })).toEqual({ events: [] });
  });
  it('defines a queue id once', () => {
    expect(then([Defined], { type: 'DefineQueue', data: { ...usChat, name: 'Other' } })).toEqual({ error: { code: 'QUEUE_ALREADY_DEFINED', kind: 'conflict', field: 'queueId' } });
  });
  it('changes routing and target of a defined queue', () => {
    const routing = { ...usChat.routing, markets: ['US', 'CA'] };
    expect(then([Defined], { type: 'ChangeQueueRouting', data: { queueId: 'us-chat-kyc', routing } })).toEqual({
      events: [{ type: 'QueueRoutingChanged', data: { queueId: 'us-chat-kyc', routing } }],
    });
    const serviceTarget = { kind: 'sl', percent: 90, seconds: 30 } as const;
    expect(then([Defined], { type: 'ChangeQueueServiceTarget', data: { queueId: 'us-chat-kyc', serviceTarget } })).toEqual({
      events: [{ type: 'QueueServiceTargetChanged', data: { queueId: 'us-chat-kyc', serviceTarget } }],
    });
  });
  it('emits nothing when a change equals the current value', () => {
    const changed: QueueEvent = { type: 'QueueServiceTargetChanged', data: { queueId: 'us-chat-kyc', serviceTarget: { kind: 'sl', percent: 90, seconds: 30 } } };
    expect(then([Defined, changed], { type: 'ChangeQueueServiceTarget', data: { queueId: 'us-chat-kyc', serviceTarget: { seconds: 30, percent: 90, kind: 'sl' } } })).toEqual({ events: [] });
  });
  it('refuses a target that does not suit the channel', () => {
    expect(then([Defined], { type: 'ChangeQueueServiceTarget', data: { queueId: 'us-chat-kyc', serviceTarget: { kind: 'response', hours: 24 } } })).toEqual({
      error: { code: 'TARGET_DOES_NOT_SUIT_CHANNEL', kind: 'invalid', field: 'serviceTarget.kind' },
    });
  });
  it('refuses routing channels of the other class', () => {
    expect(then([Defined], { type: 'ChangeQueueRouting', data: { queueId: 'us-chat-kyc', routing: { ...usChat.routing, channels: ['chat', 'email'] } } })).toEqual({
      error: { code: 'ROUTING_CHANNEL_MISMATCH', kind: 'invalid', field: 'routing.channels.1' },
    });
  });
  it('cannot change an undefined queue', () => {
    expect(then([], { type: 'ChangeQueueRouting', data: { queueId: 'us-chat-kyc', routing: usChat.routing } })).toEqual({ error: { code: 'QUEUE_NOT_FOUND', kind: 'not_found', field: 'queueId' } });
  });
  it('cannot change a retired queue', () => {
    expect(then([Defined, Retired], { type: 'ChangeQueueRouting', data: { queueId: 'us-chat-kyc', routing: usChat.routing } })).toEqual({ error: { code: 'QUEUE_RETIRED', kind: 'conflict' } });
    expect(then([Defined, Retired], { type: 'ChangeQueueServiceTarget', data: { queueId: 'us-chat-kyc', serviceTarget: { kind: 'sl', percent: 70, seconds: 20 } } })).toEqual({
      error: { code: 'QUEUE_RETIRED', kind: 'conflict' },
    });
    expect(then([Defined, Retired], { type: 'RetireQueue', data: { queueId: 'us-chat-kyc', retiredAt: '2024-07-01T00:00:00Z' } })).toEqual({ error: { code: 'QUEUE_RETIRED', kind: 'conflict' } });
  });
  it('retires a queue once; the same retirement again is a no-op', () => {
    expect(then([Defined], { type: 'RetireQueue', data: retirement })).toEqual({ events: [Retired] });
    expect(then([Defined, Retired], { type: 'RetireQueue', data: retirement })).toEqual({ events: [] });
  });
  it('folds changes into the current definition', () => {
    const routing = { ...usChat.routing, languages: [] };
    const state = [Defined, { type: 'QueueRoutingChanged', data: { queueId: 'us-chat-kyc', routing } } as QueueEvent].reduce(queueDecider.evolve, queueDecider.initialState);
    expect(state.definition?.routing).toEqual(routing);
    expect(state.defined?.routing).toEqual(usChat.routing);
  });
});
