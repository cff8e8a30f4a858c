import type { ContractRules } from '@staffcast/events';
import { INTERVAL_HOURS, type ScheduleInstance } from './schedule-instance.js';
import type { MilpBuilder } from './sparse-milp.js';

/** Columns the contract rows add: a new-hire line's use, and what a contract minimum falls short by. */
export interface ContractColumns {
  /** Per agent: the binary "this new-hire line is used", or undefined for a rostered agent. */
  hire: (number | undefined)[];
  /** Paid hours below the week's (pro-rata) minimum, per agent and week. */
  hoursShort: { agent: number; week: number; col: number }[];
  /** Working days below the week's (pro-rata) minimum, per agent and week. */
  daysShort: { agent: number; week: number; col: number }[];
}

/** Penalty per paid hour a contract minimum is missed by, in units of the under-staffing weight. */
const SHORT_HOUR_WEIGHT = 2;

/**
 * Contract rows per agent: one shift a day (none on an unused new-hire line); per planning week
 * paid hours and working days within the contract (minimums pro rata to the days the agent can
 * work, shortfall allowed at a heavy cost and reported); two consecutive rest days (the week read
 * as repeating, so Sunday and Monday pair); at least `minRestHours` between the end of a shift and
 * the next start (also Sunday into the week's Monday, since the published pattern repeats); at
 * most `maxConsecutiveDays` working days in any run (along the horizon and around each week).
 * O(agents · days · options²) rows entries for the rest rule.
 */
export function addContractRows(b: MilpBuilder, instance: ScheduleInstance, x: { option: number; col: number }[][][]): ContractColumns {
  const out: ContractColumns = { hire: [], hoursShort: [], daysShort: [] };
  const weeks = Math.round(instance.days.length / 7);
  instance.agents.forEach((agent, a) => {
    const contract = instance.contracts[agent.contractId]!;
    const hire = agent.newHire ? b.col(instance.weights.perNewHire, 0, 1, true) : undefined;
    out.hire.push(hire);
    // worked[d] = Σ_o x[a,d,o] ≤ 1: one column per agent-day keeps the day-counting rows short.
    const worked = x[a]!.map((list) => {
      if (list.length === 0) return [];
      const y = b.col(0, 0, 1, false);
      b.row([...list.map((v) => v.col), y], [...list.map(() => 1), -1], 0, 0);
      if (hire !== undefined) b.row([y, hire], [1, -1], -Infinity, 0);
      return [y];
    });
    for (let week = 0; week < weeks; week++) addWeekRows(b, instance, out, a, week, contract, hire, x[a]!, worked);
    addRestRows(b, instance, contract, x[a]!);
    addConsecutiveRows(b, contract, worked, weeks);
  });
  return out;
}

function addWeekRows(
  b: MilpBuilder,
  instance: ScheduleInstance,
  out: ContractColumns,
  a: number,
  week: number,
  contract: ContractRules,
  hire: number | undefined,
  x: { option: number; col: number }[][],
  worked: number[][],
): void {
  const days = [0, 1, 2, 3, 4, 5, 6].map((k) => week * 7 + k);
  const all = days.flatMap((d) => x[d]!);
  const cols = all.map((v) => v.col);
  const dayCols = days.flatMap((d) => worked[d]!);
  const hours = all.map((v) => instance.options[v.option]!.paidHours);
  const available = days.filter((d) => x[d]!.length > 0).length;
  const minHours = (contract.weeklyHours.min * available) / 7;
  const minDays = Math.floor((contract.daysPerWeek.min * available) / 7 + 1e-9);
  const under = instance.weights.underPerAgentHour;
  const scale = (need: number) => (hire === undefined ? { extra: [] as number[], coefs: [] as number[], lower: need } : { extra: [hire], coefs: [-need], lower: 0 });
  if (cols.length > 0) {
    b.row(cols, hours, -Infinity, contract.weeklyHours.max);
    b.row(dayCols, dayCols.map(() => 1), -Infinity, contract.daysPerWeek.max);
  }
  if (minHours > 0) {
    const short = b.col(SHORT_HOUR_WEIGHT * under, 0, minHours, false);
    const s = scale(minHours);
    b.row([...cols, short, ...s.extra], [...hours, 1, ...s.coefs], s.lower, Infinity);
    out.hoursShort.push({ agent: a, week, col: short });
  }
  if (minDays > 0) {
    const short = b.col(SHORT_HOUR_WEIGHT * under * 8, 0, minDays, false);
    const s = scale(minDays);
    b.row([...dayCols, short, ...s.extra], [...dayCols.map(() => 1), 1, ...s.coefs], s.lower, Infinity);
    out.daysShort.push({ agent: a, week, col: short });
  }
  if (contract.restDays === 'two-consecutive') {
    const pairs: number[] = [];
    for (let k = 0; k < 7; k++) {
      const first = worked[days[k]!]!;
      const second = worked[days[(k + 1) % 7]!]!;
      const pair = b.col(0, 0, 1, true);
      pairs.push(pair);
      if (first.length > 0) b.row([pair, ...first], [1, ...first.map(() => 1)], -Infinity, 1);
      if (second.length > 0) b.row([pair, ...second], [1, ...second.map(() => 1)], -Infinity, 1);
    }
    b.row(pairs, pairs.map(() => 1), 1, Infinity);
  }
}

/** Pairs of shifts on following days closer than the rest rule (or overlapping) exclude each other. */
function addRestRows(b: MilpBuilder, instance: ScheduleInstance, contract: ContractRules, x: { option: number; col: number }[][]): void {
  const restIntervals = contract.minRestHours / INTERVAL_HOURS;
  const weekIntervals = 7 * (instance.intervals / instance.days.length);
  for (let d = 0; d < instance.days.length; d++) {
    const wrap = d % 7 === 6;
    const next = wrap ? d - 6 : d + 1;
    const shiftBy = wrap ? weekIntervals : 0;
    const pairs = wrap || d + 1 < instance.days.length ? [{ next, shiftBy }] : [];
    // Sunday's shifts must also rest before the next week's Monday in a multi-week horizon.
    if (wrap && d + 1 < instance.days.length) pairs.push({ next: d + 1, shiftBy: 0 });
    for (const { next: n, shiftBy: by } of pairs) {
      // Next-day options by start; a shift clashes with a prefix of them, so one running sum per prefix keeps the rows short.
      const later = [...x[n]!].sort((p, q) => instance.days[n]!.startInterval[p.option]! - instance.days[n]!.startInterval[q.option]!);
      const prefix: number[] = [];
      for (const v of x[d]!) {
        const end = instance.days[d]!.startInterval[v.option]! + instance.options[v.option]!.lengthIntervals;
        const clashes = later.filter((u) => instance.days[n]!.startInterval[u.option]! + by - end < Math.max(restIntervals, 1e-9)).length;
        if (clashes === 0) continue;
        while (prefix.length < clashes) {
          const k = prefix.length;
          const sum = b.col(0, 0, 1, false);
          b.row(k === 0 ? [sum, later[0]!.col] : [sum, prefix[k - 1]!, later[k]!.col], k === 0 ? [1, -1] : [1, -1, -1], 0, 0);
          prefix.push(sum);
        }
        b.row([v.col, prefix[clashes - 1]!], [1, 1], -Infinity, 1);
      }
    }
  }
}

/** No more than maxConsecutiveDays working days in any window of one day more. */
function addConsecutiveRows(b: MilpBuilder, contract: ContractRules, dayCols: number[][], weeks: number): void {
  const k = contract.maxConsecutiveDays;
  const n = dayCols.length;
  const windows = new Set<string>();
  const add = (days: number[]) => {
    const key = [...days].sort((p, q) => p - q).join(',');
    if (windows.has(key)) return;
    windows.add(key);
    const cols = days.flatMap((d) => dayCols[d]!);
    if (cols.length > k) b.row(cols, cols.map(() => 1), -Infinity, k);
  };
  if (k + 1 <= n) for (let s = 0; s + k < n; s++) add(Array.from({ length: k + 1 }, (_, j) => s + j));
  if (k + 1 <= 7) for (let w = 0; w < weeks; w++) for (let s = 0; s < 7; s++) add(Array.from({ length: k + 1 }, (_, j) => w * 7 + ((s + j) % 7)));
}
