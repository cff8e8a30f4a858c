import { erlangB } from './erlang-b.js';
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
 * search costs O(N) arithmetic and allocates nothing until the answer is found. SL and ASA improve monotonically with N, so the first N that meets
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
 * // { agents: 14, rawAgents ≈ 13.05, metrics: { serviceLevel ≈ 0.8884, pWait ≈ 0.1741, asaSeconds ≈ 7.84, … } }
 */
export function erlangCRequirement(input: ErlangCRequirementInput): StaffingRequirement {
  const load = offeredLoadErlangs(input.arrivalsPerHour, input.ahtSeconds);
  const target = checkServiceTarget(input.target, 'erlang-c');
  const maxAgents = requireInteger('maxAgents', input.maxAgents ?? DEFAULT_MAX_AGENTS, 1, 10_000_000);
  const aht = input.ahtSeconds;
  if (load === 0) return { agents: 0, rawAgents: 0, metrics: idleQueueMetrics(0, target.thresholdSeconds), binding: [] };
  const found = leastErlangCAgents(load, aht, target, maxAgents);
  if (found === undefined) {
    const atMax = maxAgents > load ? erlangCMetricsFromB(maxAgents, load, erlangB(maxAgents, load), aht, target.thresholdSeconds) : undefined;
    throw unreachable(target, atMax === undefined ? ['serviceLevel'] : unmetConstraints(target, atMax), maxAgents, load);
  }
  const metrics = erlangCMetricsFromB(found.agents, load, found.blocking, aht, target.thresholdSeconds);
  const below = found.agents - 1 > load ? erlangCMetricsFromB(found.agents - 1, load, found.previousBlocking, aht, target.thresholdSeconds) : undefined;
  return withRaw(metrics, below, load, target);
}

/** The least N found by {@link leastErlangCAgents}, with B(N, A) and B(N − 1, A). */
export interface ErlangCSearch {
  agents: number;
  blocking: number;
  previousBlocking: number;
}

/**
 * The least N > A meeting `target`, scanning up from the lower bound with one Erlang B step per agent
 * and no allocation (the hot loop of capacity plans); undefined beyond maxAgents. Inputs trusted. O(N).
 */
export function leastErlangCAgents(load: number, ahtSeconds: number, target: CheckedTarget, maxAgents: number): ErlangCSearch | undefined {
  let start = Math.max(1, Math.floor(load) + 1);
  if (target.maxOccupancy !== undefined) start = Math.max(start, Math.floor(load / target.maxOccupancy));
  const { serviceLevel, maxAsaSeconds, maxOccupancy } = target;
  const t = target.thresholdSeconds;
  if (start > maxAgents) return undefined;
  let previous = 1; // B(start − 1)
  for (let k = 1; k < start; k++) previous = (load * previous) / (k + load * previous);
  for (let n = start; n <= maxAgents; n++) {
    const b = (load * previous) / (n + load * previous);
    const c = (n * b) / (n - load * (1 - b));
    const excess = n - load;
    if (
      (serviceLevel === undefined || 1 - c * Math.exp((-excess * t) / ahtSeconds) >= serviceLevel) &&
      (maxAsaSeconds === undefined || (c * ahtSeconds) / excess <= maxAsaSeconds) &&
      (maxOccupancy === undefined || load / n <= maxOccupancy)
    ) {
      return { agents: n, blocking: b, previousBlocking: previous };
    }
    previous = b;
  }
  return undefined;
}

function withRaw(metrics: QueueMetrics, below: QueueMetrics | undefined, load: number, target: CheckedTarget): StaffingRequirement {
  const n = metrics.agents;
  const lo = below === undefined ? load : n - 1;
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
