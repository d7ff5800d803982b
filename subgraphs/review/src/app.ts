import type { SubgraphDefinition } from '@link-archive/federation';
import type { ReviewContext } from './context';
import { REVIEW_SCHEMA, reviewDataSource } from './data-source';
import type { ReviewEnvironment } from './environment';
import { createReviewLoaders } from './review/review.loaders';
import { ReviewService } from './review/review.service';
import { buildReviewSchema } from './schema';
import { reviewEventHandlers } from './events/review-consumer';

export const reviewSubgraph: SubgraphDefinition<ReviewContext, ReviewEnvironment> = {
  name: 'review',
  dbSchema: REVIEW_SCHEMA,
  dataSource: reviewDataSource,
  buildSchema: buildReviewSchema,
  async setup({ ds }) {
    const reviews = new ReviewService(ds);
    return {
      context: (base) => ({ ...base, services: { reviews }, loaders: createReviewLoaders(ds) }),
      events: { consumer: 'review', handlers: reviewEventHandlers },
    };
  },
};
