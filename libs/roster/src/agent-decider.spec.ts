import { givenWhenThen, type AgentEvent, type AgentHiredData, type WeeklyShiftPattern } from '@staffcast/events';
import { agentDecider, type AgentCommand } from './agent-decider.js';

const then = (given: AgentEvent[], when: AgentCommand) => givenWhenThen(agentDecider, given, when);

const hire: AgentHiredData = {
  agentId: 'kl-0042',
  site: { siteId: 'kl', timeZone: 'Asia/Kuala_Lumpur' },
  markets: ['US', 'AU'],
  languages: ['en'],
  skills: ['chat', 'email'],
  startDate: '2024-01-08',
  contractedHoursPerWeek: 40,
  hourlyCost: { amount: 9.5, currency: 'USD' },
};
const Hired: AgentEvent = { type: 'AgentHired', data: hire };
const departure = { agentId: 'kl-0042', departedOn: '2024-06-28', reasonCode: 'resigned' };
const Departed: AgentEvent = { type: 'AgentDeparted', data: departure };

const none = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
const shift = (start: string, end: string, breaks: { start: string; end: string }[] = []) => ({ start, end, breaks });
const week = (days: Partial<WeeklyShiftPattern>): WeeklyShiftPattern => ({ ...none, ...days });
// US East evenings are Kuala Lumpur nights: shifts cross midnight.
const nights = week({
  mon: [shift('21:00', '06:00', [{ start: '01:00', end: '02:00' }])],
  tue: [shift('21:00', '06:00', [{ start: '01:00', end: '02:00' }])],
  wed: [shift('21:00', '06:00')],
  thu: [shift('21:00', '06:00')],
  fri: [shift('21:00', '06:00')],
});
const schedule = (effectiveFrom: string, shifts: WeeklyShiftPattern): AgentCommand => ({ type: 'SetAgentSchedule', data: { agentId: 'kl-0042', effectiveFrom, shifts } });
const absence = (from: string, to: string): AgentCommand => ({ type: 'RecordAbsence', data: { agentId: 'kl-0042', from, to, reasonCode: 'sick' } });
const certify = (certifiedOn: string, expiresOn?: string): AgentCommand => ({
  type: 'CertifyAgent',
  data: expiresOn ? { agentId: 'kl-0042', skill: 'kyc-us', certifiedOn, expiresOn } : { agentId: 'kl-0042', skill: 'kyc-us', certifiedOn },
});

describe('agent decider', () => {
  describe('happy path', () => {
    it('hires, certifies, schedules, records an absence and a departure', () => {
      expect(then([], { type: 'HireAgent', data: hire })).toEqual({ events: [Hired] });
      const c = certify('2024-02-01', '2025-02-01');
      expect(then([Hired], c)).toEqual({ events: [{ type: 'AgentCertified', data: c.data }] });
      const s = schedule('2024-01-08', nights);
      expect(then([Hired], s)).toEqual({ events: [{ type: 'AgentScheduleSet', data: s.data }] });
      const a = absence('2024-03-04T21:00:00+08:00', '2024-03-06T06:00:00+08:00');
      expect(then([Hired], a)).toEqual({ events: [{ type: 'AgentAbsenceRecorded', data: a.data }] });
      expect(then([Hired], { type: 'DepartAgent', data: departure })).toEqual({ events: [Departed] });
    });
    it('treats repeats as no-ops', () => {
      const s = schedule('2024-01-08', nights);
      const given: AgentEvent[] = [
        Hired,
        { type: 'AgentScheduleSet', data: { agentId: 'kl-0042', effectiveFrom: '2024-01-08', shifts: nights } },
        { type: 'AgentAbsenceRecorded', data: { agentId: 'kl-0042', from: '2024-03-04T13:00:00Z', to: '2024-03-05T13:00:00Z', reasonCode: 'sick' } },
        Departed,
      ];
      expect(then(given, { type: 'HireAgent', data: { ...hire } })).toEqual({ events: [] });
      expect(then(given, s)).toEqual({ events: [] });
      expect(then(given, absence('2024-03-04T21:00:00+08:00', '2024-03-05T21:00:00+08:00'))).toEqual({ events: [] });
      expect(then(given, { type: 'DepartAgent', data: { ...departure } })).toEqual({ events: [] });
    });
    it('accepts a late backfill dated before the departure', () => {
      const late = absence('2024-06-20T09:00:00+08:00', '2024-06-29T00:00:00+08:00');
      expect(then([Hired, Departed], late)).toEqual({ events: [{ type: 'AgentAbsenceRecorded', data: late.data }] });
      expect(then([Hired, Departed], certify('2024-06-28'))).toEqual({ events: [{ type: 'AgentCertified', data: certify('2024-06-28').data }] });
    });
  });

  describe('invariants', () => {
    it('an agent id is hired once', () => {
      expect(then([Hired], { type: 'HireAgent', data: { ...hire, contractedHoursPerWeek: 20 } })).toEqual({ error: { code: 'AGENT_ALREADY_HIRED', kind: 'conflict', field: 'agentId' } });
      expect(then([Hired, Departed], { type: 'HireAgent', data: { ...hire, startDate: '2024-09-01' } })).toEqual({ error: { code: 'AGENT_ALREADY_HIRED', kind: 'conflict', field: 'agentId' } });
    });
    it('nothing happens to an agent who was never hired', () => {
      expect(then([], certify('2024-02-01'))).toEqual({ error: { code: 'AGENT_NOT_FOUND', kind: 'not_found', field: 'agentId' } });
    });
    it('cannot be certified after departing', () => {
      expect(then([Hired, Departed], certify('2024-06-29'))).toEqual({ error: { code: 'AGENT_DEPARTED', kind: 'conflict', field: 'certifiedOn' } });
    });
    it('cannot be scheduled after departing', () => {
      expect(then([Hired, Departed], schedule('2024-07-01', nights))).toEqual({ error: { code: 'AGENT_DEPARTED', kind: 'conflict', field: 'effectiveFrom' } });
    });
    it('cannot be absent after departing, judged by the end of the departure day at the site', () => {
      // 2024-06-29T00:00+08:00 is the end of the departure day in Kuala Lumpur; one minute later is not.
      expect(then([Hired, Departed], absence('2024-06-28T09:00:00+08:00', '2024-06-28T16:01:00Z'))).toEqual({ error: { code: 'AGENT_DEPARTED', kind: 'conflict', field: 'to' } });
      expect(then([Hired, Departed], absence('2024-07-01T09:00:00+08:00', '2024-07-02T09:00:00+08:00'))).toEqual({ error: { code: 'AGENT_DEPARTED', kind: 'conflict', field: 'to' } });
    });
    it('cannot depart twice', () => {
      expect(then([Hired, Departed], { type: 'DepartAgent', data: { ...departure, departedOn: '2024-07-31' } })).toEqual({
        error: { code: 'AGENT_ALREADY_DEPARTED', kind: 'conflict', field: 'departedOn' },
      });
    });
    it('cannot depart before the start date', () => {
      expect(then([Hired], { type: 'DepartAgent', data: { ...departure, departedOn: '2024-01-07' } })).toEqual({ error: { code: 'DEPARTURE_BEFORE_HIRE', kind: 'invalid', field: 'departedOn' } });
      expect(then([Hired], { type: 'DepartAgent', data: { ...departure, departedOn: '2024-01-08' } })).toEqual({ events: [{ type: 'AgentDeparted', data: { ...departure, departedOn: '2024-01-08' } }] });
    });
    it('refuses shifts overlapping within a day', () => {
      expect(then([Hired], schedule('2024-01-08', week({ wed: [shift('08:00', '16:00'), shift('15:00', '20:00')] })))).toEqual({
        error: { code: 'SHIFTS_OVERLAP', kind: 'invalid', field: 'shifts.wed.1' },
      });
    });
    it('refuses a night shift running into the next day’s shift', () => {
      expect(then([Hired], schedule('2024-01-08', week({ mon: [shift('22:00', '06:00')], tue: [shift('05:30', '14:00')] })))).toEqual({
        error: { code: 'SHIFTS_OVERLAP', kind: 'invalid', field: 'shifts.tue.0' },
      });
      expect(then([Hired], schedule('2024-01-08', week({ sun: [shift('22:00', '06:00')], mon: [shift('05:30', '14:00')] })))).toEqual({
        error: { code: 'SHIFTS_OVERLAP', kind: 'invalid', field: 'shifts.mon.0' },
      });
    });
    it('refuses a break outside its shift', () => {
      expect(then([Hired], schedule('2024-01-08', week({ thu: [shift('21:00', '06:00', [{ start: '07:00', end: '07:30' }])] })))).toEqual({
        error: { code: 'INVALID_SHIFT', kind: 'invalid', field: 'shifts.thu.0.breaks.0' },
      });
    });
    it('refuses an absence that does not end after it starts', () => {
      expect(then([Hired], absence('2024-03-05T09:00:00+08:00', '2024-03-05T01:00:00Z'))).toEqual({ error: { code: 'INVALID_ABSENCE', kind: 'invalid', field: 'to' } });
    });
    it('refuses a certification that expires before it starts', () => {
      expect(then([Hired], certify('2024-02-01', '2024-02-01'))).toEqual({ error: { code: 'CERTIFICATION_EXPIRES_BEFORE_START', kind: 'invalid', field: 'expiresOn' } });
    });
  });
});
