import { erlangAMetrics, erlangARequirement, erlangCMetrics } from '@staffcast/staffing';
import { projectedService } from './projected-service.js';
import { allocateRoster } from './roster-allocation.js';

describe('allocateRoster', () => {
  it('shares an agent among the queues it may work in proportion to their requirement, never twice', () => {
    const { perQueue, unallocated } = allocateRoster(
      [
        { skills: ['chat', 'kyc-us'], hours: [3, 1] },
        { skills: ['chat'], hours: [2, 2] },
      ],
      [
        { requiredSkills: ['kyc-us'], required: [2, 0] },
        { requiredSkills: ['chat'], required: [4, 0] },
      ],
    );
    // Hour 0: agent 1 (3 h) splits 2:4 → 1 to KYC, 2 to chat; agent 2 (2 h) can only do chat.
    expect(perQueue[0]![0]).toBeCloseTo(1, 12);
    expect(perQueue[1]![0]).toBeCloseTo(4, 12);
    // Hour 1: nobody is needed, so all 3 agent-hours are idle, not counted for any queue.
    expect(perQueue.map((q) => q[1])).toEqual([0, 0]);
    expect(unallocated).toEqual([0, 3]);
    // Conservation: every productive hour is allocated once or idle.
    expect(perQueue[0]![0]! + perQueue[1]![0]! + unallocated[0]!).toBeCloseTo(5, 12);
  });
});

describe('projectedService', () => {
  it('equals Erlang C and Erlang A at whole staffing and interpolates between', () => {
    const c = projectedService({ arrivalsPerHour: 200, ahtSeconds: 180, agents: 14, thresholdSeconds: 20 });
    expect(c.serviceLevel).toBeCloseTo(erlangCMetrics({ arrivalsPerHour: 200, ahtSeconds: 180, agents: 14, thresholdSeconds: 20 }).serviceLevel, 12);
    const a = projectedService({ arrivalsPerHour: 200, ahtSeconds: 180, agents: 14, thresholdSeconds: 20, patienceSeconds: 300 });
    expect(a.serviceLevel).toBeCloseTo(0.916792, 6);
    expect(a.abandonment).toBeCloseTo(0.013984, 6);
    const half = projectedService({ arrivalsPerHour: 200, ahtSeconds: 180, agents: 14.5, thresholdSeconds: 20, patienceSeconds: 300 });
    const next = erlangAMetrics({ arrivalsPerHour: 200, ahtSeconds: 180, patienceSeconds: 300, agents: 15, thresholdSeconds: 20 });
    expect(half.serviceLevel).toBeCloseTo((a.serviceLevel + next.serviceLevel) / 2, 12);
    expect(projectedService({ arrivalsPerHour: 200, ahtSeconds: 180, agents: 9, thresholdSeconds: 20 }).serviceLevel).toBe(0);
  });

  it('reaches the target when the roster exactly meets the requirement', () => {
    const target = { serviceLevel: 0.8, thresholdSeconds: 20 };
    const need = erlangARequirement({ arrivalsPerHour: 350, ahtSeconds: 240, patienceSeconds: 200, target });
    const got = projectedService({ arrivalsPerHour: 350, ahtSeconds: 240, agents: need.agents, thresholdSeconds: 20, patienceSeconds: 200 });
    expect(got.serviceLevel).toBeGreaterThanOrEqual(0.8);
    const short = projectedService({ arrivalsPerHour: 350, ahtSeconds: 240, agents: need.agents - 1, thresholdSeconds: 20, patienceSeconds: 200 });
    expect(short.serviceLevel).toBeLessThan(0.8);
  });
});
