import { skillRequirements } from './skills.js';

describe('skill requirements', () => {
  const queues = [
    { queueId: 'us-scam-fraud', requiredSkills: ['market:US', 'topic:scam-fraud'], requiredAgents: [3, 4] },
    { queueId: 'us-kyc', requiredSkills: ['topic:kyc', 'market:US'], requiredAgents: [2, 1] },
    { queueId: 'us-kyc-backlog', requiredSkills: ['market:US', 'topic:kyc'], requiredAgents: [1, 1] },
    { queueId: 'general', requiredSkills: [], requiredAgents: [10, 12] },
  ];
  const agents = [
    { agentId: 'certified-fraud', skills: ['market:US', 'topic:scam-fraud', 'topic:kyc'], productiveHours: [1, 0.5] },
    { agentId: 'us-not-fraud', skills: ['market:US', 'topic:kyc'], productiveHours: [1, 1] },
    { agentId: 'au-fraud', skills: ['market:AU', 'topic:scam-fraud'], productiveHours: [1, 1] },
    { agentId: 'generalist', skills: [], productiveHours: [0.8, 1] },
  ];

  it('counts only agents holding every required certification towards a regulated queue', () => {
    const bySet = Object.fromEntries(skillRequirements(queues, agents).map((s) => [s.skillSet, s]));
    const fraud = bySet['market:US+topic:scam-fraud']!;
    expect(fraud.required).toEqual([3, 4]);
    // The AU fraud agent and the US agent without the fraud certification do not count.
    expect(fraud.eligibleSupply).toEqual([1, 0.5]);
    expect(fraud.gap).toEqual([-2, -3.5]);
    const kyc = bySet['market:US+topic:kyc']!;
    expect(kyc.queueIds).toEqual(['us-kyc', 'us-kyc-backlog']); // same skills in any order: one set
    expect(kyc.required).toEqual([3, 2]);
    expect(kyc.eligibleSupply).toEqual([2, 1.5]);
    // Anyone may work the general queue.
    expect(bySet['']!.eligibleSupply).toEqual([3.8, 3.5]);
  });

  it('rejects series of different lengths and negative hours naming the field', () => {
    expect(() => skillRequirements([{ queueId: 'q', requiredSkills: [], requiredAgents: [1] }], [{ agentId: 'a', skills: [], productiveHours: [1, 1] }])).toThrow(/^agents\.0\.productiveHours:/);
    expect(() => skillRequirements([{ queueId: 'q', requiredSkills: [], requiredAgents: [1, -2] }], [])).toThrow(/^queues\.0\.requiredAgents\.1:/);
  });
});
