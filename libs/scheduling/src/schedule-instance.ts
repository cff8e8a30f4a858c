import type { ContractRules, ScheduleWeights, Weekday } from '@staffcast/events';

/** Minutes in one planning interval. */
export const INTERVAL_MINUTES = 15;
export const INTERVAL_MS = INTERVAL_MINUTES * 60_000;
/** Agent-hours in one agent working one interval. */
export const INTERVAL_HOURS = INTERVAL_MINUTES / 60;
export const INTERVALS_PER_DAY = 1440 / INTERVAL_MINUTES;

/** A break of a shift option; offsets in intervals after the shift's start. */
export interface OptionBreak {
  kind: 'break' | 'lunch';
  lengthIntervals: number;
  earliest: number;
  latest: number;
  paid: boolean;
}

/** One template at one start time: the unit an agent-day is assigned. */
export interface ShiftOption {
  templateId: string;
  /** Local start `HH:mm` (site zone). */
  start: string;
  lengthIntervals: number;
  /** Paid hours (length less unpaid breaks). */
  paidHours: number;
  breaks: OptionBreak[];
}

/** Agents of one day who are alike for coverage: the queues they may work and their productivity. */
export interface CoverageGroup {
  /** Indexes into `instance.queues` the group is certified for. */
  queues: number[];
  /** Productive share of a worked interval (new-hire ramp), (0, 1]. */
  factor: number;
}

export interface AgentDay {
  /** Index into `instance.groups`. */
  group: number;
  /** Indexes into `instance.options` this agent may work on this day (templates, availability, absences, employment). */
  options: number[];
}

export interface InstanceAgent {
  agentId: string;
  contractId: string;
  hourlyCost: { amount: number; currency: string };
  /** An anonymous new-hire line (openHeadcount). */
  newHire: boolean;
  days: AgentDay[];
}

export interface PlanningDay {
  /** Site-local date. */
  date: string;
  weekday: Weekday;
  /** Planning week (0-based). */
  week: number;
  /** For each option, the interval (from `startMs`) its shift starts in on this date. */
  startInterval: number[];
}

export interface InstanceQueue {
  queueId: string;
  requiredSkills: string[];
  /** Required productive agents in each interval (the plan's fractional requirement). */
  required: number[];
}

/**
 * Everything the schedule model needs, as plain data: the planning days in the site's zone, the
 * queues' requirement per 15-minute interval, the shift options, the agents with their allowed
 * options per day and coverage group, contracts and objective weights.
 */
export interface ScheduleInstance {
  /** UTC instant of the first interval (site-local Monday 00:00 of the first week), epoch ms. */
  startMs: number;
  intervals: number;
  days: PlanningDay[];
  queues: InstanceQueue[];
  options: ShiftOption[];
  groups: CoverageGroup[];
  agents: InstanceAgent[];
  contracts: Record<string, ContractRules>;
  weights: ScheduleWeights;
}

/** One agent-day's assignment: a shift option and where each of its breaks starts (intervals after the shift starts). */
export interface DayAssignment {
  option: number;
  breakOffsets: number[];
}

/** The schedule as decided: per agent (instance order), per day, an assignment or a day off. */
export type Assignments = (DayAssignment | null)[][];

/** Intervals [from, to) of a shift started on `day` with `option`, clipped to nothing. O(1). */
export function shiftSpan(instance: ScheduleInstance, day: number, option: number): { from: number; to: number } {
  const from = instance.days[day]!.startInterval[option]!;
  return { from, to: from + instance.options[option]!.lengthIntervals };
}
