import type { CoveredHour } from './coverage-hours.js';
import { LocalTeamInputError } from '../plan/local-team-input-error.js';

/** Arrival rate in one covered clock hour of the week, for one month. */
export interface HourlyArrivals extends CoveredHour {
  /** Contacts per hour while this hour is covered. */
  arrivalsPerHour: number;
}

/** Weights of the intraday and weekly profile; omitted ones are all 1. */
export interface SpreadProfile {
  /** 24 weights by local clock hour. */
  hourWeights?: readonly number[];
  /** 7 weights, Monday first. */
  weekdayWeights?: readonly number[];
  /** 168 weights by local hour of the week (Monday 00:00 first), e.g. from a forecast; replaces the two above. */
  hourOfWeekWeights?: readonly number[];
}

/**
 * Spreads a month's volume over its covered hours. A covered hour of the week k with weight
 * w_k = hourWeights[hour] × weekdayWeights[weekday] (or hourOfWeekWeights[weekday·24 + hour]) and m_k covered minutes in the month receives
 * V · w_k · m_k / Σ_j w_j · m_j contacts, i.e. an arrival rate while covered of
 *   λ_k = V · w_k / Σ_j (w_j · m_j / 60) contacts per hour.
 * With the default profile (all weights 1) the volume is spread evenly over every covered minute, so
 * every covered hour has the same rate V / (covered hours in the month). The rates times the covered
 * hours add back up to V exactly.
 *
 * Units: contacts per hour. Complexity O(covered hours of the week) ≤ O(168). Throws a
 * {@link LocalTeamInputError} when V > 0 but every covered hour has weight 0.
 *
 * @example
 * // 1,840 contacts over 23 weekdays × 8 covered hours = 184 hours: 10 contacts an hour in every covered hour.
 * spreadMonthlyVolume(1840, coveredHours, {})[0].arrivalsPerHour // 10
 */
export function spreadMonthlyVolume(volume: number, hours: readonly CoveredHour[], profile: SpreadProfile, field = 'demand.profile'): HourlyArrivals[] {
  const weight = (h: CoveredHour) =>
    profile.hourOfWeekWeights !== undefined ? (profile.hourOfWeekWeights[h.weekday * 24 + h.hour] ?? 0) : (profile.hourWeights?.[h.hour] ?? 1) * (profile.weekdayWeights?.[h.weekday] ?? 1);
  const mass = hours.reduce((sum, h) => sum + (weight(h) * h.minutes) / 60, 0);
  if (volume > 0 && !(mass > 0)) throw new LocalTeamInputError(field, 'volume cannot be placed: every covered hour of the month has weight 0 (or nothing is covered)');
  return hours.map((h) => ({ ...h, arrivalsPerHour: volume > 0 ? (volume * weight(h)) / mass : 0 }));
}
