import { decodeCursor, pageSize, tagKey, toPage, type Page } from '@link-archive/core';
import { queryRows } from '@link-archive/events';
import type { DataSource } from 'typeorm';
import type { FeedItem } from '../feed-item/feed-item.entity';
import { ITEM_COLUMNS, asItem, type ItemRow } from '../home/feed-item-rows';

/** tagFeed(tag): PUBLIC links with the tag (as the link domain's events last said), newest first. */
export class TagFeedService {
  constructor(private readonly ds: DataSource) {}

  async page(rawTag: string, first?: number | null, after?: string | null): Promise<Page<FeedItem>> {
    const limit = pageSize(first);
    const cursor = decodeCursor(after);
    const tag = tagKey(rawTag);
    if (!tag) return toPage([], limit);
    const rows = await queryRows<ItemRow>(
      this.ds,
      `SELECT ${ITEM_COLUMNS}
         FROM feed.link_access a JOIN feed.feed_items i ON i.link_id = a.link_id AND i.kind = 'LINK_SAVED'
        WHERE a.tags @> ARRAY[$1]::text[] AND a.visibility = 'PUBLIC' AND NOT a.deleted
          AND ($2::timestamptz IS NULL OR (i.created_at, i.id) < ($2, $3::uuid))
        ORDER BY i.created_at DESC, i.id DESC LIMIT $4`,
      [tag, cursor?.createdAt ?? null, cursor?.id ?? null, limit + 1],
    );
    return toPage(rows.map(asItem), limit);
  }
}
