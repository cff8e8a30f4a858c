import { erlangCRequirement } from './erlang-c-requirement.js';
import { fteFromWeeklyHours, fteOfTeam, headcountForFte } from './fte.js';
import { scheduledAgents, scheduledFromRequired } from './shrinkage.js';
import { StaffingInputError } from './staffing-input-error.js';

describe('shrinkage', () => {
  it('published check: 14 required agents with 30% shrinkage → 20 scheduled', () => {
    const required = erlangCRequirement({ arrivalsPerHour: 200, ahtSeconds: 180, target: { serviceLevel: 0.8, thresholdSeconds: 20 } }).agents;
    expect(required).toBe(14);
    expect(scheduledAgents(required, 0.3)).toBe(20);
    expect(scheduledFromRequired(required, 0.3)).toBeCloseTo(20, 12);
  });

  it('rounds genuinely fractional needs up and leaves zero shrinkage alone', () => {
    expect(scheduledAgents(14, 0.31)).toBe(21); // 20.29
    expect(scheduledAgents(14, 0)).toBe(14);
    expect(scheduledAgents(0, 0.4)).toBe(0);
    expect(scheduledFromRequired(13.2, 0.25)).toBeCloseTo(17.6, 12);
  });

  it('rejects shrinkage outside [0, 1) and negative requirements', () => {
    expect(() => scheduledAgents(10, 1)).toThrow(StaffingInputError);
    expect(() => scheduledAgents(10, -0.1)).toThrow(/^shrinkage:/);
    expect(() => scheduledAgents(-1, 0.2)).toThrow(/^required:/);
  });
});

describe('FTE and headcount', () => {
  it('keeps hours (FTE) and people (headcount) apart', () => {
    expect(fteFromWeeklyHours(1_000, 40)).toBe(25);
    expect(headcountForFte(25, 40, 40)).toBe(25);
    expect(headcountForFte(10, 30, 40)).toBe(14); // 13.33 part-timers, rounded up to people
    expect(headcountForFte(3, 37.5, 37.5)).toBe(3);
    expect(fteOfTeam([40, 40, 20], 40)).toBe(2.5);
  });

  it('rejects impossible contracts', () => {
    expect(() => headcountForFte(10, 0, 40)).toThrow(/^contractedHoursPerWeek:/);
    expect(() => fteFromWeeklyHours(10, 0)).toThrow(/^fullTimeHoursPerWeek:/);
    expect(() => fteOfTeam([40, -1], 40)).toThrow(/^contractedHoursPerWeek\.1:/);
  });
});
