import { chatMetrics, chatRequirement, effectiveChatAhtSeconds } from './chat-concurrency.js';
import { erlangARequirement } from './erlang-a-requirement.js';
import { erlangCRequirement } from './erlang-c-requirement.js';
import { StaffingInputError } from './staffing-input-error.js';

const target = { serviceLevel: 0.8, thresholdSeconds: 60 };

describe('chat concurrency', () => {
  it('AHT(k) = AHT·(1 + f·(k − 1))', () => {
    expect(effectiveChatAhtSeconds(300, { concurrency: 1, slowdownPerExtraChat: 0.5 })).toBe(300);
    expect(effectiveChatAhtSeconds(300, { concurrency: 3, slowdownPerExtraChat: 0.25 })).toBe(450);
  });

  it('with one chat at a time it is plain Erlang C', () => {
    const chat = chatRequirement({ arrivalsPerHour: 120, ahtSeconds: 300, concurrency: 1, slowdownPerExtraChat: 0.3, target });
    const phone = erlangCRequirement({ arrivalsPerHour: 120, ahtSeconds: 300, target });
    expect(chat.agents).toBe(phone.agents);
    expect(chat.rawAgents).toBe(phone.rawAgents);
  });

  it('staffs chat slots at the slowed-down AHT and divides them among agents', () => {
    const chat = chatRequirement({ arrivalsPerHour: 120, ahtSeconds: 300, concurrency: 2, slowdownPerExtraChat: 0.2, target });
    const slots = erlangCRequirement({ arrivalsPerHour: 120, ahtSeconds: 360, target });
    expect(chat.effectiveAhtSeconds).toBe(360);
    expect(chat.slots.agents).toBe(slots.agents);
    expect(chat.agents).toBe(Math.ceil(slots.agents / 2));
    expect(chat.rawAgents).toBeCloseTo(slots.rawAgents / 2, 12);
    expect(chat.chatsPerAgentHour).toBeCloseTo(20, 12);
    // The agents found deliver the target through their slots.
    expect(chatMetrics({ arrivalsPerHour: 120, ahtSeconds: 300, concurrency: 2, slowdownPerExtraChat: 0.2, agents: chat.agents, thresholdSeconds: 60 }).serviceLevel).toBeGreaterThanOrEqual(0.8);
  });

  it('concurrency saves agents only while the slowdown is below 1 per extra chat', () => {
    const agentsAt = (concurrency: number, slowdownPerExtraChat: number) =>
      chatRequirement({ arrivalsPerHour: 600, ahtSeconds: 420, concurrency, slowdownPerExtraChat, target }).rawAgents;
    expect(agentsAt(3, 0.1)).toBeLessThan(agentsAt(2, 0.1));
    expect(agentsAt(2, 0.1)).toBeLessThan(agentsAt(1, 0.1));
    // f = 1: k chats each take k times as long, so an agent's throughput does not change.
    const one = chatRequirement({ arrivalsPerHour: 600, ahtSeconds: 420, concurrency: 1, slowdownPerExtraChat: 1, target });
    const three = chatRequirement({ arrivalsPerHour: 600, ahtSeconds: 420, concurrency: 3, slowdownPerExtraChat: 1, target });
    expect(three.chatsPerAgentHour).toBeCloseTo(one.chatsPerAgentHour, 12);
    expect(three.slots.metrics.offeredLoadErlangs).toBeCloseTo(3 * one.slots.metrics.offeredLoadErlangs, 9);
  });

  it('uses Erlang A over slots when a patience is given', () => {
    const chat = chatRequirement({ arrivalsPerHour: 200, ahtSeconds: 240, patienceSeconds: 180, concurrency: 3, slowdownPerExtraChat: 0.15, target: { serviceLevel: 0.85, thresholdSeconds: 45, maxAbandon: 0.03 } });
    const slots = erlangARequirement({ arrivalsPerHour: 200, ahtSeconds: 240 * 1.3, patienceSeconds: 180, target: { serviceLevel: 0.85, thresholdSeconds: 45, maxAbandon: 0.03 } });
    expect(chat.slots.agents).toBe(slots.agents);
    expect(chat.agents).toBe(Math.ceil(slots.agents / 3));
    expect('pAbandon' in chat.slots.metrics).toBe(true);
  });

  it('rejects bad concurrency settings naming the field', () => {
    expect(() => chatRequirement({ arrivalsPerHour: 10, ahtSeconds: 300, concurrency: 0, slowdownPerExtraChat: 0.2, target })).toThrow(/^concurrency:/);
    expect(() => chatRequirement({ arrivalsPerHour: 10, ahtSeconds: 300, concurrency: 1.5, slowdownPerExtraChat: 0.2, target })).toThrow(StaffingInputError);
    expect(() => chatRequirement({ arrivalsPerHour: 10, ahtSeconds: 300, concurrency: 2, slowdownPerExtraChat: -0.1, target })).toThrow(/^slowdownPerExtraChat:/);
  });
});
