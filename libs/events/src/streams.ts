import { isEntityId } from './primitives.js';

/**
 * Stream names: one stream per entity, named `<category>-<id>` (docs/ARCHITECTURE.md, Streams). Ids are checked here
 * too, because a stream name built from an unchecked id could escape its category.
 */

export const STREAM_CATEGORIES = ['queue', 'ticket', 'launch', 'agent', 'calendar', 'forecast', 'scenario', 'local-team-plan', 'schedule-rules', 'schedule'] as const;
export type StreamCategory = (typeof STREAM_CATEGORIES)[number];

/** Thrown when a stream name is built from an id that is not a safe entity id or market code. */
export class InvalidStreamIdError extends Error {
  override readonly name = 'InvalidStreamIdError';
}

function stream(category: StreamCategory, id: string): string {
  const ok = category === 'calendar' ? /^[A-Z]{2}$/.test(id) : isEntityId(id);
  if (!ok) throw new InvalidStreamIdError(`invalid ${category} id ${JSON.stringify(String(id).slice(0, 80))}`);
  return `${category}-${id}`;
}

/** `queue-<queueId>` */
export const queueStream = (queueId: string): string => stream('queue', queueId);
/** `ticket-<ticketId>` */
export const ticketStream = (ticketId: string): string => stream('ticket', ticketId);
/** `launch-<launchId>` */
export const launchStream = (launchId: string): string => stream('launch', launchId);
/** `agent-<agentId>` */
export const agentStream = (agentId: string): string => stream('agent', agentId);
/** `calendar-<market>`, e.g. `calendar-US` */
export const calendarStream = (market: string): string => stream('calendar', market);
/** `forecast-<queueId>`: the forecasts published for a queue */
export const forecastStream = (queueId: string): string => stream('forecast', queueId);
/** `scenario-<scenarioId>` */
export const scenarioStream = (scenarioId: string): string => stream('scenario', scenarioId);
/** `local-team-plan-<planId>` */
export const localTeamPlanStream = (planId: string): string => stream('local-team-plan', planId);

/** `schedule-rules-<siteId>`: a site's shift rules */
export const scheduleRulesStream = (siteId: string): string => stream('schedule-rules', siteId);
/** `schedule-<scheduleId>`; an id starting `rules-` would read as a rules stream, so it is refused. */
export const scheduleStream = (scheduleId: string): string => {
  if (scheduleId.startsWith('rules-')) throw new InvalidStreamIdError(`invalid schedule id ${JSON.stringify(scheduleId.slice(0, 80))}: must not start with "rules-"`);
  return stream('schedule', scheduleId);
};

/** Longest category first, so that `local-team-plan-x` is not read as some shorter category. */
const BY_LENGTH = [...STREAM_CATEGORIES].sort((a, b) => b.length - a.length);

/** Splits `ticket-42` into `{ category: 'ticket', id: '42' }`; undefined for a name outside the catalogue. */
export function parseStreamName(name: string): { category: StreamCategory; id: string } | undefined {
  for (const category of BY_LENGTH) {
    if (name.startsWith(`${category}-`)) {
      const id = name.slice(category.length + 1);
      try {
        stream(category, id);
      } catch {
        return undefined;
      }
      return { category, id };
    }
  }
  return undefined;
}
