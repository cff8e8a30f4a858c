import { givenWhenThen, type LaunchEvent, type LaunchScheduledData } from '@staffcast/events';
import { launchDecider, type LaunchCommand } from './launch-decider.js';

const then = (given: LaunchEvent[], when: LaunchCommand) => givenWhenThen(launchDecider, given, when);

const staking: LaunchScheduledData = {
  launchId: 'L-staking-au',
  name: 'Staking launch AU',
  kind: 'product',
  markets: ['AU'],
  channels: [],
  categories: ['staking', 'kyc'],
  startsAt: '2024-04-02T09:00:00+11:00',
  endsAt: '2024-04-09T09:00:00+10:00',
  uplift: { kind: 'percent', percent: 40 },
  profile: 'spike-decay',
};
const Scheduled: LaunchEvent = { type: 'LaunchScheduled', data: staking };
const cancellation = { launchId: 'L-staking-au', cancelledAt: '2024-03-30T00:00:00Z', reasonCode: 'postponed' };
const Cancelled: LaunchEvent = { type: 'LaunchCancelled', data: cancellation };
const reschedule = { type: 'RescheduleLaunch', data: { launchId: 'L-staking-au', startsAt: '2024-05-01T09:00:00+10:00', endsAt: '2024-05-08T09:00:00+10:00' } } as const;
const revise = { type: 'ReviseLaunchUplift', data: { launchId: 'L-staking-au', uplift: { kind: 'extra-tickets', tickets: 5000 }, profile: 'flat' } } as const;

describe('launch decider', () => {
  it('schedules, reschedules, revises and cancels', () => {
    expect(then([], { type: 'ScheduleLaunch', data: staking })).toEqual({ events: [Scheduled] });
    expect(then([Scheduled], reschedule)).toEqual({ events: [{ type: 'LaunchRescheduled', data: reschedule.data }] });
    expect(then([Scheduled], revise)).toEqual({ events: [{ type: 'LaunchUpliftRevised', data: revise.data }] });
    expect(then([Scheduled], { type: 'CancelLaunch', data: cancellation })).toEqual({ events: [Cancelled] });
  });
  it('treats repeats and unchanged values as no-ops', () => {
    expect(then([Scheduled], { type: 'ScheduleLaunch', data: { ...staking } })).toEqual({ events: [] });
    // Same instants written with other offsets.
    expect(then([Scheduled], { type: 'RescheduleLaunch', data: { launchId: 'L-staking-au', startsAt: '2024-04-01T22:00:00Z', endsAt: '2024-04-08T23:00:00Z' } })).toEqual({ events: [] });
    expect(then([Scheduled], { type: 'ReviseLaunchUplift', data: { launchId: 'L-staking-au', uplift: { percent: 40, kind: 'percent' }, profile: 'spike-decay' } })).toEqual({ events: [] });
    expect(then([Scheduled, Cancelled], { type: 'CancelLaunch', data: cancellation })).toEqual({ events: [] });
  });
  it('schedules a launch id once', () => {
    expect(then([Scheduled], { type: 'ScheduleLaunch', data: { ...staking, name: 'Another' } })).toEqual({ error: { code: 'LAUNCH_ALREADY_SCHEDULED', kind: 'conflict', field: 'launchId' } });
  });
  it('needs the end after the start', () => {
    expect(then([], { type: 'ScheduleLaunch', data: { ...staking, endsAt: staking.startsAt } })).toEqual({ error: { code: 'INVALID_LAUNCH_WINDOW', kind: 'invalid', field: 'endsAt' } });
    // 09:00+11:00 is 22:00Z the day before: an end of 23:00Z that day is after it, 21:00Z is not.
    expect(then([Scheduled], { type: 'RescheduleLaunch', data: { launchId: 'L-staking-au', startsAt: '2024-04-02T09:00:00+11:00', endsAt: '2024-04-01T21:00:00Z' } })).toEqual({
      error: { code: 'INVALID_LAUNCH_WINDOW', kind: 'invalid', field: 'endsAt' },
    });
  });
  it('cannot reschedule, revise or re-cancel a cancelled launch', () => {
    expect(then([Scheduled, Cancelled], reschedule)).toEqual({ error: { code: 'LAUNCH_CANCELLED', kind: 'conflict' } });
    expect(then([Scheduled, Cancelled], revise)).toEqual({ error: { code: 'LAUNCH_CANCELLED', kind: 'conflict' } });
    expect(then([Scheduled, Cancelled], { type: 'CancelLaunch', data: { ...cancellation, cancelledAt: '2024-03-31T00:00:00Z' } })).toEqual({ error: { code: 'LAUNCH_CANCELLED', kind: 'conflict' } });
  });
  it('cannot change a launch that was never scheduled', () => {
    expect(then([], reschedule)).toEqual({ error: { code: 'LAUNCH_NOT_FOUND', kind: 'not_found', field: 'launchId' } });
  });
  it('folds reschedules and revisions into the current launch', () => {
    const events: LaunchEvent[] = [Scheduled, { type: 'LaunchRescheduled', data: reschedule.data }, { type: 'LaunchUpliftRevised', data: revise.data }];
    const state = events.reduce(launchDecider.evolve, launchDecider.initialState);
    expect(state.current).toEqual({ ...staking, startsAt: reschedule.data.startsAt, endsAt: reschedule.data.endsAt, uplift: revise.data.uplift, profile: 'flat' });
    expect(state.scheduled).toEqual(staking);
  });
});
