/**
 * The least whole n in [lower, upper] with `meets(n)`, for a predicate that is monotone in n (false
 * up to some point, true from there on), or undefined when even `upper` fails. `lower` must be a
 * true lower bound: every n below it is assumed to fail.
 *
 * Starts at `guess` and gallops (steps 1, 2, 4, …) towards the boundary, then bisects, so a good
 * guess d away from the answer costs about 2·log₂(d) + 2 probes. O(log d) probes.
 *
 * @example leastMeeting((n) => n * n >= 200, 10, 1, 100) // 15
 */
export function leastMeeting(meets: (n: number) => boolean, guess: number, lower: number, upper: number): number | undefined {
  if (upper < lower) return undefined;
  const start = Math.min(upper, Math.max(lower, guess));
  let failing: number; // largest n known (or assumed) to fail
  let passing: number; // smallest n known to pass
  if (meets(start)) {
    passing = start;
    failing = lower - 1;
    for (let step = 1; passing - step >= lower; step *= 2) {
      const probe = passing - step;
      if (meets(probe)) passing = probe;
      else {
        failing = probe;
        break;
      }
    }
  } else {
    failing = start;
    passing = Number.NaN;
    for (let step = 1; failing < upper; step *= 2) {
      const probe = Math.min(upper, failing + step);
      if (meets(probe)) {
        passing = probe;
        break;
      }
      failing = probe;
    }
    if (Number.isNaN(passing)) return undefined;
  }
  while (passing - failing > 1) {
    const mid = failing + Math.floor((passing - failing) / 2);
    if (meets(mid)) passing = mid;
    else failing = mid;
  }
  return passing;
}
