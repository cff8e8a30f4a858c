import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  erlangAMetrics,
  erlangARequirement,
  erlangCMetrics,
  erlangCRequirement,
  meetsTarget,
  scheduledAgents,
  type ErlangAMetrics,
  type QueueMetrics,
  type ServiceTarget,
} from '@staffcast/staffing';
import { RequireRole } from '../http/auth.js';
import { parseOrThrow } from '../http/validation.js';
import { ErlangRequest, MAX_AGENTS, type ErlangResponse } from './erlang.dto.js';

/**
 * Stateless Erlang staffing. Nothing is read from or written to the event log.
 * Inputs the numerics cannot use (N ≤ A for Erlang C, an unreachable target, a hopelessly overloaded
 * Erlang A sum) come back from the library as StaffingInputError { field, reason }, which the shared
 * error filter answers as 400 naming the field.
 */
@Controller('v1/staffing')
export class StaffingController {
  /** With `agents`, evaluates that staffing; without, finds the least agents meeting `target`. */
  @RequireRole('viewer')
  @Post('erlang')
  @HttpCode(200)
  erlang(@Body() body: unknown): ErlangResponse {
    return answerErlang(parseOrThrow(ErlangRequest, body));
  }
}

/** The staffing a validated request asks for: evaluated when `agents` is given, else searched for. */
export function answerErlang(input: ErlangRequest): ErlangResponse {
  const target: ServiceTarget | undefined =
    input.target === undefined && input.maxOccupancy === undefined ? undefined : { ...input.target, maxOccupancy: input.maxOccupancy };
  const shrinkage = input.shrinkage ?? 0;
  const common = { arrivalsPerHour: input.arrivalsPerHour, ahtSeconds: input.ahtSeconds };

  if (input.agents !== undefined) {
    const thresholdSeconds = input.thresholdSeconds ?? input.target?.thresholdSeconds ?? 0;
    const evaluated = { ...common, agents: input.agents, thresholdSeconds };
    const metrics = input.model === 'erlang-a' ? erlangAMetrics({ ...evaluated, patienceSeconds: input.patienceSeconds! }) : erlangCMetrics(evaluated);
    return {
      ...respond(input.model, metrics, input.agents, scheduledAgents(input.agents, shrinkage)),
      ...(target === undefined ? {} : { meetsTarget: meetsTarget({ ...target, thresholdSeconds: target.thresholdSeconds ?? thresholdSeconds }, metrics) }),
    };
  }

  const requirement =
    input.model === 'erlang-a'
      ? erlangARequirement({ ...common, patienceSeconds: input.patienceSeconds!, target: target!, maxAgents: MAX_AGENTS })
      : erlangCRequirement({ ...common, target: target!, maxAgents: MAX_AGENTS });
  return { ...respond(input.model, requirement.metrics, requirement.rawAgents, scheduledAgents(requirement.agents, shrinkage)), binding: requirement.binding };
}

function respond(model: ErlangResponse['model'], m: QueueMetrics | ErlangAMetrics, rawAgents: number, scheduled: number): ErlangResponse {
  const response: ErlangResponse = {
    model,
    agents: m.agents,
    rawAgents,
    scheduledAgents: scheduled,
    offeredLoadErlangs: m.offeredLoadErlangs,
    thresholdSeconds: m.thresholdSeconds,
    serviceLevel: m.serviceLevel,
    pWait: m.pWait,
    asaSeconds: m.asaSeconds,
    occupancy: m.occupancy,
  };
  if ('pAbandon' in m) {
    response.pAbandon = m.pAbandon;
    response.meanWaitSeconds = m.meanWaitSeconds;
  }
  return response;
}
