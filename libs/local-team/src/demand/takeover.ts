import type { TakeoverPhase } from '../plan/plan-input.js';
import { monthIndex } from '../plan/plan-month.js';

/**
 * The takeover as shares per queue and plan month: a queue's share in month i is the share of its
 * latest phase starting at or before month i (0 before its first phase). Phases may raise the share
 * (25% then 100%) or lower it (handing work back). Scenarios use the same schedule to move queues.
 *
 * Units: fraction of the queue's in-coverage work, in [0, 1]. Complexity O(phases × queues × months).
 *
 * @example
 * takeoverShares([{ queueIds: ['kyc'], fromMonth: '2025-03', share: 0.25 }, { queueIds: ['kyc'], fromMonth: '2025-05', share: 1 }], '2025-01', 6)
 * // Map { 'kyc' => [0, 0, 0.25, 0.25, 1, 1] }
 */
export function takeoverShares(takeover: readonly TakeoverPhase[], startMonth: string, months: number): Map<string, number[]> {
  const latest = new Map<string, { from: number; share: number }[]>();
  for (const phase of takeover) {
    const from = monthIndex(startMonth, phase.fromMonth);
    for (const queueId of phase.queueIds) {
      const list = latest.get(queueId) ?? [];
      list.push({ from, share: phase.share });
      latest.set(queueId, list);
    }
  }
  const out = new Map<string, number[]>();
  for (const [queueId, phases] of latest) {
    phases.sort((a, b) => a.from - b.from);
    const shares = new Array<number>(months).fill(0);
    for (const phase of phases) for (let i = Math.max(0, phase.from); i < months; i++) shares[i] = phase.share;
    out.set(queueId, shares);
  }
  return out;
}

/**
 * The share of `queueId`'s work the local team has in `month` (a `YYYY-MM`), 0 when none. O(phases).
 *
 * @example takeoverShareAt(phases, 'kyc', '2025-04') // 0.25 with the phases above
 */
export function takeoverShareAt(takeover: readonly TakeoverPhase[], queueId: string, month: string): number {
  let best: { from: string; share: number } | undefined;
  for (const phase of takeover) {
    if (!phase.queueIds.includes(queueId) || phase.fromMonth > month) continue;
    if (best === undefined || phase.fromMonth >= best.from) best = { from: phase.fromMonth, share: phase.share };
  }
  return best?.share ?? 0;
}

/**
 * The first month any queue moves (`YYYY-MM`), or undefined for an empty takeover. O(phases).
 *
 * @example goLiveMonth([{ queueIds: ['kyc'], fromMonth: '2025-05', share: 1 }, { queueIds: ['aml'], fromMonth: '2025-03', share: 0.5 }]) // '2025-03'
 */
export function goLiveMonth(takeover: readonly TakeoverPhase[]): string | undefined {
  let first: string | undefined;
  for (const phase of takeover) if (first === undefined || phase.fromMonth < first) first = phase.fromMonth;
  return first;
}
