import type { QueueDefinedData } from '@staffcast/events';
import type { CapacityPlanInputs, PlanQueueInput } from '@staffcast/planning';
import type { QueueMix, RosterModel } from '@staffcast/projections';
import type { Assumption } from '../assumptions.js';
import type { PayrollLine } from '../payroll-cost.js';

export const HOUR_MS = 3_600_000;

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

export type Named = { assumptionId: string; assumption: Assumption };
export type NamedOf<K extends Assumption['kind']> = { assumptionId: string; assumption: Extract<Assumption, { kind: K }> };

export type WorkQueue = PlanQueueInput & { volumeMean: number[]; volumePlanned: number[]; ahtSeconds: number[] };
export type WorkAgent = { agentId: string; skills: readonly string[]; hours: number[] };
export type AgentInfo = { siteId: string; timeZone: string; startDate: string };

/**
 * The copies a scenario's appliers change, with the helpers they share. Built once per
 * application, so the baseline is never modified.
 */
export class ScenarioWork {
  readonly fromMs: number;
  readonly horizonHours: number;
  readonly warnings: string[] = [];
  readonly queues: WorkQueue[];
  agents: WorkAgent[];
  readonly payroll: PayrollLine[];
  readonly agentInfo: Map<string, AgentInfo>;
  private readonly planned: Set<string>;

  constructor(readonly base: ScenarioBase) {
    this.fromMs = base.inputs.fromMs;
    this.horizonHours = base.inputs.horizonHours;
    this.queues = base.inputs.queues.map((q) => ({ ...q, queue: { ...q.queue }, volumeMean: [...q.volumeMean], volumePlanned: [...q.volumePlanned], ahtSeconds: [...q.ahtSeconds] }));
    this.planned = new Set(this.queues.map((q) => q.queue.queueId));
    this.agents = base.agents.map((a) => ({ ...a, hours: [...a.hours] }));
    this.payroll = base.payroll.map((p) => ({ ...p, employed: [...p.employed] }));
    this.agentInfo = new Map(Object.values(base.roster.agents).map((a) => [a.agentId, { siteId: a.siteId, timeZone: a.timeZone, startDate: a.startDate }]));
  }

  hourMs(h: number): number {
    return this.fromMs + h * HOUR_MS;
  }

  /** The queue's routing, for the share of its tickets an assumption touches; a queue not defined has none. */
  routingOf(q: PlanQueueInput): Pick<QueueDefinedData, 'channel' | 'routing'> {
    return this.base.queues.get(q.queue.queueId) ?? { channel: q.queue.channel, routing: { markets: [], categories: [], languages: [], channels: [] } };
  }

  unknownQueues(a: Named, ids: readonly string[]): void {
    const missing = ids.filter((id) => !this.planned.has(id));
    if (missing.length > 0) this.warnings.push(`assumption ${a.assumptionId} (${a.assumption.kind}): queues ${missing.join(', ')} are not in this run`);
  }

  /** Scales the mean and the planned quantile alike. */
  scale(q: WorkQueue, h: number, factor: number): void {
    q.volumeMean[h] = q.volumeMean[h]! * factor;
    q.volumePlanned[h] = q.volumePlanned[h]! * factor;
  }

  hoursIn(startMs: number, endMs: number, visit: (h: number) => void): void {
    const first = Math.max(0, Math.ceil((startMs - this.fromMs) / HOUR_MS));
    const last = Math.min(this.horizonHours, Math.ceil((endMs - this.fromMs) / HOUR_MS));
    for (let h = first; h < last; h++) visit(h);
  }

  /** Says so when an assumption's window has no hour inside the run's horizon. */
  outsideHorizon(a: Named, startMs: number, endMs: number): void {
    let inside = false;
    this.hoursIn(startMs, endMs, () => (inside = true));
    if (!inside) this.warnings.push(`assumption ${a.assumptionId} (${a.assumption.kind}): its window has no hour inside this run's horizon`);
  }
}
