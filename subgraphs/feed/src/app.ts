import type { SubgraphDefinition } from '@link-archive/federation';
import { KnownAccounts } from './accounts/known-accounts';
import type { FeedContext } from './context';
import { FEED_SCHEMA, feedDataSource } from './data-source';
import type { FeedEnvironment } from './environment';
import { feedEventHandlers } from './events/feed-consumer';
import { createFeedItemLoader } from './feed-item/feed-item.loader';
import { createFollowLoaders } from './follow/follow.loaders';
import { FollowService } from './follow/follow.service';
import { HomeFeedService } from './home/home-feed.service';
import { feedLiveHubs } from './live/live-hubs';
import { BigAccountItems } from './home/big-account-items';
import { FeedRecipients } from './live/feed-recipients';
import { SharedItems } from './live/shared-items';
import { NotificationsService } from './notifications/notifications.service';
import { PopularFeedService } from './popular/popular-feed.service';
import { TagFeedService } from './tags/tag-feed.service';
import { buildFeedSchema } from './schema';
import { TimelineStore } from './timeline/timeline-store';

export const feedSubgraph: SubgraphDefinition<FeedContext, FeedEnvironment> = {
  name: 'feed',
  dbSchema: FEED_SCHEMA,
  dataSource: feedDataSource,
  buildSchema: buildFeedSchema,
  async setup({ ds, redis, logger }, env) {
    const timelines = new TimelineStore(redis);
    const follows = new FollowService(ds, new KnownAccounts(ds), timelines);
    const popularFeed = new PopularFeedService(ds, redis, logger);
    popularFeed.start(env.POPULAR_REFRESH_MS);
    const live = feedLiveHubs(env.REDIS_URL, env.REDIS_PREFIX);
    const items = new SharedItems(ds);
    const bigAccounts = new BigAccountItems(ds);
    const services = {
      follows,
      homeFeed: new HomeFeedService(ds, timelines, env.FANOUT_MAX_FOLLOWERS, bigAccounts),
      popularFeed,
      tagFeed: new TagFeedService(ds),
      notifications: new NotificationsService(ds),
      live,
      items,
      recipients: new FeedRecipients(live, items, logger),
    };
    return {
      context: (base) => ({
        ...base,
        services,
        loaders: { ...createFollowLoaders(ds, base.viewer), feedItem: createFeedItemLoader(ds) },
      }),
      events: {
        consumer: 'feed',
        handlers: feedEventHandlers({
          timelines,
          fanoutMaxFollowers: env.FANOUT_MAX_FOLLOWERS,
          bigAccounts,
        }),
      },
      subscriptions: true,
      close: async () => {
        popularFeed.stop();
        live.items.close();
        live.follows.close();
        live.notifications.close();
      },
    };
  },
};
