import { demoOperation } from './demo-operation.js';

const WEEKS = 2;

function ticketIds(op: ReturnType<typeof demoOperation>): string[] {
  const ids: string[] = [];
  for (const commands of op.tickets()) ids.push(commands[0]!.data.ticketId);
  return ids;
}

describe('demo operation', () => {
  it('has ten queues and fifty agents by default', () => {
    const op = demoOperation({ weeks: WEEKS });
    expect(op.queues).toHaveLength(10);
    expect(op.agents).toHaveLength(50);
  });

  it('with 20 queues routes each (market, channel, category) to one queue and rosters agents for every required skill', () => {
    const op = demoOperation({ weeks: WEEKS, queues: 20 });
    expect(new Set(op.queues.map((q) => q.queueId)).size).toBe(20);
    const routes = op.queues.flatMap((q) => q.routing.markets.flatMap((m) => q.routing.channels.flatMap((c) => q.routing.categories.map((cat) => `${m}|${c}|${cat}`))));
    expect(new Set(routes).size).toBe(routes.length);
    const held = new Set<string>();
    for (const agent of op.agents) {
      for (const command of agent.commands) {
        if (command.type === 'HireAgent') command.data.skills.forEach((s) => held.add(s));
        if (command.type === 'CertifyAgent') held.add(command.data.skill);
      }
    }
    for (const q of op.queues) for (const skill of q.requiredSkills) expect(held).toContain(skill);
  });

  it('adding queues leaves the core queues’ tickets and agents as they were', () => {
    const base = demoOperation({ weeks: WEEKS });
    const larger = demoOperation({ weeks: WEEKS, queues: 20 });
    const largerIds = ticketIds(larger);
    const coreIds = largerIds.filter((id) => !/^(us|au)-x/.test(id));
    expect(coreIds).toEqual(ticketIds(base));
    expect(largerIds.length).toBeGreaterThan(coreIds.length);
    expect(larger.agents.slice(0, base.agents.length)).toEqual(base.agents);
    expect(larger.queues.slice(0, 10)).toEqual(base.queues);
  });

  it('rejects a queue count outside 1–20, naming the option', () => {
    expect(() => demoOperation({ queues: 21 })).toThrow(/^queues: /);
    expect(() => demoOperation({ queues: 0 })).toThrow(/^queues: /);
    expect(() => demoOperation({ queues: 1.5 })).toThrow(/^queues: /);
  });
});
