import { addContractRows, type ContractColumns } from './contract-rows.js';
import { INTERVAL_HOURS, type Assignments, type ScheduleInstance } from './schedule-instance.js';
import { MilpBuilder, type SparseMilp } from './sparse-milp.js';

/** Where each decision of the schedule model sits among the program's columns. */
export interface ModelIndex {
  /** x[agent][day]: the agent-day's shift-option columns (binary). */
  x: { option: number; col: number }[][][];
  /** Break placements: how many agents of a group on a day and option start break `brk` at `offset` (integer). */
  z: { group: number; day: number; option: number; brk: number; offset: number; col: number }[];
  /** Productive agents of a group allocated to a queue in an interval (continuous). */
  w: { group: number; queue: number; t: number; col: number }[];
  contract: ContractColumns;
}

export interface ScheduleModel {
  milp: SparseMilp;
  index: ModelIndex;
}

/**
 * The schedule MILP (minimise):
 *   W_u·under + W_o·over + W_c·payroll + penalties for contract minimums not met + W_h·hires used
 * - x[a,d,o] ∈ {0,1}: agent a works option o on day d (only its allowed options);
 * - z[g,d,o,b,k] ≥ 0 (integer with 15-minute buckets): agents of group g on (d,o) taking break b
 *   at offset k; Σ_k z = Σ_{a∈g} x. Offsets that take the same time from each bucket are one
 *   placement, and a break with one placement is cut from the shift directly;
 * - w[g,q,t] ≥ 0: productive agents of g working queue q in interval t, for certified g only;
 *   Σ_q w[g,q,t] ≤ f_g·(on shift − on break) and Σ_g w[g,q,t] ≤ required[q,t], per bucket of
 *   `bucket` intervals (the bucket's mean requirement and productive agents). Under-staffing is
 *   required − Σ_g w, over-staffing the productive time not allocated, both in agent-hours;
 * - contract rows (see addContractRows).
 * Multi-skill agents are not pre-split: the optimiser chooses w. With `fixed`, x and z are fixed to
 * an existing schedule, and solving the (then continuous) program allocates its time optimally.
 *
 * Size: O(agents · days · options) binaries, O(groups · queues · open intervals) continuous columns.
 * @example buildScheduleModel(instance).milp.colCost.length
 */
export function buildScheduleModel(instance: ScheduleInstance, fixed?: Assignments, bucket = 1): ScheduleModel {
  const b = new MilpBuilder();
  const { weights } = instance;
  const T = instance.intervals;
  const buckets = Math.ceil(T / bucket);
  const capacity = new Map<number, Map<number, number>>();
  const addCapacity = (g: number, t: number, col: number, coef: number) => {
    const key = g * buckets + Math.floor(t / bucket);
    let entry = capacity.get(key);
    if (!entry) capacity.set(key, (entry = new Map()));
    entry.set(col, (entry.get(col) ?? 0) + coef / bucket);
  };
  const x = addShiftColumns(b, instance, addCapacity, fixed, bucket);
  const z = addBreakColumns(b, instance, x, addCapacity, fixed, bucket);
  const w: ModelIndex['w'] = [];
  const hours = bucket * INTERVAL_HOURS;
  instance.queues.forEach((queue, q) => {
    for (let k = 0; k < buckets; k++) {
      let required = 0;
      for (let t = k * bucket; t < Math.min(T, (k + 1) * bucket); t++) required += queue.required[t]! / bucket;
      if (required <= 1e-9) continue;
      b.addOffset(weights.underPerAgentHour * hours * required);
      const cols: number[] = [];
      instance.groups.forEach((group, g) => {
        if (!group.queues.includes(q) || !capacity.has(g * buckets + k)) return;
        const col = b.col(-(weights.underPerAgentHour + weights.overPerAgentHour) * hours, 0, required, false);
        w.push({ group: g, queue: q, t: k, col });
        cols.push(col);
      });
      if (cols.length > 0) b.row(cols, cols.map(() => 1), -Infinity, required);
    }
  });
  const byGroupBucket = new Map<number, number[]>();
  for (const v of w) {
    const key = v.group * buckets + v.t;
    const list = byGroupBucket.get(key) ?? [];
    list.push(v.col);
    byGroupBucket.set(key, list);
  }
  for (const [key, wCols] of byGroupBucket) {
    const terms = [...capacity.get(key)!];
    b.row([...wCols, ...terms.map(([col]) => col)], [...wCols.map(() => 1), ...terms.map(([, c]) => -c)], -Infinity, 0);
  }
  const contract = addContractRows(b, instance, x);
  return { milp: b.build(), index: { x, z, w, contract } };
}

/** x columns with their cost (over-staffing of the productive time they add, payroll) and coverage. */
function addShiftColumns(
  b: MilpBuilder,
  instance: ScheduleInstance,
  addCapacity: (g: number, t: number, col: number, coef: number) => void,
  fixed: Assignments | undefined,
  bucket: number,
): ModelIndex['x'] {
  const { weights } = instance;
  const T = instance.intervals;
  return instance.agents.map((agent, a) =>
    agent.days.map((day, d) => {
      const factor = instance.groups[day.group]!.factor;
      return day.options.map((option) => {
        const o = instance.options[option]!;
        const from = instance.days[d]!.startInterval[option]!;
        const fixedBreaks = new Set<number>();
        for (const br of o.breaks) if (distinctPlacements(from, br.earliest, br.latest, br.lengthIntervals, bucket).length === 1) for (let k = 0; k < br.lengthIntervals; k++) fixedBreaks.add(br.earliest + k);
        let productive = 0;
        for (let k = 0; k < o.lengthIntervals; k++) if (from + k >= 0 && from + k < T && !fixedBreaks.has(k)) productive++;
        const chosen = fixed ? (fixed[a]?.[d]?.option === option ? 1 : 0) : undefined;
        const cost = weights.overPerAgentHour * factor * productive * INTERVAL_HOURS + weights.perCostUnit * agent.hourlyCost.amount * o.paidHours;
        const col = b.col(cost, chosen ?? 0, chosen ?? 1, fixed === undefined);
        for (let k = 0; k < o.lengthIntervals; k++) if (from + k >= 0 && from + k < T && !fixedBreaks.has(k)) addCapacity(day.group, from + k, col, factor);
        return { option, col };
      });
    }),
  );
}

/** z columns per group, day, option and placeable break, tied to the number of the group's agents on that shift. */
function addBreakColumns(
  b: MilpBuilder,
  instance: ScheduleInstance,
  x: ModelIndex['x'],
  addCapacity: (g: number, t: number, col: number, coef: number) => void,
  fixed: Assignments | undefined,
  bucket: number,
): ModelIndex['z'] {
  const T = instance.intervals;
  const onShift = new Map<string, { group: number; day: number; option: number; cols: number[]; fixedCount: Map<number, number>[] }>();
  instance.agents.forEach((agent, a) =>
    agent.days.forEach((day, d) =>
      x[a]![d]!.forEach(({ option, col }) => {
        const key = `${day.group}|${d}|${option}`;
        let entry = onShift.get(key);
        if (!entry) onShift.set(key, (entry = { group: day.group, day: d, option, cols: [], fixedCount: instance.options[option]!.breaks.map(() => new Map()) }));
        entry.cols.push(col);
        const assigned = fixed?.[a]?.[d];
        if (assigned && assigned.option === option) assigned.breakOffsets.forEach((k, br) => entry.fixedCount[br]!.set(k, (entry.fixedCount[br]!.get(k) ?? 0) + 1));
      }),
    ),
  );
  const z: ModelIndex['z'] = [];
  const overW = instance.weights.overPerAgentHour;
  for (const { group, day, option, cols, fixedCount } of onShift.values()) {
    const o = instance.options[option]!;
    const factor = instance.groups[group]!.factor;
    const from = instance.days[day]!.startInterval[option]!;
    o.breaks.forEach((br, brk) => {
      const placements = distinctPlacements(from, br.earliest, br.latest, br.lengthIntervals, bucket);
      // One placement as far as the model's buckets tell: cut from the shift itself (addShiftColumns).
      if (placements.length === 1) return;
      const zCols: number[] = [];
      for (const { offset, members } of placements) {
        const inside: number[] = [];
        for (let k = 0; k < br.lengthIntervals; k++) if (from + offset + k >= 0 && from + offset + k < T) inside.push(from + offset + k);
        const count = fixed ? members.reduce((sum, m) => sum + (fixedCount[brk]!.get(m) ?? 0), 0) : undefined;
        const col = b.col(-overW * factor * inside.length * INTERVAL_HOURS, count ?? 0, count ?? cols.length, fixed === undefined && bucket === 1);
        for (const t of inside) addCapacity(group, t, col, -factor);
        z.push({ group, day, option, brk, offset, col });
        zCols.push(col);
      }
      b.row([...zCols, ...cols], [...zCols.map(() => 1), ...cols.map(() => -1)], 0, 0);
    });
  }
  return z;
}

/**
 * Break offsets that differ in the coverage buckets they take time from; offsets with the same
 * share of each bucket are one placement (represented by the first), so an hourly model keeps
 * one column where a 15-minute one needs four.
 */
function distinctPlacements(from: number, earliest: number, latest: number, length: number, bucket: number): { offset: number; members: number[] }[] {
  const bySignature = new Map<string, { offset: number; members: number[] }>();
  for (let offset = earliest; offset <= latest; offset++) {
    const share = new Map<number, number>();
    for (let k = 0; k < length; k++) share.set(Math.floor((from + offset + k) / bucket), (share.get(Math.floor((from + offset + k) / bucket)) ?? 0) + 1);
    const key = [...share].map(([bk, n]) => `${bk}:${n}`).join(',');
    const entry = bySignature.get(key);
    if (entry) entry.members.push(offset);
    else bySignature.set(key, { offset, members: [offset] });
  }
  return [...bySignature.values()];
}
