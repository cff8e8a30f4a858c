import { monthlyAttritionHazard } from './attrition-hazard.js';
import { meanProductivityByMonth } from './ramp-productivity.js';
import { weeksToMonths } from '../demand/weeks-to-months.js';

/** What the hiring model needs to know about training, ramp and attrition. */
export interface CohortAssumptions {
  trainingWeeks: number;
  /** Fraction of a class who complete training, in (0, 1]. */
  trainingYield: number;
  rampProductivity: readonly number[];
  /** Probability a trained agent leaves within a year, in [0, 1). */
  annualAttritionRate: number;
}

/** Per-hire expected values by month since the start month; see {@link cohortKernel}. */
export interface CohortKernel {
  graduationMonth: number;
  /** First month after the start in which a hire is fully productive all month. */
  fullyProductiveMonth: number;
  employed: number[];
  graduates: number[];
  inTraining: number[];
  losses: number[];
  productive: number[];
  training: boolean[];
}

/**
 * The life of one hire, month by month after their start, as expected values: a hiring plan is a sum
 * of these kernels shifted to each class's start month and scaled by its size, so the whole
 * workforce is linear in the hires. Entry d is month d after the start month (d = 0 is the start).
 *
 * Conventions (one clock of 52/12 weeks per month, see {@link weeksToMonths}):
 * - Training lasts Tm = trainingWeeks in months; the hire graduates in month g = ⌊Tm⌋ (training that
 *   ends exactly on a month boundary graduates in the month that begins there).
 * - In month g the share 1 − yield who did not complete training leave (training drop-out).
 * - Attrition is a monthly hazard h = 1 − (1 − annual)^(1/12) on trained agents, applied at the start
 *   of every month after the graduation month, so a month's productive agents are the ones still
 *   employed at its end (productive FTE never exceeds headcount).
 * - Trainees are not subject to attrition (their losses are the drop-out).
 *
 * Fields (per hire, per month d):
 * - `employed`: on staff at the end of month d: 1 before g, yield·(1 − h)^(d − g) from g on;
 * - `graduates`: yield in month g;
 * - `inTraining`: 1 while still in training at the end of month d (d < g);
 * - `losses`: drop-outs (1 − yield) in month g, then yield·h·(1 − h)^(d − g − 1) after;
 * - `productive`: FTE delivered, employed·meanProductivity(d) (0 in training);
 * - `training`: 1 when month d overlaps the training period (the class needs its trainers).
 * Balance: employed(d) = employed(d − 1) + [d = 0] − losses(d) for every d.
 *
 * Complexity O(months × ramp length).
 *
 * @example
 * // 4 weeks' training (graduates in month 0), yield 0.9, no attrition, no ramp:
 * cohortKernel({ trainingWeeks: 4, trainingYield: 0.9, rampProductivity: [], annualAttritionRate: 0 }, 3).employed // [0.9, 0.9, 0.9]
 */
export function cohortKernel(a: CohortAssumptions, months: number): CohortKernel {
  const trainingMonths = weeksToMonths(a.trainingWeeks);
  const g = Math.floor(trainingMonths);
  const h = monthlyAttritionHazard(a.annualAttritionRate);
  const y = a.trainingYield;
  // Enough months to see the ramp end, even beyond the plan's horizon.
  const rampEnd = Math.ceil(weeksToMonths(a.trainingWeeks + a.rampProductivity.length)) + 1;
  const mean = meanProductivityByMonth(a.trainingWeeks, a.rampProductivity, Math.max(months, rampEnd + 1));
  const k: CohortKernel = { graduationMonth: g, fullyProductiveMonth: mean.findIndex((p) => p >= 1), employed: [], graduates: [], inTraining: [], losses: [], productive: [], training: [] };
  for (let d = 0; d < months; d++) {
    const employed = d < g ? 1 : y * (1 - h) ** (d - g);
    k.employed.push(employed);
    k.graduates.push(d === g ? y : 0);
    k.inTraining.push(d < g ? 1 : 0);
    k.losses.push(d < g ? 0 : d === g ? 1 - y : y * h * (1 - h) ** (d - g - 1));
    k.productive.push(d < g ? 0 : employed * mean[d]!);
    k.training.push(d < trainingMonths);
  }
  return k;
}
