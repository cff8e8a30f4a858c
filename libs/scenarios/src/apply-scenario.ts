import { DateTime } from 'luxon';
import { isLiveChannel, type QueueDefinedData } from '@staffcast/events';
import { launchShape } from '@staffcast/forecasting';
import { takeoverShareAt } from '@staffcast/local-team';
import { agentSupply, type CapacityPlanInputs, type PlanQueueInput } from '@staffcast/planning';
import type { QueueMix, RosterModel } from '@staffcast/projections';
import { affectedShare } from './affected-share.js';
import type { Assumption } from './assumptions.js';
import { attritionSurvival } from './attrition-survival.js';
import { coveredFraction } from './covered-fraction.js';
import { hiredAgent } from './hired-agent.js';
import type { PayrollLine } from './payroll-cost.js';
import { ScenarioInputError } from './scenario-input-error.js';

const HOUR_MS = 3_600_000;

/** The baseline a scenario is applied to, all read at one log position. */
export interface ScenarioBase {
  inputs: CapacityPlanInputs;
  /** Queue definitions (routing decides which queues a market/category assumption touches). */
  queues: ReadonlyMap<string, QueueDefinedData>;
  /** Recent market × category mix of each queue's tickets. */
  mix: ReadonlyMap<string, QueueMix>;
  /** The roster the baseline agents' supply came from (sites and time zones for attrition). */
  roster: RosterModel;
  /** Baseline agents' supply rows carry their agentId (see agentSupply). */
  agents: readonly { agentId: string; skills: readonly string[]; hours: readonly number[] }[];
  payroll: readonly PayrollLine[];
}

export interface AppliedScenario {
  inputs: CapacityPlanInputs;
  payroll: PayrollLine[];
  /** Assumptions that touched nothing in this run, said plainly rather than silently ignored. */
  warnings: string[];
}

type Named = { assumptionId: string; assumption: Assumption };

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
  const { fromMs, horizonHours } = base.inputs;
  const hourMs = (h: number) => fromMs + h * HOUR_MS;
  const warnings: string[] = [];
  const queues = base.inputs.queues.map((q) => ({ ...q, queue: { ...q.queue }, volumeMean: [...q.volumeMean], volumePlanned: [...q.volumePlanned], ahtSeconds: [...q.ahtSeconds] }));
  const planned = new Set(queues.map((q) => q.queue.queueId));
  const routingOf = (q: PlanQueueInput) => base.queues.get(q.queue.queueId) ?? { ...q.queue, routing: { markets: [], categories: [], languages: [], channels: [] } };
  const byKind = <K extends Assumption['kind']>(kind: K) => assumptions.filter((a): a is { assumptionId: string; assumption: Extract<Assumption, { kind: K }> } => a.assumption.kind === kind);
  const unknownQueues = (a: Named, ids: readonly string[]) => {
    const missing = ids.filter((id) => !planned.has(id));
    if (missing.length > 0) warnings.push(`assumption ${a.assumptionId} (${a.assumption.kind}): queues ${missing.join(', ')} are not in this run`);
  };
  const scale = (q: PlanQueueInput & { volumeMean: number[]; volumePlanned: number[] }, h: number, factor: number) => {
    q.volumeMean[h] = q.volumeMean[h]! * factor;
    q.volumePlanned[h] = q.volumePlanned[h]! * factor;
  };
  const hoursIn = (startMs: number, endMs: number, visit: (h: number) => void) => {
    const first = Math.max(0, Math.ceil((startMs - fromMs) / HOUR_MS));
    const last = Math.min(horizonHours, Math.ceil((endMs - fromMs) / HOUR_MS));
    for (let h = first; h < last; h++) visit(h);
  };
  /** Says so when an assumption's window has no hour inside the run's horizon. */
  const outsideHorizon = (a: Named, startMs: number, endMs: number) => {
    let inside = false;
    hoursIn(startMs, endMs, () => (inside = true));
    if (!inside) warnings.push(`assumption ${a.assumptionId} (${a.assumption.kind}): its window has no hour inside this run's horizon`);
  };

  for (const a of byKind('volume-multiplier')) {
    const v = a.assumption;
    unknownQueues(a, v.queueIds);
    outsideHorizon(a, Date.parse(v.from), Date.parse(v.to));
    let touched = false;
    for (const q of queues) {
      if (v.queueIds.length > 0 && !v.queueIds.includes(q.queue.queueId)) continue;
      const share = affectedShare(base.mix.get(q.queue.queueId), routingOf(q), { markets: v.markets, categories: v.categories });
      if (share <= 0) continue;
      touched = true;
      hoursIn(Date.parse(v.from), Date.parse(v.to), (h) => scale(q, h, 1 + (v.factor - 1) * share));
    }
    if (!touched) warnings.push(`assumption ${a.assumptionId} (volume-multiplier) touches no queue in this run`);
  }

  for (const a of byKind('launch')) {
    const l = a.assumption;
    const startMs = Math.floor(Date.parse(l.startsAt) / HOUR_MS) * HOUR_MS;
    const endMs = Math.ceil(Date.parse(l.endsAt) / HOUR_MS) * HOUR_MS;
    const windowHours = (endMs - startMs) / HOUR_MS;
    const shape = launchShape(l.profile, windowHours);
    outsideHorizon(a, startMs, endMs);
    const touched = queues
      .map((q) => ({ q, share: affectedShare(base.mix.get(q.queue.queueId), routingOf(q), { markets: l.markets, categories: l.categories, channels: l.channels }) }))
      .filter((t) => t.share > 0);
    if (touched.length === 0) warnings.push(`assumption ${a.assumptionId} (launch) touches no queue in this run`);
    if (l.uplift.kind === 'percent') {
      const pct = l.uplift.percent;
      for (const { q, share } of touched) hoursIn(startMs, endMs, (h) => scale(q, h, 1 + (pct / 100) * shape[(hourMs(h) - startMs) / HOUR_MS]! * share));
    } else {
      // Extra tickets over the whole window, shaped by the profile; the part of the window inside the
      // horizon goes to the touched queues' hours in proportion to profile × forecast × share, so a
      // closed live queue (forecast 0) gets none and no ticket is lost or counted twice.
      const cells: { q: (typeof queues)[number]; h: number; weight: number }[] = [];
      let inHorizon = 0;
      hoursIn(startMs, endMs, (h) => {
        const s = shape[(hourMs(h) - startMs) / HOUR_MS]!;
        inHorizon += s;
        for (const t of touched) cells.push({ q: t.q, h, weight: s * t.q.volumeMean[h]! * t.share });
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
        warnings.push(`assumption ${a.assumptionId} (launch): the touched queues have no forecast volume in the window, so its extra tickets have nowhere to go`);
      }
    }
  }

  for (const a of byKind('local-team-move')) {
    const m = a.assumption;
    unknownQueues(a, m.takeover.flatMap((p) => p.queueIds));
    // The team's month and covered share of each hour depend on the hour alone: once per hour, not per queue.
    const months: string[] = [];
    const covered: number[] = [];
    for (let h = 0; h < horizonHours; h++) {
      months.push(DateTime.fromMillis(hourMs(h), { zone: m.timeZone }).toFormat('yyyy-MM'));
      covered.push(coveredFraction(m.coverage, m.timeZone, hourMs(h)));
    }
    for (const q of queues) {
      if (!m.takeover.some((p) => p.queueIds.includes(q.queue.queueId))) continue;
      const shareOf = new Map<string, number>();
      for (let h = 0; h < horizonHours; h++) {
        if (covered[h]! <= 0) continue;
        let share = shareOf.get(months[h]!);
        if (share === undefined) shareOf.set(months[h]!, (share = takeoverShareAt(m.takeover, q.queue.queueId, months[h]!)));
        if (share > 0) scale(q, h, 1 - share * covered[h]!);
      }
    }
  }

  for (const a of byKind('aht-change')) {
    const c = a.assumption;
    unknownQueues(a, c.queueIds);
    outsideHorizon(a, c.from ? Date.parse(c.from) : fromMs, c.to ? Date.parse(c.to) : hourMs(horizonHours));
    for (const q of queues) {
      if (c.queueIds.length > 0 && !c.queueIds.includes(q.queue.queueId)) continue;
      hoursIn(c.from ? Date.parse(c.from) : fromMs, c.to ? Date.parse(c.to) : hourMs(horizonHours), (h) => (q.ahtSeconds[h] = q.ahtSeconds[h]! * (1 + c.percent / 100)));
    }
  }

  for (const a of byKind('service-target')) {
    const t = a.assumption;
    unknownQueues(a, t.queueIds);
    for (const q of queues) {
      if (!t.queueIds.includes(q.queue.queueId)) continue;
      const wanted = isLiveChannel(q.queue.channel) ? 'sl' : 'response';
      if (t.target.kind !== wanted) throw new ScenarioInputError(`assumptions.${a.assumptionId}.target`, `queue ${q.queue.queueId} is ${q.queue.channel}: it needs a ${wanted} target`);
      q.queue.serviceTarget = t.target;
    }
  }

  for (const a of byKind('shrinkage')) {
    const s = a.assumption;
    unknownQueues(a, s.queueIds);
    for (const q of queues) if (s.queueIds.length === 0 || s.queueIds.includes(q.queue.queueId)) q.shrinkage = s.shrinkage;
  }

  const toMs = hourMs(horizonHours);
  const agents = base.agents.map((a) => ({ ...a, hours: [...a.hours] }));
  const payroll = base.payroll.map((p) => ({ ...p, employed: [...p.employed] }));
  const agentInfo = new Map(Object.values(base.roster.agents).map((a) => [a.agentId, { siteId: a.siteId, timeZone: a.timeZone, startDate: a.startDate }]));
  for (const a of byKind('hires')) {
    const hires = a.assumption;
    const agentId = `scenario-hire-${a.assumptionId}`;
    const agent = hiredAgent(hires, agentId);
    const roster: RosterModel = { position: null, agents: { [agentId]: agent } };
    for (const supply of agentSupply(roster, fromMs, toMs, hires.ramp)) agents.push({ ...supply, hours: supply.hours.map((v) => v * hires.count) });
    const startMs = DateTime.fromISO(hires.startDate, { zone: hires.timeZone }).toMillis();
    if (startMs >= hourMs(horizonHours)) warnings.push(`assumption ${a.assumptionId} (hires): they start after this run's horizon`);
    payroll.push({
      agentId,
      siteId: hires.siteId,
      count: hires.count,
      contractedHoursPerWeek: hires.contractedHoursPerWeek,
      hourlyCost: hires.hourlyCost ?? null,
      employed: Array.from({ length: horizonHours }, (_, h) => (hourMs(h) >= startMs ? 1 : 0)),
    });
    agentInfo.set(agentId, { siteId: hires.siteId, timeZone: hires.timeZone, startDate: hires.startDate });
  }

  for (const a of byKind('attrition')) {
    const r = a.assumption;
    const survivalOf = (agentId: string) => {
      const info = agentInfo.get(agentId);
      if (!info || (r.siteIds.length > 0 && !r.siteIds.includes(info.siteId))) return undefined;
      const from = DateTime.fromISO(r.from > info.startDate ? r.from : info.startDate, { zone: info.timeZone }).toMillis();
      return (h: number) => attritionSurvival(r.monthlyRate, from, hourMs(h));
    };
    for (const agent of agents) {
      const survival = survivalOf(agent.agentId);
      if (survival) agent.hours = agent.hours.map((v, h) => v * survival(h));
    }
    for (const line of payroll) {
      const survival = survivalOf(line.agentId);
      if (survival) line.employed = line.employed.map((v, h) => v * survival(h));
    }
  }

  // Stacked factors can overflow (×100 two hundred times) or meet 0 × ∞: say so rather than plan on non-numbers.
  for (const q of queues) {
    if (![q.volumeMean, q.volumePlanned, q.ahtSeconds].every((series) => series.every(Number.isFinite))) {
      throw new ScenarioInputError('assumptions', `together they take queue ${q.queue.queueId}'s volume or handle time beyond finite numbers`);
    }
  }
  return { inputs: { ...base.inputs, queues, agents }, payroll, warnings };
}
