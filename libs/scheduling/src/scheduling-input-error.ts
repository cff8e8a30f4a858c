/**
 * Input a schedule run cannot work with (a week start that is not a Monday, rules naming what
 * does not exist). `field` names the input and `reason` says why, so an HTTP layer answers 400.
 *
 * @example new SchedulingInputError('weekStart', 'must be a Monday').field // 'weekStart'
 */
export class SchedulingInputError extends Error {
  override readonly name = 'SchedulingInputError';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}
