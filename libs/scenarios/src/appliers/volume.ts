import { launchShape } from '@staffcast/forecasting';
import { affectedShare } from '../affected-share.js';
import { HOUR_MS, type NamedOf, type ScenarioWork, type WorkQueue } from './scenario-work.js';

/** A volume multiplier over a window, for the share of each queue's tickets its markets and categories touch. */
export function applyVolumeMultiplier(work: ScenarioWork, a: NamedOf<'volume-multiplier'>): void {
  const v = a.assumption;
  work.unknownQueues(a, v.queueIds);
  work.outsideHorizon(a, Date.parse(v.from), Date.parse(v.to));
  let touched = false;
  for (const q of work.queues) {
    if (v.queueIds.length > 0 && !v.queueIds.includes(q.queue.queueId)) continue;
    const share = affectedShare(work.base.mix.get(q.queue.queueId), work.routingOf(q), { markets: v.markets, categories: v.categories });
    if (share <= 0) continue;
    touched = true;
    work.hoursIn(Date.parse(v.from), Date.parse(v.to), (h) => work.scale(q, h, 1 + (v.factor - 1) * share));
  }
  if (!touched) work.warnings.push(`assumption ${a.assumptionId} (volume-multiplier) touches no queue in this run`);
}

/** A hypothetical launch: a percent uplift, or extra tickets shared among the touched queues by their forecast volume. */
export function applyLaunch(work: ScenarioWork, a: NamedOf<'launch'>): void {
  const l = a.assumption;
  const startMs = Math.floor(Date.parse(l.startsAt) / HOUR_MS) * HOUR_MS;
  const endMs = Math.ceil(Date.parse(l.endsAt) / HOUR_MS) * HOUR_MS;
  const windowHours = (endMs - startMs) / HOUR_MS;
  const shape = launchShape(l.profile, windowHours);
  work.outsideHorizon(a, startMs, endMs);
  const touched = work.queues
    .map((q) => ({ q, share: affectedShare(work.base.mix.get(q.queue.queueId), work.routingOf(q), { markets: l.markets, categories: l.categories, channels: l.channels }) }))
    .filter((t) => t.share > 0);
  if (touched.length === 0) work.warnings.push(`assumption ${a.assumptionId} (launch) touches no queue in this run`);
  const shapeAt = (h: number) => shape[(work.hourMs(h) - startMs) / HOUR_MS]!;
  if (l.uplift.kind === 'percent') {
    const pct = l.uplift.percent;
    for (const { q, share } of touched) work.hoursIn(startMs, endMs, (h) => work.scale(q, h, 1 + (pct / 100) * shapeAt(h) * share));
    return;
  }
  // Extra tickets over the whole window, shaped by the profile; the part of the window inside the
  // horizon goes to the touched queues' hours in proportion to profile × forecast × share, so a
  // closed live queue (forecast 0) gets none and no ticket is lost or counted twice.
  const cells: { q: WorkQueue; h: number; weight: number }[] = [];
  let inHorizon = 0;
  work.hoursIn(startMs, endMs, (h) => {
    inHorizon += shapeAt(h);
    for (const t of touched) cells.push({ q: t.q, h, weight: shapeAt(h) * t.q.volumeMean[h]! * t.share });
  });
  const extra = (l.uplift.tickets * inHorizon) / windowHours;
  const total = cells.reduce((sum, c) => sum + c.weight, 0);
  if (total > 0) {
    for (const c of cells) {
      const part = (extra * c.weight) / total;
      c.q.volumeMean[c.h] = c.q.volumeMean[c.h]! + part;
      c.q.volumePlanned[c.h] = c.q.volumePlanned[c.h]! + part;
    }
  } else if (extra > 0 && touched.length > 0) {
    work.warnings.push(`assumption ${a.assumptionId} (launch): the touched queues have no forecast volume in the window, so its extra tickets have nowhere to go`);
  }
}
