/**
 * Inputs the model cannot compute with, found only when computing (a volume with no weighted hour to
 * land in, a target no staffing can reach). `field` names the plan field to fix (dotted) and `reason`
 * says why, so the API answers 400 with both.
 *
 * @example throw new LocalTeamInputError('demand.profile.hourWeights', 'every covered hour has weight 0')
 */
export class LocalTeamInputError extends Error {
  override readonly name = 'LocalTeamInputError';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}
