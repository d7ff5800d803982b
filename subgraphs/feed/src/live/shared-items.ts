import { isUuid } from '@link-archive/core';
import { queryRows } from '@link-archive/events';
import type { DataSource } from 'typeorm';
import type { FeedItem } from '../feed-item/feed-item.entity';
import { ITEM_COLUMNS, asItem, type ItemRow } from '../home/feed-item-rows';
import type { Visibility } from '../access/feed-link-access';

const KEEP_MS = 10_000;
const MAX_KEPT = 1_000;

/** An item with its link's visibility as it is now (null: no link, a follow), or none when the link is gone. */
export interface LiveFeedItem {
  item: FeedItem;
  visibility: Visibility | null;
  linkOwnerId: string | null;
}

/**
 * Items as live subscriptions deliver them: one event reaches many subscribers in this process, and all of them
 * share one read of the item and of its link's current visibility (kept a few seconds), so a link made PRIVATE
 * after the item was made is not delivered.
 */
export class SharedItems {
  private readonly kept = new Map<string, { at: number; item: Promise<LiveFeedItem | null> }>();

  constructor(private readonly ds: DataSource) {}

  load(id: string): Promise<LiveFeedItem | null> {
    const now = Date.now();
    const hit = this.kept.get(id);
    if (hit && now - hit.at < KEEP_MS) return hit.item;
    if (this.kept.size >= MAX_KEPT) this.kept.clear();
    const item = isUuid(id)
      ? queryRows<
          ItemRow & { visibility: Visibility | null; deleted: boolean | null; ownerId: string | null }
        >(
          this.ds,
          `SELECT ${ITEM_COLUMNS}, a.visibility, a.deleted, a.owner_id AS "ownerId"
             FROM feed.feed_items i LEFT JOIN feed.link_access a ON a.link_id = i.link_id WHERE i.id = $1`,
          [id],
        ).then(([row]) => {
          if (!row) return null;
          const { visibility, deleted, ownerId, ...item } = row;
          if (item.linkId && (!visibility || deleted)) return null;
          return { item: asItem(item), visibility: item.linkId ? visibility : null, linkOwnerId: ownerId };
        })
      : Promise.resolve(null);
    this.kept.set(id, { at: now, item });
    return item;
  }
}
