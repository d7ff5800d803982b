import type { FeedItem } from '../feed-item/feed-item.entity';
import type { LiveFeedItem } from './shared-items';

/** What feedUpdated's stream yields: the item, and whether it reads the same for every recipient. */
export interface LiveItem {
  item: FeedItem;
  isPublic: boolean;
}

const liveItems = new WeakMap<LiveFeedItem, LiveItem>();

/** One event object per item read, whoever receives it: recipients of a public item share its execution. */
export function liveItemOf(current: LiveFeedItem): LiveItem {
  let live = liveItems.get(current);
  if (!live) {
    live = { item: current.item, isPublic: current.visibility === 'PUBLIC' || current.visibility === null };
    liveItems.set(current, live);
  }
  return live;
}
