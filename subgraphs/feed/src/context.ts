import type { BaseContext } from '@link-archive/federation';
import type { createFeedItemLoader } from './feed-item/feed-item.loader';
import type { createFollowLoaders } from './follow/follow.loaders';
import type { FollowService } from './follow/follow.service';
import type { HomeFeedService } from './home/home-feed.service';
import type { FeedLiveHubs } from './live/live-hubs';
import type { FeedRecipients } from './live/feed-recipients';
import type { SharedItems } from './live/shared-items';
import type { NotificationsService } from './notifications/notifications.service';
import type { PopularFeedService } from './popular/popular-feed.service';
import type { TagFeedService } from './tags/tag-feed.service';

export interface FeedContext extends BaseContext {
  services: {
    follows: FollowService;
    homeFeed: HomeFeedService;
    popularFeed: PopularFeedService;
    tagFeed: TagFeedService;
    notifications: NotificationsService;
    live: FeedLiveHubs;
    items: SharedItems;
    recipients: FeedRecipients;
  };
  loaders: ReturnType<typeof createFollowLoaders> & { feedItem: ReturnType<typeof createFeedItemLoader> };
}
