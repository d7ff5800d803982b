import { Kind, visit, type DocumentNode, type FormattedExecutionResult } from 'graphql';

/**
 * Batched delivery between the gateway and a subgraph's subscription server. The gateway still opens one
 * subscription per subscriber (each runs as its subscriber's identity, so the subgraph decides who receives
 * what), but marks it as a member under this extension key with a short id of its own. The subgraph then sends
 * the members' events not one message each but together, once per tick, on one delivery channel subscription
 * per connection: one event to ten thousand followers is one message, and members given the same result share
 * one copy of it.
 */
export const SUBSCRIPTION_DELIVERY = 'delivery';

/** A subscription's delivery mode: a member whose events travel on the channel, or the channel itself. */
export type DeliveryMode = { member: string } | { channel: true };

/** The document the gateway subscribes the channel with (the subgraph never executes it). */
export const DELIVERY_CHANNEL_QUERY = 'subscription DeliveryChannel { __typename }';

/** The extension of a channel message holding the batch. */
export const DELIVERY_BATCH_EXTENSION = 'deliveries';

/** A member id as the gateway names its subscriptions: short, and never holding the separator of a run. */
export const MEMBER_ID = /^[0-9a-z]{1,32}$/;

/**
 * One channel message: each distinct result once, and who receives which, in delivery order, as runs of
 * consecutive deliveries of one result: [index into results, the members' ids joined by commas]. One event to
 * ten thousand members is one run (one string to parse, not ten thousand pairs).
 */
export interface DeliveryBatch {
  results: FormattedExecutionResult[];
  runs: [number, string][];
}

/**
 * Fields whose value depends on who reads them (the viewer's own state, their private data, lists filtered by
 * what they may see). An operation selecting any of them is executed per viewer even for a public event.
 */
const VIEWER_DEPENDENT_FIELDS = new Set([
  'viewerIsFollowing',
  'me',
  'note',
  'email',
  'reply',
  'links',
  'reviews',
  'followers',
  'following',
  'homeFeed',
  'notifications',
  'unreadNotificationCount',
  'notificationSettings',
]);

/** Whether an operation's result for a public event can be shared by every subscriber who receives it. */
export function selectsOnlySharedFields(document: DocumentNode): boolean {
  let shared = true;
  visit(document, {
    [Kind.FIELD]: (node) => {
      if (VIEWER_DEPENDENT_FIELDS.has(node.name.value)) shared = false;
    },
  });
  return shared;
}
