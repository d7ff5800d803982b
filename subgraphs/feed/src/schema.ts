import { buildFederatedSchema } from '@link-archive/federation';
import { FeedItem } from './feed-item/feed-item.entity';
import { FeedItemResolver } from './feed-item/feed-item.resolver';
import { feedReference } from './feed-item/feed.reference';
import { FeedsResolver } from './home/feeds.resolver';
import { FeedLiveResolver } from './live/feed-live.resolver';
import { NotificationsResolver } from './notifications/notifications.resolver';
import { UserFollowsResolver } from './user/user-follows.resolver';

export const buildFeedSchema = () =>
  buildFederatedSchema(
    {
      resolvers: [
        FeedItemResolver,
        UserFollowsResolver,
        FeedsResolver,
        NotificationsResolver,
        FeedLiveResolver,
      ],
      orphanedTypes: [FeedItem],
    },
    feedReference,
  );
