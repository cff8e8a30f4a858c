import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { buildCapacityPlan, planCsv, type CapacityPlan, type CapacityPlanInputs } from '@staffcast/planning';
import { StaffingInputError } from '@staffcast/staffing';
import { queueMix } from '@staffcast/projections';
import { ScenarioInputError, applyScenario, compareRuns, employment, payrollCost, type Assumption, type PayrollLine, type RunRequest, type RunSummary } from '@staffcast/scenarios';
import { CapacityPlanner, type PlanContext } from '../planning/capacity-plan.service.js';
import { PlanningFactsReader } from '../planning/planning-facts.service.js';

const HOUR_MS = 3_600_000;
/** The recent ticket mix that decides a market/category assumption's share of a queue: four weeks before the plan. */
const MIX_WEEKS = 4;

export interface Evaluation {
  baseline: CapacityPlan;
  scenario: CapacityPlan;
  summary: RunSummary;
  /** SHA-256 of both plans' rows (as CSV): equal digests mean the same result. */
  digest: string;
}

/**
 * Evaluates a scenario: the capacity plan on the baseline as the log stood at `position`, and the
 * same plan with the assumptions applied to its inputs. Deterministic for a given position,
 * request and assumption list, which is what lets a recorded run be reproduced later.
 */
@Injectable()
export class ScenarioEvaluator {
  constructor(
    @Inject(CapacityPlanner) private readonly planner: CapacityPlanner,
    @Inject(PlanningFactsReader) private readonly facts: PlanningFactsReader,
  ) {}

  async evaluate(request: RunRequest, position: bigint, assumptions: readonly { assumptionId: string; assumption: Assumption }[]): Promise<Evaluation> {
    const fromMs = Date.parse(request.from);
    const asOf = { kind: 'position' as const, position };
    const planRequest = {
      fromMs,
      horizonHours: request.horizonHours,
      planQuantile: request.planQuantile,
      shrinkage: request.shrinkage,
      occupancyCap: request.occupancyCap,
      asOf,
      ...(request.queueIds ? { queueIds: request.queueIds } : {}),
    };
    let context: PlanContext = await this.planner.context(planRequest);
    let terms = await this.facts.agentTerms(asOf);
    // The live read models may have moved past `position` while the facts were read (every event
    // applied moves the ticket model's position; a fold never moves): read again, a fold this time.
    if (context.tickets.position !== context.readAtPosition) {
      context = await this.planner.context(planRequest);
      terms = await this.facts.agentTerms(asOf);
    }

    const payroll: PayrollLine[] = Object.values(context.roster.agents).map((agent) => {
      const t = terms.get(agent.agentId);
      return {
        agentId: agent.agentId,
        siteId: agent.siteId,
        count: 1,
        contractedHoursPerWeek: t?.contractedHoursPerWeek ?? 0,
        hourlyCost: t?.hourlyCost ?? null,
        employed: employment(agent, fromMs, request.horizonHours),
      };
    });
    const base = {
      inputs: context.inputs,
      queues: context.facts.queues,
      mix: queueMix(context.tickets, fromMs - MIX_WEEKS * 7 * 24 * HOUR_MS, fromMs),
      roster: context.roster,
      agents: context.agents,
      payroll,
    };
    const baseline = buildCapacityPlan(base.inputs);
    const applied = applyScenario(base, assumptions);
    const scenario = scenarioPlan(applied.inputs);
    const summary = compareRuns(baseline, scenario, request, { baseline: payrollCost(base.payroll), scenario: payrollCost(applied.payroll) }, applied.warnings);
    const digest = createHash('sha256').update(planCsv(baseline.rows)).update(planCsv(scenario.rows)).digest('hex');
    return { baseline, scenario, summary, digest };
  }
}

/** The plan under the assumptions: a target or volume no staffing can meet is the assumptions' doing (422), not the request's. */
function scenarioPlan(inputs: CapacityPlanInputs): CapacityPlan {
  try {
    return buildCapacityPlan(inputs);
  } catch (error) {
    if (error instanceof StaffingInputError) throw new ScenarioInputError('assumptions', `the plan under these assumptions cannot be staffed: ${error.reason}`);
    throw error;
  }
}
