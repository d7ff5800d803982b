import { ReviewDomainEvents1732500000000 } from './migrations/1732500000000-domain-events';
import { ReviewAccess1732600000000 } from './migrations/1732600000000-review-access';
import { ReviewSignals1732700000000 } from './migrations/1732700000000-review-signals';
import { ReviewInsightCounts1732800000000 } from './migrations/1732800000000-review-insight-counts';
import { ReviewFollowProjection1732900000000 } from './migrations/1732900000000-follow-projection';
import { createDataSource, type DataSourceOptions } from '@link-archive/federation';
import { InitReview1732300000000 } from './migrations/1732300000000-init-review';
import { Review } from './review/review.entity';

export const REVIEW_SCHEMA = 'review';

export const reviewDataSource = (options: Pick<DataSourceOptions, 'url' | 'logger' | 'poolSize'>) =>
  createDataSource({
    ...options,
    schema: REVIEW_SCHEMA,
    entities: [Review],
    migrations: [
      InitReview1732300000000,
      ReviewDomainEvents1732500000000,
      ReviewAccess1732600000000,
      ReviewSignals1732700000000,
      ReviewInsightCounts1732800000000,
      ReviewFollowProjection1732900000000,
    ],
  });
