import { ErlangBTable } from './erlang-b.js';
import { erlangCMetricsFromB } from './erlang-c.js';
import { offeredLoadErlangs } from './offered-load.js';
import { idleQueueMetrics, type QueueMetrics } from './queue-metrics.js';
import { interpolateCrossing } from './raw-requirement.js';
import { checkServiceTarget, unmetConstraints, type CheckedTarget, type ServiceTarget, type TargetConstraint } from './service-target.js';
import { StaffingInputError } from './staffing-input-error.js';
import { DEFAULT_MAX_AGENTS, type StaffingRequirement } from './staffing-requirement.js';
import { requireInteger } from './validation.js';

export interface ErlangCRequirementInput {
  arrivalsPerHour: number;
  ahtSeconds: number;
  target: ServiceTarget;
  /** Largest staffing considered; beyond it the target is reported unreachable. Default 200,000. */
  maxAgents?: number;
}

/**
 * The least number of agents N for which an M/M/N (Erlang C) queue meets a service-level target
 * and/or a maximum ASA, with occupancy A/N at most `maxOccupancy`; plus the fractional requirement.
 *
 * Search: N starts at the lower bound max(⌊A⌋ + 1, ⌊A / maxOccupancy⌋) (Erlang C needs N > A) and
 * rises one agent at a time, extending the Erlang B recurrence by one step per agent, so the whole
 * search costs O(N) arithmetic. SL and ASA improve monotonically with N, so the first N that meets
 * the target is the least.
 *
 * Raw requirement: for each constraint broken at N − 1, the crossing of its curve between
 * max(N − 1, A) and N (see interpolateCrossing); at N = A the service level is 0 and the speed of
 * answer 1/ASA is 0, which are the curves' continuous limits; occupancy gives A / maxOccupancy exactly.
 *
 * Zero arrivals need 0 agents. Throws a StaffingInputError for bad inputs or when more than
 * `maxAgents` would be needed.
 *
 * @example
 * erlangCRequirement({ arrivalsPerHour: 200, ahtSeconds: 180, target: { serviceLevel: 0.8, thresholdSeconds: 20 } })
 * // { agents: 14, rawAgents ≈ 13.2, metrics: { serviceLevel ≈ 0.8884, pWait ≈ 0.1741, asaSeconds ≈ 7.84, … } }
 */
export function erlangCRequirement(input: ErlangCRequirementInput): StaffingRequirement {
  const load = offeredLoadErlangs(input.arrivalsPerHour, input.ahtSeconds);
  const target = checkServiceTarget(input.target, 'erlang-c');
  const maxAgents = requireInteger('maxAgents', input.maxAgents ?? DEFAULT_MAX_AGENTS, 1, 10_000_000);
  if (load === 0) return { agents: 0, rawAgents: 0, metrics: idleQueueMetrics(0, target.thresholdSeconds), binding: [] };
  const table = new ErlangBTable(load, Math.min(maxAgents, Math.ceil(load) + 64) + 1);
  const found = leastErlangCAgents(load, input.ahtSeconds, target, table, maxAgents);
  if (found === undefined) {
    const atMax = erlangCMetricsFromB(maxAgents, load, table.at(maxAgents), input.ahtSeconds, target.thresholdSeconds);
    throw unreachable(target, maxAgents <= load ? ['serviceLevel'] : unmetConstraints(target, atMax), maxAgents, load);
  }
  return withRaw(found, load, input.ahtSeconds, target, table);
}

/** The least N > A meeting `target`, scanning up from the lower bound; undefined beyond maxAgents. O(N). */
export function leastErlangCAgents(load: number, ahtSeconds: number, target: CheckedTarget, table: ErlangBTable, maxAgents: number): QueueMetrics | undefined {
  let n = Math.max(1, Math.floor(load) + 1);
  if (target.maxOccupancy !== undefined) n = Math.max(n, Math.floor(load / target.maxOccupancy));
  for (; n <= maxAgents; n++) {
    const metrics = erlangCMetricsFromB(n, load, table.at(n), ahtSeconds, target.thresholdSeconds);
    if (unmetConstraints(target, metrics).length === 0) return metrics;
  }
  return undefined;
}

function withRaw(metrics: QueueMetrics, load: number, ahtSeconds: number, target: CheckedTarget, table: ErlangBTable): StaffingRequirement {
  const n = metrics.agents;
  const unstableBelow = n - 1 <= load;
  const lo = unstableBelow ? load : n - 1;
  const below = unstableBelow ? undefined : erlangCMetricsFromB(n - 1, load, table.at(n - 1), ahtSeconds, target.thresholdSeconds);
  const binding: TargetConstraint[] = [];
  let raw = 0;
  if (target.serviceLevel !== undefined && (below === undefined || below.serviceLevel < target.serviceLevel)) {
    binding.push('serviceLevel');
    const slLo = below?.serviceLevel ?? 0;
    raw = Math.max(raw, interpolateCrossing(lo, slLo - target.serviceLevel, n, metrics.serviceLevel - target.serviceLevel));
  }
  if (target.maxAsaSeconds !== undefined && (below === undefined || below.asaSeconds > target.maxAsaSeconds)) {
    binding.push('maxAsaSeconds');
    // Interpolate the speed of answer 1/ASA, which is 0 at N = A, rather than ASA, which is infinite there.
    const need = 1 / target.maxAsaSeconds;
    const speedLo = below === undefined ? 0 : 1 / below.asaSeconds;
    const speedHi = metrics.asaSeconds > 0 ? 1 / metrics.asaSeconds : Number.MAX_VALUE;
    raw = Math.max(raw, interpolateCrossing(lo, speedLo - need, n, speedHi - need));
  }
  if (target.maxOccupancy !== undefined && load / target.maxOccupancy > n - 1) {
    binding.push('maxOccupancy');
    raw = Math.max(raw, Math.min(n, load / target.maxOccupancy));
  }
  return { agents: n, rawAgents: binding.length === 0 ? n : raw, metrics, binding };
}

/** The error for a target that no staffing up to `maxAgents` meets, naming the first constraint missed. */
export function unreachable(target: CheckedTarget, unmet: TargetConstraint[], maxAgents: number, load: number): StaffingInputError {
  const first = unmet[0] ?? 'serviceLevel';
  return new StaffingInputError(
    `target.${first}`,
    `not reachable with ${maxAgents} agents or fewer (offered load ${load.toFixed(2)} Erlangs${first === 'serviceLevel' && target.serviceLevel !== undefined ? `, ${target.serviceLevel} within ${target.thresholdSeconds} s` : ''})`,
  );
}
