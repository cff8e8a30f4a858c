import type { CohortKernel } from './cohort-kernel.js';

/** The agent workforce month by month (expected values; hires are whole people). */
export interface WorkforceMonth {
  hires: number;
  /** Hires completing training this month (after drop-out). */
  graduates: number;
  /** Agents still in training at the end of the month. */
  inTraining: number;
  /** Agents who left this month: training drop-outs plus attrition of trained agents. */
  attritionLosses: number;
  /** Agents employed at the end of the month, trainees included. */
  agentHeadcount: number;
  /** FTE of productive work delivered this month, ramp-weighted. */
  productiveFte: number;
  /** Classes in training at some point this month (each needs its trainers). */
  classesInTraining: number;
}

/**
 * Rolls a hiring plan into the monthly workforce: each month's figures are the sum over past start
 * months s of hires[s] × kernel[t − s] (see {@link cohortKernel}). A month's hires form
 * ⌈hires / classSize⌉ classes. Headcount balances by construction:
 * agentHeadcount[t] = agentHeadcount[t − 1] + hires[t] − attritionLosses[t].
 *
 * Units: people (expected values), FTE. Complexity O(M²) for M months.
 *
 * @example
 * // 10 hires in month 0, graduating in month 1 with yield 0.9, no attrition:
 * rollUpWorkforce([10, 0, 0], kernel, 10).map((m) => m.agentHeadcount) // [10, 9, 9]
 */
export function rollUpWorkforce(hires: readonly number[], kernel: CohortKernel, classSize: number): WorkforceMonth[] {
  const months = hires.length;
  const out: WorkforceMonth[] = [];
  for (let t = 0; t < months; t++) {
    const m: WorkforceMonth = { hires: hires[t]!, graduates: 0, inTraining: 0, attritionLosses: 0, agentHeadcount: 0, productiveFte: 0, classesInTraining: 0 };
    for (let s = 0; s <= t; s++) {
      const n = hires[s]!;
      if (n === 0) continue;
      const d = t - s;
      m.graduates += n * kernel.graduates[d]!;
      m.inTraining += n * kernel.inTraining[d]!;
      m.attritionLosses += n * kernel.losses[d]!;
      m.agentHeadcount += n * kernel.employed[d]!;
      m.productiveFte += n * kernel.productive[d]!;
      if (kernel.training[d]) m.classesInTraining += Math.ceil(n / classSize);
    }
    out.push(m);
  }
  return out;
}
