import { parseScheduleEvent, ScheduleEventParseError, ShiftRules } from './schedule-events.js';
import { InvalidStreamIdError, parseStreamName, scheduleRulesStream, scheduleStream } from './streams.js';

const rules = {
  siteId: 'kul',
  templates: [{ templateId: 'day', starts: ['08:00', '08:15'], lengthMinutes: 480, breaks: [{ kind: 'lunch', minutes: 60, paid: false, earliestAfterMinutes: 180, latestAfterMinutes: 300 }] }],
  contracts: [{ contractId: 'ft', weeklyHours: { min: 30, max: 40 }, daysPerWeek: { min: 4, max: 5 } }],
  defaultContractId: 'ft',
};

describe('schedule events', () => {
  it('fills the defaults of shift rules (site zone, contract rules, weights)', () => {
    const parsed = ShiftRules.parse(rules);
    expect(parsed.timeZone).toBe('Asia/Kuala_Lumpur');
    expect(parsed.contracts[0]).toEqual(expect.objectContaining({ restDays: 'two-consecutive', minRestHours: 11, maxConsecutiveDays: 5 }));
    expect(parsed.weights.underPerAgentHour).toBeGreaterThan(parsed.weights.overPerAgentHour);
  });

  it('names the field of a bad rule set', () => {
    const issues = (value: unknown) => ShiftRules.safeParse(value).error?.issues.map((i) => i.path.join('.'));
    expect(issues({ ...rules, templates: [{ ...rules.templates[0], starts: ['08:10'] }] })).toEqual(['templates.0.starts.0']);
    expect(issues({ ...rules, contracts: [{ ...rules.contracts[0], weeklyHours: { min: 40, max: 30 } }] })).toEqual(['contracts.0.weeklyHours.max']);
    expect(issues({ ...rules, contracts: [{ ...rules.contracts[0], templateIds: ['night'] }] })).toEqual(['contracts.0.templateIds.0']);
    const twoBreaks = [
      { kind: 'break', minutes: 15, paid: true, earliestAfterMinutes: 60, latestAfterMinutes: 195 },
      { kind: 'lunch', minutes: 60, paid: false, earliestAfterMinutes: 180, latestAfterMinutes: 300 },
    ];
    expect(issues({ ...rules, templates: [{ ...rules.templates[0], breaks: twoBreaks }] })).toEqual(['templates.0.breaks.1.earliestAfterMinutes']);
  });

  it('parses stored events and refuses unknown types and versions', () => {
    expect(parseScheduleEvent('ShiftRulesDefined', { siteId: 'kul', rules }).type).toBe('ShiftRulesDefined');
    expect(() => parseScheduleEvent('ShiftRulesDeleted', {})).toThrow(ScheduleEventParseError);
    expect(() => parseScheduleEvent('SchedulePublished', { scheduleId: 's', publishedAt: '2026-06-01T00:00:00Z', agentCount: 1 }, 2)).toThrow(ScheduleEventParseError);
  });

  it('names the streams, and refuses a schedule id that would read as a rules stream', () => {
    expect(scheduleRulesStream('kul')).toBe('schedule-rules-kul');
    expect(scheduleStream('w23')).toBe('schedule-w23');
    expect(() => scheduleStream('rules-kul')).toThrow(InvalidStreamIdError);
    expect(parseStreamName('schedule-rules-kul')).toEqual({ category: 'schedule-rules', id: 'kul' });
    expect(parseStreamName('schedule-w23')).toEqual({ category: 'schedule', id: 'w23' });
  });
});
