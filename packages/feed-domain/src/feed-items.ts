import { emitEvent, feedItemAdded, queryRows, type Queryable } from '@link-archive/events';
import { addLinkActivity } from './link-scores';

export const FEED_SCHEMA = 'feed';

export type Visibility = 'PRIVATE' | 'FOLLOWERS' | 'PUBLIC';

export interface NewFeedItem {
  kind: 'LINK_SAVED' | 'REVIEW_POSTED' | 'USER_FOLLOWED';
  actorId: string;
  linkId?: string | null;
  linkOwnerId?: string | null;
  reviewId?: string | null;
  followeeId?: string | null;
  /** One item per thing that happened: a second event for it adds nothing. */
  dedupeKey: string;
}

/**
 * Adds a feed item in `tx` and announces it (feed.item_added: fan-out to followers' timelines, live
 * feedUpdated) in the same transaction. Answers the new item's id, or null when it already existed.
 */
export async function addFeedItem(
  tx: Queryable,
  item: NewFeedItem,
  visibility: Visibility | null,
): Promise<string | null> {
  const [row] = await queryRows<{ id: string; createdAt: Date }>(
    tx,
    // milliseconds, like the cursors and the timelines' scores, so paging never skips an item
    `INSERT INTO feed.feed_items (kind, actor_id, link_id, link_owner_id, review_id, followee_id, dedupe_key, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, date_trunc('milliseconds', clock_timestamp()))
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id, created_at AS "createdAt"`,
    [
      item.kind,
      item.actorId,
      item.linkId ?? null,
      item.linkOwnerId ?? null,
      item.reviewId ?? null,
      item.followeeId ?? null,
      item.dedupeKey,
    ],
  );
  if (!row) return null;
  if (item.linkId && item.kind !== 'USER_FOLLOWED') await addLinkActivity(tx, item.linkId, row.createdAt);
  await emitEvent(tx, FEED_SCHEMA, feedItemAdded, {
    itemId: row.id,
    kind: item.kind,
    actorId: item.actorId,
    linkId: item.linkId ?? null,
    linkOwnerId: item.linkOwnerId ?? null,
    visibility,
    at: new Date(row.createdAt).getTime(),
  });
  return row.id;
}
