import type { FeedItem, FeedItemKind } from '../feed-item/feed-item.entity';

/**
 * A timestamp as whole milliseconds since the epoch (float8): the precision of every feed cursor, and a number
 * the driver reads far faster than a timestamptz string.
 */
export const EPOCH_MS = (column: string) => `floor(extract(epoch from ${column}) * 1000)::float8`;

/** The columns a feed item is read with, as the FeedItem type's fields (`createdAt` in ms). */
export const ITEM_COLUMNS = `i.id, i.kind, i.actor_id AS "actorId", i.link_id AS "linkId", i.review_id AS "reviewId",
  i.followee_id AS "followeeId", ${EPOCH_MS('i.created_at')} AS "createdAt"`;

export interface ItemRow {
  id: string;
  kind: FeedItemKind;
  actorId: string;
  linkId: string | null;
  reviewId: string | null;
  followeeId: string | null;
  /** ms since the epoch */
  createdAt: number;
}

export const asItem = (row: ItemRow): FeedItem =>
  ({ ...row, createdAt: new Date(row.createdAt) }) as FeedItem;

/** Newest first, the id breaking ties: the order of every feed and of its cursors. */
export const newestFirst = (a: { createdAt: Date; id: string }, b: { createdAt: Date; id: string }) =>
  b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
