import type { Coverage, LocalTeamPlanInput } from '../plan/plan-input.js';
import { coveredHoursOfMonth, type CoveredHour } from './coverage-hours.js';
import { carryMonthlyForecast } from './forecast-carry.js';
import { summariseHourlyForecast, type HourlyVolume } from './hourly-forecast-shape.js';
import { LocalTeamInputError } from '../plan/local-team-input-error.js';
import { monthOfYearPattern, type MonthlyVolume } from './month-of-year-pattern.js';
import { daysInMonth, planMonths } from '../plan/plan-month.js';
import { takeoverShares } from './takeover.js';
import { spreadMonthlyVolume, type HourlyArrivals, type SpreadProfile } from './volume-spread.js';

/** A queue's volume forecast (Forecasting) and the history its month-of-year pattern is learned from. */
export interface QueueForecast {
  queueId: string;
  /** The hourly volume forecast over its horizon. */
  hourly: readonly HourlyVolume[];
  /** Recorded monthly volumes, consecutive, oldest first (13+ months give a month-of-year pattern). */
  history: readonly MonthlyVolume[];
  /** Forecast mean handle time, seconds. */
  ahtSeconds: number;
}

/** Forecast demand was asked for but some queues have no forecast (no recorded ticket history). */
export class ForecastUnavailableError extends LocalTeamInputError {
  constructor(readonly queueIds: readonly string[]) {
    super(
      'demand.kind',
      `forecast demand needs recorded ticket history for the queues ${queueIds.join(', ')}; record their tickets, or use explicit-volume or explicit-fte demand`,
    );
  }
}

const ALL_DAY: Coverage = {
  mon: [['00:00', '24:00']],
  tue: [['00:00', '24:00']],
  wed: [['00:00', '24:00']],
  thu: [['00:00', '24:00']],
  fri: [['00:00', '24:00']],
  sat: [['00:00', '24:00']],
  sun: [['00:00', '24:00']],
};

/**
 * Contacts per covered hour that the local team takes over, per queue and plan month: the month's
 * volume × the takeover share, spread over the covered hours ({@link spreadMonthlyVolume}).
 *
 * - explicit-volume: the given volume (contacts arriving inside the coverage hours), spread by the
 *   plan's profile (default even over covered minutes);
 * - forecast: the monthly forecast carried beyond its horizon ({@link carryMonthlyForecast}, with the
 *   pattern learned from history and the plan's growth; both as volume per day, so month lengths do
 *   not pass for seasonality), times the share of the week's volume that
 *   falls inside the coverage hours (by the forecast's hour-of-week profile), spread by that profile.
 *
 * Returns result[queueIndex][monthIndex]. Units: contacts per hour. Complexity
 * O(queues × months × (days + 168)). Throws {@link ForecastUnavailableError} for queues with no forecast.
 *
 * @example queueArrivals(plan, ['kyc'], new Map())[0][5] // covered hours of month 5 with their arrival rates
 */
export function queueArrivals(plan: LocalTeamPlanInput, queueIds: readonly string[], forecasts: ReadonlyMap<string, QueueForecast>, volumeFactor = 1): HourlyArrivals[][][] {
  const months = planMonths(plan.startMonth, plan.months);
  const shares = takeoverShares(plan.takeover, plan.startMonth, plan.months);
  const covered: CoveredHour[][] = months.map((m) => coveredHoursOfMonth(plan.coverage, plan.timeZone, m));
  const demand = plan.demand;
  if (demand.kind === 'explicit-fte') throw new RangeError('explicit-fte demand has no volumes');

  if (demand.kind === 'explicit-volume') {
    const volume = new Map(demand.monthly.map((row) => [`${row.queueId}@${row.month}`, row.volume]));
    const profile: SpreadProfile = demand.profile ?? {};
    return queueIds.map((queueId) =>
      months.map((month, i) => {
        const share = shares.get(queueId)?.[i] ?? 0;
        const v = (volume.get(`${queueId}@${month}`) ?? 0) * share * volumeFactor;
        return spreadMonthlyVolume(v, covered[i]!, profile);
      }),
    );
  }

  const missing = queueIds.filter((id) => !forecasts.has(id) || forecasts.get(id)!.hourly.length === 0);
  if (missing.length > 0) throw new ForecastUnavailableError(missing);
  const growthPct = demand.monthlyGrowthPct;
  return queueIds.map((queueId) => {
    const forecast = forecasts.get(queueId)!;
    const shape = summariseHourlyForecast(forecast.hourly, plan.timeZone);
    if (shape.monthly.length === 0) throw new ForecastUnavailableError([queueId]);
    // Carried as volume per day, so that a 28-day month is not given a 31-day month's volume.
    const perDay = (rows: readonly MonthlyVolume[]) => rows.map((r) => ({ month: r.month, volume: r.volume / daysInMonth(r.month) }));
    const pattern = monthOfYearPattern(perDay(forecast.history));
    const carried = carryMonthlyForecast(perDay(shape.monthly), pattern, growthPct, months).map((v, i) => v * daysInMonth(months[i]!));
    const profile: SpreadProfile = { hourOfWeekWeights: shape.hourOfWeekWeights };
    return months.map((month, i) => {
      const share = shares.get(queueId)?.[i] ?? 0;
      const inside = weightedMinutes(covered[i]!, shape.hourOfWeekWeights);
      const whole = weightedMinutes(coveredHoursOfMonth(ALL_DAY, plan.timeZone, month), shape.hourOfWeekWeights);
      const v = whole > 0 ? carried[i]! * (inside / whole) * share * volumeFactor : 0;
      return spreadMonthlyVolume(v, covered[i]!, profile, 'demand');
    });
  });
}

function weightedMinutes(hours: readonly CoveredHour[], weights: readonly number[]): number {
  return hours.reduce((sum, h) => sum + (weights[h.weekday * 24 + h.hour] ?? 0) * h.minutes, 0);
}
