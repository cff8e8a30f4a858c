import {
  DomainError,
  QueueDefinedData,
  QueueRetiredData,
  QueueRoutingChangedData,
  QueueServiceTargetChangedData,
  commandInstant,
  routingChannelMismatch,
  sameData,
  serviceTargetKindFor,
  type Decider,
  type QueueEvent,
} from '@staffcast/events';

/**
 * The queue decider (`queue-<id>` streams). Invariants:
 * - a queue id is defined once (an identical definition again is a no-op);
 * - routing and service target change only on a defined, not retired queue;
 * - the new service target suits the queue's channel (`sl` for phone/chat, `response` for email/social)
 *   and new routing channels are of the queue's class (live or async);
 * - a retired queue cannot change (retiring it again with the same data is a no-op).
 * A change that equals the current value is a no-op.
 */
export type QueueCommand =
  | { type: 'DefineQueue'; data: QueueDefinedData }
  | { type: 'ChangeQueueRouting'; data: QueueRoutingChangedData }
  | { type: 'ChangeQueueServiceTarget'; data: QueueServiceTargetChangedData }
  | { type: 'RetireQueue'; data: QueueRetiredData };

export const QUEUE_COMMAND_SCHEMAS = {
  DefineQueue: QueueDefinedData,
  ChangeQueueRouting: QueueRoutingChangedData,
  ChangeQueueServiceTarget: QueueServiceTargetChangedData,
  RetireQueue: QueueRetiredData,
} as const;

export type QueueErrorCode = 'QUEUE_NOT_FOUND' | 'QUEUE_ALREADY_DEFINED' | 'QUEUE_RETIRED' | 'TARGET_DOES_NOT_SUIT_CHANNEL' | 'ROUTING_CHANNEL_MISMATCH';

export interface QueueState {
  /** The queue as currently defined (routing and target updated by later events). */
  definition?: QueueDefinedData;
  /** The first definition, to recognise a repeated DefineQueue. */
  defined?: QueueDefinedData;
  retired?: QueueRetiredData;
}

export const initialQueueState: QueueState = {};

const fail = (code: QueueErrorCode, message: string, kind: 'not_found' | 'conflict' | 'invalid' = 'conflict', field?: string) => new DomainError(code, message, kind, field);

export function decideQueue(command: QueueCommand, state: QueueState): QueueEvent[] {
  if (command.type === 'DefineQueue') {
    if (!state.defined) return [{ type: 'QueueDefined', data: command.data }];
    if (sameData(state.defined, command.data)) return [];
    throw fail('QUEUE_ALREADY_DEFINED', `queue ${command.data.queueId} is already defined`, 'conflict', 'queueId');
  }
  const queue = state.definition;
  if (!queue) throw fail('QUEUE_NOT_FOUND', `queue ${command.data.queueId} is not defined`, 'not_found', 'queueId');

  if (command.type === 'RetireQueue') {
    commandInstant(command.data.retiredAt, 'retiredAt');
    if (!state.retired) return [{ type: 'QueueRetired', data: command.data }];
    if (sameData(state.retired, command.data)) return [];
    throw fail('QUEUE_RETIRED', `queue ${queue.queueId} is already retired`);
  }
  if (state.retired) throw fail('QUEUE_RETIRED', `queue ${queue.queueId} is retired and cannot change`);

  switch (command.type) {
    case 'ChangeQueueRouting': {
      const mismatch = routingChannelMismatch(queue.channel, command.data.routing);
      if (mismatch !== undefined) {
        throw fail('ROUTING_CHANNEL_MISMATCH', `a ${queue.channel} queue cannot take ${command.data.routing.channels[mismatch]} tickets`, 'invalid', `routing.channels.${mismatch}`);
      }
      return sameData(queue.routing, command.data.routing) ? [] : [{ type: 'QueueRoutingChanged', data: command.data }];
    }
    case 'ChangeQueueServiceTarget': {
      const wanted = serviceTargetKindFor(queue.channel);
      if (command.data.serviceTarget.kind !== wanted) {
        throw fail('TARGET_DOES_NOT_SUIT_CHANNEL', `a ${queue.channel} queue needs a "${wanted}" target`, 'invalid', 'serviceTarget.kind');
      }
      return sameData(queue.serviceTarget, command.data.serviceTarget) ? [] : [{ type: 'QueueServiceTargetChanged', data: command.data }];
    }
  }
}

export function evolveQueue(state: QueueState, event: QueueEvent): QueueState {
  switch (event.type) {
    case 'QueueDefined':
      return { definition: event.data, defined: event.data };
    case 'QueueRoutingChanged':
      return state.definition ? { ...state, definition: { ...state.definition, routing: event.data.routing } } : state;
    case 'QueueServiceTargetChanged':
      return state.definition ? { ...state, definition: { ...state.definition, serviceTarget: event.data.serviceTarget } } : state;
    case 'QueueRetired':
      return { ...state, retired: event.data };
  }
}

export const queueDecider: Decider<QueueCommand, QueueState, QueueEvent> = {
  initialState: initialQueueState,
  decide: decideQueue,
  evolve: evolveQueue,
};
