import { FeedDomainEvents1732500000000 } from './migrations/1732500000000-domain-events';
import { createDataSource, type DataSourceOptions } from '@link-archive/federation';
import { FeedItem } from './feed-item/feed-item.entity';
import { Follow } from './follow/follow.entity';
import { InitFeed1732300000000 } from './migrations/1732300000000-init-feed';
import { FeedSocial1732900000000 } from './migrations/1732900000000-social';
import { FeedLinkScores1734000000000 } from './migrations/1734000000000-link-scores';

import { FEED_SCHEMA } from '@link-archive/feed-domain';

export { FEED_SCHEMA };

export const feedDataSource = (options: Pick<DataSourceOptions, 'url' | 'logger' | 'poolSize'>) =>
  createDataSource({
    ...options,
    schema: FEED_SCHEMA,
    entities: [Follow, FeedItem],
    migrations: [
      InitFeed1732300000000,
      FeedDomainEvents1732500000000,
      FeedSocial1732900000000,
      FeedLinkScores1734000000000,
    ],
  });
