import type { EventContract } from './define-event';
import { linkCrawled, linkDeleted, linkSaved, linkUpdated } from './link-events';
import { mediaReady } from './media-events';
import { replyPublished, reviewDeleted, reviewNegative, reviewPosted } from './review-events';
import { userDeleted, userFollowed, userRegistered, userUnfollowed } from './user-events';
import { feedItemAdded, notificationAdded } from './feed-events';

/** Every event contract, by name, for the relay and consumers to validate what they carry. */
export const ALL_EVENTS: Record<string, EventContract> = Object.fromEntries(
  [
    linkSaved,
    linkUpdated,
    linkCrawled,
    linkDeleted,
    mediaReady,
    userDeleted,
    reviewPosted,
    reviewDeleted,
    reviewNegative,
    replyPublished,
    userRegistered,
    userFollowed,
    userUnfollowed,
    feedItemAdded,
    notificationAdded,
  ].map((e) => [e.name, e]),
);

/** The schemas that have an outbox: every subgraph's own. */
export const OUTBOX_SCHEMAS = ['user', 'link', 'review', 'feed', 'media'] as const;

/**
 * Durable consumers and the events each receives (one BullMQ queue per consumer). A consumer is named after
 * the domain whose rows its handlers change; it runs in that domain's subgraph.
 */
export const CONSUMERS = {
  // the link domain keeps a projection of the follow graph for FOLLOWERS visibility
  link: [userDeleted.name, userFollowed.name, userUnfollowed.name],
  // the review domain keeps a projection of who may see each link (it never reads the link schema), imports
  // the reviews a crawl found, and queues the analysis of every review posted or imported
  review: [
    userDeleted.name,
    linkDeleted.name,
    linkSaved.name,
    linkUpdated.name,
    linkCrawled.name,
    reviewPosted.name,
    userFollowed.name,
    userUnfollowed.name,
  ],
  // the feed domain knows accounts and who may see each link, turns link, review and follow events into feed
  // items and notifications, and fans its own items out to followers' timelines
  feed: [
    userRegistered.name,
    userDeleted.name,
    linkSaved.name,
    linkUpdated.name,
    linkDeleted.name,
    reviewPosted.name,
    reviewDeleted.name,
    reviewNegative.name,
    replyPublished.name,
    feedItemAdded.name,
  ],
  media: [userDeleted.name],
} as const satisfies Record<string, readonly string[]>;
export type ConsumerName = keyof typeof CONSUMERS;

export const consumerQueue = (consumer: ConsumerName) => `events-${consumer}`;

/** Live subscribers' channel for one event name (pub/sub channels are not keys: the prefix is spelt out). */
export const liveChannel = (redisPrefix: string, eventName: string) => `${redisPrefix}events:${eventName}`;
