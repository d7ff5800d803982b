import type { BaseContext } from '@link-archive/federation';
import type { createFeedItemLoader } from './feed-item/feed-item.loader';
import type { createFollowLoaders } from './follow/follow.loaders';
import type { FollowService } from './follow/follow.service';

export interface FeedContext extends BaseContext {
  services: { follows: FollowService };
  loaders: ReturnType<typeof createFollowLoaders> & { feedItem: ReturnType<typeof createFeedItemLoader> };
}
