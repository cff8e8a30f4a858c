import { isLiveChannel } from '@staffcast/events';
import { ScenarioInputError } from '../scenario-input-error.js';
import type { NamedOf, ScenarioWork } from './scenario-work.js';

/** Handle time changed by a percentage over a window (the whole horizon by default). */
export function applyAhtChange(work: ScenarioWork, a: NamedOf<'aht-change'>): void {
  const c = a.assumption;
  const fromMs = c.from ? Date.parse(c.from) : work.fromMs;
  const toMs = c.to ? Date.parse(c.to) : work.hourMs(work.horizonHours);
  work.unknownQueues(a, c.queueIds);
  work.outsideHorizon(a, fromMs, toMs);
  for (const q of work.queues) {
    if (c.queueIds.length > 0 && !c.queueIds.includes(q.queue.queueId)) continue;
    work.hoursIn(fromMs, toMs, (h) => (q.ahtSeconds[h] = q.ahtSeconds[h]! * (1 + c.percent / 100)));
  }
}

/**
 * A new service target for the named queues.
 *
 * @throws {ScenarioInputError} when the target's kind does not fit the queue's channel.
 */
export function applyServiceTarget(work: ScenarioWork, a: NamedOf<'service-target'>): void {
  const t = a.assumption;
  work.unknownQueues(a, t.queueIds);
  for (const q of work.queues) {
    if (!t.queueIds.includes(q.queue.queueId)) continue;
    const wanted = isLiveChannel(q.queue.channel) ? 'sl' : 'response';
    if (t.target.kind !== wanted) throw new ScenarioInputError(`assumptions.${a.assumptionId}.target`, `queue ${q.queue.queueId} is ${q.queue.channel}: it needs a ${wanted} target`);
    q.queue.serviceTarget = t.target;
  }
}

/** A shrinkage for the named queues (all when none are named). */
export function applyShrinkage(work: ScenarioWork, a: NamedOf<'shrinkage'>): void {
  const s = a.assumption;
  work.unknownQueues(a, s.queueIds);
  for (const q of work.queues) if (s.queueIds.length === 0 || s.queueIds.includes(q.queue.queueId)) q.shrinkage = s.shrinkage;
}
