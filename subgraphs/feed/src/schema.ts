import { buildFederatedSchema } from '@link-archive/federation';
import { FeedItem } from './feed-item/feed-item.entity';
import { FeedItemResolver } from './feed-item/feed-item.resolver';
import { feedReference } from './feed-item/feed.reference';
import { UserFollowsResolver } from './user/user-follows.resolver';

// FeedItem is reachable only through _entities until the feed queries arrive, hence orphanedTypes
export const buildFeedSchema = () =>
  buildFederatedSchema(
    { resolvers: [FeedItemResolver, UserFollowsResolver], orphanedTypes: [FeedItem] },
    feedReference,
  );
