import type { CapacityPlanInputs } from '@staffcast/planning';
import type { Assumption } from './assumptions.js';
import { applyLocalTeamMove } from './appliers/local-team-move.js';
import { applyAhtChange, applyServiceTarget, applyShrinkage } from './appliers/queue-settings.js';
import { applyAttrition, applyHires } from './appliers/roster.js';
import { ScenarioWork, type Named, type NamedOf, type ScenarioBase } from './appliers/scenario-work.js';
import { applyLaunch, applyVolumeMultiplier } from './appliers/volume.js';
import type { PayrollLine } from './payroll-cost.js';
import { ScenarioInputError } from './scenario-input-error.js';

export type { ScenarioBase } from './appliers/scenario-work.js';

export interface AppliedScenario {
  inputs: CapacityPlanInputs;
  payroll: PayrollLine[];
  /** Assumptions that touched nothing in this run, said plainly rather than silently ignored. */
  warnings: string[];
}

type Applier<K extends Assumption['kind']> = (work: ScenarioWork, assumption: NamedOf<K>) => void;

/** One applier per assumption kind: the compiler asks for a new kind's. */
const APPLIERS = {
  'volume-multiplier': applyVolumeMultiplier,
  launch: applyLaunch,
  'local-team-move': applyLocalTeamMove,
  'aht-change': applyAhtChange,
  'service-target': applyServiceTarget,
  shrinkage: applyShrinkage,
  hires: applyHires,
  attrition: applyAttrition,
} satisfies { [K in Assumption['kind']]: Applier<K> };

/** Volume first, then handle time and targets, then the roster: the same answer whatever order assumptions were added in. */
const ORDER = ['volume-multiplier', 'launch', 'local-team-move', 'aht-change', 'service-target', 'shrinkage', 'hires', 'attrition'] as const satisfies readonly Assumption['kind'][];
// Fails to compile when a kind has an applier but no place in the order.
const _everyKindOrdered: [Exclude<Assumption['kind'], (typeof ORDER)[number]>] extends [never] ? true : never = true;

/**
 * The plan inputs with a scenario's assumptions applied, in a fixed order whatever the order
 * they were added: volume multipliers, launches (percent uplift, or extra tickets shared among
 * the touched queues by their forecast volume), moves to a local team, AHT changes, service-target
 * and shrinkage changes, then hires and attrition on the roster. Volume changes scale the mean and
 * the planned quantile alike. Pure: the baseline is not modified.
 *
 * Complexity: O(assumptions · queues · hours) plus the hires' roster expansion.
 * Throws ScenarioInputError naming the assumption when it cannot apply (a service target of the
 * wrong kind for the queue's channel).
 *
 * @example applyScenario(base, [{ assumptionId: 'a1', assumption: { kind: 'aht-change', percent: 15, queueIds: [] } }]).inputs.queues[0].ahtSeconds[0] // 1.15 × baseline
 */
export function applyScenario(base: ScenarioBase, assumptions: readonly Named[]): AppliedScenario {
  const work = new ScenarioWork(base);
  for (const kind of ORDER) {
    const applier = APPLIERS[kind] as Applier<typeof kind>;
    for (const a of assumptions) if (a.assumption.kind === kind) applier(work, a as NamedOf<typeof kind>);
  }
  // Stacked factors can overflow (×100 two hundred times) or meet 0 × ∞: say so rather than plan on non-numbers.
  for (const q of work.queues) {
    if (![q.volumeMean, q.volumePlanned, q.ahtSeconds].every((series) => series.every(Number.isFinite))) {
      throw new ScenarioInputError('assumptions', `together they take queue ${q.queue.queueId}'s volume or handle time beyond finite numbers`);
    }
  }
  return { inputs: { ...base.inputs, queues: work.queues, agents: work.agents }, payroll: work.payroll, warnings: work.warnings };
}
