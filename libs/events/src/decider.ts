import { DomainError, type DomainErrorKind } from './domain-error.js';
import { instantMs } from './primitives.js';

/**
 * The decider pattern: `decide(command, state)` returns the events a command causes (or throws a
 * {@link DomainError}), `evolve(state, event)` folds one event into the state. Both are pure.
 * A handler loads a stream, folds it with {@link foldEvents}, decides and appends with the
 * stream's revision as the expected revision.
 */
export interface Decider<C, S, E> {
  readonly initialState: S;
  decide(command: C, state: S): E[];
  evolve(state: S, event: E): S;
}

/** The state after `events`, starting from `initialState`. O(n). */
export function foldEvents<S, E>(decider: Pick<Decider<never, S, E>, 'initialState' | 'evolve'>, events: Iterable<E>, from: S = decider.initialState): S {
  let state = from;
  for (const event of events) state = decider.evolve(state, event);
  return state;
}

export type DecisionOutcome<E> = { events: E[] } | { error: { code: string; kind: DomainErrorKind; field?: string } };

/**
 * Given `given` events, when `command` is decided, then either `{ events }` or `{ error }` — plain
 * data, so a test states its expectation with one `toEqual`. The produced events are also folded
 * to prove `evolve` accepts them. Errors other than {@link DomainError} propagate.
 */
export function givenWhenThen<C, S, E>(decider: Decider<C, S, E>, given: readonly E[], command: C): DecisionOutcome<E> {
  const state = foldEvents(decider, given);
  try {
    const events = decider.decide(command, state);
    foldEvents(decider, events, state);
    return { events };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { error: error.field === undefined ? { code: error.code, kind: error.kind } : { code: error.code, kind: error.kind, field: error.field } };
  }
}

/**
 * Milliseconds of a command's ISO date-time field, or an `invalid` {@link DomainError} naming the
 * field. Deciders compare instants, never strings: `09:00+11:00` is before `23:00Z` of the day before.
 */
export function commandInstant(iso: string, field: string): number {
  const ms = instantMs(iso);
  if (Number.isNaN(ms)) throw new DomainError('INVALID_TIME', `${field} must be an ISO-8601 date-time with an offset or Z`, 'invalid', field);
  return ms;
}
