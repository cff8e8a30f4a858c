/** An assumption that cannot be applied to the plan it meets (e.g. a response target on a phone queue); `field` names it. */
export class ScenarioInputError extends Error {
  override readonly name = 'ScenarioInputError';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}
