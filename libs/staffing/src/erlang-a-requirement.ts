import { ErlangBTable } from './erlang-b.js';
import { erlangAMetricsFromB } from './erlang-a.js';
import { leastErlangCAgents, unreachable } from './erlang-c-requirement.js';
import { leastMeeting } from './least-agents-search.js';
import { offeredLoadErlangs } from './offered-load.js';
import type { ErlangAMetrics } from './queue-metrics.js';
import { interpolateCrossing } from './raw-requirement.js';
import { checkServiceTarget, unmetConstraints, type CheckedTarget, type ServiceTarget, type TargetConstraint } from './service-target.js';
import { DEFAULT_MAX_AGENTS, type StaffingRequirement } from './staffing-requirement.js';
import { requireInteger, requirePositive } from './validation.js';

export interface ErlangARequirementInput {
  arrivalsPerHour: number;
  ahtSeconds: number;
  /** Mean patience θ⁻¹, seconds. */
  patienceSeconds: number;
  target: ServiceTarget;
  /** Largest staffing considered; beyond it the target is reported unreachable. Default 200,000. */
  maxAgents?: number;
}

/**
 * The least number of agents N for which an Erlang A (M/M/N+M) queue meets every constraint of the
 * target together — service level (share of all arrivals answered within t), maximum abandonment,
 * maximum ASA of answered contacts, maximum occupancy — and the fractional requirement.
 *
 * Search: every metric improves monotonically with N, so the least N is found by galloping from a
 * guess and bisecting ({@link leastMeeting}). The guess is the Erlang C answer for the same service
 * level / ASA (cheap, and usually within a few agents: abandonment lightens the queue). The search is
 * bounded below by A·max(serviceLevel, 1 − maxAbandon), because the answered share 1 − P(abandon)
 * cannot exceed N/A (agents cannot carry more than N Erlangs). B(N, A) comes from one incrementally
 * extended Erlang B table, so the whole search costs O(N + probes × series terms).
 *
 * Raw requirement: for each constraint broken at N − 1, the crossing of its curve (SL, P(abandon),
 * ASA or occupancy) read as a straight line between N − 1 and N; with N − 1 = 0 agents the service
 * level is 0 and abandonment 1, while ASA and occupancy are undefined and give N.
 *
 * Zero arrivals need 0 agents. Throws a StaffingInputError for bad inputs or when more than
 * `maxAgents` would be needed.
 *
 * @example
 * erlangARequirement({ arrivalsPerHour: 200, ahtSeconds: 180, patienceSeconds: 300, target: { serviceLevel: 0.8, thresholdSeconds: 20 } })
 * // { agents: 13, rawAgents ≈ 12.32, metrics: { serviceLevel ≈ 0.858, pAbandon ≈ 0.025, … }, … } (Erlang C: 14)
 */
export function erlangARequirement(input: ErlangARequirementInput): StaffingRequirement<ErlangAMetrics> {
  const load = offeredLoadErlangs(input.arrivalsPerHour, input.ahtSeconds);
  const patience = requirePositive('patienceSeconds', input.patienceSeconds);
  const target = checkServiceTarget(input.target, 'erlang-a');
  const maxAgents = requireInteger('maxAgents', input.maxAgents ?? DEFAULT_MAX_AGENTS, 1, 10_000_000);
  const aht = input.ahtSeconds;
  const t = target.thresholdSeconds;
  if (load === 0) {
    return {
      agents: 0,
      rawAgents: 0,
      metrics: { agents: 0, offeredLoadErlangs: 0, pWait: 0, serviceLevel: 1, thresholdSeconds: t, asaSeconds: 0, occupancy: 0, pAbandon: 0, meanWaitSeconds: 0, patienceSeconds: patience },
      binding: [],
    };
  }
  const table = new ErlangBTable(load);
  const memo = new Map<number, ErlangAMetrics>();
  const evaluate = (n: number): ErlangAMetrics => {
    let metrics = memo.get(n);
    if (metrics === undefined) {
      metrics = erlangAMetricsFromB(n, load, table.at(n), aht, patience, t);
      memo.set(n, metrics);
    }
    return metrics;
  };
  const answeredShare = Math.max(target.serviceLevel ?? 0, target.maxAbandon === undefined ? 0 : 1 - target.maxAbandon);
  const lower = Math.max(1, Math.floor(load * answeredShare));
  const guess = erlangCGuess(load, aht, target, maxAgents) ?? Math.ceil(load);
  const found = leastMeeting((n) => unmetConstraints(target, evaluate(n)).length === 0, guess, lower, maxAgents);
  if (found === undefined) throw unreachable(target, unmetConstraints(target, evaluate(maxAgents)), maxAgents, load);
  return withRaw(found, target, evaluate);
}

/** The Erlang C requirement for the same service level / ASA, as a starting point. */
function erlangCGuess(load: number, aht: number, target: CheckedTarget, maxAgents: number): number | undefined {
  if (target.serviceLevel === undefined && target.maxAsaSeconds === undefined) return undefined;
  const cTarget: CheckedTarget = { serviceLevel: target.serviceLevel, thresholdSeconds: target.thresholdSeconds, maxAsaSeconds: target.maxAsaSeconds };
  return leastErlangCAgents(load, aht, cTarget, maxAgents)?.agents;
}

function withRaw(n: number, target: CheckedTarget, evaluate: (n: number) => ErlangAMetrics): StaffingRequirement<ErlangAMetrics> {
  const metrics = evaluate(n);
  const lo = n - 1;
  const below = lo >= 1 ? evaluate(lo) : undefined;
  const binding: TargetConstraint[] = below === undefined ? unmetAtZero(target) : unmetConstraints(target, below);
  let raw = 0;
  for (const constraint of binding) {
    raw = Math.max(raw, crossing(constraint, target, lo, below, n, metrics));
  }
  return { agents: n, rawAgents: binding.length === 0 ? n : raw, metrics, binding };
}

/** With no agents nothing is answered: every constraint asked for fails. */
function unmetAtZero(target: CheckedTarget): TargetConstraint[] {
  const all: TargetConstraint[] = ['serviceLevel', 'maxAsaSeconds', 'maxAbandon', 'maxOccupancy'];
  return all.filter((c) => target[c] !== undefined);
}

function crossing(constraint: TargetConstraint, target: CheckedTarget, lo: number, below: ErlangAMetrics | undefined, n: number, at: ErlangAMetrics): number {
  switch (constraint) {
    case 'serviceLevel': {
      const goal = target.serviceLevel!;
      return interpolateCrossing(lo, (below?.serviceLevel ?? 0) - goal, n, at.serviceLevel - goal);
    }
    case 'maxAbandon': {
      const goal = target.maxAbandon!;
      return interpolateCrossing(lo, goal - (below?.pAbandon ?? 1), n, goal - at.pAbandon);
    }
    case 'maxAsaSeconds':
      return below === undefined ? n : interpolateCrossing(lo, target.maxAsaSeconds! - below.asaSeconds, n, target.maxAsaSeconds! - at.asaSeconds);
    case 'maxOccupancy':
      return below === undefined ? n : interpolateCrossing(lo, target.maxOccupancy! - below.occupancy, n, target.maxOccupancy! - at.occupancy);
  }
}
