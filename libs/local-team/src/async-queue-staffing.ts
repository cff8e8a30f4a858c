import type { QueueStaffing } from './hourly-requirement.js';
import { LocalTeamInputError } from './local-team-input-error.js';
import type { ResolvedQueue } from './queue-profiles.js';

/**
 * Async queues (email, social) are staffed by the backlog model of @staffcast/staffing. Until that
 * model is published there, a plan moving an async queue is refused with an error naming the queue,
 * rather than staffed by a stand-in.
 */
export function asyncQueueStaffing(queue: ResolvedQueue & { ahtSeconds: number }, _occupancyCap: number): QueueStaffing {
  throw new LocalTeamInputError('queues', `queue ${queue.queueId} is a ${queue.channel} queue: the backlog staffing model for async channels is not available yet`);
}
