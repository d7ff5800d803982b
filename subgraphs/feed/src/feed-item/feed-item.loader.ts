import DataLoader from 'dataloader';
import { isUuid } from '@link-archive/core';
import { In, type DataSource } from 'typeorm';
import { FeedItem } from './feed-item.entity';

export function createFeedItemLoader(ds: DataSource) {
  return new DataLoader<string, FeedItem | null>(async (ids) => {
    const rows = await ds.getRepository(FeedItem).findBy({ id: In(ids.filter(isUuid)) });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
