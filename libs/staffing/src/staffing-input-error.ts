/**
 * Input the staffing numerics cannot work with: a zero or negative handle time, a negative rate, a
 * service level outside (0, 1), a target no staffing can reach. `field` names the offending input
 * (dotted, e.g. `target.serviceLevel`) and `reason` says why, so an HTTP layer can answer 400 with both.
 *
 * @example
 * try { erlangCMetrics({ arrivalsPerHour: 100, ahtSeconds: 0, agents: 5, thresholdSeconds: 20 }); }
 * catch (e) { if (e instanceof StaffingInputError) console.log(e.field, e.reason); } // ahtSeconds must be > 0 …
 */
export class StaffingInputError extends Error {
  override readonly name = 'StaffingInputError';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}
