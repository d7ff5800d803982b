import { isUuid } from '@link-archive/core';
import { queryRows } from '@link-archive/events';
import type { DataSource } from 'typeorm';
import type { FeedItem } from '../feed-item/feed-item.entity';
import { ITEM_COLUMNS, asItem, type ItemRow } from '../home/feed-item-rows';

const KEEP_MS = 10_000;
const MAX_KEPT = 1_000;

/**
 * Items as live subscriptions deliver them: one event reaches many subscribers in this process, and all of them
 * share one read of the item (kept a few seconds).
 */
export class SharedItems {
  private readonly kept = new Map<string, { at: number; item: Promise<FeedItem | null> }>();

  constructor(private readonly ds: DataSource) {}

  load(id: string): Promise<FeedItem | null> {
    const now = Date.now();
    const hit = this.kept.get(id);
    if (hit && now - hit.at < KEEP_MS) return hit.item;
    if (this.kept.size >= MAX_KEPT) this.kept.clear();
    const item = isUuid(id)
      ? queryRows<ItemRow>(this.ds, `SELECT ${ITEM_COLUMNS} FROM feed.feed_items i WHERE i.id = $1`, [
          id,
        ]).then(([row]) => (row ? asItem(row) : null))
      : Promise.resolve(null);
    this.kept.set(id, { at: now, item });
    return item;
  }
}
