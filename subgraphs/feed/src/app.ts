import type { SubgraphDefinition } from '@link-archive/federation';
import type { FeedContext } from './context';
import { FEED_SCHEMA, feedDataSource } from './data-source';
import type { FeedEnvironment } from './environment';
import { createFeedItemLoader } from './feed-item/feed-item.loader';
import { createFollowLoaders } from './follow/follow.loaders';
import { FollowService } from './follow/follow.service';
import { buildFeedSchema } from './schema';
import { feedEventHandlers } from './events/feed-consumer';

export const feedSubgraph: SubgraphDefinition<FeedContext, FeedEnvironment> = {
  name: 'feed',
  dbSchema: FEED_SCHEMA,
  dataSource: feedDataSource,
  buildSchema: buildFeedSchema,
  async setup({ ds }) {
    const follows = new FollowService(ds);
    return {
      context: (base) => ({
        ...base,
        services: { follows },
        loaders: { ...createFollowLoaders(ds, base.viewer), feedItem: createFeedItemLoader(ds) },
      }),
      events: { consumer: 'feed', handlers: feedEventHandlers },
    };
  },
};
