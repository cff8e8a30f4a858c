import { InvalidStreamIdError, agentStream, calendarStream, launchStream, localTeamPlanStream, parseStreamName, queueStream, ticketStream } from './streams.js';

describe('stream names', () => {
  it('builds <category>-<id>', () => {
    expect(queueStream('us-chat')).toBe('queue-us-chat');
    expect(ticketStream('T-1')).toBe('ticket-T-1');
    expect(launchStream('L1')).toBe('launch-L1');
    expect(agentStream('a_7')).toBe('agent-a_7');
    expect(calendarStream('AU')).toBe('calendar-AU');
    expect(localTeamPlanStream('p1')).toBe('local-team-plan-p1');
  });

  it.each(['', '../x', 'a/b', '$all', 'x'.repeat(65), 'new\nline'])('refuses the id %j', (id) => {
    expect(() => ticketStream(id)).toThrow(InvalidStreamIdError);
  });

  it('refuses a calendar stream for anything but a market code', () => {
    expect(() => calendarStream('us')).toThrow(InvalidStreamIdError);
  });

  it('parses names back, longest category first', () => {
    expect(parseStreamName('ticket-T-1')).toEqual({ category: 'ticket', id: 'T-1' });
    expect(parseStreamName('local-team-plan-p1')).toEqual({ category: 'local-team-plan', id: 'p1' });
    expect(parseStreamName('calendar-US')).toEqual({ category: 'calendar', id: 'US' });
    expect(parseStreamName('ticket-../x')).toBeUndefined();
    expect(parseStreamName('invoice-1')).toBeUndefined();
  });
});
