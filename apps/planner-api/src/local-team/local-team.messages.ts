import { Command, Query } from '@nestjs/cqrs';
import type { AsOf, LocalTeamPlanInput, LocalTeamPlanRevisionInput, LocalTeamProjection } from '@staffcast/local-team';
import type { RequestContext } from '../http/request-context.js';

export interface DraftResult {
  planId: string;
  revision: bigint;
}

export interface ReviseResult {
  planId: string;
  /** Stream revision after the command (unchanged for a revision that changed nothing). */
  revision: bigint;
  changedFields: string[];
}

export interface ProjectionResult {
  planId: string;
  /** Stream revision of the last plan event the projection used. */
  revision: bigint;
  projection: LocalTeamProjection;
}

/** Record a new plan under a fresh id (a UUIDv7 of the request time). */
export class DraftLocalTeamPlan extends Command<DraftResult> {
  constructor(
    readonly plan: LocalTeamPlanInput,
    readonly ctx: RequestContext,
    readonly requestTimeMs: number,
  ) {
    super();
  }
}

/** Replace some top-level fields of a plan. */
export class ReviseLocalTeamPlan extends Command<ReviseResult> {
  constructor(
    readonly planId: string,
    readonly revision: LocalTeamPlanRevisionInput,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}

/** The projection of a plan as the log had it at `asOf` (now when undefined). */
export class GetLocalTeamProjection extends Query<ProjectionResult> {
  constructor(
    readonly planId: string,
    readonly asOf: AsOf | undefined,
  ) {
    super();
  }
}

/** One plan in the list: what it scopes and its current revision. */
export interface LocalTeamPlanListing {
  planId: string;
  name: string;
  market: string;
  timeZone: string;
  startMonth: string;
  months: number;
  revision: string;
}

/** Every local-team plan, newest first (plan ids are UUIDv7 of their drafting). */
export class ListLocalTeamPlans extends Query<{ plans: LocalTeamPlanListing[] }> {}
