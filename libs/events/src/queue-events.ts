import { z } from 'zod';
import { OpeningHours } from './local-time.js';
import {
  CategoryCode,
  Channel,
  DisplayName,
  EntityId,
  IanaTimeZone,
  IsoDateTime,
  LanguageTag,
  MarketCode,
  ReasonCode,
  SkillCode,
  isLiveChannel,
  uniqueList,
} from './primitives.js';

/**
 * Which tickets a queue takes. Each list filters one routing attribute; an empty list matches any
 * value. A ticket routes to a queue when all four lists match.
 */
export const RoutingMatch = z
  .strictObject({
    markets: uniqueList(MarketCode, 250),
    categories: uniqueList(CategoryCode, 200),
    languages: uniqueList(LanguageTag, 100),
    channels: uniqueList(Channel, 4),
  })
  .describe('Routing match: each list filters one ticket attribute; [] = any');
export type RoutingMatch = z.infer<typeof RoutingMatch>;

/** Service level target for live channels: `percent` % of contacts answered within `seconds`. */
export const ServiceLevelTarget = z.strictObject({
  kind: z.literal('sl'),
  percent: z.number().gt(0).max(100),
  seconds: z.number().int().min(1).max(3600),
});
/** Response-time target for async channels: every ticket first answered within `hours` of opening hours. */
export const ResponseTarget = z.strictObject({
  kind: z.literal('response'),
  hours: z.number().gt(0).max(720),
});
export const ServiceTarget = z.discriminatedUnion('kind', [ServiceLevelTarget, ResponseTarget]).describe('Service target: sl for live channels, response for async');
export type ServiceTarget = z.infer<typeof ServiceTarget>;

/** The target kind a queue's channel needs: a service level for phone/chat, a response time for email/social. */
export function serviceTargetKindFor(channel: Channel): ServiceTarget['kind'] {
  return isLiveChannel(channel) ? 'sl' : 'response';
}

/** Routing channels must be of the queue's own class (live or async): the two are staffed by different models. */
export function routingChannelMismatch(channel: Channel, routing: RoutingMatch): number | undefined {
  const index = routing.channels.findIndex((c) => isLiveChannel(c) !== isLiveChannel(channel));
  return index < 0 ? undefined : index;
}

const queueDefinedFields = z.strictObject({
  queueId: EntityId,
  name: DisplayName,
  channel: Channel,
  routing: RoutingMatch,
  timeZone: IanaTimeZone,
  openingHours: OpeningHours,
  serviceTarget: ServiceTarget,
  requiredSkills: uniqueList(SkillCode, 20),
  /** Chats one agent handles at once; 1 for every channel but chat. */
  chatConcurrency: z.number().int().min(1).max(10),
  /** Mean caller patience for Erlang A (live channels only). */
  callerPatienceSeconds: z.number().gt(0).max(3600).optional(),
  /** Regulatory-sensitive work (scam/fraud, KYC, AML/CDD): only certified agents, so requiredSkills must not be empty. */
  regulatory: z.boolean(),
});

/** QueueDefined v1: a queue and everything needed to route, forecast and staff it. */
export const QueueDefinedData = queueDefinedFields.superRefine((q, ctx) => {
  const wanted = serviceTargetKindFor(q.channel);
  if (q.serviceTarget.kind !== wanted) {
    ctx.addIssue({ code: 'custom', path: ['serviceTarget', 'kind'], message: `a ${q.channel} queue needs a "${wanted}" target` });
  }
  if (q.channel !== 'chat' && q.chatConcurrency !== 1) {
    ctx.addIssue({ code: 'custom', path: ['chatConcurrency'], message: 'must be 1 unless the channel is chat' });
  }
  if (q.callerPatienceSeconds !== undefined && !isLiveChannel(q.channel)) {
    ctx.addIssue({ code: 'custom', path: ['callerPatienceSeconds'], message: 'applies to phone and chat queues only' });
  }
  if (q.regulatory && q.requiredSkills.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['requiredSkills'], message: 'a regulatory queue must name the certified skills it requires' });
  }
  const mismatch = routingChannelMismatch(q.channel, q.routing);
  if (mismatch !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['routing', 'channels', mismatch], message: `a ${q.channel} queue cannot take ${q.routing.channels[mismatch]} tickets` });
  }
});
export type QueueDefinedData = z.infer<typeof QueueDefinedData>;

/** QueueRoutingChanged v1: the queue's routing match replaced as a whole. */
export const QueueRoutingChangedData = z.strictObject({ queueId: EntityId, routing: RoutingMatch });
export type QueueRoutingChangedData = z.infer<typeof QueueRoutingChangedData>;

/** QueueServiceTargetChanged v1: the queue's service target replaced (its kind must suit the channel). */
export const QueueServiceTargetChangedData = z.strictObject({ queueId: EntityId, serviceTarget: ServiceTarget });
export type QueueServiceTargetChangedData = z.infer<typeof QueueServiceTargetChangedData>;

/** QueueRetired v1: no tickets route here from `retiredAt` on; the queue can no longer change. */
export const QueueRetiredData = z.strictObject({ queueId: EntityId, retiredAt: IsoDateTime, reasonCode: ReasonCode.optional() });
export type QueueRetiredData = z.infer<typeof QueueRetiredData>;

/**
 * True when a ticket's routing attributes pass every list of a routing match (an empty list
 * passes everything). O(m) in the list lengths. Example: `{ markets: ['US'], categories: [],
 * languages: [], channels: ['chat'] }` matches a US chat ticket in any category and language.
 */
export function routingMatches(
  match: RoutingMatch,
  ticket: { market: string; category: string; language: string; channel: Channel },
): boolean {
  return (
    (match.markets.length === 0 || match.markets.includes(ticket.market)) &&
    (match.categories.length === 0 || match.categories.includes(ticket.category)) &&
    (match.languages.length === 0 || match.languages.includes(ticket.language)) &&
    (match.channels.length === 0 || match.channels.includes(ticket.channel))
  );
}
